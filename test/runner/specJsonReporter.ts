// Mocha reporter for the plain-node runs of `npm test`: mocha's spec output for people, plus
// mocha's JSON-reporter shape written to the file named by `--reporter-option json=FILE`
// so scripts/test.sh can total passes and failures over every run.
//   npx mocha --reporter out/test/runner/specJsonReporter.js --reporter-option json=out.json …
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

const { EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING, EVENT_RUN_END } = Mocha.Runner.constants;

interface TestResult {
  title: string;
  fullTitle: string;
  file?: string;
  duration?: number;
  err: { message?: string; stack?: string };
}

class SpecJsonReporter extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    const jsonFile = (options?.reporterOptions as { json?: string } | undefined)?.json;
    if (!jsonFile) return;
    const passes: TestResult[] = [];
    const failures: TestResult[] = [];
    const pending: TestResult[] = [];
    const toResult = (test: Mocha.Runnable, err?: Error): TestResult => ({
      title: test.title,
      fullTitle: test.fullTitle(),
      file: test.file,
      duration: test.duration,
      err: err ? { message: err.message, stack: err.stack } : {},
    });
    runner.on(EVENT_TEST_PASS, (test) => passes.push(toResult(test)));
    // Also fires for failing hooks, which mocha counts as failures too.
    runner.on(EVENT_TEST_FAIL, (test, err) => failures.push(toResult(test, err)));
    runner.on(EVENT_TEST_PENDING, (test) => pending.push(toResult(test)));
    runner.once(EVENT_RUN_END, () => {
      fs.mkdirSync(path.dirname(jsonFile), { recursive: true });
      const tests = [...passes, ...failures, ...pending];
      fs.writeFileSync(jsonFile, JSON.stringify({ stats: this.stats, tests, pending, failures, passes }, null, 2));
    });
  }
}

// Mocha loads a reporter by path and expects the module itself to be the constructor.
export = SpecJsonReporter;
