// Loads the call path (dist/sdk.js) on first use. build.mjs turns this resolve of
// './serviceChunk' into the path of the built chunk.
import { loadChunk } from '../lazyChunk';

export type ServiceModule = typeof import('./serviceChunk');

let loaded: ServiceModule | undefined;

export function loadServiceModule(): ServiceModule {
  loaded ??= loadChunk(require.resolve('./serviceChunk')) as ServiceModule;
  return loaded;
}
