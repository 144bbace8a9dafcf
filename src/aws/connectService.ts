// The Amazon Connect calls the extension makes. Each call: resolve the client,
// send with the caller's AbortSignal, log one summary line (and wire details at
// trace), and turn any failure into a ConnectServiceError.
//
// Every HTTP attempt, the SDK's retries included, first waits for a token from the request
// scheduler (scheduler.ts) at the call's priority: a middleware inside the SDK's retry loop and
// before signing (so a long wait never outlives the signature). The SDK keeps its own retry
// rules and `maxAttempts`: a throttled attempt halves the budget's rate and empties its bucket,
// so the retry (first in its line) waits for the slowed budget after the SDK's backoff. Waiting
// in the queue is not an attempt, and the read timeout starts only when the request is sent.
import type { ContactSearchSummary, InstanceSummary as SdkInstanceSummary } from '@aws-sdk/client-connect';
import type { DeserializeHandlerArguments, HandlerExecutionContext, MetadataBearer } from '@smithy/types';
import { ClientCache, type CachedClient } from './clientCache';
import { connectError, toConnectError, type ConnectServiceError, type ErrorContext } from './errors';
import { ProfileCatalog } from './profiles';
import { redact, redactUrlUserInfo } from './redact';
import { isValidRegionName } from './region';
import { budgetKey, RequestScheduler, unlimitedBudget, type BudgetState, type RequestOutcome } from './scheduler';
import { loadSdk, type Sdk } from './sdkLoader';
import { associatedContact, contactReference, describedResource, evaluationSummary, readableReferenceTypes, type DescribedResource } from './storyShapes';
import type { AssociatedContact } from '../contact/chain';
import type { ContactReferenceItem, EvaluationSummary, NamedKind } from '../contact/story';
import type {
  AccountTarget,
  CallLogger,
  CallOptions,
  ContactRef,
  ContactSummary,
  InstanceSummary,
  RequestBudget,
  RequestPriority,
  SearchContactsPage,
  SearchContactsQuery,
  TransportSettings,
} from './types';

export interface ConnectServiceOptions {
  env?: NodeJS.ProcessEnv;
  /** Read on every call, so setting changes apply to the next call. */
  transport: () => TransportSettings;
  /** The one shared profile listing; a private one when absent (tests). */
  profiles?: ProfileCatalog;
  /** The profile chosen in settings ('' for none: environment keys then win over the files). */
  chosenProfile?: () => string;
  /** Risky transport (plain http to another host, TLS off), told once per distinct warning. */
  onTransportWarning?: (warning: string) => void;
  logger?: CallLogger;
  now?: () => Date;
  /** Backoff between retries in ms; the SDK's standard backoff when absent. Tests make it short. */
  retryDelayMs?: number | ((attempt: number) => number);
  /** Another SDK loader (tests); the lazy dist/sdk.js chunk by default. */
  loadSdk?: () => Promise<Sdk>;
  /**
   * Rate and burst per profile and region (the settings), read on every call. Absent: no
   * client-side pacing, only the SDK's retries (tests and benchmarks against the local endpoint).
   */
  requestBudget?: () => RequestBudget;
  /** The scheduler every AWS service of the extension shares; a private one when absent. */
  scheduler?: RequestScheduler;
}

export interface DescribeContactResult {
  /** As the SDK returns it, Dates intact, without $metadata. */
  output: { Contact: Record<string, unknown> };
  requestId?: string;
}

export interface InstancePage {
  instances: InstanceSummary[];
  nextToken?: string;
}

export interface InstanceDetails extends InstanceSummary {
  serviceRole?: string;
  identityManagementType?: string;
  inboundCallsEnabled?: boolean;
  outboundCallsEnabled?: boolean;
  accessUrl?: string;
}

interface CallContext extends Partial<ErrorContext> {
  operation: string;
}

interface Sendable {
  middlewareStack: {
    add: (mw: unknown, options: Record<string, unknown>) => void;
    addRelativeTo: (mw: unknown, options: Record<string, unknown>) => void;
  };
}

/** How the service answered one attempt, as the scheduler adapts to it. */
function outcomeOf(error: unknown): RequestOutcome {
  if (toConnectError(error).kind === 'Throttling') return 'throttled';
  const e = error as { $metadata?: { httpStatusCode?: number }; $response?: { statusCode?: number } };
  return e.$metadata?.httpStatusCode !== undefined || e.$response?.statusCode !== undefined ? 'answered' : 'unanswered';
}

function perSecond(n: number): string {
  return `${Number(n.toFixed(2))}/s`;
}

interface WireState {
  attempts: number;
  /** Where the last attempt actually went (scheme, host, port), from the signed request itself. */
  endpoint?: string;
  httpStatus?: number;
  requestId?: string;
}

function iso(d: Date | undefined): string | undefined {
  return d instanceof Date && !Number.isNaN(d.getTime()) ? d.toISOString() : undefined;
}

function headerValue(headers: Record<string, string> | undefined, pattern: RegExp): string | undefined {
  if (!headers) return undefined;
  return Object.entries(headers).find(([k]) => pattern.test(k))?.[1];
}

export function toInstanceSummary(i: SdkInstanceSummary): InstanceSummary {
  return {
    id: i.Id ?? '',
    arn: i.Arn ?? '',
    alias: i.InstanceAlias,
    status: i.InstanceStatus,
    createdTime: iso(i.CreatedTime),
  };
}

export function toContactSummary(c: ContactSearchSummary): ContactSummary {
  return {
    id: c.Id ?? '',
    arn: c.Arn,
    channel: c.Channel,
    initiationMethod: c.InitiationMethod,
    initiationTimestamp: iso(c.InitiationTimestamp),
    disconnectTimestamp: iso(c.DisconnectTimestamp),
    queueId: c.QueueInfo?.Id,
    agentId: c.AgentInfo?.Id,
    initialContactId: c.InitialContactId,
    previousContactId: c.PreviousContactId,
  };
}

/** The Describe* operation that names each kind of resource (and the IAM action it needs). */
export const describeOperation: Record<Exclude<NamedKind, 'instance'>, string> = {
  queue: 'DescribeQueue',
  user: 'DescribeUser',
  hierarchyGroup: 'DescribeUserHierarchyGroup',
  routingProfile: 'DescribeRoutingProfile',
  contactFlow: 'DescribeContactFlow',
};

export class ConnectService {
  private readonly env: NodeJS.ProcessEnv;
  private readonly cache: ClientCache;
  private readonly profiles: ProfileCatalog;
  private readonly now: () => Date;
  private readonly load: () => Promise<Sdk>;
  private readonly scheduler: RequestScheduler;

  constructor(private readonly options: ConnectServiceOptions) {
    this.env = options.env ?? process.env;
    this.scheduler = options.scheduler ?? new RequestScheduler();
    this.now = options.now ?? (() => new Date());
    this.load = options.loadSdk ?? loadSdk;
    this.profiles = options.profiles ?? new ProfileCatalog(this.env);
    this.cache = new ClientCache({
      env: this.env,
      profiles: this.profiles,
      chosenProfile: options.chosenProfile ?? (() => ''),
      onTransportWarning: (warning) => {
        options.logger?.warn(warning);
        options.onTransportWarning?.(warning);
      },
      loadSdk: this.load,
      retryDelayMs: options.retryDelayMs,
    });
  }

  /** Priority 'interactive' by default: a person is waiting for the contact. */
  async describeContact(ref: ContactRef, signal?: AbortSignal, options?: CallOptions): Promise<DescribeContactResult> {
    const { output, requestId } = await this.call(
      { operation: 'DescribeContact', instanceId: ref.instanceId, contactId: ref.contactId },
      ref,
      (sdk) => new sdk.DescribeContactCommand({ InstanceId: ref.instanceId, ContactId: ref.contactId }),
      signal,
      options?.priority ?? 'interactive',
    );
    const contact = (output as { Contact?: Record<string, unknown> }).Contact;
    if (!contact || typeof contact !== 'object') {
      throw connectError('MalformedResponse', `The DescribeContact response for contact ${ref.contactId} has no Contact in it.${requestId ? ` (Request ID: ${requestId})` : ''}`, {
        hint: 'Check the endpoint URL: the server did not answer like Amazon Connect.',
        operation: 'DescribeContact',
        profile: ref.profile,
        requestId,
      });
    }
    return { output: { ...output, Contact: contact }, requestId };
  }

  /** One page of instances; `pageSize` is ListInstances' MaxResults (1–10; the service's default when absent). Priority 'background' by default. */
  async listInstancesPage(target: AccountTarget, nextToken?: string, signal?: AbortSignal, pageSize?: number, options?: CallOptions): Promise<InstancePage> {
    const { output } = await this.call(
      { operation: 'ListInstances' },
      target,
      (sdk) => new sdk.ListInstancesCommand({ NextToken: nextToken, ...(pageSize !== undefined ? { MaxResults: pageSize } : {}) }),
      signal,
      options?.priority ?? 'background',
    );
    const o = output as { InstanceSummaryList?: SdkInstanceSummary[]; NextToken?: string };
    return { instances: (o.InstanceSummaryList ?? []).map(toInstanceSummary), nextToken: o.NextToken || undefined };
  }

  /** Every instance, all pages. Priority 'background' by default (the explorer); the palette's picker passes 'interactive'. */
  async listInstances(target: AccountTarget, signal?: AbortSignal, pageSize?: number, options?: CallOptions): Promise<InstanceSummary[]> {
    const all: InstanceSummary[] = [];
    let token: string | undefined;
    const seen = new Set<string>();
    do {
      const page = await this.listInstancesPage(target, token, signal, pageSize, options);
      all.push(...page.instances);
      token = page.nextToken;
      // A server that repeats a token would loop forever.
      if (token !== undefined && seen.has(token)) break;
      if (token !== undefined) seen.add(token);
    } while (token);
    return all;
  }

  /** Priority 'visible' by default: it enriches a panel on screen. */
  async describeInstance(target: AccountTarget, instanceId: string, signal?: AbortSignal, options?: CallOptions): Promise<InstanceDetails> {
    const { output } = await this.call(
      { operation: 'DescribeInstance', instanceId },
      target,
      (sdk) => new sdk.DescribeInstanceCommand({ InstanceId: instanceId }),
      signal,
      options?.priority ?? 'visible',
    );
    const i = (output as { Instance?: Record<string, unknown> }).Instance ?? {};
    const s = (k: string): string | undefined => (typeof i[k] === 'string' ? i[k] : undefined);
    const b = (k: string): boolean | undefined => (typeof i[k] === 'boolean' ? i[k] : undefined);
    return {
      id: s('Id') ?? instanceId,
      arn: s('Arn') ?? '',
      alias: s('InstanceAlias'),
      status: s('InstanceStatus'),
      createdTime: iso(i.CreatedTime as Date | undefined),
      serviceRole: s('ServiceRole'),
      identityManagementType: s('IdentityManagementType'),
      inboundCallsEnabled: b('InboundCallsEnabled'),
      outboundCallsEnabled: b('OutboundCallsEnabled'),
      accessUrl: s('InstanceAccessUrl'),
    };
  }

  /** Priority 'background' by default: explorer listings, search pages, exports. */
  async searchContacts(target: AccountTarget, query: SearchContactsQuery, signal?: AbortSignal, options?: CallOptions): Promise<SearchContactsPage> {
    const start = new Date(query.start);
    const end = new Date(query.end);
    for (const [label, value, date] of [['start', query.start, start], ['end', query.end, end]] as const) {
      if (Number.isNaN(date.getTime())) {
        throw connectError('InvalidInput', `The search ${label} time "${value}" is not a date and time.`, { hint: 'Use an ISO 8601 time such as 2024-05-01T00:00:00Z.', operation: 'SearchContacts', profile: target.profile });
      }
    }
    if (start.getTime() > end.getTime()) {
      throw connectError('InvalidInput', `The search window starts (${query.start}) after it ends (${query.end}).`, { operation: 'SearchContacts', profile: target.profile });
    }
    const type = query.timeRangeType ?? 'INITIATION_TIMESTAMP';
    const { output } = await this.call(
      { operation: 'SearchContacts', instanceId: query.instanceId },
      target,
      (sdk) => new sdk.SearchContactsCommand({
        InstanceId: query.instanceId,
        TimeRange: { Type: type, StartTime: start, EndTime: end },
        ...(query.channels?.length ? { SearchCriteria: { Channels: query.channels } } : {}),
        Sort: { FieldName: type, Order: query.sortOrder ?? 'DESCENDING' },
        ...(query.maxResults !== undefined ? { MaxResults: query.maxResults } : {}),
        ...(query.nextToken ? { NextToken: query.nextToken } : {}),
      }),
      signal,
      options?.priority ?? 'background',
    );
    const o = output as { Contacts?: ContactSearchSummary[]; NextToken?: string; TotalCount?: number };
    return {
      contacts: (o.Contacts ?? []).map(toContactSummary),
      nextToken: o.NextToken || undefined,
      totalCount: o.TotalCount,
    };
  }

  /** Priority 'visible' by default: it enriches a panel on screen. */
  async getContactAttributes(target: AccountTarget, instanceId: string, initialContactId: string, signal?: AbortSignal, options?: CallOptions): Promise<Record<string, string>> {
    const { output } = await this.call(
      { operation: 'GetContactAttributes', instanceId, contactId: initialContactId },
      target,
      (sdk) => new sdk.GetContactAttributesCommand({ InstanceId: instanceId, InitialContactId: initialContactId }),
      signal,
      options?.priority ?? 'visible',
    );
    const attrs = (output as { Attributes?: Record<string, string> }).Attributes ?? {};
    return { ...attrs };
  }

  /**
   * A queue, user, hierarchy group, routing profile or flow by ID: its name (and for a user, the
   * routing profile and group the story names next). Priority 'visible' by default.
   */
  async describeResource(target: AccountTarget, instanceId: string, kind: Exclude<NamedKind, 'instance'>, id: string, signal?: AbortSignal, options?: CallOptions): Promise<DescribedResource> {
    const operation = describeOperation[kind];
    const { output } = await this.call(
      { operation, instanceId },
      target,
      (sdk) => {
        switch (kind) {
          case 'queue':
            return new sdk.DescribeQueueCommand({ InstanceId: instanceId, QueueId: id });
          case 'user':
            return new sdk.DescribeUserCommand({ InstanceId: instanceId, UserId: id });
          case 'hierarchyGroup':
            return new sdk.DescribeUserHierarchyGroupCommand({ InstanceId: instanceId, HierarchyGroupId: id });
          case 'routingProfile':
            return new sdk.DescribeRoutingProfileCommand({ InstanceId: instanceId, RoutingProfileId: id });
          case 'contactFlow':
            return new sdk.DescribeContactFlowCommand({ InstanceId: instanceId, ContactFlowId: id });
        }
      },
      signal,
      options?.priority ?? 'visible',
    );
    return describedResource(kind, id, output);
  }

  /** Every contact linked to this one (the same initial contact), all pages. Priority 'visible' by default. */
  async listAssociatedContacts(ref: ContactRef, signal?: AbortSignal, options?: CallOptions): Promise<AssociatedContact[]> {
    return this.allPages('ContactSummaryList', associatedContact, (token) => ({
      ctx: { operation: 'ListAssociatedContacts', instanceId: ref.instanceId, contactId: ref.contactId },
      make: (sdk: Sdk) => new sdk.ListAssociatedContactsCommand({ InstanceId: ref.instanceId, ContactId: ref.contactId, MaxResults: 100, NextToken: token }),
    }), ref, signal, options?.priority ?? 'visible');
  }

  /** The contact's references a person reads (URLs, attachments, values), all pages. Priority 'visible' by default. */
  async listContactReferences(ref: ContactRef, signal?: AbortSignal, options?: CallOptions): Promise<ContactReferenceItem[]> {
    return this.allPages('ReferenceSummaryList', contactReference, (token) => ({
      ctx: { operation: 'ListContactReferences', instanceId: ref.instanceId, contactId: ref.contactId },
      make: (sdk: Sdk) => new sdk.ListContactReferencesCommand({ InstanceId: ref.instanceId, ContactId: ref.contactId, ReferenceTypes: [...readableReferenceTypes], NextToken: token }),
    }), ref, signal, options?.priority ?? 'visible');
  }

  /** The contact's evaluations, all pages. Priority 'visible' by default. */
  async listContactEvaluations(ref: ContactRef, signal?: AbortSignal, options?: CallOptions): Promise<EvaluationSummary[]> {
    return this.allPages('EvaluationSummaryList', evaluationSummary, (token) => ({
      ctx: { operation: 'ListContactEvaluations', instanceId: ref.instanceId, contactId: ref.contactId },
      make: (sdk: Sdk) => new sdk.ListContactEvaluationsCommand({ InstanceId: ref.instanceId, ContactId: ref.contactId, NextToken: token }),
    }), ref, signal, options?.priority ?? 'visible');
  }

  /** Follows NextToken to the end (a repeated token ends it: a server that repeats one would loop forever). */
  private async allPages<T>(
    listMember: string,
    read: (entry: unknown) => T | undefined,
    page: (token: string | undefined) => { ctx: CallContext; make: (sdk: Sdk) => unknown },
    target: AccountTarget,
    signal: AbortSignal | undefined,
    priority: RequestPriority,
  ): Promise<T[]> {
    const all: T[] = [];
    const seen = new Set<string>();
    let token: string | undefined;
    do {
      const { ctx, make } = page(token);
      const { output } = await this.call(ctx, target, make, signal, priority);
      const list = output[listMember];
      for (const entry of Array.isArray(list) ? list : []) {
        const item = read(entry);
        if (item !== undefined) all.push(item);
      }
      token = typeof output.NextToken === 'string' && output.NextToken !== '' ? output.NextToken : undefined;
      if (token !== undefined && seen.has(token)) break;
      if (token !== undefined) seen.add(token);
    } while (token);
    return all;
  }

  /** Drop cached clients and profiles: the AWS files or the settings changed. */
  invalidate(): void {
    this.profiles.invalidate();
    this.cache.invalidate();
  }

  /** Each profile·region budget: rate in force, tokens, queued requests per priority (for logs and status). */
  requestBudgets(): BudgetState[] {
    return this.scheduler.snapshots();
  }

  /** Destroys every client and cancels queued requests (deactivation). */
  dispose(): Promise<void> {
    if (!this.options.scheduler) this.scheduler.dispose();
    return this.cache.dispose();
  }

  private async call(
    ctx: CallContext,
    target: AccountTarget,
    makeCommand: (sdk: Sdk) => unknown,
    signal: AbortSignal | undefined,
    priority: RequestPriority,
  ): Promise<{ output: Record<string, unknown>; requestId?: string }> {
    const started = this.now().getTime();
    const wire: WireState = { attempts: 0 };
    let cached: CachedClient | undefined;
    const settings = this.options.transport();
    const budget = this.options.requestBudget?.() ?? unlimitedBudget;
    const errorContext = (): ErrorContext => ({
      ...ctx,
      profile: target.profile,
      profileKind: cached?.profileEntry?.kind,
      region: target.region,
      endpoint: wire.endpoint ?? cached?.endpoint,
      maxAttempts: cached?.transport.maxAttempts ?? settings.maxAttempts,
      connectTimeoutSeconds: cached?.transport.connectTimeoutSeconds ?? settings.connectTimeoutSeconds,
      readTimeoutSeconds: cached?.transport.readTimeoutSeconds ?? settings.readTimeoutSeconds,
      knownSecrets: cached?.knownSecrets,
    });
    try {
      if (signal?.aborted) throw connectError('Cancelled', `${ctx.operation} was cancelled.`, { operation: ctx.operation, profile: target.profile });
      if (!isValidRegionName(target.region)) {
        throw connectError('InvalidRegion', target.region
          ? `"${target.region}" is not a region name; region names look like us-east-1.`
          : 'No region is chosen.', { hint: 'Pick a region with Amazon Connect: Select Region.', operation: ctx.operation, profile: target.profile });
      }
      cached = await this.cache.get(target.profile, target.region, settings);
      const sdk = await this.load();
      const command = makeCommand(sdk) as Sendable;
      command.middlewareStack.addRelativeTo(this.gate(ctx.operation, target, budget, priority, signal), { relation: 'before', toMiddleware: 'httpSigningMiddleware', name: 'connectExplorerScheduler' });
      command.middlewareStack.add(this.wireLogger(wire, () => cached?.knownSecrets), { step: 'deserialize', priority: 'low', name: 'connectExplorerWireLog' });
      const client = cached.client as unknown as { send: (c: unknown, o: { abortSignal?: AbortSignal }) => Promise<MetadataBearer & Record<string, unknown>> };
      const result = await client.send(command, { abortSignal: signal });
      const { $metadata, ...output } = result;
      const requestId = $metadata?.requestId ?? wire.requestId;
      this.options.logger?.info({
        operation: ctx.operation,
        profile: target.profile,
        region: target.region,
        endpoint: wire.endpoint ?? redactUrlUserInfo(cached.endpoint),
        httpStatus: $metadata?.httpStatusCode ?? wire.httpStatus,
        requestId,
        durationMs: this.now().getTime() - started,
        attempts: $metadata?.attempts ?? wire.attempts,
      });
      return { output, requestId };
    } catch (error) {
      const mapped: ConnectServiceError = toConnectError(error, errorContext());
      // The wire saw the service answer even when the error object does not say so.
      if (mapped.info.requestId === undefined && wire.requestId && mapped.info.httpStatus !== undefined) mapped.info.requestId = wire.requestId;
      if (mapped.info.operation === undefined) mapped.info.operation = ctx.operation;
      if (mapped.info.profile === undefined) mapped.info.profile = target.profile;
      this.options.logger?.info({
        operation: ctx.operation,
        profile: target.profile,
        region: target.region,
        endpoint: wire.endpoint ?? (cached ? redactUrlUserInfo(cached.endpoint) : ''),
        httpStatus: mapped.info.httpStatus ?? wire.httpStatus,
        requestId: mapped.info.requestId ?? wire.requestId,
        durationMs: this.now().getTime() - started,
        attempts: wire.attempts || undefined,
        error: mapped.kind,
      });
      this.options.logger?.warn(redact(`${ctx.operation} failed (${mapped.kind}): ${mapped.message}`, cached?.knownSecrets));
      throw mapped;
    }
  }

  /**
   * Each attempt waits here for its profile·region budget (a retry keeps its first place in line),
   * then tells the scheduler how the service answered: a 429 slows the budget, an answer recovers it.
   */
  private gate(operation: string, target: AccountTarget, budget: RequestBudget, priority: RequestPriority, signal?: AbortSignal) {
    const logger = this.options.logger;
    const key = budgetKey('connect', target.profile, target.region);
    let order: number | undefined;
    let attempt = 0;
    return (next: (args: unknown) => Promise<unknown>) => async (args: unknown) => {
      attempt += 1;
      const grant = await this.scheduler.acquire({ key, budget, priority, signal, operation, order });
      order = grant.order;
      const { state } = grant;
      const slowed = state.requestsPerSecond < state.configured.requestsPerSecond;
      if (grant.waitedMs >= 1) {
        logger?.trace(`${operation} waited ${Math.round(grant.waitedMs)} ms for the ${target.region} budget (profile ${target.profile}, ${priority}` +
          `${attempt > 1 ? `, attempt ${attempt}` : ''}, ${grant.queuedAhead} ahead; ${perSecond(state.requestsPerSecond)}${slowed ? ` of ${perSecond(state.configured.requestsPerSecond)} after throttling` : ''})`);
      }
      let outcome: RequestOutcome = 'answered';
      try {
        return await next(args);
      } catch (error) {
        outcome = outcomeOf(error);
        throw error;
      } finally {
        const before = outcome === 'throttled' ? this.scheduler.snapshot(key)?.requestsPerSecond : undefined;
        const after = grant.settle(outcome);
        if (before !== undefined && after.requestsPerSecond < before) {
          logger?.trace(`${operation} was throttled: the ${target.region} budget (profile ${target.profile}) slows to ${perSecond(after.requestsPerSecond)}`);
        }
      }
    };
  }

  /** Per-attempt wire log: method, path, status, request ID, size. Never headers, so never a signature or token. */
  private wireLogger(wire: WireState, secrets: () => Set<string> | undefined) {
    const logger = this.options.logger;
    return (next: (args: DeserializeHandlerArguments<object>) => Promise<{ response: unknown }>, _context: HandlerExecutionContext) =>
      async (args: DeserializeHandlerArguments<object>) => {
        wire.attempts += 1;
        const req = args.request as { method?: string; protocol?: string; hostname?: string; port?: number; path?: string };
        // The host the signed request goes to, as sent: what logs and messages name.
        if (req.hostname) wire.endpoint = `${req.protocol ?? 'https:'}//${req.hostname}${req.port ? `:${req.port}` : ''}`;
        const t0 = Date.now();
        const line = `${req.method ?? '?'} ${wire.endpoint ?? ''}${req.path ?? ''} (attempt ${wire.attempts})`;
        try {
          const result = await next(args);
          const res = result.response as { statusCode?: number; headers?: Record<string, string> };
          wire.httpStatus = res.statusCode;
          wire.requestId = headerValue(res.headers, /^x-amzn?-request-?id$/i) ?? wire.requestId;
          const size = headerValue(res.headers, /^content-length$/i);
          logger?.trace(redact(`${line} → HTTP ${res.statusCode ?? '?'}${wire.requestId ? ` request-id ${wire.requestId}` : ''}${size ? ` ${size} bytes` : ''} in ${Date.now() - t0} ms`, secrets()));
          return result;
        } catch (error) {
          const e = error as { name?: string; code?: string };
          logger?.trace(redact(`${line} → failed after ${Date.now() - t0} ms: ${e.name ?? 'Error'}${e.code ? ` ${e.code}` : ''}`, secrets()));
          throw error;
        }
      };
  }
}
