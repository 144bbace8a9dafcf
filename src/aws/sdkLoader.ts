// The SDK loads on the first AWS call, not at activation: build.mjs turns this
// require of './sdk' into a runtime require of dist/sdk.js (a plain require,
// not import(), so it also works where the extension host has no ESM loader).
export type Sdk = typeof import('./sdk');

let loaded: Sdk | undefined;

/** The SDK module, loaded once. Async so callers need not care when it loads. */
export async function loadSdk(): Promise<Sdk> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberate lazy load of the SDK chunk
  loaded ??= require('./sdk') as Sdk;
  return loaded;
}

/** Whether the SDK has been loaded (activation must leave this false). */
export function isSdkLoaded(): boolean {
  return loaded !== undefined;
}
