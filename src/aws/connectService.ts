// The Amazon Connect calls the extension makes, each through the shared call path (awsCall.ts):
// the client, the request scheduler at the call's priority, one log line, errors mapped to a
// ConnectServiceError. Connect's own budget (`connect|profile|region`) comes from the settings.
import type { ContactSearchSummary, InstanceSummary as SdkInstanceSummary } from '@aws-sdk/client-connect';
import { callerFor, type AwsCaller, type AwsCallResult, type CallContext, type CallPathOptions } from './awsCall';
import { connectError } from './errors';
import { unlimitedBudget, type BudgetState } from './scheduler';
import type { Sdk } from './sdkLoader';
import { associatedContact, contactReference, describedResource, evaluationSummary, readableReferenceTypes, type DescribedResource } from './storyShapes';
import type { AssociatedContact } from '../contact/chain';
import type { ContactReferenceItem, EvaluationSummary, NamedKind } from '../contact/story';
import type {
  AccountTarget,
  CallOptions,
  ContactRef,
  ContactSummary,
  InstanceSummary,
  NamedResourceSummary,
  RaisablePriority,
  RequestBudget,
  RequestPriority,
  SearchContactsPage,
  SearchContactsQuery,
} from './types';

/**
 * The call path's options (awsCall.ts: env, transport, profiles, logger, scheduler, …), or
 * `caller`, a call path shared with the other AWS services (FlowLogService).
 */
export type ConnectServiceOptions = CallPathOptions & {
  /**
   * Rate and burst per profile and region (the settings), read on every call. Absent: no
   * client-side pacing, only the SDK's retries (tests and benchmarks against the local endpoint).
   */
  requestBudget?: () => RequestBudget;
};

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

function iso(d: Date | undefined): string | undefined {
  return d instanceof Date && !Number.isNaN(d.getTime()) ? d.toISOString() : undefined;
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
    scheduledTimestamp: iso(c.ScheduledTimestamp),
    connectedToAgentTimestamp: iso(c.AgentInfo?.ConnectedToAgentTimestamp),
  };
}

/** SearchContacts' SearchCriteria from the query's filters; undefined when there are none. */
function searchCriteria(q: SearchContactsQuery): Record<string, unknown> | undefined {
  const c: Record<string, unknown> = {};
  if (q.channels?.length) c.Channels = q.channels;
  if (q.initiationMethods?.length) c.InitiationMethods = q.initiationMethods;
  if (q.queueIds?.length) c.QueueIds = q.queueIds;
  if (q.agentIds?.length) c.AgentIds = q.agentIds;
  if (q.attributes?.criteria.length) {
    c.SearchableContactAttributes = {
      Criteria: q.attributes.criteria.map((a) => ({ Key: a.key, Values: a.values })),
      ...(q.attributes.matchType ? { MatchType: q.attributes.matchType } : {}),
    };
  }
  return Object.keys(c).length > 0 ? c : undefined;
}

/** A List* summary's Id and its name member, or undefined without an Id. */
function namedSummary(nameMember: string): (entry: unknown) => NamedResourceSummary | undefined {
  return (entry) => {
    const e = entry as Record<string, unknown> | undefined;
    if (!e || typeof e.Id !== 'string') return undefined;
    return { id: e.Id, name: typeof e[nameMember] === 'string' ? e[nameMember] : e.Id };
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
  private readonly caller: AwsCaller;
  /** Whether this service made its call path (and so disposes it). */
  private readonly ownsCaller: boolean;

  constructor(private readonly options: ConnectServiceOptions) {
    const { caller, owned } = callerFor(options);
    this.caller = caller;
    this.ownsCaller = owned;
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
        ...(searchCriteria(query) ? { SearchCriteria: searchCriteria(query) } : {}),
        Sort: { FieldName: query.sortField ?? type, Order: query.sortOrder ?? 'DESCENDING' },
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

  /** The instance's queues (ListQueues, STANDARD only: agent queues are named by their agent), all pages. Priority 'interactive' by default: a person is choosing. */
  async listQueues(target: AccountTarget, instanceId: string, signal?: AbortSignal, options?: CallOptions): Promise<NamedResourceSummary[]> {
    return this.allPages('QueueSummaryList', namedSummary('Name'), (token) => ({
      ctx: { operation: 'ListQueues', instanceId },
      make: (sdk: Sdk) => new sdk.ListQueuesCommand({ InstanceId: instanceId, QueueTypes: ['STANDARD'], MaxResults: 1000, NextToken: token }),
    }), target, signal, options?.priority ?? 'interactive');
  }

  /** The instance's users (ListUsers: ID and Username), all pages. Priority 'interactive' by default: a person is choosing. */
  async listUsers(target: AccountTarget, instanceId: string, signal?: AbortSignal, options?: CallOptions): Promise<NamedResourceSummary[]> {
    return this.allPages('UserSummaryList', namedSummary('Username'), (token) => ({
      ctx: { operation: 'ListUsers', instanceId },
      make: (sdk: Sdk) => new sdk.ListUsersCommand({ InstanceId: instanceId, MaxResults: 1000, NextToken: token }),
    }), target, signal, options?.priority ?? 'interactive');
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
      { operation, instanceId, resourceId: id },
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
    priority: RequestPriority | RaisablePriority,
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

  /** Drop cached clients and profiles (of every service on a shared call path): the AWS files or the settings changed. */
  invalidate(): void {
    this.caller.invalidate();
  }

  /** Each profile·region budget (every service's, on a shared call path): rate in force, tokens, queued requests per priority (for logs and status). */
  requestBudgets(): BudgetState[] {
    return this.caller.budgets();
  }

  /** Destroys every client and cancels queued requests (deactivation); a shared call path is its owner's to dispose. */
  dispose(): Promise<void> {
    return this.ownsCaller ? this.caller.dispose() : Promise.resolve();
  }

  private call(
    ctx: CallContext,
    target: AccountTarget,
    makeCommand: (sdk: Sdk) => unknown,
    signal: AbortSignal | undefined,
    priority: RequestPriority | RaisablePriority,
  ): Promise<AwsCallResult> {
    const budget = this.options.requestBudget?.() ?? unlimitedBudget;
    return this.caller.call({ service: 'connect', ctx, target, makeCommand, signal, priority, budget });
  }
}
