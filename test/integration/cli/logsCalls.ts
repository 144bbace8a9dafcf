// The CloudWatch Logs calls both CLI suites make, and what the endpoint serves for them (fetched here, signed
// for `logs`): a contact's flow logs the way the extension asks for them, and the log groups.
import { callLogs, filterAllPages } from '../../endpoint/logsClient';
import { flowLogIds, sampleIds } from '../../endpoint/sampleIds';
import { fetchServed } from './cliHarness';

export interface FlowLogQuery {
  contactId: string;
  /** Epoch milliseconds: 2 minutes before initiation to 5 minutes after disconnect, from what the endpoint serves. */
  startTime: number;
  endTime: number;
}

/** The window the extension uses for a contact, from the contact the endpoint serves (its times rebased). */
export async function flowLogQuery(endpointUrl: string, contactId: string): Promise<FlowLogQuery> {
  const served = await fetchServed(endpointUrl, `/contacts/${sampleIds.instanceA}/${contactId}`);
  const c = served.body.Contact as { InitiationTimestamp: number; DisconnectTimestamp: number };
  return { contactId, startTime: Math.round((c.InitiationTimestamp - 120) * 1000), endTime: Math.round((c.DisconnectTimestamp + 300) * 1000) };
}

const pattern = (contactId: string) => `{ $.ContactId = "${contactId}" }`;

export function filterLogEventsArgs(q: FlowLogQuery, extra: string[] = []): string[] {
  return [
    'logs', 'filter-log-events',
    '--log-group-name', flowLogIds.logGroup,
    '--filter-pattern', pattern(q.contactId),
    '--start-time', String(q.startTime),
    '--end-time', String(q.endTime),
    ...extra,
  ];
}

/** Every page the endpoint serves for the query (following nextToken), and their events together. */
export function servedFlowLogs(endpointUrl: string, q: FlowLogQuery, limit?: number): ReturnType<typeof filterAllPages> {
  return filterAllPages(endpointUrl, { logGroupName: flowLogIds.logGroup, filterPattern: pattern(q.contactId), startTime: q.startTime, endTime: q.endTime, ...(limit === undefined ? {} : { limit }) });
}

export const describeLogGroupsArgs = ['logs', 'describe-log-groups'];

/** All the log groups in one page (there are fewer than DescribeLogGroups' default 50). */
export async function servedLogGroups(endpointUrl: string): Promise<Record<string, unknown>> {
  const r = await callLogs(endpointUrl, 'DescribeLogGroups', {});
  if (r.status !== 200 || r.body.nextToken !== undefined) throw new Error(`DescribeLogGroups: ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
  return r.body;
}

/** The instance whose flow-log group does not exist, and a pattern the service refuses. */
export const missingGroupArgs = ['logs', 'filter-log-events', '--log-group-name', flowLogIds.missingLogGroup.logGroupName, '--filter-pattern', pattern(sampleIds.salesChat)];
export const invalidPatternArgs = ['logs', 'filter-log-events', '--log-group-name', flowLogIds.logGroup, '--filter-pattern', '{ $.ContactId = '];
