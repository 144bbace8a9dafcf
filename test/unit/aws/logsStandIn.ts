// A small in-process CloudWatch Logs stand-in for unit tests of the Logs services (awsJson1.1:
// POST /, X-Amz-Target, `__type` errors), a throwaway HOME with profile `p`, and the error probe.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConnectServiceError } from '../../../src/aws/errors';

export interface Received {
  target: string;
  body: Record<string, unknown>;
  host: string;
}

export type Reply = { status?: number; body: unknown; requestId?: string };

/** Answers each request with `answer(request)`; the request ID is the reply's, else the request's number. */
export async function startLogsStandIn(answer: (r: Received) => Reply): Promise<{ url: string; close: () => Promise<void> }> {
  let count = 0;
  const server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    req.on('end', () => {
      const r: Received = { target: String(req.headers['x-amz-target'] ?? ''), body: JSON.parse(text || '{}') as Record<string, unknown>, host: String(req.headers.host ?? '') };
      count += 1;
      const id = count;
      const reply = answer(r);
      res.writeHead(reply.status ?? 200, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': reply.requestId ?? `req-${id}` });
      res.end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A HOME whose AWS files hold profile `p` (us-east-1, static keys). */
export function makeLogsHome(prefix: string): { dir: string; env: NodeJS.ProcessEnv; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  mkdirSync(join(dir, '.aws'));
  writeFileSync(join(dir, '.aws', 'config'), '[profile p]\nregion = us-east-1\n');
  writeFileSync(join(dir, '.aws', 'credentials'), '[p]\naws_access_key_id = AKIAEXAMPLE000000001\naws_secret_access_key = exampleSecretKeyValueNotRealAtAll00000001\n');
  return { dir, env: { HOME: dir }, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function expectError(promise: Promise<unknown>): Promise<ConnectServiceError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ConnectServiceError, String(error));
    return error;
  }
  assert.fail('expected a ConnectServiceError');
}

/** What a describe block's tests read and set: the stand-in's address, the HOME's variables, the requests, the answer. */
export interface LogsStandInState {
  url: string;
  env: NodeJS.ProcessEnv;
  received: Received[];
  answer: (r: Received) => Reply;
}

/**
 * Mocha hooks for a describe block: one stand-in for the block, a fresh HOME, request list and
 * `defaultAnswer` for each test. Request IDs count each test's requests (req-1 first).
 */
export function useLogsStandIn(prefix: string, defaultAnswer: (r: Received) => Reply): LogsStandInState {
  const state: LogsStandInState = { url: '', env: {}, received: [], answer: defaultAnswer };
  let stand: Awaited<ReturnType<typeof startLogsStandIn>> | undefined;
  let home: ReturnType<typeof makeLogsHome> | undefined;
  before(async () => {
    stand = await startLogsStandIn((r) => {
      state.received.push(r);
      return { requestId: `req-${state.received.length}`, ...state.answer(r) };
    });
    state.url = stand.url;
  });
  after(() => stand?.close());
  beforeEach(() => {
    state.received = [];
    state.answer = defaultAnswer;
    home = makeLogsHome(prefix);
    state.env = home.env;
  });
  afterEach(() => home?.remove());
  return state;
}
