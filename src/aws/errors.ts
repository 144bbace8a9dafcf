// The one place a failure becomes something a person can act on: every error
// from the SDK, the credential chain, Node's network stack or our own checks
// maps to a ConnectErrorInfo here. Messages pass through `redact` last.
import { connectError, ConnectServiceError, isConnectServiceError, type ErrorContext } from './connectServiceError';
import { ssoLoginCommand } from './shellQuote';
import type { AwsService, ConnectErrorInfo, ConnectErrorKind } from './types';

export { connectError, ConnectServiceError, isConnectServiceError, type ErrorContext } from './connectServiceError';

interface ErrorFacts {
  name: string;
  message: string;
  codes: string[];
  httpStatus?: number;
  requestId?: string;
  attempts?: number;
  fault?: string;
  gotResponse: boolean;
}

function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Reads what the error says about itself, following `cause` chains (fetch and AggregateError wrap network errors). */
function factsOf(error: unknown): ErrorFacts {
  const codes: string[] = [];
  let node: unknown = error;
  for (let depth = 0; node !== undefined && node !== null && depth < 5; depth++) {
    for (const key of ['code', 'errno', 'Code']) {
      const c = field(node, key);
      if (typeof c === 'string') codes.push(c);
    }
    const errors = field(node, 'errors');
    if (Array.isArray(errors)) for (const e of errors) { const c = str(field(e, 'code')); if (c) codes.push(c); }
    node = field(node, 'cause');
  }
  const metadata = field(error, '$metadata');
  const response = field(error, '$response');
  const headers = field(response, 'headers');
  const headerRequestId = headers && typeof headers === 'object'
    ? Object.entries(headers as Record<string, unknown>).find(([k]) => /^x-amzn?-request-?id$/i.test(k))?.[1]
    : undefined;
  const statusFromResponse = field(response, 'statusCode');
  return {
    name: str(field(error, 'name')) ?? (error instanceof Error ? error.name : ''),
    message: str(field(error, 'message')) ?? (typeof error === 'string' ? error : ''),
    codes,
    httpStatus: (field(metadata, 'httpStatusCode') as number | undefined) ?? (typeof statusFromResponse === 'number' ? statusFromResponse : undefined),
    requestId: str(field(metadata, 'requestId')) ?? str(headerRequestId),
    attempts: field(metadata, 'attempts') as number | undefined,
    fault: str(field(error, '$fault')),
    gotResponse: response !== undefined,
  };
}

const tlsCodes = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REVOKED',
  'CERT_SIGNATURE_FAILURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'EPROTO',
  'ERR_SSL_TLSV1_ALERT_UNKNOWN_CA',
]);
const resetCodes = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN', 'EHOSTDOWN', 'ERR_STREAM_PREMATURE_CLOSE', 'UND_ERR_SOCKET']);

const notFoundNames = new Set(['ResourceNotFoundException', 'NotFoundException', 'ResourceNotFound']);
const accessDeniedNames = new Set(['AccessDeniedException', 'AccessDenied', 'UnauthorizedOperation', 'UnauthorizedException', 'Forbidden']);
const signatureNames = new Set(['InvalidSignatureException', 'SignatureDoesNotMatch', 'IncompleteSignatureException', 'IncompleteSignature', 'MissingAuthenticationTokenException', 'MissingAuthenticationToken']);
const unknownKeyNames = new Set(['UnrecognizedClientException', 'InvalidClientTokenId', 'InvalidAccessKeyId']);
const expiredNames = new Set(['ExpiredTokenException', 'ExpiredToken', 'RequestExpired', 'TokenRefreshRequired']);
const invalidNames = new Set(['InvalidParameterException', 'InvalidRequestException', 'ValidationException', 'BadRequestException', 'SerializationException', 'InvalidContactFlowException', 'ConflictException']);
const throttleNames = new Set(['ThrottlingException', 'Throttling', 'TooManyRequestsException', 'RequestLimitExceeded', 'ProvisionedThroughputExceededException', 'RequestThrottled', 'RequestThrottledException', 'SlowDown']);
// Quotas, not rates: Connect's LimitExceededException is "the allowed limit for the resource has been
// exceeded" (a 429 all the same), Logs' is a limit reached, for StartQuery the queries running at once.
export const quotaNames: ReadonlySet<string> = new Set(['LimitExceededException', 'ServiceQuotaExceededException']);
const serverNames = new Set(['InternalServiceException', 'InternalServerException', 'InternalFailure', 'InternalError', 'ServiceUnavailable', 'ServiceUnavailableException']);

/** How messages name each service, its IAM prefix, public host and endpoint settings. */
const serviceWords: Record<AwsService, { name: string; iamPrefix: string; endpointSettings: string }> = {
  connect: { name: 'Amazon Connect', iamPrefix: 'connect', endpointSettings: "connectContacts.endpointUrl, AWS_ENDPOINT_URL, the profile's endpoint_url" },
  logs: { name: 'CloudWatch Logs', iamPrefix: 'logs', endpointSettings: "connectContacts.logsEndpointUrl, AWS_ENDPOINT_URL_CLOUDWATCH_LOGS, AWS_ENDPOINT_URL, the profile's endpoint_url" },
};

function hostOf(endpoint: string | undefined, region: string | undefined, service: AwsService): string {
  if (endpoint) {
    try {
      return new URL(endpoint).host;
    } catch {
      return endpoint;
    }
  }
  return region ? `${service}.${region}.amazonaws.com` : `the ${serviceWords[service].name} endpoint`;
}

function seconds(n: number | undefined): string {
  return n === undefined ? 'the timeout' : `${n} second${n === 1 ? '' : 's'}`;
}

function attemptsText(n: number | undefined): string {
  return n === undefined ? '' : n === 1 ? ' (1 attempt)' : ` (${n} attempts)`;
}

/** What each Describe call of a named resource looks up, for "was not found" messages. */
const describedResources: Record<string, string> = {
  DescribeQueue: 'queue',
  DescribeUser: 'user',
  DescribeUserHierarchyGroup: 'hierarchy group',
  DescribeRoutingProfile: 'routing profile',
  DescribeContactFlow: 'flow',
};

/**
 * What was not found, and what to do about it. Only a call about one contact speaks of the contacts'
 * 24-month retention; an instance-wide call (a search, a listing) names the instance, a Describe of a
 * queue or user names that.
 */
function notFoundFacts(ctx: ErrorContext): { message: string; hint: string } {
  const where = [ctx.region, ctx.profile ? `profile ${ctx.profile}` : undefined].filter(Boolean).join(', ');
  const suffix = where ? ` (${where})` : '';
  if (ctx.service === 'logs') {
    return {
      message: ctx.logGroup ? `The log group ${ctx.logGroup} does not exist${suffix}.` : `CloudWatch Logs could not find what ${ctx.operation ?? 'the request'} asked for${suffix}.`,
      hint: logGroupMissingHint(ctx.logGroup),
    };
  }
  if (ctx.contactId) {
    return {
      message: `Contact ${ctx.contactId} was not found in instance ${ctx.instanceId ?? ''}${suffix}. Contacts are kept for 24 months; check the instance ID and region.`.replace(/\s+/g, ' '),
      hint: 'A contact is only found through its own instance, in that instance\'s region.',
    };
  }
  const resource = ctx.operation ? describedResources[ctx.operation] : undefined;
  if (resource && ctx.instanceId) {
    const what = ctx.resourceId ? `${resource.charAt(0).toUpperCase()}${resource.slice(1)} ${ctx.resourceId}` : `The ${resource}`;
    return { message: `${what} was not found in instance ${ctx.instanceId}${suffix}.`, hint: 'It may have been deleted from the instance since.' };
  }
  if (ctx.instanceId) {
    return { message: `Instance ${ctx.instanceId} was not found${suffix}; check the instance ID and region.`, hint: 'An instance is only found in its own region, with a profile of its account.' };
  }
  return { message: `Amazon Connect could not find what ${ctx.operation ?? 'the request'} asked for${suffix}.`, hint: 'Check the IDs and the region.' };
}

/** What to do about a missing log group: Connect's flow logs, a Lambda function's, or an override. */
function logGroupMissingHint(logGroup: string | undefined): string {
  if (logGroup?.startsWith('/aws/connect/')) {
    return 'Flow logging is off for the instance, or nothing has logged yet: turn on "Enable flow logs" under the instance\'s Flows settings in the Amazon Connect console, and add a Set logging behavior block to the flow. A log group of another name is set with connectContacts.flowLogGroups.';
  }
  if (logGroup?.startsWith('/aws/lambda/')) {
    return 'The function has not logged in this region, or logs to another log group (its logging configuration).';
  }
  return 'Check the log group name (connectContacts.flowLogGroups) and the region.';
}

// Errors thrown while the credential chain resolved (clientCache marks them). STS's own answer to a
// role assumption is a service error like Connect's, so without this mark its AccessDenied would
// name the Connect action that was never sent.
const credentialFailures = new WeakSet<object>();

/** Marks `error` as raised while resolving credentials (not by the service called); returns it. */
export function markCredentialFailure(error: unknown): unknown {
  if (error !== null && typeof error === 'object') credentialFailures.add(error);
  return error;
}

/** What a person can act on when STS refused to let the profile assume its role. */
function roleRefused(ctx: ErrorContext, message: string): { message: string; hint: string } {
  const action = /not authorized to perform: (sts:\w+)/.exec(message)?.[1] ?? 'sts:AssumeRole';
  const role = ctx.roleArn ?? /on resource: (arn:\S+)/.exec(message)?.[1];
  const identity = ctx.sourceProfile ? `the identity of source profile ${ctx.sourceProfile}` : 'its source identity';
  const profile = ctx.profile ?? '(default)';
  return {
    message: `Profile ${profile} could not assume its role${role ? ` ${role}` : ''}: ${identity} is not allowed to call ${action} on it.`,
    hint: `Ask your AWS administrator to allow ${action} on ${role ?? `the role_arn of profile ${profile}`} for ${identity} (its IAM policy), and to trust that identity in the role's trust policy.`,
  };
}

function serviceDetail(message: string): string {
  const m = message.replace(/\n\s*Deserialization error:[\s\S]*$/, '').trim();
  return m && m !== 'UnknownError' && !/^Unknown(Error)?$/.test(m) ? ` AWS said: "${m.length > 300 ? `${m.slice(0, 300)}…` : m}"` : '';
}

/** Maps any failure to a ConnectServiceError. Already-mapped errors pass through. */
export function toConnectError(error: unknown, ctx: ErrorContext = {}): ConnectServiceError {
  if (isConnectServiceError(error)) return error;
  const f = factsOf(error);
  const op = ctx.operation;
  const profile = ctx.profile;
  const service = ctx.service ?? 'connect';
  const words = serviceWords[service];
  const host = hostOf(ctx.endpoint, ctx.region, service);
  const base = { operation: op, profile, knownSecrets: ctx.knownSecrets, httpStatus: f.httpStatus, requestId: f.requestId };
  const withRequestId = (message: string): string => (f.requestId ? `${message} (Request ID: ${f.requestId})` : message);
  const make = (kind: ConnectErrorKind, message: string, hint?: string): ConnectServiceError =>
    connectError(kind, withRequestId(message), { ...base, hint });
  const has = (pred: (c: string) => boolean): string | undefined => f.codes.find(pred);
  const msg = f.message;
  const action = op ? `${words.iamPrefix}:${op}` : `the ${words.name} action`;
  // Logs names the resource too: a policy may allow the action on some log groups only.
  const onResource = service === 'logs' && ctx.logGroup ? ` on the log group ${ctx.logGroup}` : '';
  const grantOn = ctx.resourceArn ? ` on ${ctx.resourceArn}` : '';
  const notFound = (): ConnectServiceError => {
    const { message, hint } = notFoundFacts({ ...ctx, service });
    return make('NotFound', message, hint);
  };
  const ssoLogin = ssoLoginCommand(profile);

  // Cancelled by the user (or by closing the panel).
  if (f.name === 'AbortError' || has((c) => c === 'ABORT_ERR')) {
    return make('Cancelled', `${op ?? 'The request'} was cancelled.`);
  }

  // Credentials: resolved before anything is sent.
  if (f.name === 'CredentialsProviderError' || f.name === 'TokenProviderError' || /^Could not load credentials|^Could not resolve credentials/i.test(msg)) {
    if (/sso/i.test(msg) && /(expired|refresh|invalid|not found|login|token)/i.test(msg)) {
      return make('SsoTokenExpired', `The SSO session for profile ${profile ?? '(default)'} has expired or was never started.`, `Run \`${ssoLogin}\` in a terminal, then retry.`);
    }
    if (/could not be found|not found in|no (config|credentials) for profile|Profile .* (does not exist|not found)/i.test(msg) && !/credentials? (source|provider)/i.test(msg)) {
      return make('UnknownProfile', `Profile ${profile ?? ''} is not in the AWS config or credentials file.`.replace(/\s+/g, ' '), 'Pick another profile, or add it with `aws configure --profile NAME`.');
    }
    return make('NoCredentials', `No usable AWS credentials for profile ${profile ?? '(default)'}.${serviceDetail(msg)}`, `Check the profile in your AWS config; \`aws sts get-caller-identity${profile ? ` --profile ${profile}` : ''}\` shows what the CLI finds.`);
  }

  // STS refused the role assumption (or web identity) the profile's credentials need.
  if (error !== null && typeof error === 'object' && credentialFailures.has(error) && (accessDeniedNames.has(f.name) || /not authorized to perform: sts:/i.test(msg))) {
    const refused = roleRefused(ctx, msg);
    return make('AccessDenied', `${refused.message}${serviceDetail(msg)}`, refused.hint);
  }

  // The service answered with an error of its own.
  const name = f.name;
  if (f.fault !== undefined || (f.httpStatus !== undefined && f.httpStatus >= 400)) {
    if (notFoundNames.has(name) || (f.httpStatus === 404 && !name.endsWith('Exception'))) return notFound();
    if (accessDeniedNames.has(name)) {
      return make('AccessDenied', `Profile ${profile ?? '(default)'} is not allowed to call ${action}${onResource}.${serviceDetail(msg)}`, `Ask your AWS administrator to grant the IAM action ${action}${grantOn} to the role or user behind profile ${profile ?? '(default)'}.`);
    }
    if (unknownKeyNames.has(name)) {
      return make('SignatureRejected', `AWS does not recognise the access key of profile ${profile ?? '(default)'}.`, 'The key may have been deleted or rotated, or belongs to another partition; update the profile\'s credentials.');
    }
    if (signatureNames.has(name)) {
      return make('SignatureRejected', `AWS rejected the request signature for profile ${profile ?? '(default)'}: the secret key does not match the access key, or this computer's clock is wrong.`, 'Check the secret access key in your credentials file and the system clock.');
    }
    if (expiredNames.has(name)) {
      return ctx.profileKind === 'sso'
        ? make('SsoTokenExpired', `The SSO credentials for profile ${profile ?? '(default)'} have expired.`, `Run \`${ssoLogin}\` in a terminal, then retry.`)
        : make('NoCredentials', `The credentials of profile ${profile ?? '(default)'} have expired.`, 'Refresh the session token (or run `aws sso login` for SSO profiles), then retry.');
    }
    if (quotaNames.has(name)) {
      if (service === 'logs' && op === 'StartQuery') {
        return make('QuotaExceeded', `CloudWatch Logs Insights refused to start the query: the account already runs as many queries at once as its quota allows${ctx.region ? ` in ${ctx.region}` : ''}.${serviceDetail(msg)}`, 'Wait for running queries to finish (or stop some in the CloudWatch console), then run the query again. The number of queries at once is a CloudWatch Logs service quota.');
      }
      const scope = service === 'connect' ? 'the instance or account' : 'the account';
      return make('QuotaExceeded', `${words.name} refused ${op ?? 'the request'}: a service quota of ${scope} was reached.${serviceDetail(msg)}`, `Retrying will not help until the usage is back under the quota. The Service Quotas console shows ${words.name}${words.name.endsWith('s') ? "'" : "'s"} quotas and takes requests to raise them.`);
    }
    if (throttleNames.has(name) || f.httpStatus === 429) {
      const n = f.attempts ?? ctx.maxAttempts;
      return make('Throttling', `${words.name} is throttling ${op ?? 'requests'}: still throttled after ${n ?? 'several'} attempt${n === 1 ? '' : 's'}.`, 'Wait a moment and retry, or raise connectContacts.maxAttempts to retry longer.');
    }
    if (name === 'MalformedQueryException') {
      // Logs Insights' own words about the query are what the person must read to fix it.
      const e = make('InvalidInput', `CloudWatch Logs Insights could not run the query: ${msg || 'it is not valid'}`, 'Edit the query and run it again.');
      const compile = field(error, 'queryCompileError');
      const location = field(compile, 'location');
      const offset = (key: string) => (typeof field(location, key) === 'number' ? (field(location, key) as number) : undefined);
      e.info.queryError = { message: e.info.message.replace(/^CloudWatch Logs Insights could not run the query: /, '').replace(/ \(Request ID: [^)]*\)$/, ''), startCharOffset: offset('startCharOffset'), endCharOffset: offset('endCharOffset') };
      return e;
    }
    if (invalidNames.has(name) || f.httpStatus === 400) {
      return make('InvalidInput', `${words.name} rejected the ${op ?? ''} request as invalid.${serviceDetail(msg)}`.replace(/\s+/g, ' ').replace(' .', '.'), service === 'logs' ? 'Check the log group name and the time window.' : 'Check the instance ID and contact ID.');
    }
    if (name === 'RequestTimeout' || name === 'RequestTimeoutException') {
      return make('Timeout', `${words.name} timed out answering ${op ?? 'the request'}${attemptsText(f.attempts)}.`, 'Retry in a moment.');
    }
    if (serverNames.has(name) || (f.httpStatus !== undefined && f.httpStatus >= 500)) {
      return make('ServiceError', `${words.name} failed with an internal error (HTTP ${f.httpStatus ?? 500}) on ${op ?? 'the request'}${attemptsText(f.attempts ?? ctx.maxAttempts)}.`, 'This is on the AWS side; retry in a moment.');
    }
    if (f.httpStatus === 404) return notFound();
    if (f.httpStatus === 403) {
      return make('AccessDenied', `Profile ${profile ?? '(default)'} is not allowed to call ${action}${onResource} (HTTP 403).${serviceDetail(msg)}`, `Ask your AWS administrator to grant the IAM action ${action}${grantOn}.`);
    }
  }

  // Network failures, before or during the response.
  const tls = has((c) => tlsCodes.has(c));
  if (tls) {
    const what = tls === 'ERR_TLS_CERT_ALTNAME_INVALID'
      ? `The TLS certificate of ${host} is for another host name`
      : tls === 'CERT_HAS_EXPIRED'
        ? `The TLS certificate of ${host} has expired`
        : tls === 'EPROTO' || tls === 'ERR_SSL_WRONG_VERSION_NUMBER'
          ? `The TLS handshake with ${host} failed (is it an http:// endpoint?)`
          : `The TLS certificate of ${host} is not trusted`;
    return make('TlsFailure', `${what} (${tls}).`, 'If a proxy or a test endpoint uses its own certificate authority, set connectContacts.caBundle (or AWS_CA_BUNDLE) to its PEM file.');
  }
  if (has((c) => c === 'ECONNREFUSED')) {
    return make('ConnectionRefused', `Nothing is accepting connections at ${host} (connection refused).`, `Check the endpoint URL (${words.endpointSettings}) and that the server is running.`);
  }
  if (has((c) => c === 'ENOTFOUND' || c === 'EAI_AGAIN' || c === 'EAI_NONAME' || c === 'EAI_FAIL')) {
    return make('DnsFailure', `The host ${host} could not be found (DNS lookup failed).`, 'Check your network connection or proxy, the region, and any endpoint URL override.');
  }
  // node-http-handler renames ECONNRESET and EPIPE errors to TimeoutError: those are resets, not timeouts.
  const renamedReset = f.name === 'TimeoutError' && has((c) => c === 'ECONNRESET' || c === 'EPIPE') !== undefined;
  if ((f.name === 'TimeoutError' && !renamedReset) || has((c) => c === 'ETIMEDOUT' || c === 'ESOCKETTIMEDOUT' || c === 'UND_ERR_CONNECT_TIMEOUT')) {
    if (/establish a connection|connect timeout|ETIMEDOUT.*connect/i.test(msg)) {
      return make('Timeout', `Could not connect to ${host} within ${seconds(ctx.connectTimeoutSeconds)}.`, 'Check the network, or raise connectContacts.connectTimeoutSeconds.');
    }
    return make('Timeout', `${host} did not answer within ${seconds(ctx.readTimeoutSeconds)}.`, 'Retry, or raise connectContacts.readTimeoutSeconds.');
  }
  const reset = has((c) => resetCodes.has(c)) ?? (/socket hang up|premature close|aborted/i.test(msg) ? 'ECONNRESET' : undefined);
  if (reset && f.gotResponse) {
    return make('MalformedResponse', `The response from ${host} to ${op ?? 'the request'} was cut off before it ended.`, 'Retry; if it keeps happening, check any proxy between you and AWS.');
  }
  if (reset) {
    return make('Network', `The connection to ${host} was lost (${reset}).`, 'Retry; if it keeps happening, check the network or proxy.');
  }

  // A response arrived but could not be read.
  if (f.name === 'SyntaxError' || /Deserialization error|Unexpected (end|token)|JSON/i.test(msg)) {
    return make('MalformedResponse', `The response from ${host} to ${op ?? 'the request'} could not be read: it is not valid JSON.`, 'Retry; if it keeps happening, check the endpoint URL and any proxy.');
  }

  if (/Region (not accepted|is missing)|invalid region/i.test(msg)) {
    return make('InvalidRegion', `The region "${ctx.region ?? ''}" is not a valid region name.`, 'Pick a region like us-east-1 with Amazon Connect: Select Region.');
  }

  if (f.fault !== undefined || f.httpStatus !== undefined) {
    return make('Unknown', `${words.name} returned an error for ${op ?? 'the request'}${f.httpStatus ? ` (HTTP ${f.httpStatus})` : ''}: ${name || 'unknown error'}.${serviceDetail(msg)}`, 'See the log for details.');
  }
  return make('Unknown', `${op ?? 'The request'} failed: ${msg || name || String(error)}`, 'See the log for details.');
}

/**
 * A failure as the log (a file on disk) keeps it: the call, the kind, the HTTP status and the request
 * ID AWS support asks for. Never the message: the service's words can repeat what the person typed (a
 * searched attribute value, a Logs Insights query) and so contact data; the person reads them in the UI.
 */
export function failureLogLine(info: ConnectErrorInfo, what = 'A request'): string {
  const facts = [info.kind, info.httpStatus !== undefined ? `HTTP ${info.httpStatus}` : undefined, info.requestId ? `request ID ${info.requestId}` : undefined];
  return `${info.operation ?? what} failed (${facts.filter(Boolean).join(', ')})`;
}

/** The user-facing facts of any failure (for callers that show errors, not throw them). */
export function toErrorInfo(error: unknown, ctx: ErrorContext = {}): ConnectErrorInfo {
  return toConnectError(error, ctx).info;
}
