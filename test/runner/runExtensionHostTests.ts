// Runs the extension-host suite (out/test/suite/index.js) in code-server's real extension host:
// local Connect endpoint → code-server with the settings → Chromium opens the workbench with a
// `payload` naming the extension under development and the tests module → the workbench calls
// window.codeAutomationExit(code) when run() settles. The suite's spec lines are tailed live
// from a log file; its results file gives the counts. Builds nothing: `npm test` builds first.
//
//   node out/test/runner/runExtensionHostTests.js [--grep PATTERN] [--timeout-minutes N] [--keep]
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { startEndpoint } from '../endpoint/server';
import { testEnvSettings, testEnvVariable, writeTestEnv } from '../suite/testEnv';
import { launchChromium } from './browser';
import { startCodeServer, type CodeServer } from './codeServer';
import { artifactsDir, ensureArtifactsDir, repoRoot } from './paths';

interface Args {
  grep?: string;
  timeoutMinutes: number;
  keep: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { timeoutMinutes: 8, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--grep') args.grep = argv[++i];
    else if (arg === '--timeout-minutes') args.timeoutMinutes = Number(argv[++i]);
    else if (arg === '--keep') args.keep = true;
    else throw new Error(`unknown argument ${arg}`);
  }
  return args;
}

const log = (line: string): void => console.log(`[ext-host] ${line}`);
const seconds = (since: number): string => `${((Date.now() - since) / 1000).toFixed(1)} s`;

/** Prints lines appended to `file` as they arrive; returns a flush-and-stop function. */
function tailFile(file: string): () => void {
  let offset = 0;
  let rest = '';
  const pump = (): void => {
    let size: number;
    try {
      size = fs.statSync(file).size;
    } catch {
      return;
    }
    if (size < offset) offset = 0; // truncated by a new run
    if (size === offset) return;
    const fd = fs.openSync(file, 'r');
    const buffer = Buffer.alloc(size - offset);
    fs.readSync(fd, buffer, 0, buffer.length, offset);
    fs.closeSync(fd);
    offset = size;
    const lines = (rest + buffer.toString('utf8')).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) console.log(line);
  };
  const timer = setInterval(pump, 200);
  return () => {
    clearInterval(timer);
    pump();
    if (rest) console.log(rest);
  };
}

interface Results {
  stats: { tests: number; passes: number; failures: number; pending: number; duration?: number };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const started = Date.now();
  for (const required of ['dist/extension.js', 'out/test/suite/index.js']) {
    if (!fs.existsSync(path.join(repoRoot, required))) {
      throw new Error(`${required} is missing: build first (node scripts/build.mjs && npx tsc -p tsconfig.test.json)`);
    }
  }
  ensureArtifactsDir();
  const resultsDir = path.join(artifactsDir, 'results');
  fs.mkdirSync(resultsDir, { recursive: true });
  const resultsFile = path.join(resultsDir, 'ext-host.json');
  const logFile = path.join(artifactsDir, 'ext-host-tests.log');
  const consoleFile = path.join(artifactsDir, 'ext-host-browser-console.log');
  for (const file of [resultsFile, logFile]) fs.rmSync(file, { force: true });
  fs.writeFileSync(consoleFile, '');

  let codeServer: CodeServer | undefined;
  let browser: Browser | undefined;
  let stopTail: (() => void) | undefined;
  const workspaceFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'cce-ext-host-ws-'));
  fs.writeFileSync(path.join(workspaceFolder, 'notes.md'), '# Notes\n\n');

  const endpoint = await startEndpoint({ quiet: true });
  const cleanup = async (): Promise<void> => {
    stopTail?.();
    await browser?.close().catch(() => undefined);
    await codeServer?.stop().catch(() => undefined);
    await endpoint.close().catch(() => undefined);
    if (!args.keep) fs.rmSync(workspaceFolder, { recursive: true, force: true });
  };

  // Timeout guard: a hung workbench or extension host must not hang `npm test`.
  const guard = setTimeout(() => {
    console.error(`\n[ext-host] TIMEOUT: the suite did not finish within ${args.timeoutMinutes} min; stopping code-server, Chromium and the endpoint.`);
    if (codeServer) console.error(codeServer.logTail(40));
    void cleanup().finally(() => process.exit(124));
  }, args.timeoutMinutes * 60_000);
  guard.unref();

  try {
    log(`local Connect endpoint at ${endpoint.url}`);
    const envFile = path.join(artifactsDir, 'ext-host-env.json');
    const env = writeTestEnv(envFile, endpoint.url, {
      repoRoot,
      workspaceFolder,
      resultsFile,
      logFile,
      ...(args.grep ? { grep: args.grep } : {}),
    });

    const csStarted = Date.now();
    codeServer = await startCodeServer({
      folder: workspaceFolder,
      logName: 'code-server-ext-host',
      env: { [testEnvVariable]: envFile },
      settings: testEnvSettings(env),
      keepTemp: args.keep,
    });
    log(`code-server at ${codeServer.url} (answered in ${seconds(csStarted)})`);

    browser = await launchChromium();
    const page = await browser.newPage();
    page.on('console', (message) => fs.appendFileSync(consoleFile, `[${message.type()}] ${message.text()}\n`));
    page.on('pageerror', (error) => fs.appendFileSync(consoleFile, `[pageerror] ${error.message}\n`));
    let settle: (code: number) => void = () => undefined;
    const exitCode = new Promise<number>((resolve) => (settle = resolve));
    await page.exposeFunction('codeAutomationExit', (code: number) => settle(code));
    await page.exposeFunction('codeAutomationLog', (level: string, message: string) =>
      fs.appendFileSync(consoleFile, `[automation:${level}] ${message}\n`),
    );

    const url = codeServer.workbenchUrl({
      payload: [
        ['extensionDevelopmentPath', codeServer.remoteUri(repoRoot)],
        ['extensionTestsPath', codeServer.remoteUri(path.join(repoRoot, 'out', 'test', 'suite', 'index.js'))],
      ],
    });
    const suiteStarted = Date.now();
    stopTail = tailFile(logFile);
    await page.goto(url);
    const code = await exitCode;
    stopTail();
    stopTail = undefined;
    log(`suite settled with exit code ${code} in ${seconds(suiteStarted)} (workbench load included)`);

    if (!fs.existsSync(resultsFile)) {
      console.error('[ext-host] the suite wrote no results: it did not load or crashed before mocha ran.');
      console.error(fs.readFileSync(consoleFile, 'utf8').split('\n').slice(-40).join('\n'));
      console.error(codeServer.logTail(40));
      return code || 1;
    }
    const { stats } = JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as Results;
    log(`${stats.passes} passing, ${stats.failures} failing${stats.pending ? `, ${stats.pending} pending` : ''} (total ${seconds(started)})`);
    if (stats.failures > 0 || code !== 0) {
      console.error(`[ext-host] code-server log tail:\n${codeServer.logTail(30)}`);
      return code || 1;
    }
    if (stats.tests === 0) {
      console.error('[ext-host] no test ran');
      return 1;
    }
    return 0;
  } finally {
    clearTimeout(guard);
    await cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[ext-host] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
