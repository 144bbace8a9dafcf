// The one lazy boundary: the SDK loads on the first AWS call, not at activation. In the
// extension this require is of dist/sdk.js (build.mjs keeps src/aws/sdk.ts a file of its own);
// unbundled (the tests), it loads the SDK's modules here, on first use.
export type Sdk = typeof import('./sdk');

let loaded: Sdk | undefined;

/** The SDK module, loaded once. A promise so callers need not care when it loads (a failed load rejects). */
export function loadSdk(): Promise<Sdk> {
  return new Promise((resolve) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberate lazy load of the SDK chunk
    loaded ??= require('./sdk') as Sdk;
    resolve(loaded);
  });
}

/** Whether the SDK has been loaded (activation must leave this false). */
export function isSdkLoaded(): boolean {
  return loaded !== undefined;
}
