// Built into dist/sdk.js together with the SDK: everything that runs only once a call is
// made (the service, client cache, transport, error mapping) stays out of the other bundles.
export { ConnectService } from './connectService';
export { toErrorInfo } from './errors';
// The SDK's own exports too, so tools that measure the shipped chunk (bench/) can use the very
// SDK build the extension loads.
export * from './sdk';
