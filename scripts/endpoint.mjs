// `npm run endpoint -- [options]`: bundle test/endpoint/cli.ts with esbuild and run it in this process.
import * as esbuild from 'esbuild';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'out', 'endpoint', 'cli.js');

await esbuild.build({
  entryPoints: [join(root, 'test', 'endpoint', 'cli.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
});

// Run as the main module so cli.ts's `require.main === module` check starts the server.
const require = createRequire(import.meta.url);
process.argv = [process.argv[0], outfile, ...process.argv.slice(2)];
const Module = require('node:module');
Module.runMain(outfile);
