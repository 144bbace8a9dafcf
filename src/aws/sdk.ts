// The only module that imports AWS SDK runtime values. Built as its own chunk
// (dist/sdk.js) and loaded on the first AWS call, never at activation. build.mjs reads the
// client-connect export list below and takes each name from its own module.
export {
  ConnectClient,
  DescribeContactCommand,
  DescribeInstanceCommand,
  GetContactAttributesCommand,
  ListInstancesCommand,
  SearchContactsCommand,
} from '@aws-sdk/client-connect';
export { fromIni } from '@aws-sdk/credential-provider-ini';
export { NodeHttpHandler } from '@smithy/node-http-handler';
// Standard retries with a chosen backoff (tests use short delays).
export { ConfiguredRetryStrategy, StandardRetryStrategy } from '@smithy/core/retry';
