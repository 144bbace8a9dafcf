// Mocha's JSON-reporter shape ({stats, tests, pending, failures, passes}), collected from a
// runner and written at the end: scripts/test.sh totals every run's file. Shared by the
// plain-node reporter and the extension-host suite's reporter.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

const { EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING, EVENT_RUN_END } = Mocha.Runner.constants;

export interface TestResult {
  title: string;
  fullTitle: string;
  file?: string;
  duration?: number;
  err: { message?: string; stack?: string };
}

/** Records results from `runner`; writes them to `file` when the run ends. Returns the failures so far. */
export function collectJsonResults(runner: Mocha.Runner, stats: () => Mocha.Stats, file: string): TestResult[] {
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
  runner.on(EVENT_TEST_FAIL, (test, err: Error) => failures.push(toResult(test, err)));
  runner.on(EVENT_TEST_PENDING, (test) => pending.push(toResult(test)));
  runner.once(EVENT_RUN_END, () => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tests = [...passes, ...failures, ...pending];
    fs.writeFileSync(file, JSON.stringify({ stats: stats(), tests, pending, failures, passes }, null, 2));
  });
  return failures;
}
