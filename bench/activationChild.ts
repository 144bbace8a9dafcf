// One activation, in a fresh process (VS Code's extension host loads an extension once,
// cold): require the bundle, call activate() with a fake ExtensionContext, and report
// the times, what was registered, and whether any AWS SDK module got loaded.
// Usage: node out/bench/activationChild.js <extension bundle> <extension root>
import { performance } from 'node:perf_hooks';
import { writeSync } from 'node:fs';
import * as path from 'node:path';
import { createFakeVscode, fakeExtensionContext, installFakeVscode, vscodeApiNames } from './fakeVscode';

export interface ActivationSample {
  requireMs: number;
  activateMs: number;
  totalMs: number;
  /** CPU time of require + activate (user + system): less sensitive than wall time to a busy machine. */
  cpuMs: number;
  sdkLoadedAtActivation: string[];
  sdkLoadedAfterIdle: string[];
  /** The lazy files (dist/sdk.js, yaml.js) loaded by activation. */
  chunksLoadedAtActivation: string[];
  /** Then the first command (or the view's first nodes): creating the features behind it. */
  featuresMs: number;
  commands: string[];
  calls: Record<string, number>;
  error?: string;
}

const sdkModule = /[\\/]dist[\\/]sdk\.js$|[\\/]node_modules[\\/]@aws-sdk[\\/]|[\\/]node_modules[\\/]@smithy[\\/]/;

function chunksLoaded(bundle: string): string[] {
  const dist = path.dirname(bundle);
  return Object.keys(require.cache).filter((k) => path.dirname(k) === dist && k !== bundle).map((k) => path.basename(k));
}

function sdkModulesLoaded(): string[] {
  return Object.keys(require.cache).filter((k) => sdkModule.test(k));
}

/**
 * Node built-ins VS Code's extension host has loaded before any extension activates (its
 * own code, and its proxy support patches http/https): loaded here first, for both the
 * extension and the baseline, so neither is charged for them.
 */
const hostBuiltins = ['fs', 'fs/promises', 'path', 'os', 'events', 'stream', 'util', 'url', 'crypto', 'net', 'tls', 'http', 'https', 'zlib', 'child_process'];

async function main(): Promise<void> {
  const [bundle, root] = process.argv.slice(2);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  for (const m of hostBuiltins) require(`node:${m}`);
  // The host's module loader is warm too: the first user-land require pays one-time
  // set-up (resolution paths, debuglog) that no extension pays in VS Code.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(`${root}/package.json`);
  process.cpuUsage();
  const { module: vscode, registrations } = createFakeVscode(vscodeApiNames(root));
  installFakeVscode(vscode);
  const context = fakeExtensionContext(vscode, root);
  const sample: ActivationSample = { requireMs: NaN, activateMs: NaN, totalMs: NaN, cpuMs: NaN, sdkLoadedAtActivation: [], sdkLoadedAfterIdle: [], chunksLoadedAtActivation: [], featuresMs: NaN, commands: [], calls: {} };
  try {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const ext = require(bundle) as { activate(ctx: unknown): unknown };
    const t1 = performance.now();
    const result = ext.activate(context);
    if (result instanceof Promise) await result;
    const t2 = performance.now();
    const cpu = process.cpuUsage(cpu0);
    sample.cpuMs = (cpu.user + cpu.system) / 1000;
    sample.requireMs = t1 - t0;
    sample.activateMs = t2 - t1;
    sample.totalMs = t2 - t0;
    sample.sdkLoadedAtActivation = sdkModulesLoaded();
    sample.chunksLoadedAtActivation = chunksLoaded(require.resolve(bundle));
    // Anything activation kicks off in the background (timers, promises) gets a moment to run.
    await new Promise((ok) => setTimeout(ok, 250));
    sample.sdkLoadedAfterIdle = sdkModulesLoaded();
    // What the first command pays on top: it creates the features (Show Log does nothing else).
    const showLog = registrations.handlers.get('connectContacts.showLog');
    if (!showLog) throw new Error('activate() registered no connectContacts.showLog');
    const t3 = performance.now();
    await showLog();
    sample.featuresMs = performance.now() - t3;
  } catch (error) {
    sample.error = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  }
  sample.commands = [...registrations.commands];
  sample.calls = registrations.calls;
  writeSync(1, `BENCH_RESULT ${JSON.stringify(sample)}\n`);
  process.exit(0);
}

void main();
