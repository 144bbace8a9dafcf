// Why Find Contacts in Flow Logs' table is empty or stopped, and what to do about it: each failure
// of a Logs Insights query (already read by src/aws/errors.ts) as the panel shows it. No vscode.
import type { ConnectErrorInfo } from '../aws/types';
import type { InsightsProblem } from '../protocol/searchMessages';
import { insightsRangeText } from '../timeline/insightsRows';

/** The IAM actions a query needs: StopQuery only to cancel one. */
const neededActions = 'logs:StartQuery and logs:GetQueryResults (and logs:StopQuery, to cancel)';

export function noResultsProblem(logGroup: string, startMs: number, endMs: number): InsightsProblem {
  return {
    kind: 'noResults',
    title: 'No contacts found',
    message: `No flow-log line in ${logGroup} matched the query between ${insightsRangeText(startMs, endMs)}.`,
    fix: 'Widen the time range or edit the query. Flows write to the log only after a Set logging behavior block (enabled), and only while the instance has flow logs turned on.',
    actions: ['editQuery'],
  };
}

/** A failed query's problem; `logGroup` when it was known, for the permission's resource. */
export function insightsProblemOf(info: ConnectErrorInfo, logGroup?: string): InsightsProblem {
  const base = { message: info.message, fix: info.hint ?? '' };
  if (info.queryError) {
    return { ...base, kind: 'malformedQuery', title: 'CloudWatch Logs Insights could not run the query', fix: 'Edit the query where the service points, and run it again.', queryError: info.queryError, actions: ['editQuery'] };
  }
  switch (info.kind) {
    case 'NotFound':
      return { ...base, kind: 'noLogGroup', title: 'The flow-log group does not exist', actions: ['flowLogSettings', 'rerun'] };
    case 'AccessDenied':
      return {
        ...base,
        kind: 'accessDenied',
        title: 'No permission to query the flow logs',
        fix: `${base.fix} Finding contacts in flow logs needs ${neededActions} on ${logGroup ? `the log group ${logGroup}` : 'the instance\'s flow-log group'}.`.trim(),
        actions: ['rerun'],
      };
    case 'Timeout':
      return { ...base, kind: 'timeout', title: 'The query timed out', fix: base.fix || 'Query a shorter time range, or narrow the query.', actions: ['rerun', 'editQuery'] };
    case 'Cancelled':
      return { ...base, kind: 'cancelled', title: 'The query was cancelled', fix: 'The query was stopped on the service (StopQuery). Run it again to see its contacts.', actions: ['rerun', 'editQuery'] };
    case 'InvalidInput':
      // Our own check: the instance's alias, and so its log group's name, is not known.
      if (/connectContacts\.flowLogGroups/.test(info.hint ?? '')) return { ...base, kind: 'noLogGroup', title: 'The flow-log group is not known', actions: ['flowLogSettings', 'rerun'] };
      return { ...base, kind: 'failed', title: 'The query could not run', actions: ['editQuery'] };
    default:
      return { ...base, kind: 'failed', title: 'The query failed', actions: ['rerun', 'editQuery'] };
  }
}
