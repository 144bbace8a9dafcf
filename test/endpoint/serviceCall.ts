// What the server's request pipeline (auth, IAM deny list, rate limit, faults, request log) needs from a
// wire protocol: the service and operation a request names, the handler, and how that protocol writes its
// errors. Amazon Connect's restJson1 (connectProtocol.ts) and CloudWatch Logs' awsJson1.1 (logsProtocol.ts)
// share the one endpoint this way.
import type { EndpointData } from './sampleData';
import type { SigV4Failure } from './sigv4';

/** An answer in a protocol's wire form. */
export interface Reply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** Every way the pipeline itself can refuse or fail a request, before or around the handler. */
export type Refusal =
  | { kind: 'tooLarge' }
  | { kind: 'auth'; failure: SigV4Failure }
  | { kind: 'unknownOperation' }
  | { kind: 'denied'; message: string }
  | { kind: 'throttled' }
  | { kind: 'internal' }
  | { kind: 'badJson' };

export interface ServiceCall {
  /** The SigV4 credential-scope service and the IAM action prefix: `connect`, `logs`. */
  service: 'connect' | 'logs';
  /** The operation's name, as IAM, faults and the request log name it; `Unknown` when nothing matched. */
  operation: string;
  contentType: string;
  /** The operation's handler; absent when nothing matched. Throws the protocol's errors (see `thrown`). */
  invoke?: (body: unknown, data: EndpointData) => unknown;
  /** The resource IAM names when it denies the action (the body as received, possibly not JSON). */
  resourceArn(region: string, rawBody: string): string;
  refuse(refusal: Refusal): Reply;
  /** A handler's error as this protocol answers it; undefined for an unexpected error (an internal failure). */
  thrown(err: unknown): Reply | undefined;
}
