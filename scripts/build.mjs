// One esbuild script, these outputs:
//   dist/extension.js  the extension: activation, commands, explorer, panels, the call path
//                      (node, cjs, `vscode` external)
//   dist/sdk.js        the AWS SDK alone, `require`d on the first AWS call (src/aws/sdkLoader.ts):
//                      the one lazy boundary
//   dist/yaml.js       Open as YAML's serializer, `require`d when asked for
//   dist/webview.js    the panel UI (browser) and dist/webview.css, plus codicons
//   dist/describeContactDocs.json  each field's model documentation, which the host reads on
//                      its first field tooltip (src/fieldDocs/fieldDocsFile.ts); the webview
//                      bundles its own copy
// Flags: --watch rebuilds on change; --production minifies and drops source maps.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chunkPlugin } from './chunkPlugin.mjs';
import { vscodeOncePlugin } from './vscodeOncePlugin.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
const dist = join(root, 'dist');

// Modules that become files of their own: a `require('./sdk')` of one, in the extension's
// bundle, becomes a plain require of the built file (esbuild leaves it external).
const lazyChunks = {
  [join(root, 'src/aws/sdk.ts')]: './sdk.js',
  [join(root, 'src/contact/yamlChunk.ts')]: './yaml.js',
};

const lazyChunkPlugin = chunkPlugin('lazy-chunks', lazyChunks);

// Each client's package index also builds an aggregate of all its commands (`Connect`, about
// 400 of them; `CloudWatchLogs`) at load time. The chunk takes each client and the commands
// src/aws/sdk.ts names from their own modules instead (measured for Connect: 590 KB -> 528 KB,
// and 10 ms off a cold lookup).
const sdkSource = join(root, 'src', 'aws', 'sdk.ts');
/** Package -> its client class (dist-es/<Client>.js; commands are dist-es/commands/<Command>.js). */
const ownModuleClients = {
  '@aws-sdk/client-connect': 'ConnectClient',
  '@aws-sdk/client-cloudwatch-logs': 'CloudWatchLogsClient',
};
const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const sdkCommandsPlugin = {
  name: 'sdk-commands',
  setup(build) {
    const filter = new RegExp(`^(${Object.keys(ownModuleClients).map(escapeRegExp).join('|')})$`);
    build.onResolve({ filter }, (args) =>
      args.importer === sdkSource ? { path: args.path, namespace: 'sdk-commands' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'sdk-commands' }, async (args) => {
      const pkg = args.path;
      const client = ownModuleClients[pkg];
      const block = (await readFile(sdkSource, 'utf8')).match(new RegExp(`export \\{([^}]*)\\} from '${escapeRegExp(pkg)}';`));
      if (!block) throw new Error(`${sdkSource}: expected one "export { … } from '${pkg}';"`);
      const names = block[1].split(',').map((n) => n.trim()).filter(Boolean);
      const contents = names
        .map((n) => `export { ${n} } from '${pkg}/dist-es/${n === client ? n : `commands/${n}`}.js';`)
        .join('\n');
      return { contents, resolveDir: root, loader: 'js' };
    });
  },
};

const common = {
  bundle: true,
  minify: production,
  sourcemap: production ? false : 'linked',
  logLevel: 'info',
  legalComments: 'none',
  // Which inputs the bytes come from: written to .cache/build-meta.json for `npm run bench`.
  metafile: true,
};

const targets = [
  {
    ...common,
    entryPoints: { extension: join(root, 'src/extension.ts') },
    outdir: dist,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    plugins: [lazyChunkPlugin, vscodeOncePlugin()],
  },
  {
    ...common,
    // The SDK (only what src/aws/sdk.ts names) and the YAML serializer, each loaded on first use.
    entryPoints: {
      sdk: join(root, 'src/aws/sdk.ts'),
      yaml: join(root, 'src/contact/yamlChunk.ts'),
    },
    outdir: dist,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    // The SDK ships ESM and CJS; its ESM build lets esbuild drop the commands we never send
    // (measured: 757 KB -> 483 KB, and a faster first call).
    mainFields: ['module', 'main'],
    plugins: [sdkCommandsPlugin],
  },
  {
    ...common,
    // The search panel's page (webview/search/) is its own bundle: dist/search.js and search.css.
    entryPoints: { webview: join(root, 'webview/main.ts'), search: join(root, 'webview/search/main.ts') },
    outdir: dist,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    loader: { '.css': 'css' },
  },
];

function copyCodicons() {
  const src = join(root, 'node_modules/@vscode/codicons/dist');
  mkdirSync(join(dist, 'codicons'), { recursive: true });
  for (const f of ['codicon.css', 'codicon.ttf']) copyFileSync(join(src, f), join(dist, 'codicons', f));
}

/** The committed table is indented for review; the shipped copy needs no whitespace. */
function copyFieldDocs() {
  const docs = JSON.parse(readFileSync(join(root, 'src/contact/describeContactDocs.json'), 'utf8'));
  writeFileSync(join(dist, 'describeContactDocs.json'), JSON.stringify(docs));
}

if (!watch) rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
copyCodicons();
copyFieldDocs();
if (watch) {
  const contexts = await Promise.all(targets.map((t) => esbuild.context(t)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('[watch] building dist/ on change; Ctrl-C stops');
} else {
  const results = await Promise.all(targets.map((t) => esbuild.build(t)));
  const outputs = Object.assign({}, ...results.map((r) => r.metafile.outputs));
  mkdirSync(join(root, '.cache'), { recursive: true });
  writeFileSync(join(root, '.cache', 'build-meta.json'), JSON.stringify({ production, outputs }));
}
