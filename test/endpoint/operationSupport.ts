// What every operation handler shares: the service's error types and validation messages, the routing
// types, instance and contact lookup, and opaque paging tokens.
import type { EndpointData, WireContact, WireInstance } from './sampleData';

export type ServiceErrorType =
  | 'ResourceNotFoundException'
  | 'InvalidParameterException'
  | 'InvalidRequestException'
  | 'AccessDeniedException'
  | 'ThrottlingException'
  | 'InternalServiceException'
  | 'UnknownOperationException'
  | 'SerializationException'
  | 'ContactFlowNotPublishedException';

const statusOf: Record<ServiceErrorType, number> = {
  ResourceNotFoundException: 404,
  InvalidParameterException: 400,
  InvalidRequestException: 400,
  AccessDeniedException: 403,
  ThrottlingException: 429,
  InternalServiceException: 500,
  UnknownOperationException: 404,
  SerializationException: 400,
  ContactFlowNotPublishedException: 404,
};

export class ServiceError extends Error {
  readonly status: number;
  constructor(
    readonly errorType: ServiceErrorType,
    message: string,
  ) {
    super(message);
    this.status = statusOf[errorType];
  }
}

export interface OperationRequest {
  method: string;
  /** Decoded path segments after the leading slash. */
  segments: string[];
  query: URLSearchParams;
  body: unknown;
}

export interface RouteMatch {
  operation: string;
  handle: (req: OperationRequest, data: EndpointData) => unknown;
}

export type Handler = RouteMatch['handle'];

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A request-body value (parsed JSON) as text: a string as is, anything else as its JSON. */
export function bodyText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function shown(value: string): string {
  return value.length > 64 ? value.slice(0, 64) + '…' : value;
}

/** Length constraints as the service's validation layer reports them. */
export function checkLength(field: string, value: string, min: number, max: number): void {
  if (value.length < min) {
    throw new ServiceError('InvalidParameterException', `1 validation error detected: Value '${shown(value)}' at '${field}' failed to satisfy constraint: Member must have length greater than or equal to ${min}`);
  }
  if (value.length > max) {
    throw new ServiceError('InvalidParameterException', `1 validation error detected: Value '${shown(value)}' at '${field}' failed to satisfy constraint: Member must have length less than or equal to ${max}`);
  }
}

/** A required query-string member, as the validation layer reports its absence. */
export function requiredQuery(query: URLSearchParams, field: string): string {
  const value = query.get(field);
  if (value === null) throw new ServiceError('InvalidParameterException', `1 validation error detected: Value null at '${field}' failed to satisfy constraint: Member must not be null`);
  return value;
}

export function findInstance(data: EndpointData, instanceId: string): WireInstance {
  checkLength('instanceId', instanceId, 1, 100);
  const instance = data.instances.find((i) => i.Id === instanceId);
  if (!instance) throw new ServiceError('ResourceNotFoundException', `Instance not found: ${shown(instanceId)}`);
  return instance;
}

export function findContact(data: EndpointData, instanceId: string, contactId: string, field = 'contactId'): WireContact {
  findInstance(data, instanceId);
  checkLength(field, contactId, 1, 256);
  const contact = data.contacts.get(instanceId)?.get(contactId);
  if (!contact) throw new ServiceError('ResourceNotFoundException', `Contact not found: ${shown(contactId)} does not exist in instance ${instanceId}`);
  return contact;
}

/** Paging tokens are opaque to clients; ours carry an offset and the query they belong to. */
export function encodeToken(offset: number, scope: string): string {
  return Buffer.from(JSON.stringify({ o: offset, s: scope })).toString('base64');
}

export function decodeToken(token: string, scope: string): number {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as { o?: unknown; s?: unknown };
    if (typeof parsed.o === 'number' && parsed.o >= 0 && parsed.s === scope) return parsed.o;
  } catch {
    // fall through to the service's message
  }
  throw new ServiceError('InvalidParameterException', 'The nextToken is not valid.');
}

export function intParam(value: unknown, field: string, min: number, max: number, fallback: number): number {
  if (value === undefined || value === null || value === '') return fallback;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(n)) throw new ServiceError('InvalidParameterException', `1 validation error detected: Value '${bodyText(value)}' at '${field}' failed to satisfy constraint: Member must be an integer`);
  if (n < min) throw new ServiceError('InvalidParameterException', `1 validation error detected: Value '${n}' at '${field}' failed to satisfy constraint: Member must have value greater than or equal to ${min}`);
  if (n > max) throw new ServiceError('InvalidParameterException', `1 validation error detected: Value '${n}' at '${field}' failed to satisfy constraint: Member must have value less than or equal to ${max}`);
  return n;
}

/** One page of `items` from the offset a token carries (or the start), and the token of the next page. */
export function page<T>(items: T[], max: number, token: string | null | undefined, scope: string): { items: T[]; nextToken?: string } {
  const offset = token ? decodeToken(token, scope) : 0;
  const slice = items.slice(offset, offset + max);
  return offset + max < items.length ? { items: slice, nextToken: encodeToken(offset + max, scope) } : { items: slice };
}
