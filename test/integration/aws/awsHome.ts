// A throwaway HOME with the fixture AWS files (and any extra profiles a test needs),
// plus a ConnectService wired to it and a CallLogger that keeps every line, and the mocha
// hooks that give a describe block the local endpoint and such a home.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, appendFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConnectService } from '../../../src/aws/connectService';
import { defaultTransport, type CallLogEntry, type CallLogger, type TransportSettings } from '../../../src/aws/types';
import { localAwsFiles } from '../../endpoint/localCredentials';
import { findRepoRoot } from '../../endpoint/paths';
import { startEndpoint, type EndpointOptions, type RunningEndpoint } from '../../endpoint/server';

export interface AwsHome {
  dir: string;
  env: NodeJS.ProcessEnv;
  configFile: string;
  credentialsFile: string;
  addConfig(text: string): void;
  addCredentials(text: string): void;
  writeFile(relative: string, text: string): string;
  remove(): void;
}

/** `config`: the config file's text instead of the fixture's. */
export function makeAwsHome(config?: string): AwsHome {
  const dir = mkdtempSync(join(tmpdir(), 'cce-aws-'));
  const aws = join(dir, '.aws');
  mkdirSync(aws, { recursive: true });
  const fixtures = localAwsFiles(findRepoRoot(__dirname));
  const configFile = join(aws, 'config');
  const credentialsFile = join(aws, 'credentials');
  if (config === undefined) copyFileSync(fixtures.configFile, configFile);
  else writeFileSync(configFile, config);
  copyFileSync(fixtures.credentialsFile, credentialsFile);
  return {
    dir,
    env: { HOME: dir, AWS_CONFIG_FILE: configFile, AWS_SHARED_CREDENTIALS_FILE: credentialsFile },
    configFile,
    credentialsFile,
    addConfig: (text) => appendFileSync(configFile, `\n${text}\n`),
    addCredentials: (text) => appendFileSync(credentialsFile, `\n${text}\n`),
    writeFile: (relative, text) => {
      const p = join(dir, relative);
      mkdirSync(join(p, '..'), { recursive: true });
      writeFileSync(p, text);
      return p;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface LocalAws {
  /** Both set in the block's before(), the same for all its tests. */
  readonly endpoint: RunningEndpoint;
  readonly home: AwsHome;
}

/**
 * Mocha hooks for a describe block: the local Connect endpoint (quiet unless `endpoint` says
 * otherwise) and a fresh AWS home (`config` as for makeAwsHome), both gone after the block.
 */
export function useLocalAws(opts: { endpoint?: EndpointOptions; config?: string } = {}): LocalAws {
  const local = {} as { endpoint: RunningEndpoint; home: AwsHome };
  before(async () => {
    local.endpoint = await startEndpoint({ quiet: true, ...opts.endpoint });
    local.home = makeAwsHome(opts.config);
  });
  after(async () => {
    await local.endpoint?.close();
    local.home?.remove();
  });
  return local;
}

export class RecordingLogger implements CallLogger {
  readonly entries: CallLogEntry[] = [];
  readonly traces: string[] = [];
  readonly warnings: string[] = [];
  info(entry: CallLogEntry): void {
    this.entries.push(entry);
  }
  trace(message: string): void {
    this.traces.push(message);
  }
  warn(message: string): void {
    this.warnings.push(message);
  }
  allText(): string {
    return [...this.entries.map((e) => JSON.stringify(e)), ...this.traces, ...this.warnings].join('\n');
  }
}

export function makeService(home: AwsHome, transport: Partial<TransportSettings>, logger = new RecordingLogger()): { service: ConnectService; logger: RecordingLogger } {
  const settings: TransportSettings = { ...defaultTransport, readTimeoutSeconds: 10, connectTimeoutSeconds: 5, ...transport };
  // Short retry delays keep throttling and 5xx tests quick; the attempts are still real requests.
  const service = new ConnectService({ env: home.env, transport: () => settings, logger, retryDelayMs: 20 });
  return { service, logger };
}

/** A port nothing listens on: bind, note the port, close. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
