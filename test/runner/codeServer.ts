// Starts and stops code-server (real VS Code served to a browser) for the extension-host
// suite, the UI tests and the demo. Each start gets its own temp user-data, extensions and
// AWS config dirs, so nothing leaks between runs or from the machine's own ~/.aws.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { awsFixturesDir, codeServerBin, ensureArtifactsDir } from './paths';

export interface CodeServerOptions {
  /** Folder the workbench opens by default (also the `folder` of workbenchUrl()). */
  folder?: string;
  /** User settings.json contents, written before start. */
  settings?: Record<string, unknown>;
  /** VSIX files to install (offline) into the temp extensions dir before start. */
  installExtensions?: string[];
  /** Extra environment for code-server and so for its extension host. */
  env?: Record<string, string>;
  /** Directory whose `config` and `credentials` become the extension host's AWS files. */
  awsDir?: string;
  /** Port to bind on 127.0.0.1; default: a free one. */
  port?: number;
  /** Log file base name under test-artifacts/ (default `code-server`). */
  logName?: string;
  /** Keep the temp dirs after stop() (for debugging). */
  keepTemp?: boolean;
  /** How long to wait for HTTP to answer (default 60 s). */
  startTimeoutMs?: number;
}

export interface CodeServer {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:41234 */
  readonly url: string;
  readonly port: number;
  readonly userDataDir: string;
  readonly extensionsDir: string;
  /** Temp copies of the AWS config and credentials files the extension host sees. */
  readonly awsConfigFile: string;
  readonly awsCredentialsFile: string;
  /** code-server's own stdout+stderr. */
  readonly logFile: string;
  /** The workbench URL for a folder, optionally with a `payload` (extension dev/test paths). */
  workbenchUrl(options?: { folder?: string; payload?: Array<[string, string]> }): string;
  /** `vscode-remote://` URI of a local path, for payload entries. */
  remoteUri(absPath: string): string;
  /** Last lines of code-server's log and of the extension host logs, to print on failure. */
  logTail(lines?: number): string;
  stop(): Promise<void>;
}

// code-server reads these as its own flags (PORT overrides --bind-addr's port).
const codeServerVariables = new Set(['PORT', 'PASSWORD', 'HASHED_PASSWORD', 'GITHUB_TOKEN', 'CODE_SERVER_CONFIG']);

/** Environment without the caller's AWS identity, so tests can only reach the fixtures. */
export function cleanAwsEnv(base: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(base)) {
    if (value === undefined || key.startsWith('AWS_') || key.startsWith('VSCODE_') || codeServerVariables.has(key)) continue;
    env[key] = value;
  }
  return env;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

// Quiet, offline-friendly defaults; callers' settings win.
const baseSettings: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'window.restoreWindows': 'none',
  'chat.commandCenter.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

export async function startCodeServer(options: CodeServerOptions = {}): Promise<CodeServer> {
  if (!fs.existsSync(codeServerBin)) {
    throw new Error(`code-server is not installed at ${codeServerBin}: run bash scripts/setup.sh`);
  }
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cce-code-server-'));
  const userDataDir = path.join(tempDir, 'user-data');
  const extensionsDir = path.join(tempDir, 'extensions');
  const awsDir = path.join(tempDir, 'aws');
  for (const dir of [userDataDir, extensionsDir, awsDir, path.join(userDataDir, 'User')]) {
    fs.mkdirSync(dir, { recursive: true });
  }
  const sourceAws = options.awsDir ?? awsFixturesDir;
  const awsConfigFile = path.join(awsDir, 'config');
  const awsCredentialsFile = path.join(awsDir, 'credentials');
  copyIfExists(path.join(sourceAws, 'config'), awsConfigFile);
  copyIfExists(path.join(sourceAws, 'credentials'), awsCredentialsFile);
  fs.writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({ ...baseSettings, ...options.settings }, null, 2),
  );
  // Its own config file, so code-server never writes ~/.config/code-server/config.yaml.
  const configFile = path.join(tempDir, 'config.yaml');
  fs.writeFileSync(configFile, 'auth: none\ncert: false\n');

  const env: Record<string, string> = {
    ...cleanAwsEnv(),
    AWS_CONFIG_FILE: awsConfigFile,
    AWS_SHARED_CREDENTIALS_FILE: awsCredentialsFile,
    // The SDK would otherwise try the EC2 metadata service when a profile is missing.
    AWS_EC2_METADATA_DISABLED: 'true',
    ...options.env,
  };

  const logFile = path.join(ensureArtifactsDir(), `${options.logName ?? 'code-server'}.log`);
  fs.writeFileSync(logFile, ''); // one run per log file, so its tail is this run's
  const commonArgs = ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--config', configFile];

  for (const vsix of options.installExtensions ?? []) {
    await installExtension(commonArgs, vsix, env, logFile);
  }

  const port = options.port ?? (await freePort());
  const args = [
    ...commonArgs,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    ...(options.folder ? [options.folder] : []),
  ];
  const log = fs.openSync(logFile, 'a');
  fs.writeSync(log, `\n=== ${new Date().toISOString()} code-server ${args.join(' ')}\n`);
  // Own process group: stop() ends code-server together with its extension host.
  const child = spawn(codeServerBin, args, { env, stdio: ['ignore', log, log], detached: true });
  fs.closeSync(log);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const url = `http://127.0.0.1:${port}`;
  const logTail = (lines = 25): string => tailLogs(logFile, userDataDir, lines);
  try {
    await waitForHttp(`${url}/healthz`, options.startTimeoutMs ?? 60_000, exited);
  } catch (error) {
    await killGroup(child, exited);
    throw new Error(`${(error as Error).message}\n--- code-server log tail ---\n${logTail()}`);
  }

  let stopped = false;
  const remoteUri = (absPath: string): string => `vscode-remote://127.0.0.1:${port}${absPath}`;
  return {
    url,
    port,
    userDataDir,
    extensionsDir,
    awsConfigFile,
    awsCredentialsFile,
    logFile,
    remoteUri,
    workbenchUrl({ folder = options.folder, payload } = {}) {
      const query: string[] = [];
      if (folder) query.push(`folder=${encodeURIComponent(folder)}`);
      if (payload) query.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
      return `${url}/${query.length ? `?${query.join('&')}` : ''}`;
    },
    logTail,
    async stop() {
      if (stopped) return;
      stopped = true;
      await killGroup(child, exited);
      copyExtensionHostLogs(userDataDir, options.logName ?? 'code-server');
      if (!options.keepTemp) fs.rmSync(tempDir, { recursive: true, force: true });
    },
  };
}

function copyIfExists(from: string, to: string): void {
  if (fs.existsSync(from)) fs.copyFileSync(from, to);
  else fs.writeFileSync(to, '');
}

async function installExtension(commonArgs: string[], vsix: string, env: Record<string, string>, logFile: string) {
  if (!fs.existsSync(vsix)) throw new Error(`VSIX not found: ${vsix} (run npm run package)`);
  const log = fs.openSync(logFile, 'a');
  fs.writeSync(log, `\n=== ${new Date().toISOString()} code-server --install-extension ${vsix}\n`);
  const child = spawn(codeServerBin, [...commonArgs, '--install-extension', vsix, '--force'], {
    env,
    stdio: ['ignore', log, log],
  });
  fs.closeSync(log);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) {
    throw new Error(`code-server --install-extension ${vsix} exited ${code}\n${tail(logFile, 30)}`);
  }
}

async function waitForHttp(url: string, timeoutMs: number, exited: Promise<number | null>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code ?? -1));
  for (;;) {
    if (exitCode !== undefined) throw new Error(`code-server exited (${exitCode}) before answering HTTP`);
    if (await answers(url)) return;
    if (Date.now() > deadline) throw new Error(`code-server did not answer ${url} within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 200)); // poll interval, not a timing assumption
  }
}

function answers(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get(url, (response) => {
      response.resume();
      resolve((response.statusCode ?? 500) < 500);
    });
    request.setTimeout(2000, () => request.destroy());
    request.on('error', () => resolve(false));
  });
}

async function killGroup(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const signal = (sig: NodeJS.Signals): void => {
    try {
      process.kill(-child.pid!, sig);
    } catch {
      // already gone
    }
  };
  signal('SIGTERM');
  const timer = setTimeout(() => signal('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
  signal('SIGKILL'); // stragglers in the group (extension host, watchers)
}

function tail(file: string, lines: number): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return `(no ${file})`;
  }
}

/**
 * The extension host's own log and this extension's output channels, under
 * <user-data>/logs/<session>/exthostN/ (the other logs there say nothing about our failures).
 */
function extensionHostLogFiles(userDataDir: string): string[] {
  const logsDir = path.join(userDataDir, 'logs');
  const found: string[] = [];
  const walk = (dir: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === 'remoteexthost.log' || /amazon connect|connect-contact/i.test(entry.name)) found.push(full);
    }
  };
  walk(logsDir);
  return found;
}

function tailLogs(logFile: string, userDataDir: string, lines: number): string {
  const parts = [`[${logFile}]\n${tail(logFile, lines)}`];
  for (const file of extensionHostLogFiles(userDataDir)) {
    if (fs.statSync(file).size === 0) continue;
    parts.push(`[${path.relative(userDataDir, file)}]\n${tail(file, lines)}`);
  }
  return parts.join('\n');
}

function copyExtensionHostLogs(userDataDir: string, logName: string): void {
  const logsDir = path.join(userDataDir, 'logs');
  if (!fs.existsSync(logsDir)) return;
  const target = path.join(ensureArtifactsDir(), `${logName}-logs`);
  fs.rmSync(target, { recursive: true, force: true });
  fs.cpSync(logsDir, target, { recursive: true });
}
