// Bundles the benchmark scripts into .cache/bench/ with esbuild: independent of the test
// tsconfig (a type error elsewhere cannot stop a run) and outside out/ (scripts/test.sh
// deletes out/). Project code is bundled; the SDK is not: src/aws/sdk.ts resolves to the
// shipped file sdk.js, in the snapshot of dist/ that scripts/bench.sh copies to
// .cache/bench/dist/, so the lookups run the very SDK build the extension loads.
import * as esbuild from 'esbuild';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chunkPlugin } from '../scripts/chunkPlugin.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, '.cache', 'bench');
const shippedSdkChunk = chunkPlugin('shipped-sdk-chunk', {
  [join(root, 'src', 'aws', 'sdk.ts')]: './dist/sdk.js',
});

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  outdir,
  packages: 'external',
  external: ['vscode'],
  sourcemap: 'linked',
  logLevel: 'warning',
};

await Promise.all([
  esbuild.build({
    ...common,
    entryPoints: ['run', 'activationChild', 'helloExtension', 'warmLookup', 'memory', 'storyBench', 'exportBench'].map((n) => join(root, 'bench', `${n}.ts`)),
    plugins: [shippedSdkChunk],
  }),
  // The local Amazon Connect endpoint, run by scripts/bench.sh in its own process.
  esbuild.build({ ...common, entryPoints: { endpoint: join(root, 'test', 'endpoint', 'cli.ts') }, packages: undefined }),
]);
