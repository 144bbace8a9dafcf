import * as assert from 'node:assert/strict';
import { ConnectServiceError, connectError, failureLogLine, markCredentialFailure, toConnectError, toErrorInfo, type ErrorContext } from '../../../src/aws/errors';
import { redact } from '../../../src/aws/redact';

const secretKey = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const sessionToken = 'IQoJb3JpZ2luX2VjEXAMPLEsessionTOKENvalue1234567890abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0987654321';
const signature = 'fe5f80f77d5fa3beca038a248ff027d0445342fe2855ddc963176630326f1024';

const ctx: ErrorContext = {
  operation: 'DescribeContact',
  profile: 'dev',
  region: 'eu-west-2',
  instanceId: 'inst-1',
  contactId: 'contact-1',
  endpoint: 'https://connect.eu-west-2.amazonaws.com',
  maxAttempts: 3,
  connectTimeoutSeconds: 10,
  readTimeoutSeconds: 30,
};

/** An error shaped like the SDK's ServiceException. */
function serviceError(name: string, status: number, message = '', requestId = 'req-123', attempts = 1): Error {
  return Object.assign(new Error(message), {
    name,
    $fault: status >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode: status, requestId, attempts, totalRetryDelay: 0 },
  });
}

function nodeError(code: string, message = `${code} happened`): Error {
  return Object.assign(new Error(message), { code });
}

function assertNoSecrets(e: ConnectServiceError): void {
  const all = JSON.stringify({ message: e.message, info: e.info });
  for (const s of [secretKey, sessionToken, signature]) assert.ok(!all.includes(s), `secret leaked: ${all}`);
}

describe('error mapping: service errors', () => {
  it('ResourceNotFound names the contact, instance and region, and the 24-month retention', () => {
    const e = toConnectError(serviceError('ResourceNotFoundException', 400, 'Contact not found'), ctx);
    assert.equal(e.kind, 'NotFound');
    assert.equal(e.message, 'Contact contact-1 was not found in instance inst-1 (eu-west-2, profile dev). Contacts are kept for 24 months; check the instance ID and region. (Request ID: req-123)');
    assert.equal(e.info.hint, "A contact is only found through its own instance, in that instance's region.");
    assert.equal(e.info.requestId, 'req-123');
    assert.equal(e.info.httpStatus, 400);
    assert.equal(e.info.operation, 'DescribeContact');
    assert.equal(e.info.profile, 'dev');
    assert.ok(e instanceof Error);
  });

  it('ResourceNotFound on an instance-wide call names the instance, not the contacts\' retention', () => {
    const notFound = serviceError('ResourceNotFoundException', 404, 'Instance not found');
    for (const operation of ['DescribeInstance', 'SearchContacts', 'ListQueues', 'ListUsers']) {
      const e = toConnectError(notFound, { ...ctx, operation, contactId: undefined });
      assert.equal(e.kind, 'NotFound');
      assert.equal(e.message, 'Instance inst-1 was not found (eu-west-2, profile dev); check the instance ID and region. (Request ID: req-123)', operation);
      assert.equal(e.info.hint, "An instance is only found in its own region, with a profile of its account.", operation);
    }
  });

  it('ResourceNotFound on a queue, user, group, routing profile or flow names it and its instance', () => {
    const notFound = serviceError('ResourceNotFoundException', 404, 'Queue not found');
    const cases: [string, string][] = [
      ['DescribeQueue', 'Queue q-1'],
      ['DescribeUser', 'User q-1'],
      ['DescribeUserHierarchyGroup', 'Hierarchy group q-1'],
      ['DescribeRoutingProfile', 'Routing profile q-1'],
      ['DescribeContactFlow', 'Flow q-1'],
    ];
    for (const [operation, what] of cases) {
      const e = toConnectError(notFound, { ...ctx, operation, contactId: undefined, resourceId: 'q-1' });
      assert.equal(e.message, `${what} was not found in instance inst-1 (eu-west-2, profile dev). (Request ID: req-123)`, operation);
      assert.equal(e.info.hint, 'It may have been deleted from the instance since.', operation);
      assert.ok(!/24 months|contact/i.test(`${e.message} ${e.info.hint}`), operation);
    }
    const unnamed = toConnectError(notFound, { ...ctx, operation: 'DescribeQueue', contactId: undefined });
    assert.equal(unnamed.message, 'The queue was not found in instance inst-1 (eu-west-2, profile dev). (Request ID: req-123)');
  });

  it('ResourceNotFound on the other per-contact calls names the contact and the retention', () => {
    for (const operation of ['GetContactAttributes', 'ListAssociatedContacts', 'ListContactReferences', 'ListContactEvaluations']) {
      const e = toConnectError(serviceError('ResourceNotFoundException', 404), { ...ctx, operation });
      assert.equal(e.message, 'Contact contact-1 was not found in instance inst-1 (eu-west-2, profile dev). Contacts are kept for 24 months; check the instance ID and region. (Request ID: req-123)', operation);
    }
  });

  it('AccessDenied names the IAM action and passes on what AWS said', () => {
    const e = toConnectError(serviceError('AccessDeniedException', 403, 'User: arn:aws:sts::123456789012:assumed-role/ReadOnly/me is not authorized to perform: connect:DescribeContact'), ctx);
    assert.equal(e.kind, 'AccessDenied');
    assert.equal(e.message, 'Profile dev is not allowed to call connect:DescribeContact. AWS said: "User: arn:aws:sts::123456789012:assumed-role/ReadOnly/me is not authorized to perform: connect:DescribeContact" (Request ID: req-123)');
    assert.equal(e.info.hint, 'Ask your AWS administrator to grant the IAM action connect:DescribeContact to the role or user behind profile dev.');
  });

  it('InvalidParameter and InvalidRequest are invalid input', () => {
    const e = toConnectError(serviceError('InvalidParameterException', 400, 'ContactId is invalid'), ctx);
    assert.equal(e.kind, 'InvalidInput');
    assert.equal(e.message, 'Amazon Connect rejected the DescribeContact request as invalid. AWS said: "ContactId is invalid" (Request ID: req-123)');
    assert.equal(toConnectError(serviceError('InvalidRequestException', 400), ctx).kind, 'InvalidInput');
  });

  it('Throttling says how many attempts were made', () => {
    const e = toConnectError(serviceError('ThrottlingException', 429, 'Rate exceeded', 'req-9', 3), ctx);
    assert.equal(e.kind, 'Throttling');
    assert.equal(e.message, 'Amazon Connect is throttling DescribeContact: still throttled after 3 attempts. (Request ID: req-9)');
    assert.equal(e.info.hint, 'Wait a moment and retry, or raise connectContacts.maxAttempts to retry longer.');
    assert.equal(toConnectError(serviceError('TooManyRequestsException', 429), ctx).kind, 'Throttling');
  });

  it('LimitExceeded and ServiceQuotaExceeded are a service quota reached, in AWS\'s words, not throttling', () => {
    const e = toConnectError(serviceError('LimitExceededException', 429, 'The allowed limit for the resource has been exceeded.', 'req-4', 1), ctx);
    assert.equal(e.kind, 'QuotaExceeded');
    assert.equal(e.message, 'Amazon Connect refused DescribeContact: a service quota of the instance or account was reached. AWS said: "The allowed limit for the resource has been exceeded." (Request ID: req-4)');
    assert.equal(e.info.hint, "Retrying will not help until the usage is back under the quota. The Service Quotas console shows Amazon Connect's quotas and takes requests to raise them.");
    const quota = toConnectError(serviceError('ServiceQuotaExceededException', 402, 'The service quota has been exceeded.'), ctx);
    assert.equal(quota.kind, 'QuotaExceeded');
    assert.match(quota.message, /AWS said: "The service quota has been exceeded\."/);
  });

  it('InternalService and other 5xx are service errors', () => {
    const e = toConnectError(serviceError('InternalServiceException', 500, '', 'req-5', 3), ctx);
    assert.equal(e.kind, 'ServiceError');
    assert.equal(e.message, 'Amazon Connect failed with an internal error (HTTP 500) on DescribeContact (3 attempts). (Request ID: req-5)');
    assert.equal(toConnectError(serviceError('UnknownError', 503), ctx).kind, 'ServiceError');
  });

  it('an unrecognised access key and a bad signature are signature rejections', () => {
    const u = toConnectError(serviceError('UnrecognizedClientException', 403, 'The security token included in the request is invalid.'), ctx);
    assert.equal(u.kind, 'SignatureRejected');
    assert.equal(u.message, 'AWS does not recognise the access key of profile dev. (Request ID: req-123)');
    const s = toConnectError(serviceError('InvalidSignatureException', 403, `The request signature we calculated does not match the signature you provided. Signature=${signature}`), ctx);
    assert.equal(s.kind, 'SignatureRejected');
    assert.equal(s.message, "AWS rejected the request signature for profile dev: the secret key does not match the access key, or this computer's clock is wrong. (Request ID: req-123)");
    assertNoSecrets(s);
  });

  it('an expired token is an SSO expiry for SSO profiles, else expired credentials', () => {
    const sso = toConnectError(serviceError('ExpiredTokenException', 403), { ...ctx, profileKind: 'sso' });
    assert.equal(sso.kind, 'SsoTokenExpired');
    assert.equal(sso.info.hint, 'Run `aws sso login --profile dev` in a terminal, then retry.');
    const other = toConnectError(serviceError('ExpiredTokenException', 403), { ...ctx, profileKind: 'static' });
    assert.equal(other.kind, 'NoCredentials');
    assert.equal(other.message, 'The credentials of profile dev have expired. (Request ID: req-123)');
  });

  it('an SDK deserialization error is a malformed response', () => {
    const err = Object.assign(new SyntaxError('Unexpected token < in JSON at position 0\n  Deserialization error: to see the raw response, inspect the hidden field {error}.$response on this object.'), {
      $metadata: { httpStatusCode: 200, requestId: 'req-7' },
    });
    const e = toConnectError(err, ctx);
    assert.equal(e.kind, 'MalformedResponse');
    assert.equal(e.message, 'The response from connect.eu-west-2.amazonaws.com to DescribeContact could not be read: it is not valid JSON. (Request ID: req-7)');
  });

  it('a body cut off mid-response is a malformed response', () => {
    const err = Object.assign(nodeError('ECONNRESET', 'aborted'), { $response: { statusCode: 200, headers: { 'x-amzn-requestid': 'req-8' } } });
    const e = toConnectError(err, ctx);
    assert.equal(e.kind, 'MalformedResponse');
    assert.equal(e.message, 'The response from connect.eu-west-2.amazonaws.com to DescribeContact was cut off before it ended. (Request ID: req-8)');
  });

  it('an unknown service error keeps its name and what AWS said', () => {
    const e = toConnectError(serviceError('WeirdException', 409, 'odd'), ctx);
    assert.equal(e.kind, 'Unknown');
    assert.equal(e.message, 'Amazon Connect returned an error for DescribeContact (HTTP 409): WeirdException. AWS said: "odd" (Request ID: req-123)');
  });
});

describe('error mapping: credentials', () => {
  function credError(message: string, name = 'CredentialsProviderError'): Error {
    return Object.assign(new Error(message), { name, tryNextLink: false });
  }

  it('an expired or missing SSO token says to run aws sso login for the profile', () => {
    for (const m of [
      'The SSO session token associated with profile=dev was not found or is invalid. To refresh this SSO session run aws sso login with the corresponding profile.',
      'Token is expired. To refresh this SSO session run \'aws sso login\' with the corresponding profile.',
      'The SSO session associated with this profile has expired or is otherwise invalid. To refresh this SSO session run aws sso login with the corresponding profile.',
    ]) {
      const e = toConnectError(credError(m, m.startsWith('Token') ? 'TokenProviderError' : 'CredentialsProviderError'), ctx);
      assert.equal(e.kind, 'SsoTokenExpired', m);
      assert.equal(e.message, 'The SSO session for profile dev has expired or was never started.');
      assert.equal(e.info.hint, 'Run `aws sso login --profile dev` in a terminal, then retry.');
    }
  });

  it('an unknown profile says so', () => {
    const e = toConnectError(credError('Could not resolve credentials using profile: [dev] in configuration/credentials file(s).'), ctx);
    assert.equal(e.kind, 'NoCredentials');
    const u = toConnectError(credError('Profile dev could not be found or parsed in shared credentials file.'), ctx);
    assert.equal(u.kind, 'UnknownProfile');
    assert.equal(u.message, 'Profile dev is not in the AWS config or credentials file.');
  });

  it('no credentials names the profile and how to check it', () => {
    const e = toConnectError(credError('Could not load credentials from any providers'), ctx);
    assert.equal(e.kind, 'NoCredentials');
    assert.equal(e.message, 'No usable AWS credentials for profile dev. AWS said: "Could not load credentials from any providers"');
    assert.equal(e.info.hint, 'Check the profile in your AWS config; `aws sts get-caller-identity --profile dev` shows what the CLI finds.');
  });
});

describe('error mapping: a refused role assumption', () => {
  // STS's AccessDenied as the SDK's STS client throws it (awsQuery: the error's Code as its name).
  const stsDenied = (action: string, role: string) => Object.assign(new Error(`User: arn:aws:iam::123456789012:user/dev is not authorized to perform: ${action} on resource: ${role}`), {
    name: 'AccessDenied', $fault: 'client', $metadata: { httpStatusCode: 403, requestId: 'sts-1', attempts: 1 },
  });

  it('raised while resolving credentials, names the STS action on the role, from the message when the profile is not known', () => {
    const e = toConnectError(markCredentialFailure(stsDenied('sts:AssumeRole', 'arn:aws:iam::210987654321:role/Reader')), ctx);
    assert.equal(e.kind, 'AccessDenied');
    assert.match(e.message, /^Profile dev could not assume its role arn:aws:iam::210987654321:role\/Reader: its source identity is not allowed to call sts:AssumeRole on it\. AWS said: /);
    assert.equal(e.info.hint, "Ask your AWS administrator to allow sts:AssumeRole on arn:aws:iam::210987654321:role/Reader for its source identity (its IAM policy), and to trust that identity in the role's trust policy.");
    const web = toConnectError(markCredentialFailure(stsDenied('sts:AssumeRoleWithWebIdentity', 'arn:aws:iam::210987654321:role/Ci')), { ...ctx, roleArn: 'arn:aws:iam::210987654321:role/Ci' });
    assert.match(web.message, /is not allowed to call sts:AssumeRoleWithWebIdentity on it\./);
  });

  it('the same words from the called service still name its own action', () => {
    const e = toConnectError(stsDenied('sts:AssumeRole', 'arn:aws:iam::210987654321:role/Reader'), ctx);
    assert.match(e.message, /^Profile dev is not allowed to call connect:DescribeContact\./);
  });
});

describe('error mapping: network', () => {
  it('connection refused names the host', () => {
    const e = toConnectError(nodeError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:9'), { ...ctx, endpoint: 'http://127.0.0.1:9' });
    assert.equal(e.kind, 'ConnectionRefused');
    assert.equal(e.message, 'Nothing is accepting connections at 127.0.0.1:9 (connection refused).');
    assert.equal(e.info.requestId, undefined);
  });

  it('DNS failures (ENOTFOUND, EAI_AGAIN) name the host', () => {
    for (const code of ['ENOTFOUND', 'EAI_AGAIN']) {
      const e = toConnectError(nodeError(code, `getaddrinfo ${code} nonexistent.invalid`), { ...ctx, endpoint: 'http://nonexistent.invalid' });
      assert.equal(e.kind, 'DnsFailure');
      assert.equal(e.message, 'The host nonexistent.invalid could not be found (DNS lookup failed).');
    }
  });

  it('TLS failures name the code and point at the CA bundle setting', () => {
    for (const code of ['DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE']) {
      const e = toConnectError(nodeError(code, 'self-signed certificate'), { ...ctx, endpoint: 'https://127.0.0.1:8443' });
      assert.equal(e.kind, 'TlsFailure');
      assert.equal(e.message, `The TLS certificate of 127.0.0.1:8443 is not trusted (${code}).`);
      assert.equal(e.info.hint, 'If a proxy or a test endpoint uses its own certificate authority, set connectContacts.caBundle (or AWS_CA_BUNDLE) to its PEM file.');
    }
    assert.equal(toConnectError(nodeError('ERR_TLS_CERT_ALTNAME_INVALID'), ctx).message, 'The TLS certificate of connect.eu-west-2.amazonaws.com is for another host name (ERR_TLS_CERT_ALTNAME_INVALID).');
    assert.equal(toConnectError(nodeError('CERT_HAS_EXPIRED'), ctx).message, 'The TLS certificate of connect.eu-west-2.amazonaws.com has expired (CERT_HAS_EXPIRED).');
  });

  it('timeouts: the SDK TimeoutError, ETIMEDOUT and the connection timeout', () => {
    const read = toConnectError(Object.assign(new Error('@smithy/node-http-handler - the request socket timed out after 30000 ms of inactivity (configured by client requestHandler).'), { name: 'TimeoutError' }), ctx);
    assert.equal(read.kind, 'Timeout');
    assert.equal(read.message, 'connect.eu-west-2.amazonaws.com did not answer within 30 seconds.');
    assert.equal(read.info.hint, 'Retry, or raise connectContacts.readTimeoutSeconds.');
    const conn = toConnectError(Object.assign(new Error('@smithy/node-http-handler - the request socket did not establish a connection with the server within the configured timeout of 10000 ms.'), { name: 'TimeoutError' }), ctx);
    assert.equal(conn.message, 'Could not connect to connect.eu-west-2.amazonaws.com within 10 seconds.');
    assert.equal(toConnectError(nodeError('ETIMEDOUT'), ctx).kind, 'Timeout');
    const svc = toConnectError(serviceError('RequestTimeout', 408), ctx);
    assert.equal(svc.kind, 'Timeout');
  });

  it('a reset before any response is a network error', () => {
    const e = toConnectError(nodeError('ECONNRESET', 'socket hang up'), ctx);
    assert.equal(e.kind, 'Network');
    assert.equal(e.message, 'The connection to connect.eu-west-2.amazonaws.com was lost (ECONNRESET).');
  });

  it('a reset the HTTP handler renamed to TimeoutError is still a reset', () => {
    const e = toConnectError(Object.assign(nodeError('ECONNRESET', 'socket hang up'), { name: 'TimeoutError' }), ctx);
    assert.equal(e.kind, 'Network');
  });

  it('finds network codes in a cause chain', () => {
    const wrapped = new Error('fetch failed', { cause: nodeError('ECONNREFUSED') });
    assert.equal(toConnectError(wrapped, ctx).kind, 'ConnectionRefused');
  });

  it('an AbortError is a cancellation', () => {
    const e = toConnectError(Object.assign(new Error('Request aborted'), { name: 'AbortError' }), ctx);
    assert.equal(e.kind, 'Cancelled');
    assert.equal(e.message, 'DescribeContact was cancelled.');
  });
});

describe('error mapping: redaction and pass-through', () => {
  it('no message ever holds a secret key, session token or signature', () => {
    const inputs: unknown[] = [
      new Error(`Could not parse aws_secret_access_key = ${secretKey} in file`),
      new Error(`header X-Amz-Security-Token: ${sessionToken}`),
      new Error(`Authorization: AWS4-HMAC-SHA256 Credential=AKIAEXAMPLE/20240101/us-east-1/connect/aws4_request, SignedHeaders=host, Signature=${signature}`),
      serviceError('AccessDeniedException', 403, `denied for key ${secretKey} token ${sessionToken}`),
      Object.assign(new Error(`The SSO token ${sessionToken} expired`), { name: 'CredentialsProviderError' }),
      `a bare string with ${secretKey} in it`,
      { message: `{"SecretAccessKey":"${secretKey}","SessionToken":"${sessionToken}"}` },
    ];
    for (const input of inputs) {
      const e = toConnectError(input, { ...ctx, knownSecrets: [secretKey, sessionToken] });
      assertNoSecrets(e);
    }
    // Even without the known values, the patterns catch them.
    for (const input of inputs) assertNoSecrets(toConnectError(input, ctx));
  });

  it('redact keeps IDs, ARNs and request IDs readable', () => {
    const text = 'Contact 6f1d2c3b-4a59-4e68-9a7b-8c9d0e1f2a01 in arn:aws:connect:us-east-1:123456789012:instance/11111111-1111-4111-8111-111111111111 (Request ID: 0fa3c8d2-77a1-4f3e-9b1d-2c7e5a9f1b33) AKIAEXAMPLEDEFAULT01';
    assert.equal(redact(text), text);
    assert.equal(redact(`key ${secretKey}.`), 'key [redacted].');
  });

  it('the log line of a failure holds the call, kind, status and request ID, never what AWS said', () => {
    const e = toConnectError(serviceError('ValidationException', 400, "Value 'jane.doe@example.com' at 'searchCriteria' failed", 'req-3'), { ...ctx, operation: 'SearchContacts' });
    assert.match(e.message, /jane\.doe/);
    assert.equal(failureLogLine(e.info), 'SearchContacts failed (InvalidInput, HTTP 400, request ID req-3)');
    assert.equal(failureLogLine({ kind: 'InvalidInput', message: 'Contact ID "+1 206 555 0142" is not an ID.' }, 'A command'), 'A command failed (InvalidInput)');
  });

  it('an already-mapped error passes through unchanged', () => {
    const original = connectError('UnknownProfile', 'Profile x is not there.', { profile: 'x' });
    assert.equal(toConnectError(original, ctx), original);
  });

  it('anything else is Unknown with its message', () => {
    const e = toConnectError(new Error('something odd'), ctx);
    assert.equal(e.kind, 'Unknown');
    assert.equal(e.message, 'DescribeContact failed: something odd');
    assert.deepEqual(toErrorInfo('plain string', {}), { kind: 'Unknown', message: 'The request failed: plain string', hint: 'See the log for details.' });
  });
});
