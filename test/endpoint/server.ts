// A local Amazon Connect endpoint for tests, benchmarks and the demo: Connect's restJson1 and CloudWatch
// Logs' awsJson1.1 over node:http(s), SigV4-verified, serving sample contacts and their flow logs, with
// fault injection, an IAM deny list, an optional rate limit and a request log.
import { randomUUID } from 'node:crypto';
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { connectCall } from './connectProtocol';
import { FaultState, rateLimitedPlan, validateFaultSpec, type FaultPlan, type FaultSpec } from './faults';
import { defaultLocalCredentials } from './localCredentials';
import { logsCall } from './logsProtocol';
import { defaultBurst, RateLimiter, validateRateLimit } from './rateLimit';
import { loadEndpointData, type EndpointData } from './sampleData';
import { sampleIds } from './sampleIds';
import type { Reply, ServiceCall } from './serviceCall';
import { verifySigV4, type SigningCredential } from './sigv4';

export type { FaultSpec } from './faults';

export interface RequestLogEntry {
  method: string;
  path: string;
  operation: string;
  /** 0 until answered (or when the endpoint dropped the connection itself). */
  status: number;
  time: string;
  /** The client closed the connection before the answer: an aborted (cancelled) request. */
  abandoned?: true;
}

export interface EndpointOptions {
  /** 0 = any free port (default). */
  port?: number;
  host?: '127.0.0.1';
  contactsDir?: string;
  /** Added to the `local` fixture credentials, which are always accepted. */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }[];
  faults?: FaultSpec;
  tls?: { key: string | Buffer; cert: string | Buffer };
  quiet?: boolean;
  /** Default: true for the bundled samples, false for `contactsDir`. */
  rebaseTimes?: boolean;
  /**
   * Requests per second per account, region and service (Connect and CloudWatch Logs have their own
   * quotas), across that service's operations, like the services' throttling; beyond it, ThrottlingException.
   * Off unless given.
   */
  rate?: number;
  /** The bucket size for `rate` (default: the rate rounded up, at least 1). */
  burst?: number;
  /**
   * IAM actions the caller's policy does not allow (`connect:DescribeUser`, `logs:FilterLogEvents`): answered
   * AccessDeniedException, as IAM does. Also settable with POST /__control/deny {"actions": [...]}.
   */
  deny?: string[];
  /** Add this many deterministic contacts over the last two years, with flow logs (synthetic.ts). */
  synthetic?: number;
  /** The synthetic contacts' seed (default 1). */
  seed?: number;
}

export interface RunningEndpoint {
  url: string;
  port: number;
  requests: RequestLogEntry[];
  setFaults(f: FaultSpec): void;
  clearFaults(): void;
  /** IAM actions to deny from now on (replacing the last set); none: allow all. */
  setDeny(actions: string[]): void;
  close(): Promise<void>;
}

const maxBodyBytes = 1024 * 1024;
/** The IAM actions the deny list takes: the two services the endpoint speaks. */
const deniableAction = /^(connect|logs):[A-Za-z]+$/;
const controlPrefix = '/__control/';

interface Ctx {
  /** Denied IAM actions, e.g. connect:DescribeUser, logs:FilterLogEvents. */
  deny: Set<string>;
  data: EndpointData;
  credentials: SigningCredential[];
  faults: FaultState;
  rateLimiter?: RateLimiter;
  requests: RequestLogEntry[];
  quiet: boolean;
  /** Timers of held requests, cleared on close so nothing fires afterwards. */
  timers: Set<NodeJS.Timeout>;
}

/** Header values as sent, repeated headers kept apart (Node's req.headers joins them). */
function rawHeaderMap(req: http.IncomingMessage): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i].toLowerCase();
    (out[name] ??= []).push(req.rawHeaders[i + 1]);
  }
  return out;
}

function readBody(req: http.IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBodyBytes) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > maxBodyBytes ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: http.ServerResponse, status: number, body: unknown, extraHeaders: Record<string, string> = {}, contentType = 'application/json'): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': contentType,
    'content-length': Buffer.byteLength(text),
    'x-amzn-requestid': randomUUID(),
    date: new Date().toUTCString(),
    ...extraHeaders,
  });
  res.end(text);
}

function sendReply(res: http.ServerResponse, call: ServiceCall, reply: Reply): number {
  send(res, reply.status, reply.body, reply.headers, call.contentType);
  return reply.status;
}

function delay(ctx: Ctx, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(() => {
      ctx.timers.delete(t);
      resolve();
    }, ms);
    ctx.timers.add(t);
  });
}

function padContact(body: unknown, targetBytes: number): unknown {
  const text = JSON.stringify(body);
  const missing = targetBytes - Buffer.byteLength(text) - 40;
  if (missing <= 0 || typeof body !== 'object' || body === null) return body;
  const wrapper = body as { Contact?: Record<string, unknown> };
  if (!wrapper.Contact) return body;
  const attributes = { ...((wrapper.Contact.Attributes as Record<string, string> | undefined) ?? {}) };
  attributes.largeBodyPadding = 'x'.repeat(missing);
  return { ...wrapper, Contact: { ...wrapper.Contact, Attributes: attributes } };
}

function sendWithFaults(res: http.ServerResponse, body: unknown, plan: FaultPlan, call: ServiceCall): number {
  const payload = plan.largeBodyBytes > 0 && call.operation === 'DescribeContact' ? padContact(body, plan.largeBodyBytes) : body;
  const contentType = call.contentType;
  if (plan.malformedJson) {
    const broken = JSON.stringify(payload).slice(0, 40) + '{"unterminated';
    res.writeHead(200, { 'content-type': contentType, 'content-length': Buffer.byteLength(broken), 'x-amzn-requestid': randomUUID() });
    res.end(broken);
    return 200;
  }
  if (plan.truncated) {
    const full = Buffer.from(JSON.stringify(payload));
    res.writeHead(200, { 'content-type': contentType, 'content-length': full.length, 'x-amzn-requestid': randomUUID() });
    // Send half the promised bytes, then close: the client sees a premature end of the body.
    res.write(full.subarray(0, Math.floor(full.length / 2)), () => res.socket?.destroy());
    return 200;
  }
  send(res, 200, payload, {}, contentType);
  return 200;
}

async function handleControl(ctx: Ctx, req: http.IncomingMessage, res: http.ServerResponse, pathname: string): Promise<void> {
  const body = await readBody(req);
  if (pathname === '/__control/faults' && req.method === 'POST') {
    try {
      ctx.faults.set(validateFaultSpec(JSON.parse(body?.toString('utf8') || '{}')));
    } catch (err) {
      send(res, 400, { message: (err as Error).message });
      return;
    }
    send(res, 200, { faults: ctx.faults.current() });
  } else if (pathname === '/__control/faults' && req.method === 'GET') {
    send(res, 200, { faults: ctx.faults.current() });
  } else if (pathname === '/__control/faults' && req.method === 'DELETE') {
    ctx.faults.clear();
    send(res, 200, { faults: {} });
  } else if (pathname === '/__control/deny' && req.method === 'POST') {
    let actions: unknown;
    try {
      actions = (JSON.parse(body?.toString('utf8') || '{}') as { actions?: unknown }).actions;
    } catch (err) {
      send(res, 400, { message: (err as Error).message });
      return;
    }
    if (!Array.isArray(actions) || !actions.every((a) => typeof a === 'string' && deniableAction.test(a))) {
      send(res, 400, { message: 'Expected {"actions": ["connect:Operation" or "logs:Operation", ...]}' });
      return;
    }
    ctx.deny = new Set(actions as string[]);
    send(res, 200, { deny: [...ctx.deny] });
  } else if (pathname === '/__control/deny' && req.method === 'DELETE') {
    ctx.deny.clear();
    send(res, 200, { deny: [] });
  } else if (pathname === '/__control/requests' && req.method === 'GET') {
    send(res, 200, { requests: ctx.requests });
  } else if (pathname === '/__control/requests' && req.method === 'DELETE') {
    ctx.requests.length = 0;
    send(res, 200, { requests: [] });
  } else {
    send(res, 404, { message: `No control route ${req.method} ${pathname}` });
  }
}

async function handle(ctx: Ctx, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const target = req.url ?? '/';
  const q = target.indexOf('?');
  const rawPath = q < 0 ? target : target.slice(0, q);
  const method = (req.method ?? 'GET').toUpperCase();
  if (rawPath.startsWith(controlPrefix)) return handleControl(ctx, req, res, rawPath);

  // One endpoint, two protocols: CloudWatch Logs names its operation in X-Amz-Target, Connect in the path.
  const headers = rawHeaderMap(req);
  const call = logsCall(method, rawPath, headers) ?? connectCall(method, rawPath, q < 0 ? '' : target.slice(q + 1));
  const operation = call.operation;
  const entry: RequestLogEntry = { method, path: rawPath, operation, status: 0, time: new Date().toISOString() };
  ctx.requests.push(entry);
  let answered = false;
  // Closed by the client before any answer (the endpoint's own resets come after finish()).
  res.on('close', () => {
    if (!answered && !res.writableFinished) entry.abandoned = true;
  });
  const finish = (status: number) => {
    answered = true;
    entry.status = status;
    if (!ctx.quiet) console.log(`${entry.time} ${method} ${rawPath} ${operation} ${status}`);
  };

  const body = await readBody(req);
  if (body === undefined) return finish(sendReply(res, call, call.refuse({ kind: 'tooLarge' })));
  const auth = verifySigV4({ method, url: target, headers, body }, ctx.credentials, call.service);
  if (!auth.ok) return finish(sendReply(res, call, call.refuse({ kind: 'auth', failure: auth })));
  if (!call.invoke) return finish(sendReply(res, call, call.refuse({ kind: 'unknownOperation' })));

  // IAM decides before the service does: a denied action never reaches the operation.
  const action = `${call.service}:${operation}`;
  if (ctx.deny.has(action)) {
    const resource = call.resourceArn(auth.region, body.toString('utf8'));
    const message = `User: arn:aws:iam::${sampleIds.account}:user/local is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`;
    return finish(sendReply(res, call, call.refuse({ kind: 'denied', message })));
  }

  // Every local key belongs to the one sample account; each service has its own quota there.
  const limited = ctx.rateLimiter !== undefined && !ctx.rateLimiter.take(`${sampleIds.account}/${auth.region}/${call.service}`);
  const plan = limited ? rateLimitedPlan : ctx.faults.plan(operation);
  if (plan.latencyMs > 0) await delay(ctx, plan.latencyMs);
  if (plan.hangMs > 0) await delay(ctx, plan.hangMs);
  if (res.destroyed || req.socket.destroyed) return finish(0);
  switch (plan.kind) {
    case 'reset':
      req.socket.destroy();
      return finish(0);
    case 'throttle':
      return finish(sendReply(res, call, call.refuse({ kind: 'throttled' })));
    case 'status500':
      return finish(sendReply(res, call, call.refuse({ kind: 'internal' })));
    case 'none':
      break;
  }

  let parsedBody: unknown = undefined;
  if (body.length > 0) {
    try {
      parsedBody = JSON.parse(body.toString('utf8'));
    } catch {
      return finish(sendReply(res, call, call.refuse({ kind: 'badJson' })));
    }
  }
  try {
    finish(sendWithFaults(res, call.invoke(parsedBody, ctx.data), plan, call));
  } catch (err) {
    const reply = call.thrown(err);
    finish(sendReply(res, call, reply ?? call.refuse({ kind: 'internal' })));
    if (!reply && !ctx.quiet) console.error(err);
  }
}

function rateLimiterFor(opts: EndpointOptions): RateLimiter | undefined {
  if (opts.rate === undefined) {
    if (opts.burst !== undefined) throw new Error('burst needs a rate');
    return undefined;
  }
  return new RateLimiter(validateRateLimit({ rate: opts.rate, burst: opts.burst ?? defaultBurst(opts.rate) }));
}

export async function startEndpoint(opts: EndpointOptions = {}): Promise<RunningEndpoint> {
  const rateLimiter = rateLimiterFor(opts);
  const data = loadEndpointData({ contactsDir: opts.contactsDir, rebaseTimes: opts.rebaseTimes, synthetic: opts.synthetic, seed: opts.seed });
  const ctx: Ctx = {
    deny: new Set(opts.deny ?? []),
    data,
    credentials: [...defaultLocalCredentials, ...(opts.credentials ?? [])],
    faults: new FaultState(opts.faults),
    rateLimiter,
    requests: [],
    quiet: opts.quiet ?? true,
    timers: new Set(),
  };
  const listener = (req: http.IncomingMessage, res: http.ServerResponse) => {
    handle(ctx, req, res).catch((err: unknown) => {
      if (!res.headersSent) send(res, 500, { Message: 'We encountered an internal error. Please try again.' }, { 'x-amzn-errortype': 'InternalServiceException' });
      if (!ctx.quiet) console.error(err);
    });
  };
  const server = opts.tls ? https.createServer({ key: opts.tls.key, cert: opts.tls.cert }, listener) : http.createServer(listener);
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('secureConnection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  // Always loopback: this endpoint accepts published fake keys.
  const host = '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;
  return {
    url: `${opts.tls ? 'https' : 'http'}://${host}:${port}`,
    port,
    requests: ctx.requests,
    setFaults: (f) => ctx.faults.set(validateFaultSpec(f)),
    clearFaults: () => ctx.faults.clear(),
    setDeny: (actions) => {
      ctx.deny = new Set(actions);
    },
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        for (const t of ctx.timers) clearTimeout(t);
        ctx.timers.clear();
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      })),
  };
}
