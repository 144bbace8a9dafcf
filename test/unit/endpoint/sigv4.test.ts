import * as assert from 'node:assert/strict';
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import type { HttpRequest } from '@smithy/types';
import { localCredentials, localSessionCredentials } from '../../endpoint/localCredentials';
import { canonicalPath, canonicalQuery, signatureMismatchMessage, signRequest, verifySigV4, type SignedRequest } from '../../endpoint/sigv4';

const amzDate = '20261123T210000Z';

function toBytes(data: string | ArrayBuffer | ArrayBufferView): string | Uint8Array {
  if (typeof data === 'string') return data;
  return ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data);
}

/** The hash interface the SDK signer takes, on node:crypto (what @smithy/hash-node does). */
class NodeSha256 {
  private readonly h: Hash | Hmac;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.h = secret ? createHmac('sha256', toBytes(secret)) : createHash('sha256');
  }
  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.h.update(toBytes(data));
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(this.h.digest());
  }
}
const now = Date.UTC(2026, 10, 23, 21, 0, 30);

function request(overrides: Partial<SignedRequest> = {}): SignedRequest {
  const base = { method: 'GET', url: '/contacts/i-1/c-1', body: Buffer.alloc(0) };
  const headers = signRequest({ ...base, headers: { host: '127.0.0.1:4566' } }, localCredentials, 'us-east-1', amzDate);
  return { ...base, headers, ...overrides };
}

describe('SigV4 verifier', () => {
  it('matches the AWS SigV4 test suite vector get-vanilla', () => {
    const req: SignedRequest = {
      method: 'GET',
      url: '/',
      body: Buffer.alloc(0),
      headers: {
        host: 'example.amazonaws.com',
        'x-amz-date': '20150830T123600Z',
        authorization:
          'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31',
      },
    };
    const creds = [{ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' }];
    assert.deepEqual(verifySigV4(req, creds, 'service', Date.UTC(2015, 7, 30, 12, 36)), { ok: true, accessKeyId: 'AKIDEXAMPLE', region: 'us-east-1' });
  });

  it('accepts a request signed with the local profile', () => {
    assert.deepEqual(verifySigV4(request(), [localCredentials], 'connect', now), { ok: true, accessKeyId: localCredentials.accessKeyId, region: 'us-east-1' });
  });

  it('rejects a signature made with the wrong secret as InvalidSignatureException', () => {
    const base = { method: 'GET', url: '/contacts/i-1/c-1', body: Buffer.alloc(0) };
    const headers = signRequest({ ...base, headers: { host: '127.0.0.1:4566' } }, { ...localCredentials, secretAccessKey: 'wrong' }, 'us-east-1', amzDate);
    const result = verifySigV4({ ...base, headers }, [localCredentials], 'connect', now);
    assert.deepEqual(result, { ok: false, status: 403, errorType: 'InvalidSignatureException', message: signatureMismatchMessage });
  });

  it('rejects a request changed after signing: path, query, body or a signed header', () => {
    const signed = request();
    for (const changed of [
      { ...signed, url: '/contacts/i-1/c-2' },
      { ...signed, url: '/contacts/i-1/c-1?x=1' },
      { ...signed, method: 'POST' },
      { ...signed, body: Buffer.from('{}') },
      { ...signed, headers: { ...signed.headers, host: 'evil.example' } },
    ]) {
      const result = verifySigV4(changed, [localCredentials], 'connect', now);
      assert.equal(result.ok ? 'ok' : result.errorType, 'InvalidSignatureException', JSON.stringify(changed.url));
    }
  });

  it('rejects an unknown access key as UnrecognizedClientException', () => {
    const result = verifySigV4(request(), [localSessionCredentials], 'connect', now);
    assert.equal(result.ok ? 'ok' : `${result.status} ${result.errorType}`, '403 UnrecognizedClientException');
  });

  it('requires the session token of credentials that have one, and only those', () => {
    const base = { method: 'GET', url: '/instance', body: Buffer.alloc(0) };
    const withToken = signRequest({ ...base, headers: { host: 'h' } }, localSessionCredentials, 'us-east-1', amzDate);
    assert.equal(verifySigV4({ ...base, headers: withToken }, [localSessionCredentials], 'connect', now).ok, true);
    const wrongToken = signRequest({ ...base, headers: { host: 'h' } }, { ...localSessionCredentials, sessionToken: 'other' }, 'us-east-1', amzDate);
    const r = verifySigV4({ ...base, headers: wrongToken }, [localSessionCredentials], 'connect', now);
    assert.equal(r.ok ? 'ok' : r.errorType, 'UnrecognizedClientException');
  });

  it('reports a missing signature, a stale date and a wrong service the way AWS does', () => {
    const unsigned = verifySigV4({ method: 'GET', url: '/instance', headers: { host: 'h' }, body: Buffer.alloc(0) }, [localCredentials], 'connect', now);
    assert.equal(unsigned.ok ? 'ok' : unsigned.errorType, 'MissingAuthenticationTokenException');
    const stale = verifySigV4(request(), [localCredentials], 'connect', now + 20 * 60 * 1000);
    assert.match(stale.ok ? 'ok' : stale.message, /^Signature expired: 20261123T210000Z is now earlier than/);
    const otherService = verifySigV4(request(), [localCredentials], 's3', now);
    assert.match(otherService.ok ? 'ok' : otherService.message, /Credential should be scoped to correct service: 's3'/);
  });

  it('accepts what the JS SDK v3 signer produces, including encoded paths and query strings', async () => {
    const signer = new SignatureV4({ credentials: localSessionCredentials, region: 'eu-west-2', service: 'connect', sha256: NodeSha256 });
    const body = JSON.stringify({ InstanceId: 'x', TimeRange: { Type: 'INITIATION_TIMESTAMP', StartTime: 1, EndTime: 2 } });
    const unsigned: HttpRequest = {
      method: 'POST',
      protocol: 'http:',
      hostname: '127.0.0.1',
      port: 4566,
      path: '/contacts/11111111-1111-4111-8111-111111111111/a%2Fb%20c%3Fd',
      query: { maxResults: '5', nextToken: 'a+b/c=' },
      headers: { host: '127.0.0.1:4566', 'content-type': 'application/json', 'x-custom': '  spaced   value ' },
      body,
    };
    const signed = await signer.sign(unsigned, { signingDate: new Date(now) });
    const query = Object.entries(signed.query ?? {})
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
      .join('&');
    const headers: Record<string, string> = Object.fromEntries(Object.entries(signed.headers).map(([k, v]) => [k.toLowerCase(), v]));
    const result = verifySigV4({ method: 'POST', url: `${signed.path}?${query}`, headers, body: Buffer.from(body) }, [localSessionCredentials], 'connect', now);
    assert.deepEqual(result, { ok: true, accessKeyId: localSessionCredentials.accessKeyId, region: 'eu-west-2' });
  });

  it('builds canonical paths and queries as both SDKs do (double-encoded path, sorted RFC 3986 query)', () => {
    assert.equal(canonicalPath('/contacts/a%2Fb/c d'), '/contacts/a%252Fb/c%20d');
    assert.equal(canonicalPath('/a/./b/../c'), '/a/c');
    assert.equal(canonicalQuery('b=2&a=1&a=0&c=x%20y*'), 'a=0&a=1&b=2&c=x%20y%2A');
  });
});
