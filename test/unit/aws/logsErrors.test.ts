// CloudWatch Logs failures read as Logs failures: its name, its IAM prefix, its host and settings.
// Connect's wording is unchanged (errors.test.ts).
import * as assert from 'node:assert/strict';
import { toConnectError, type ErrorContext } from '../../../src/aws/errors';

const ctx: ErrorContext = { service: 'logs', operation: 'FilterLogEvents', profile: 'dev', region: 'eu-west-2', logGroup: '/aws/connect/centre', resourceArn: 'arn:aws:logs:eu-west-2:*:log-group:/aws/connect/centre:*', maxAttempts: 3 };

function serviceError(name: string, status: number, message = ''): Error {
  return Object.assign(new Error(message), { name, $fault: status >= 500 ? 'server' : 'client', $metadata: { httpStatusCode: status, requestId: 'req-9', attempts: 3 } });
}

describe('error mapping: CloudWatch Logs', () => {
  it('a missing log group', () => {
    const e = toConnectError(serviceError('ResourceNotFoundException', 400, 'The specified log group does not exist.'), ctx);
    assert.equal(e.message, 'The log group /aws/connect/centre does not exist (eu-west-2, profile dev). (Request ID: req-9)');
    assert.match(e.info.hint ?? '', /flow logs/);
    const lambda = toConnectError(serviceError('ResourceNotFoundException', 400), { ...ctx, logGroup: '/aws/lambda/f' });
    assert.equal(lambda.info.hint, 'The function has not logged in this region, or logs to another log group (its logging configuration).');
  });

  it('access denied names the logs action and resource', () => {
    const e = toConnectError(serviceError('AccessDeniedException', 400), ctx);
    assert.equal(e.message, 'Profile dev is not allowed to call logs:FilterLogEvents on the log group /aws/connect/centre. (Request ID: req-9)');
    assert.equal(e.info.hint, 'Ask your AWS administrator to grant the IAM action logs:FilterLogEvents on arn:aws:logs:eu-west-2:*:log-group:/aws/connect/centre:* to the role or user behind profile dev.');
  });

  it('LimitExceeded is a Logs quota, not throttling: for StartQuery, too many queries running at once', () => {
    const start = toConnectError(serviceError('LimitExceededException', 400, 'Account maximum query concurrency limit of [30] reached.'), { ...ctx, operation: 'StartQuery' });
    assert.equal(start.kind, 'QuotaExceeded');
    assert.equal(start.message, 'CloudWatch Logs Insights refused to start the query: the account already runs as many queries at once as its quota allows in eu-west-2. AWS said: "Account maximum query concurrency limit of [30] reached." (Request ID: req-9)');
    assert.equal(start.info.hint, 'Wait for running queries to finish (or stop some in the CloudWatch console), then run the query again. The number of queries at once is a CloudWatch Logs service quota.');
    const other = toConnectError(serviceError('LimitExceededException', 400, 'Resource limit exceeded.'), ctx);
    assert.equal(other.kind, 'QuotaExceeded');
    assert.equal(other.message, 'CloudWatch Logs refused FilterLogEvents: a service quota of the account was reached. AWS said: "Resource limit exceeded." (Request ID: req-9)');
    assert.equal(other.info.hint, "Retrying will not help until the usage is back under the quota. The Service Quotas console shows CloudWatch Logs' quotas and takes requests to raise them.");
  });

  it('throttling, invalid input, server errors and refused connections name CloudWatch Logs', () => {
    assert.equal(toConnectError(serviceError('ThrottlingException', 400, 'Rate exceeded'), ctx).message, 'CloudWatch Logs is throttling FilterLogEvents: still throttled after 3 attempts. (Request ID: req-9)');
    const invalid = toConnectError(serviceError('InvalidParameterException', 400, 'bad pattern'), ctx);
    assert.equal(invalid.message, 'CloudWatch Logs rejected the FilterLogEvents request as invalid. AWS said: "bad pattern" (Request ID: req-9)');
    assert.equal(invalid.info.hint, 'Check the log group name and the time window.');
    assert.match(toConnectError(serviceError('ServiceUnavailableException', 503), ctx).message, /^CloudWatch Logs failed with an internal error \(HTTP 503\)/);
    const refused = toConnectError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), { ...ctx, endpoint: undefined });
    assert.equal(refused.message, 'Nothing is accepting connections at logs.eu-west-2.amazonaws.com (connection refused).');
    assert.match(refused.info.hint ?? '', /connectContacts\.logsEndpointUrl, AWS_ENDPOINT_URL_CLOUDWATCH_LOGS/);
  });
});
