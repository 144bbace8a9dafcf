// "Copy as CloudWatch Logs Insights query" and "Open the log group in the CloudWatch console"
// for one contact. The contact ID enters the query only when it is filter-safe (filterPattern.ts).
import { isFilterSafeId } from './filterPattern';
import { isValidLogGroupName, partitionOf } from './flowLogWindow';

/** The query that lists one contact's flow-log lines in the order they happened. Throws RangeError for an ID that is not safe to quote. */
export function insightsQuery(contactId: string): string {
  if (!isFilterSafeId(contactId)) throw new RangeError('Only a contact ID of letters, digits, - and _ goes into a Logs Insights query.');
  return `fields @timestamp, @message | filter ContactId = "${contactId}" | sort @timestamp asc`;
}

/**
 * Text as the CloudWatch console writes it in its `#logsV2:` address: URI-encoded twice, then
 * '%' written as '$' ('/' → '%2F' → '%252F' → '$252F').
 */
export function consoleFragmentEncode(text: string): string {
  return encodeURIComponent(encodeURIComponent(text)).replace(/%/g, '$');
}

const regionPattern = /^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d+$/;

/** The console's host for a region: undefined where no public console exists (ISO partitions). */
function consoleHost(region: string): string | undefined {
  switch (partitionOf(region)) {
    case 'aws':
      return `${region}.console.aws.amazon.com`;
    case 'aws-cn':
      return `${region}.console.amazonaws.cn`;
    case 'aws-us-gov':
      return 'console.amazonaws-us-gov.com';
    default:
      return undefined;
  }
}

/** The log group's page in the CloudWatch console; undefined for a malformed region or name. */
export function logGroupConsoleUrl(region: string, logGroupName: string): string | undefined {
  if (!regionPattern.test(region) || !isValidLogGroupName(logGroupName)) return undefined;
  const host = consoleHost(region);
  if (host === undefined) return undefined;
  return `https://${host}/cloudwatch/home?region=${region}#logsV2:log-groups/log-group/${consoleFragmentEncode(logGroupName)}`;
}
