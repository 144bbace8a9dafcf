// Independent AWS Signature Version 4 verification (header auth) with node:crypto only.
// Recomputes the canonical request the way the JS SDK v3 and botocore build it, so a request
// signed by either passes and a request signed with the wrong secret fails like real AWS.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export interface SigningCredential {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** What the verifier needs from an HTTP request. `headers` are lower-cased names, repeated values kept apart. */
export interface SignedRequest {
  method: string;
  /** The raw request target as received: path plus optional `?query`, still percent-encoded. */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export type SigV4Failure =
  | { ok: false; status: 403; errorType: 'MissingAuthenticationTokenException'; message: string }
  | { ok: false; status: 403; errorType: 'UnrecognizedClientException'; message: string }
  | { ok: false; status: 403; errorType: 'InvalidSignatureException'; message: string }
  | { ok: false; status: 400; errorType: 'IncompleteSignatureException'; message: string };

export type SigV4Result = { ok: true; accessKeyId: string; region: string } | SigV4Failure;

export const signatureMismatchMessage =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';
export const unknownAccessKeyMessage = 'The security token included in the request is invalid.';

const algorithm = 'AWS4-HMAC-SHA256';
/** AWS rejects requests whose X-Amz-Date is more than 15 minutes off. */
const maxSkewMs = 15 * 60 * 1000;

/** RFC 3986 encoding of everything but unreserved characters, as both SDKs do. */
export function uriEscape(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, '%20'));
  } catch {
    return value;
  }
}

/** Non-S3 services double-encode: the already-encoded path is escaped again, segment by segment. */
export function canonicalPath(rawPath: string): string {
  const segments: string[] = [];
  for (const segment of rawPath.split('/')) {
    if (segment === '.') continue;
    if (segment === '..') {
      segments.pop();
      continue;
    }
    segments.push(segment);
  }
  let normalized = segments.join('/');
  if (!normalized.startsWith('/')) normalized = '/' + normalized;
  if (rawPath.endsWith('/') && !normalized.endsWith('/')) normalized += '/';
  return normalized.split('/').map(uriEscape).join('/');
}

export function canonicalQuery(rawQuery: string): string {
  if (!rawQuery) return '';
  const pairs = rawQuery
    .split('&')
    .filter((p) => p.length > 0)
    .map((pair) => {
      const eq = pair.indexOf('=');
      const key = eq < 0 ? pair : pair.slice(0, eq);
      const value = eq < 0 ? '' : pair.slice(eq + 1);
      return [uriEscape(safeDecode(key)), uriEscape(safeDecode(value))] as const;
    });
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  return pairs.map(([k, v]) => `${k}=${v}`).join('&');
}

function headerValue(headers: SignedRequest['headers'], name: string): string | undefined {
  const v = headers[name];
  if (v === undefined) return undefined;
  return Array.isArray(v) ? v.map((x) => x.trim().replace(/\s+/g, ' ')).join(',') : v.trim().replace(/\s+/g, ' ');
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

export function signingKey(secretAccessKey: string, date: string, region: string, service: string): Buffer {
  return hmac(hmac(hmac(hmac('AWS4' + secretAccessKey, date), region), service), 'aws4_request');
}

export function canonicalRequest(req: SignedRequest, signedHeaders: string[]): string {
  const q = req.url.indexOf('?');
  const rawPath = q < 0 ? req.url : req.url.slice(0, q);
  const rawQuery = q < 0 ? '' : req.url.slice(q + 1);
  const headerLines = signedHeaders.map((h) => `${h}:${headerValue(req.headers, h) ?? ''}\n`).join('');
  return [
    req.method.toUpperCase(),
    canonicalPath(rawPath),
    canonicalQuery(rawQuery),
    headerLines,
    signedHeaders.join(';'),
    sha256Hex(req.body),
  ].join('\n');
}

interface ParsedAuthorization {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

function parseAuthorization(value: string): ParsedAuthorization | string {
  if (!value.startsWith(algorithm + ' ')) return `Authorization header requires the ${algorithm} algorithm.`;
  const fields = new Map<string, string>();
  for (const part of value.slice(algorithm.length + 1).split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const credential = fields.get('Credential');
  const signedHeaders = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  const missing = [!credential && "'Credential'", !signedHeaders && "'SignedHeaders'", !signature && "'Signature'"].filter(Boolean);
  if (missing.length > 0 || !credential || !signedHeaders || !signature) {
    return `Authorization header requires ${missing.join(', ')} parameter. Authorization=${algorithm}`;
  }
  const scope = credential.split('/');
  if (scope.length !== 5 || scope[4] !== 'aws4_request') {
    return `Credential should be scoped to a valid region, not '${scope[2] ?? ''}'.`;
  }
  return { accessKeyId: scope[0], date: scope[1], region: scope[2], service: scope[3], signedHeaders: signedHeaders.split(';'), signature };
}

/** X-Amz-Date in ISO basic format, e.g. 20261123T210000Z. */
function parseAmzDate(value: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return undefined;
  return Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]);
}

/**
 * Verify a header-signed request against known credentials.
 * `now` is injectable so tests can check the clock-skew rule without waiting.
 */
export function verifySigV4(
  req: SignedRequest,
  credentials: readonly SigningCredential[],
  expectedService = 'connect',
  now: number = Date.now(),
): SigV4Result {
  const authorization = headerValue(req.headers, 'authorization');
  if (!authorization) {
    return { ok: false, status: 403, errorType: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token' };
  }
  const parsed = parseAuthorization(authorization);
  if (typeof parsed === 'string') return { ok: false, status: 400, errorType: 'IncompleteSignatureException', message: parsed };

  const credential = credentials.find((c) => c.accessKeyId === parsed.accessKeyId);
  if (!credential) return { ok: false, status: 403, errorType: 'UnrecognizedClientException', message: unknownAccessKeyMessage };

  const token = headerValue(req.headers, 'x-amz-security-token');
  if ((credential.sessionToken ?? undefined) !== (token ?? undefined)) {
    return { ok: false, status: 403, errorType: 'UnrecognizedClientException', message: unknownAccessKeyMessage };
  }
  if (parsed.service !== expectedService) {
    return { ok: false, status: 403, errorType: 'InvalidSignatureException', message: `Credential should be scoped to correct service: '${expectedService}'. ` };
  }
  if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(parsed.region)) {
    return { ok: false, status: 403, errorType: 'InvalidSignatureException', message: `Credential should be scoped to a valid region. ` };
  }
  if (!parsed.signedHeaders.includes('host')) {
    return { ok: false, status: 403, errorType: 'InvalidSignatureException', message: "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization." };
  }
  const amzDate = headerValue(req.headers, 'x-amz-date');
  const when = amzDate ? parseAmzDate(amzDate) : undefined;
  if (!amzDate || when === undefined) {
    return { ok: false, status: 400, errorType: 'IncompleteSignatureException', message: 'Authorization header requires existence of either a \'X-Amz-Date\' or a \'Date\' header.' };
  }
  if (!amzDate.startsWith(parsed.date)) {
    return { ok: false, status: 403, errorType: 'InvalidSignatureException', message: `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${parsed.date}' != '${amzDate.slice(0, 8)}', from '${amzDate}'.` };
  }
  if (Math.abs(now - when) > maxSkewMs) {
    return { ok: false, status: 403, errorType: 'InvalidSignatureException', message: `Signature expired: ${amzDate} is now earlier than ${new Date(now - maxSkewMs).toISOString().replace(/[-:]|\.\d{3}/g, '')} (${new Date(now).toISOString().replace(/[-:]|\.\d{3}/g, '')} - 15 min.)` };
  }

  const scope = `${parsed.date}/${parsed.region}/${parsed.service}/aws4_request`;
  const stringToSign = [algorithm, amzDate, scope, sha256Hex(canonicalRequest(req, parsed.signedHeaders))].join('\n');
  const expected = createHmac('sha256', signingKey(credential.secretAccessKey, parsed.date, parsed.region, parsed.service))
    .update(stringToSign, 'utf8')
    .digest();
  const given = Buffer.from(parsed.signature, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, status: 403, errorType: 'InvalidSignatureException', message: signatureMismatchMessage };
  }
  return { ok: true, accessKeyId: credential.accessKeyId, region: parsed.region };
}

/** Sign a request the SigV4 way; for unit tests of the verifier (not used by the server). */
export function signRequest(
  req: Omit<SignedRequest, 'headers'> & { headers: Record<string, string> },
  credential: SigningCredential,
  region: string,
  amzDate: string,
  service = 'connect',
): Record<string, string> {
  const headers: Record<string, string> = { ...req.headers, 'x-amz-date': amzDate };
  if (credential.sessionToken) headers['x-amz-security-token'] = credential.sessionToken;
  const signed = Object.keys(headers).map((h) => h.toLowerCase()).sort();
  const lower: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) lower[k.toLowerCase()] = v;
  const date = amzDate.slice(0, 8);
  const scope = `${date}/${region}/${service}/aws4_request`;
  const cr = canonicalRequest({ ...req, headers: lower }, signed);
  const sts = [algorithm, amzDate, scope, sha256Hex(cr)].join('\n');
  const signature = createHmac('sha256', signingKey(credential.secretAccessKey, date, region, service)).update(sts, 'utf8').digest('hex');
  return {
    ...headers,
    authorization: `${algorithm} Credential=${credential.accessKeyId}/${scope}, SignedHeaders=${signed.join(';')}, Signature=${signature}`,
  };
}
