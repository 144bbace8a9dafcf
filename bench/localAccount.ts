// The local Amazon Connect endpoint and fixture profile every lookup benchmark uses.
import * as path from 'node:path';
import type { CallLogEntry, CallLogger, ContactRef, TransportSettings } from '../src/aws/types';
import { defaultTransport } from '../src/aws/types';
import { localAwsFiles, localProfile, localRegion } from '../test/endpoint/localCredentials';
import { sampleIds } from '../test/endpoint/sampleIds';

/** The bench scripts are bundled into .cache/bench/. */
export const repoRoot = path.resolve(__dirname, '..', '..');

export function endpointUrl(): string {
  const url = process.env.BENCH_ENDPOINT_URL;
  if (!url) throw new Error('BENCH_ENDPOINT_URL is not set (scripts/bench.sh starts the local endpoint)');
  return url;
}

/** Environment that points the SDK (and the AWS CLI) at the fixture credentials only. */
export function fixtureEnv(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const files = localAwsFiles(repoRoot);
  const env: NodeJS.ProcessEnv = { ...base, AWS_CONFIG_FILE: files.configFile, AWS_SHARED_CREDENTIALS_FILE: files.credentialsFile };
  for (const k of ['AWS_PROFILE', 'AWS_DEFAULT_PROFILE', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_CONNECT', 'AWS_REGION', 'AWS_DEFAULT_REGION']) {
    delete env[k];
  }
  return env;
}

export function transport(): TransportSettings {
  return { ...defaultTransport, endpointUrl: endpointUrl() };
}

export function contactRef(contactId: string = sampleIds.voice, instanceId: string = sampleIds.instanceA): ContactRef {
  return { profile: localProfile, region: localRegion, instanceId, contactId };
}

/** Every sample contact of instance A, for lookups that should not all hit one document. */
export const instanceAContacts: readonly string[] = [
  sampleIds.voice,
  sampleIds.chat,
  sampleIds.task,
  sampleIds.email,
  sampleIds.callback,
  sampleIds.webrtc,
  sampleIds.chatAbandoned,
  sampleIds.maximal,
  ...sampleIds.transferChain.slice(1),
];

/** Formats every line like the extension's log channel does, then drops it: the cost stays, the output goes. */
export function discardingLogger(): CallLogger {
  let sink = 0;
  const line = (e: CallLogEntry) =>
    [e.operation, `profile=${e.profile}`, `region=${e.region}`, `endpoint=${e.endpoint}`, `status=${e.httpStatus ?? '-'}`, `requestId=${e.requestId ?? '-'}`, `${Math.round(e.durationMs)} ms`].join(' ');
  return {
    info: (e) => void (sink += line(e).length),
    trace: (m) => void (sink += m.length),
    warn: (m) => void (sink += m.length),
  };
}

export { localProfile, localRegion, sampleIds };
