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

/** The extension's "a Lambda function failing" template: the voice call's failed acme-customer-lookup call. */
export const lambdaFailingQuery =
  'fields @timestamp, ContactId, ContactFlowName, ContactFlowModuleType, Identifier, Results | filter ContactFlowModuleType = "InvokeExternalResource" and Parameters.FunctionArn like /acme-customer-lookup/ and Results like /(?i)error|timeout|fail/ | sort @timestamp desc | limit 1000';

/** Insights' window, in epoch seconds: the last week (the samples sit in the last three days). */
export function insightsWindow(): { startTime: number; endTime: number } {
  const now = Math.floor(Date.now() / 1000);
  return { startTime: now - 7 * 86400, endTime: now };
}

export function startQueryArgs(queryString: string, w = insightsWindow()): string[] {
  return ['logs', 'start-query', '--log-group-name', flowLogIds.logGroup, '--start-time', String(w.startTime), '--end-time', String(w.endTime), '--query-string', queryString];
}

/** Start a query on the endpoint (signed here) and poll it `polls` times: twice leaves it Complete. */
export async function startedQuery(endpointUrl: string, queryString: string, polls: number): Promise<string> {
  const r = await callLogs(endpointUrl, 'StartQuery', { logGroupName: flowLogIds.logGroup, ...insightsWindow(), queryString });
  if (r.status !== 200) throw new Error(`StartQuery: ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
  const queryId = String(r.body.queryId);
  for (let i = 0; i < polls; i++) await callLogs(endpointUrl, 'GetQueryResults', { queryId });
  return queryId;
}

/** What GetQueryResults serves for a query now (a Complete query answers the same every time). */
export async function servedQueryResults(endpointUrl: string, queryId: string): Promise<Record<string, unknown>> {
  const r = await callLogs(endpointUrl, 'GetQueryResults', { queryId });
  if (r.status !== 200) throw new Error(`GetQueryResults: ${r.status} ${JSON.stringify(r.body).slice(0, 200)}`);
  return r.body;
}

export const malformedQuery = 'fields @message | parse @message "* *" as a, b';

/** The Insights runs both CLI suites make, against queries started here: their keys, arguments and query IDs. */
export interface InsightsRuns {
  /** Started and polled twice: the CLI's get-query-results sees it Complete. */
  completeId: string;
  /** Started, never polled: the CLI's stop-query cancels it. */
  runningId: string;
  /** Complete before the CLI's stop-query: refused. */
  finishedId: string;
  args: [string, string[]][];
}

export async function insightsRuns(endpointUrl: string): Promise<InsightsRuns> {
  const completeId = await startedQuery(endpointUrl, lambdaFailingQuery, 2);
  const runningId = await startedQuery(endpointUrl, lambdaFailingQuery, 0);
  const finishedId = await startedQuery(endpointUrl, lambdaFailingQuery, 3);
  return {
    completeId,
    runningId,
    finishedId,
    args: [
      ['start-query', startQueryArgs(lambdaFailingQuery)],
      ['start-query malformed', startQueryArgs(malformedQuery)],
      ['get-query-results', ['logs', 'get-query-results', '--query-id', completeId]],
      ['stop-query', ['logs', 'stop-query', '--query-id', runningId]],
      ['stop-query finished', ['logs', 'stop-query', '--query-id', finishedId]],
    ],
  };
}

/** The ContactId of each row of a GetQueryResults body. */
export function resultContactIds(body: Record<string, unknown>): (string | undefined)[] {
  return (body.results as { field: string; value: string }[][]).map((row) => row.find((f) => f.field === 'ContactId')?.value);
}
