// The only module that imports AWS SDK runtime values. Part of the chunk dist/sdk.js, loaded
// on the first AWS call, never at activation. build.mjs reads each client's list below (the
// client and command classes only) and takes each from its own module.
export {
  ConnectClient,
  DescribeContactCommand,
  DescribeContactFlowCommand,
  DescribeInstanceCommand,
  DescribeQueueCommand,
  DescribeRoutingProfileCommand,
  DescribeUserCommand,
  DescribeUserHierarchyGroupCommand,
  GetContactAttributesCommand,
  ListAssociatedContactsCommand,
  ListContactEvaluationsCommand,
  ListContactReferencesCommand,
  ListInstancesCommand,
  ListQueuesCommand,
  ListUsersCommand,
  SearchContactsCommand,
} from '@aws-sdk/client-connect';
// Flow logs and the Lambda functions' own logs (src/aws/flowLogService.ts); Logs Insights
// queries (src/aws/insightsService.ts). One export block per package: build.mjs reads it.
export {
  CloudWatchLogsClient,
  DescribeLogGroupsCommand,
  FilterLogEventsCommand,
  GetQueryResultsCommand,
  StartQueryCommand,
  StopQueryCommand,
} from '@aws-sdk/client-cloudwatch-logs';
export { fromIni } from '@aws-sdk/credential-provider-ini';
export { NodeHttpHandler } from '@smithy/node-http-handler';
// Standard retries with a chosen backoff (tests use short delays).
export { ConfiguredRetryStrategy, StandardRetryStrategy } from '@smithy/core/retry';
