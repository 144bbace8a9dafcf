// Bundles the benchmark scripts into .cache/bench/ with esbuild: independent of the test
// tsconfig (a type error elsewhere cannot stop a run) and outside out/ (scripts/test.sh
// deletes out/). Project code is bundled; the SDK is not: src/aws/sdk.ts and serviceChunk.ts
// resolve to the shipped chunk sdk.js, in the snapshot of dist/ that scripts/bench.sh copies to
// .cache/bench/dist/, so the lookups run the very SDK build the extension loads.
import * as esbuild from 'esbuild';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, '.cache', 'bench');
// Both build into the shipped chunk: sdk.ts is re-exported by serviceChunk.ts.
const shippedChunkSources = [join(root, 'src', 'aws', 'sdk.ts'), join(root, 'src', 'aws', 'serviceChunk.ts')];

const shippedSdkChunk = {
  name: 'shipped-sdk-chunk',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      const target = resolve(args.resolveDir, args.path) + (args.path.endsWith('.ts') ? '' : '.ts');
      return shippedChunkSources.includes(target) ? { path: './dist/sdk.js', external: true } : undefined;
    });
  },
};

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
    entryPoints: ['run', 'activationChild', 'helloExtension', 'coldLookup', 'warmLookup', 'memory'].map((n) => join(root, 'bench', `${n}.ts`)),
    plugins: [shippedSdkChunk],
  }),
  // The local Amazon Connect endpoint, run by scripts/bench.sh in its own process.
  esbuild.build({ ...common, entryPoints: { endpoint: join(root, 'test', 'endpoint', 'cli.ts') }, packages: undefined }),
]);
