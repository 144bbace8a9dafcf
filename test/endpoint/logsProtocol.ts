// CloudWatch Logs' awsJson1.1 as the server answers it (botocore's logs/2014-03-28 model): `POST /` with
// `X-Amz-Target: Logs_20140328.<Operation>` and `Content-Type: application/x-amz-json-1.1`, signed for the
// service `logs`; errors are HTTP 400 (500 for the service's own faults) with a `{"__type", "message"}` body.
import { LogsError } from './logsError';
import { insightsOperations } from './insightsOperations';
import { logsOperations as filterOperations } from './logsOperations';
import { isObject, ServiceError } from './operationSupport';
import { sampleIds } from './sampleIds';
import type { Refusal, Reply, ServiceCall } from './serviceCall';

/** Every Logs operation the endpoint serves: FilterLogEvents, DescribeLogGroups and the Insights three. */
const logsOperations = { ...filterOperations, ...insightsOperations };

export const logsTargetPrefix = 'Logs_20140328.';
export const logsContentType = 'application/x-amz-json-1.1';

/** awsJson answers every client error with 400; only the service's own fault is a 5xx. */
function errorReply(errorType: string, message: string): Reply {
  return { status: errorType === 'ServiceUnavailableException' ? 500 : 400, body: { __type: errorType, message } };
}

function refuse(target: string, refusal: Refusal): Reply {
  switch (refusal.kind) {
    case 'tooLarge':
      return { ...errorReply('SerializationException', 'Request body too large.'), status: 413 };
    case 'auth':
      return errorReply(refusal.failure.errorType, refusal.failure.message);
    case 'unknownOperation':
      return errorReply('UnknownOperationException', `Unknown operation ${target}`);
    case 'denied':
      return errorReply('AccessDeniedException', refusal.message);
    case 'throttled':
      return errorReply('ThrottlingException', 'Rate exceeded');
    case 'internal':
      return errorReply('ServiceUnavailableException', 'The service cannot complete the request.');
    case 'badJson':
      return errorReply('SerializationException', 'Unable to parse the request body as JSON.');
  }
}

function header(headers: Record<string, string[]>, name: string): string | undefined {
  return headers[name]?.join(',');
}

/** The log group a request names, for IAM's message: its ARN, without the `:*` of DescribeLogGroups' `arn`. */
function logGroupArn(region: string, rawBody: string): string {
  let body: unknown;
  try {
    body = JSON.parse(rawBody || '{}');
  } catch {
    body = {};
  }
  const id = isObject(body) ? (body.logGroupIdentifier ?? body.logGroupName) : undefined;
  if (typeof id === 'string' && id.startsWith('arn:')) return id;
  return `arn:aws:logs:${region}:${sampleIds.account}:log-group:${typeof id === 'string' ? id : ''}`;
}

/** A CloudWatch Logs request (it names an `X-Amz-Target`), or undefined for any other. */
export function logsCall(method: string, rawPath: string, headers: Record<string, string[]>): ServiceCall | undefined {
  const target = header(headers, 'x-amz-target');
  if (target === undefined) return undefined;
  const name = target.startsWith(logsTargetPrefix) ? target.slice(logsTargetPrefix.length) : '';
  const handler = method === 'POST' && rawPath === '/' && Object.prototype.hasOwnProperty.call(logsOperations, name) ? logsOperations[name] : undefined;
  const contentType = header(headers, 'content-type')?.split(';')[0].trim().toLowerCase();
  return {
    service: 'logs',
    operation: handler ? name : 'Unknown',
    contentType: logsContentType,
    invoke:
      handler &&
      ((body, data) => {
        if (contentType !== logsContentType) throw new LogsError('SerializationException', `Expected Content-Type ${logsContentType}, got ${contentType ?? 'none'}.`);
        if (body !== undefined && !isObject(body)) throw new LogsError('SerializationException', 'The request body must be a JSON object.');
        return handler(body ?? {}, data.logGroups());
      }),
    resourceArn: (region, rawBody) => `${name === 'DescribeLogGroups' ? `arn:aws:logs:${region}:${sampleIds.account}:log-group:` : logGroupArn(region, rawBody)}:log-stream:`,
    refuse: (refusal) => refuse(target, refusal),
    thrown: (err) => (err instanceof LogsError || err instanceof ServiceError ? errorReply(err.errorType, err.message) : undefined),
  };
}
