// The extension-host test entry: VS Code (code-server here, desktop via @vscode/test-electron)
// loads this module as extensionTestsPath and awaits run(). Mocha runs every
// out/test/suite/**/*.test.js in the real extension host with the full `vscode` API.
//
// The extension host's stdout reaches no terminal, so a small reporter writes spec-style lines
// to a log file (the runner tails it live) and, at the end, mocha's JSON-reporter shape to a
// results file (the runner counts passes and failures from it). Lines also go to console.log,
// which VS Code forwards to the workbench's browser console.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { collectJsonResults } from '../runner/jsonResults';
import { readTestEnv } from './testEnv';

const { EVENT_RUN_BEGIN, EVENT_RUN_END, EVENT_SUITE_BEGIN, EVENT_SUITE_END, EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING } =
  Mocha.Runner.constants;

/** Spec-like lines to a file + console; mocha-JSON-shaped results at the end. */
function fileReporterFor(logFile: string, resultsFile: string) {
  return class FileReporter extends Mocha.reporters.Base {
    constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
      super(runner, options);
      fs.mkdirSync(path.dirname(logFile), { recursive: true });
      fs.writeFileSync(logFile, '');
      const write = (line: string): void => {
        fs.appendFileSync(logFile, `${line}\n`);
        console.log(line);
      };
      const failures = collectJsonResults(runner, () => this.stats, resultsFile);
      let depth = 0;
      const indent = (): string => '  '.repeat(depth);
      runner.on(EVENT_RUN_BEGIN, () => write(''));
      runner.on(EVENT_SUITE_BEGIN, (suite: Mocha.Suite) => {
        if (suite.root) return;
        write(`${indent()}${suite.title}`);
        depth++;
      });
      runner.on(EVENT_SUITE_END, (suite: Mocha.Suite) => {
        if (!suite.root) depth--;
      });
      runner.on(EVENT_TEST_PASS, (test: Mocha.Test) => {
        write(`${indent()}✔ ${test.title} (${test.duration ?? 0}ms)`);
      });
      runner.on(EVENT_TEST_PENDING, (test: Mocha.Test) => {
        write(`${indent()}- ${test.title}`);
      });
      // Registered after collectJsonResults' listener, so `failures` already holds this one.
      runner.on(EVENT_TEST_FAIL, (test: Mocha.Test) => {
        write(`${indent()}${failures.length}) ${test.title}`);
      });
      runner.once(EVENT_RUN_END, () => {
        const stats = this.stats;
        write('');
        write(`  ${stats.passes} passing (${stats.duration ?? 0}ms)`);
        if (stats.pending) write(`  ${stats.pending} pending`);
        if (stats.failures) write(`  ${stats.failures} failing`);
        failures.forEach((failure, index) => {
          write('');
          write(`  ${index + 1}) ${failure.fullTitle}:`);
          write(`     ${failure.err.stack ?? failure.err.message ?? ''}`.replace(/\n/g, '\n     '));
        });
      });
    }
  };
}

function findTestFiles(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((file) => file.endsWith('.test.js'))
    .map((file) => path.join(dir, file))
    .sort();
}

export async function run(): Promise<void> {
  const env = readTestEnv();
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: 30_000,
    reporter: fileReporterFor(env.logFile, env.resultsFile),
    ...(env.grep ? { grep: env.grep } : {}),
  });
  for (const file of findTestFiles(__dirname)) mocha.addFile(file);
  await mocha.loadFilesAsync();
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} extension-host test(s) failed`);
}
