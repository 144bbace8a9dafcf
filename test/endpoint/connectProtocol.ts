// Amazon Connect's restJson1 as the server answers it: routed by method and path, errors with an
// X-Amzn-ErrorType header and a `Message` body (the auth layer's with a coral namespace and `message`).
import { route, ServiceError } from './operations';
import { sampleIds } from './sampleIds';
import type { Refusal, Reply, ServiceCall } from './serviceCall';

const internalMessage = 'We encountered an internal error. Please try again.';

function errorReply(status: number, errorType: string, message: string, lowerCaseKey = false): Reply {
  return { status, body: lowerCaseKey ? { message } : { Message: message }, headers: { 'x-amzn-errortype': errorType } };
}

function refuse(method: string, rawPath: string, refusal: Refusal): Reply {
  switch (refusal.kind) {
    case 'tooLarge':
      return errorReply(413, 'SerializationException', 'Request body too large.');
    case 'auth': {
      const f = refusal.failure;
      // The auth layer answers with its coral-style error type and a lower-case "message", like AWS.
      return errorReply(f.status, `${f.errorType}:http://internal.amazon.com/coral/com.amazon.coral.service/`, f.message, true);
    }
    case 'unknownOperation':
      return errorReply(404, 'UnknownOperationException', `Unknown operation ${method} ${rawPath}`, true);
    case 'denied':
      return errorReply(403, 'AccessDeniedException', refusal.message);
    case 'throttled':
      return errorReply(429, 'ThrottlingException', 'Rate exceeded');
    case 'internal':
      return errorReply(500, 'InternalServiceException', internalMessage);
    case 'badJson':
      return errorReply(400, 'SerializationException', 'Unable to parse the request body as JSON.');
  }
}

/** The operations whose instance ID is the path's third segment, not its second. */
const instanceThird = new Set(['GetContactAttributes', 'ListAssociatedContacts', 'ListContactReferences']);

export function connectCall(method: string, rawPath: string, rawQuery: string): ServiceCall {
  const segments = rawPath.split('/').slice(1).map((s) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  });
  const match = route(method, segments);
  const operation = match?.operation ?? 'Unknown';
  return {
    service: 'connect',
    operation,
    contentType: 'application/json',
    invoke: match && ((body, data) => match.handle({ method, segments, query: new URLSearchParams(rawQuery), body }, data)),
    resourceArn: (region) => `arn:aws:connect:${region}:${sampleIds.account}:instance/${(instanceThird.has(operation) ? segments[2] : segments[1]) ?? '*'}`,
    refuse: (refusal) => refuse(method, rawPath, refusal),
    thrown: (err) => (err instanceof ServiceError ? errorReply(err.status, err.errorType, err.message) : undefined),
  };
}
