// CloudWatch Logs' error types, as the Logs handlers throw them and logsProtocol.ts writes them (`__type`).

export type LogsErrorType =
  | 'ResourceNotFoundException'
  | 'InvalidParameterException'
  | 'AccessDeniedException'
  | 'ThrottlingException'
  | 'ServiceUnavailableException'
  | 'UnknownOperationException'
  | 'SerializationException'
  | 'MalformedQueryException'
  | 'LimitExceededException';

export class LogsError extends Error {
  constructor(
    readonly errorType: LogsErrorType,
    message: string,
  ) {
    super(message);
  }
}
