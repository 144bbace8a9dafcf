// The SDK loads on the first AWS call, not at activation: build.mjs turns this
// import of './sdk' into a runtime require of dist/sdk.js.
export type Sdk = typeof import('./sdk');

let loading: Promise<Sdk> | undefined;

/** The SDK module, loaded once. */
export function loadSdk(): Promise<Sdk> {
  loading ??= import('./sdk').catch((error: unknown) => {
    loading = undefined; // let a later call try again
    throw error;
  });
  return loading;
}
