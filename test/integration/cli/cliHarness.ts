// What the AWS CLI tests share: running a CLI with only the fixture files for configuration, fetching
// what the endpoint serves (signed here) to compare with the CLI's output, a cap on concurrent CLI
// processes, and the projection of a served body onto a CLI's botocore model.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import { localCredentials, type LocalCredentials } from '../../endpoint/localCredentials';
import { signRequest } from '../../endpoint/sigv4';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliRun {
  /** `aws` (v1, first on PATH) or `/usr/bin/aws` (v2). */
  bin: string;
  endpointUrl: string;
  configFile: string;
  credentialsFile: string;
  profile?: string;
  /** Added after the AWS_* variables of the environment are removed. */
  env?: Record<string, string>;
}

/** Run a CLI with only the given files for configuration: no AWS_* variables from the environment. */
export function runCli(run: CliRun, args: string[]): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('AWS_')) env[k] = v;
  Object.assign(env, {
    AWS_CONFIG_FILE: run.configFile,
    AWS_SHARED_CREDENTIALS_FILE: run.credentialsFile,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_PAGER: '',
    ...run.env,
  });
  const argv = [...args, '--profile', run.profile ?? 'local', '--endpoint-url', run.endpointUrl, '--output', 'json'];
  return new Promise((resolve) => {
    execFile(run.bin, argv, { env, maxBuffer: 32 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/**
 * The fixture config with `cli_timestamp_format` set in every profile, so the CLI prints timestamps as
 * received (epoch seconds) and its output compares with the wire body. v1 calls that `none`, v2 `wire`.
 */
export function writeConfig(fixtureConfig: string, target: string, timestampFormat: 'none' | 'wire'): string {
  const text = readFileSync(fixtureConfig, 'utf8').replace(/^(\[profile [^\]]+\])$/gm, `$1\ncli_timestamp_format = ${timestampFormat}`);
  writeFileSync(target, text);
  return target;
}

/** Parse a CLI's JSON output, failing with its stderr when it did not succeed. */
export function parseOutput(result: CliResult): Record<string, unknown> {
  assert.equal(result.code, 0, result.stderr);
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

export interface Served {
  status: number;
  /** X-Amzn-ErrorType up to its first ':' (the auth layer appends a coral namespace), as botocore reads it. */
  errorCode?: string;
  body: Record<string, unknown>;
}

/** What the endpoint sends for a request, fetched raw and signed here. */
export async function fetchServed(endpointUrl: string, pathAndQuery: string, opts: { method?: string; body?: string; credentials?: LocalCredentials } = {}): Promise<Served> {
  const method = opts.method ?? 'GET';
  const body = opts.body ?? '';
  const url = new URL(pathAndQuery, endpointUrl);
  const amzDate = new Date().toISOString().replace(/[-:]|\.\d{3}/g, '');
  const headers = signRequest({ method, url: url.pathname + url.search, headers: { host: url.host }, body: Buffer.from(body) }, opts.credentials ?? localCredentials, 'us-east-1', amzDate);
  delete headers.host;
  const res = await fetch(url, { method, headers, body: method === 'GET' ? undefined : body });
  const errorType = res.headers.get('x-amzn-errortype');
  return { status: res.status, errorCode: errorType ? errorType.split(':')[0] : undefined, body: (await res.json()) as Record<string, unknown> };
}

/** The service's message in an error body: `Message` from the service, `message` from the auth layer. */
export function errorMessage(served: Served): string {
  return String(served.body.Message ?? served.body.message);
}

/** At most `n` tasks at once, in the order they were asked for. */
export function concurrencyLimit(n: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (active >= n) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await task();
    } finally {
      active--;
      waiting.shift()?.();
    }
  };
}

/** CLI processes at once: each is a Python interpreter loading botocore, CPU-bound for most of its ~0.8 s. */
export const cliConcurrency = Math.min(4, Math.max(2, os.availableParallelism()));

/** A suite's CLI runs, all started up front a few at a time; each test then reads its result by key. */
export class CliResults {
  private readonly results = new Map<string, CliResult>();

  async runAll(runs: readonly [key: string, run: CliRun, args: string[]][]): Promise<void> {
    const limit = concurrencyLimit(cliConcurrency);
    await Promise.all(runs.map(([key, run, args]) => limit(() => runCli(run, args)).then((r) => this.results.set(key, r))));
  }

  get(key: string): CliResult {
    const r = this.results.get(key);
    assert.ok(r, `no CLI run "${key}"`);
    return r;
  }
}

export interface BotocoreShape {
  type: string;
  members?: Record<string, { shape: string }>;
  member?: { shape: string };
  key?: { shape: string };
  value?: { shape: string };
}

export interface BotocoreModel {
  metadata?: Record<string, unknown>;
  operations: Record<string, { name: string; input?: { shape: string }; output?: { shape: string } }>;
  shapes: Record<string, BotocoreShape>;
}

/**
 * `value` with only the members `shapeName` knows, at every depth: what a botocore-based CLI prints for
 * a body it parses with that model (its parser skips members the model lacks). Each dropped member is
 * added to `dropped` as a path: `.Member`, `[]` for list items, `{}` for map values.
 */
export function projectOntoModel(value: unknown, shapeName: string, shapes: Record<string, BotocoreShape>, dropped: Set<string>, at = ''): unknown {
  const shape = shapes[shapeName];
  if (!shape) throw new Error(`No shape ${shapeName} in the model (at ${at || 'the top'})`);
  if (value === null || value === undefined) return value;
  switch (shape.type) {
    case 'structure': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        const member = shape.members?.[k];
        if (member) out[k] = projectOntoModel(v, member.shape, shapes, dropped, `${at}.${k}`);
        else dropped.add(`${at}.${k}`.replace(/^\./, ''));
      }
      return out;
    }
    case 'list':
      return (value as unknown[]).map((v) => projectOntoModel(v, shape.member!.shape, shapes, dropped, `${at}[]`));
    case 'map':
      return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, projectOntoModel(v, shape.value!.shape, shapes, dropped, `${at}{}`)]));
    default:
      return value;
  }
}
