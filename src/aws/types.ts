// Types shared by the pure AWS layer and its callers. No `vscode`, no SDK imports.

/** The AWS services the extension calls. */
export type AwsService = 'connect' | 'logs';

/** Which contact to describe, with the account context to describe it in. */
export interface ContactRef {
  profile: string;
  region: string;
  instanceId: string;
  contactId: string;
}

/** A profile and region: the context for instance-level calls. */
export interface AccountTarget {
  profile: string;
  region: string;
}

/** Transport options, as the AWS CLI offers them (`--endpoint-url`, timeouts, `--ca-bundle`, `--no-verify-ssl`). */
export interface TransportSettings {
  /** Explicit Amazon Connect endpoint URL (setting); env vars and the profile's `endpoint_url` are consulted when absent. */
  endpointUrl?: string;
  /** Explicit CloudWatch Logs endpoint URL (setting); as `endpointUrl`, with the variables and profile entries for Logs. */
  logsEndpointUrl?: string;
  connectTimeoutSeconds: number;
  readTimeoutSeconds: number;
  /** Path to a PEM bundle of CA certificates. */
  caBundle?: string;
  verifyTls: boolean;
  maxAttempts: number;
}

export const defaultTransport: TransportSettings = {
  connectTimeoutSeconds: 10,
  readTimeoutSeconds: 30,
  verifyTls: true,
  maxAttempts: 3,
};

/** Who waits for a request, most urgent first: the scheduler always serves the first non-empty one. */
export type RequestPriority = 'interactive' | 'visible' | 'background';

/** The steady rate and burst of one request budget (one service, profile and region). */
export interface RequestBudget {
  requestsPerSecond: number;
  burst: number;
}

/**
 * A priority that may rise while its request waits in the scheduler's queue: a name loading in
 * the background for the explorer's labels that a panel on screen then asks for too
 * (SharedPriority in scheduler.ts).
 */
export interface RaisablePriority {
  readonly current: RequestPriority;
  /** Calls `listener` each time `current` rises; returns what stops that. */
  onRaise(listener: () => void): () => void;
}

/** Options after a ConnectService method's positional arguments. */
export interface CallOptions {
  /** Each method has a default: what a person waits for is 'interactive', listings are 'background'. */
  priority?: RequestPriority | RaisablePriority;
}

export type ProfileKind = 'static' | 'sso' | 'assume-role' | 'credential-process' | 'unknown';

export interface ProfileInfo {
  name: string;
  kind: ProfileKind;
  region?: string;
  endpointUrl?: string;
  /** Which files define it. */
  source: ('config' | 'credentials')[];
}

export type ConnectErrorKind =
  | 'NotFound'
  | 'AccessDenied'
  | 'InvalidInput'
  | 'Throttling'
  /** A service quota (LimitExceeded, ServiceQuotaExceeded): not a rate, so retrying soon does not help. */
  | 'QuotaExceeded'
  | 'ServiceError'
  | 'SsoTokenExpired'
  | 'NoCredentials'
  | 'UnknownProfile'
  | 'InvalidRegion'
  | 'ConnectionRefused'
  | 'DnsFailure'
  | 'TlsFailure'
  | 'Timeout'
  | 'Network'
  | 'MalformedResponse'
  | 'SignatureRejected'
  | 'Cancelled'
  | 'Unknown';

/** What every failure becomes: something a person can read and act on. Never holds a secret. */
export interface ConnectErrorInfo {
  kind: ConnectErrorKind;
  message: string;
  hint?: string;
  /** The AWS request ID, when the service answered; AWS support asks for it. */
  requestId?: string;
  httpStatus?: number;
  operation?: string;
  /** The profile in use, for fix-it actions like `aws sso login --profile NAME`. */
  profile?: string;
  /** A Logs Insights query the service could not parse (MalformedQueryException): its own words, and where in the query. */
  queryError?: { message: string; startCharOffset?: number; endCharOffset?: number };
}

/** One instance as ListInstances returns it, trimmed to what the UI shows. */
export interface InstanceSummary {
  id: string;
  arn: string;
  alias?: string;
  status?: string;
  createdTime?: string;
}

export type ContactChannel = 'VOICE' | 'CHAT' | 'TASK' | 'EMAIL';

export interface SearchContactsQuery {
  instanceId: string;
  /** ISO 8601. */
  start: string;
  end: string;
  timeRangeType?: 'INITIATION_TIMESTAMP' | 'SCHEDULED_TIMESTAMP' | 'CONNECTED_TO_AGENT_TIMESTAMP' | 'DISCONNECT_TIMESTAMP';
  channels?: ContactChannel[];
  sortOrder?: 'ASCENDING' | 'DESCENDING';
  maxResults?: number;
  nextToken?: string;
  // The search panel's criteria (src/search); absent for the explorer's recent contacts.
  initiationMethods?: string[];
  queueIds?: string[];
  agentIds?: string[];
  /** SearchCriteria.SearchableContactAttributes: keys configured for contact search in the instance. */
  attributes?: { criteria: { key: string; values: string[] }[]; matchType?: 'MATCH_ALL' | 'MATCH_ANY' | 'MATCH_EXACT' | 'MATCH_NONE' };
  /** Sort.FieldName; the time range's type when absent. */
  sortField?: 'INITIATION_TIMESTAMP' | 'SCHEDULED_TIMESTAMP' | 'CONNECTED_TO_AGENT_TIMESTAMP' | 'DISCONNECT_TIMESTAMP' | 'INITIATION_METHOD' | 'CHANNEL';
}

/** A queue or user by ID and name (ListQueues, ListUsers), for pickers. */
export interface NamedResourceSummary {
  id: string;
  name: string;
}

/** One row of SearchContacts, trimmed to what the explorer shows. */
export interface ContactSummary {
  id: string;
  arn?: string;
  channel?: string;
  initiationMethod?: string;
  initiationTimestamp?: string;
  disconnectTimestamp?: string;
  queueId?: string;
  agentId?: string;
  initialContactId?: string;
  previousContactId?: string;
  scheduledTimestamp?: string;
  connectedToAgentTimestamp?: string;
}

export interface SearchContactsPage {
  contacts: ContactSummary[];
  nextToken?: string;
  totalCount?: number;
}

/** One logged call, as the CLI's `--debug` would summarise it. Never a secret. */
export interface CallLogEntry {
  operation: string;
  profile: string;
  region: string;
  endpoint: string;
  httpStatus?: number;
  requestId?: string;
  durationMs: number;
  attempts?: number;
  error?: ConnectErrorKind;
}

export interface CallLogger {
  info(entry: CallLogEntry): void;
  trace(message: string): void;
  warn(message: string): void;
}
