// Loads the call path (dist/sdk.js) on first use. build.mjs turns this require of
// './serviceChunk' into a runtime require of the built chunk.
export type ServiceModule = typeof import('./serviceChunk');

let loaded: ServiceModule | undefined;

export function loadServiceModule(): ServiceModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberate lazy load of the call path
  loaded ??= require('./serviceChunk') as ServiceModule;
  return loaded;
}
