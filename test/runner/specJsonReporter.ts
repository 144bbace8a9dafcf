// Mocha reporter for the plain-node runs of `npm test`: mocha's spec output for people, plus
// mocha's JSON-reporter shape written to the file named by `--reporter-option json=FILE`
// so scripts/test.sh can total passes and failures over every run.
//   npx mocha --reporter out/test/runner/specJsonReporter.js --reporter-option json=out.json …
import Mocha from 'mocha';
import { collectJsonResults } from './jsonResults';

class SpecJsonReporter extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    const jsonFile = (options?.reporterOptions as { json?: string } | undefined)?.json;
    if (jsonFile) collectJsonResults(runner, () => this.stats, jsonFile);
  }
}

// Mocha loads a reporter by path and expects the module itself to be the constructor.
export = SpecJsonReporter;
