// A minimal signed CloudWatch Logs client (awsJson1.1 over fetch) for tests and benchmarks: what the endpoint
// sends, raw, to compare with what the AWS CLIs print. No SDK: @aws-sdk/client-cloudwatch-logs is not a
// dependency of the tests.
import { localCredentials, type LocalCredentials } from './localCredentials';
import { logsContentType, logsTargetPrefix } from './logsProtocol';
import { signRequest } from './sigv4';

export interface LogsResponse {
  status: number;
  /** The awsJson error type (`__type`), when the answer is an error. */
  errorType?: string;
  body: Record<string, unknown>;
  headers: Headers;
}

export interface LogsRequestOptions {
  credentials?: LocalCredentials;
  region?: string;
  /** The credential scope's service (default `logs`). */
  service?: string;
  contentType?: string;
  /** The whole X-Amz-Target (default `Logs_20140328.<operation>`). */
  target?: string;
  /** Sent as is instead of the JSON of `body`. */
  rawBody?: string;
}

export async function callLogs(endpointUrl: string, operation: string, body: unknown = {}, opts: LogsRequestOptions = {}): Promise<LogsResponse> {
  const url = new URL('/', endpointUrl);
  const text = opts.rawBody ?? JSON.stringify(body);
  const amzDate = new Date().toISOString().replace(/[-:]|\.\d{3}/g, '');
  const unsigned = { host: url.host, 'content-type': opts.contentType ?? logsContentType, 'x-amz-target': opts.target ?? `${logsTargetPrefix}${operation}` };
  const headers = signRequest({ method: 'POST', url: '/', headers: unsigned, body: Buffer.from(text) }, opts.credentials ?? localCredentials, opts.region ?? 'us-east-1', amzDate, opts.service ?? 'logs');
  delete headers.host;
  const res = await fetch(url, { method: 'POST', headers, body: text });
  const json = (await res.json()) as Record<string, unknown>;
  return { status: res.status, errorType: typeof json.__type === 'string' ? json.__type : undefined, body: json, headers: res.headers };
}

/** Every page of a FilterLogEvents query, following nextToken as a client must (pages may be partly full, or empty). */
export async function filterAllPages(endpointUrl: string, request: Record<string, unknown>, opts: LogsRequestOptions = {}): Promise<{ events: Record<string, unknown>[]; pages: LogsResponse[] }> {
  const pages: LogsResponse[] = [];
  const events: Record<string, unknown>[] = [];
  let nextToken: unknown;
  do {
    const page = await callLogs(endpointUrl, 'FilterLogEvents', nextToken === undefined ? request : { ...request, nextToken }, opts);
    if (page.status !== 200) throw new Error(`FilterLogEvents answered ${page.status} ${page.errorType}: ${String(page.body.message)}`);
    pages.push(page);
    events.push(...(page.body.events as Record<string, unknown>[]));
    nextToken = page.body.nextToken;
  } while (nextToken !== undefined);
  return { events, pages };
}
