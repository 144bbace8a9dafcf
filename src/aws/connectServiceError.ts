// The error type every AWS-layer failure is thrown as, and the builder for known kinds.
// One class in one bundle (dist/extension.js), so `instanceof` recognises every one.
import { redact } from './redact';
import type { AwsService, ConnectErrorInfo, ConnectErrorKind, ProfileKind } from './types';

export class ConnectServiceError extends Error {
  readonly info: ConnectErrorInfo;

  constructor(info: ConnectErrorInfo) {
    super(info.message);
    this.name = 'ConnectServiceError';
    this.info = info;
  }

  get kind(): ConnectErrorKind {
    return this.info.kind;
  }
}

export function isConnectServiceError(error: unknown): error is ConnectServiceError {
  return error instanceof ConnectServiceError;
}

/** What was being done when it failed; each field sharpens the message. */
export interface ErrorContext {
  /** Which service was called: its name, IAM prefix and host in messages. Amazon Connect when absent. */
  service?: AwsService;
  operation?: string;
  profile?: string;
  profileKind?: ProfileKind;
  region?: string;
  instanceId?: string;
  contactId?: string;
  /** The queue, user, hierarchy group, routing profile or flow a Describe call names. */
  resourceId?: string;
  /** An assume-role profile's role_arn and source_profile, for a refused role assumption. */
  roleArn?: string;
  sourceProfile?: string;
  /** The CloudWatch Logs log group a Logs call read. */
  logGroup?: string;
  /** The resource the IAM action must be allowed on (a log group's ARN), for AccessDenied hints. */
  resourceArn?: string;
  endpoint?: string;
  maxAttempts?: number;
  connectTimeoutSeconds?: number;
  readTimeoutSeconds?: number;
  /** Exact secret values to scrub (the resolved credentials). */
  knownSecrets?: Iterable<string>;
}

/** Builds an error of a known kind, redacted like the mapped ones. */
export function connectError(
  kind: ConnectErrorKind,
  message: string,
  extra: Omit<Partial<ConnectErrorInfo>, 'kind' | 'message'> & { knownSecrets?: Iterable<string> } = {},
): ConnectServiceError {
  const { knownSecrets, ...rest } = extra;
  const info: ConnectErrorInfo = { kind, message: redact(message, knownSecrets) };
  if (rest.hint !== undefined) info.hint = redact(rest.hint, knownSecrets);
  if (rest.requestId !== undefined) info.requestId = rest.requestId;
  if (rest.httpStatus !== undefined) info.httpStatus = rest.httpStatus;
  if (rest.operation !== undefined) info.operation = rest.operation;
  if (rest.profile !== undefined) info.profile = rest.profile;
  return new ConnectServiceError(info);
}
