// Mocha root hooks for the UI tests (loaded with `--require out/test/ui/hooks.js`): a
// screenshot and the on-screen text after every failing test, and one teardown at the end.
import type { Context } from 'mocha';
import { captureFailure, stopUiSession } from './harness';

export const mochaHooks = {
  async afterEach(this: Context): Promise<void> {
    const test = this.currentTest;
    if (test?.state === 'failed') await captureFailure(test.fullTitle());
  },
  async afterAll(): Promise<void> {
    await stopUiSession();
  },
};
