// Amazon Connect's rate limit in front of the local endpoint, which can only throttle a set number
// of requests (`throttle: N`): a token bucket for all requests, as the service keeps one per
// account and region, answering 429 ThrottlingException when it is empty. Everything else passes
// through as sent, Host header included, so the SigV4 signature still verifies at the endpoint.
import { randomUUID } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { RequestBudget } from '../../../src/aws/types';

export interface ProxiedRequest {
  method: string;
  path: string;
  status: number;
  /** ms since the proxy started. */
  at: number;
}

export interface RateLimitedProxy {
  url: string;
  requests: ProxiedRequest[];
  throttled(): number;
  close(): Promise<void>;
}

export async function startRateLimitedProxy(target: string, limit: RequestBudget): Promise<RateLimitedProxy> {
  const upstream = new URL(target);
  const started = performance.now();
  let tokens = limit.burst;
  let updatedAt = started;
  const requests: ProxiedRequest[] = [];
  const sockets = new Set<Socket>();

  const takeToken = (): boolean => {
    const now = performance.now();
    tokens = Math.min(limit.burst, tokens + ((now - updatedAt) * limit.requestsPerSecond) / 1000);
    updatedAt = now;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  };

  const server = http.createServer((req, res) => {
    const entry: ProxiedRequest = { method: req.method ?? 'GET', path: req.url ?? '/', status: 0, at: performance.now() - started };
    requests.push(entry);
    if (!takeToken()) {
      // Connect's answer, as the SDK parses it; a rejected request uses no quota.
      req.resume();
      const body = JSON.stringify({ Message: 'Rate exceeded' });
      res.writeHead(429, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-amzn-errortype': 'ThrottlingException', 'x-amzn-requestid': randomUUID() });
      res.end(body);
      entry.status = 429;
      return;
    }
    const forward = http.request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        entry.status = answer.statusCode ?? 0;
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    throttled: () => requests.filter((r) => r.status === 429).length,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      }),
  };
}
