// An esbuild plugin that leaves some project modules out of a bundle: a relative import,
// require or require.resolve of one becomes the path of its own built chunk. Used by
// scripts/build.mjs (the lazy chunks) and bench/build.mjs (the shipped SDK chunk).
import { resolve } from 'node:path';

/** `chunks`: absolute path of a source module (`…/src/aws/sdk.ts`) -> the chunk's path (`./sdk.js`). */
export function chunkPlugin(name, chunks) {
  return {
    name,
    setup(build) {
      build.onResolve({ filter: /^\.\.?\// }, (args) => {
        if (args.kind === 'entry-point') return undefined;
        const target = resolve(args.resolveDir, args.path) + (args.path.endsWith('.ts') ? '' : '.ts');
        const chunk = chunks[target];
        return chunk ? { path: chunk, external: true } : undefined;
      });
    },
  };
}
