// Loads the features (dist/features.js) on first use. build.mjs turns this resolve of
// './features' into the path of the built chunk.
import { loadChunk } from './lazyChunk';

export type FeaturesModule = typeof import('./features');

let loaded: FeaturesModule | undefined;

export function loadFeaturesModule(): FeaturesModule {
  loaded ??= loadChunk(require.resolve('./features')) as FeaturesModule;
  return loaded;
}
