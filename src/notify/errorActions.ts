// Which actions fix which kind of error, and the words for it: pure, so the rules are tested
// without VS Code. errorNotifications.ts shows them; the instance picker shows them as items.
import type { ConnectErrorInfo, ConnectErrorKind } from '../aws/types';

export const actionTitles = {
  selectProfile: 'Select Profile',
  selectRegion: 'Select Region',
  copySsoLogin: 'Copy "aws sso login" Command',
  openSettings: 'Open Settings',
  openAwsConfig: 'Open AWS Config',
  retry: 'Retry',
  showLog: 'Show Log',
} as const;
export type ErrorAction = keyof typeof actionTitles;

/** What a caller knows that the error kind alone does not. */
export interface ActionContext {
  /** A retry is possible (the caller can repeat the request). */
  canRetry: boolean;
  /** NotFound only: offer Select Region (default true; a caller that knows the region is right says false). */
  selectRegion?: boolean;
}

/**
 * Retry is offered only where repeating the same request can give another answer: not for
 * NotFound or InvalidInput (the same ID gives the same answer), nor for what needs a change first
 * (a permission, a profile, a region).
 */
export function actionsFor(info: ConnectErrorInfo, context: ActionContext): ErrorAction[] {
  const retry: ErrorAction[] = context.canRetry && isRetryable(info.kind) ? ['retry'] : [];
  switch (info.kind) {
    case 'NotFound':
      return context.selectRegion === false ? [] : ['selectRegion'];
    case 'AccessDenied':
    case 'SignatureRejected':
      return ['selectProfile', 'showLog'];
    case 'SsoTokenExpired':
      return ['copySsoLogin', 'selectProfile', ...retry];
    case 'NoCredentials':
    case 'UnknownProfile':
      return ['selectProfile', 'openAwsConfig'];
    case 'InvalidRegion':
      return ['selectRegion'];
    case 'ConnectionRefused':
    case 'DnsFailure':
    case 'TlsFailure':
    case 'Timeout':
    case 'Network':
      return [...retry, 'openSettings', 'showLog'];
    case 'Throttling':
    case 'QuotaExceeded':
    case 'ServiceError':
    case 'MalformedResponse':
    case 'Unknown':
      return [...retry, 'showLog'];
    case 'InvalidInput':
      return ['showLog'];
    case 'Cancelled':
      return [];
  }
}

/** Kinds where the same request, sent again (after a sign-in for SSO), can succeed. */
export function isRetryable(kind: ConnectErrorKind): boolean {
  switch (kind) {
    case 'SsoTokenExpired':
    case 'ConnectionRefused':
    case 'DnsFailure':
    case 'TlsFailure':
    case 'Timeout':
    case 'Network':
    case 'Throttling':
    case 'QuotaExceeded': // not soon, but once queries finish or the quota is raised: the person decides when
    case 'ServiceError':
    case 'MalformedResponse':
    case 'Unknown':
      return true;
    case 'NotFound':
    case 'InvalidInput':
    case 'AccessDenied':
    case 'SignatureRejected':
    case 'NoCredentials':
    case 'UnknownProfile':
    case 'InvalidRegion':
    case 'Cancelled':
      return false;
  }
}

/**
 * Failures that are about the profile, region or connection rather than one instance: every
 * other request in the same profile and region would fail the same way.
 */
export function failsEverywhere(kind: ConnectErrorKind): boolean {
  switch (kind) {
    case 'SsoTokenExpired':
    case 'NoCredentials':
    case 'UnknownProfile':
    case 'InvalidRegion':
    case 'SignatureRejected':
    case 'ConnectionRefused':
    case 'DnsFailure':
    case 'TlsFailure':
    case 'Cancelled':
      return true;
    default:
      return false;
  }
}

/** A few words for what went wrong, for a list row or a summary ("access denied"). */
export function problemWords(kind: ConnectErrorKind): string {
  switch (kind) {
    case 'NotFound': return 'not found';
    case 'AccessDenied': return 'access denied';
    case 'InvalidInput': return 'the request was rejected as invalid';
    case 'Throttling': return 'throttled by Amazon Connect';
    case 'QuotaExceeded': return 'a service quota was reached';
    case 'ServiceError': return 'Amazon Connect had an internal error';
    case 'SsoTokenExpired': return 'the SSO session has expired';
    case 'NoCredentials': return 'no usable AWS credentials';
    case 'UnknownProfile': return 'the profile is not in the AWS config';
    case 'InvalidRegion': return 'the region is not valid';
    case 'ConnectionRefused': return 'connection refused';
    case 'DnsFailure': return 'the host could not be found';
    case 'TlsFailure': return 'the TLS connection failed';
    case 'Timeout': return 'no answer in time';
    case 'Network': return 'the connection was lost';
    case 'MalformedResponse': return 'the answer could not be read';
    case 'SignatureRejected': return 'AWS rejected the credentials';
    case 'Cancelled': return 'cancelled';
    case 'Unknown': return 'an unexpected error';
  }
}

/** The one-line text of a notification: message, hint, and the request ID AWS support asks for. */
export function errorText(info: ConnectErrorInfo): string {
  const parts = [info.message];
  if (info.hint && !info.message.includes(info.hint)) parts.push(info.hint);
  if (info.requestId && !info.message.includes(info.requestId)) parts.push(`(Request ID: ${info.requestId})`);
  return parts.join(' ');
}
