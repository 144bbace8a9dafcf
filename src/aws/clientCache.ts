// One ConnectClient per (profile, region, endpoint, transport options), reused
// across calls and rebuilt when any of them change or the AWS files change.
import type { ConnectClient } from '@aws-sdk/client-connect';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import { resolveTransport, type ResolvedTransport } from './endpoint';
import { connectError } from './errors';
import { awsFilePaths, findProfile, listProfiles, type ProfileEntry, type ProfileListing } from './profiles';
import type { Sdk } from './sdkLoader';
import { buildRequestHandler } from './transport';
import type { TransportSettings } from './types';

export interface CachedClient {
  client: ConnectClient;
  profile: string;
  region: string;
  /** The endpoint requests go to, for logs and messages. */
  endpoint: string;
  transport: ResolvedTransport;
  profileEntry?: ProfileEntry;
  /** Secret values this client resolved, so messages and logs can scrub them exactly. */
  knownSecrets: Set<string>;
}

export interface ClientCacheOptions {
  env: NodeJS.ProcessEnv;
  loadSdk: () => Promise<Sdk>;
  /** Backoff between retries in ms (a number or per-attempt function); the SDK's default when absent. */
  retryDelayMs?: number | ((attempt: number) => number);
}

export function publicEndpoint(region: string): string {
  return `https://connect.${region}.${region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com'}`;
}

/** Credentials from the environment, when the profile is the implicit default and only env keys exist (as the CLI would). */
function envCredentials(env: NodeJS.ProcessEnv): AwsCredentialIdentity | undefined {
  const accessKeyId = env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
  if (!accessKeyId || !secretAccessKey) return undefined;
  return { accessKeyId, secretAccessKey, ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}) };
}

export class ClientCache {
  private readonly clients = new Map<string, CachedClient>();
  private listing: ProfileListing | undefined;

  constructor(private readonly options: ClientCacheOptions) {}

  profiles(): ProfileListing {
    this.listing ??= listProfiles(this.options.env);
    return this.listing;
  }

  /** Resolves everything that does not need the SDK; throws ConnectServiceError for an unknown profile or bad settings. */
  prepare(profile: string, settings: TransportSettings): { transport: ResolvedTransport; profileEntry?: ProfileEntry; useEnvCredentials: boolean } {
    const listing = this.profiles();
    const profileEntry = findProfile(listing, profile);
    const env = this.options.env;
    const useEnvCredentials = !profileEntry && profile === listing.defaultProfile && envCredentials(env) !== undefined;
    if (!profileEntry && !useEnvCredentials) {
      const known = listing.profiles.map((p) => p.name);
      throw connectError(
        'UnknownProfile',
        `Profile ${profile} is not in ${listing.configFile} or ${listing.credentialsFile}.${known.length ? ` Known profiles: ${known.slice(0, 10).join(', ')}${known.length > 10 ? ', …' : ''}.` : ' No profiles were found.'}`,
        { hint: `Pick another profile, or create it with \`aws configure --profile ${profile}\` (or \`aws configure sso\`).`, profile },
      );
    }
    return { transport: resolveTransport(settings, profileEntry, env), profileEntry, useEnvCredentials };
  }

  async get(profile: string, region: string, settings: TransportSettings): Promise<CachedClient> {
    const { transport, profileEntry, useEnvCredentials } = this.prepare(profile, settings);
    const key = JSON.stringify([profile, region, transport, useEnvCredentials]);
    const cached = this.clients.get(key);
    if (cached) return cached;

    const sdk = await this.options.loadSdk();
    const knownSecrets = new Set<string>();
    const files = awsFilePaths(this.options.env);
    const base: AwsCredentialIdentityProvider = useEnvCredentials
      ? async () => envCredentials(this.options.env)!
      : sdk.fromIni({ profile, filepath: files.credentialsFile, configFilepath: files.configFile, ignoreCache: true, clientConfig: { region } });
    const credentials: AwsCredentialIdentityProvider = async (opts) => {
      const c = await base(opts);
      knownSecrets.add(c.secretAccessKey);
      if (c.sessionToken) knownSecrets.add(c.sessionToken);
      return c;
    };
    const retry = this.options.retryDelayMs;
    const client = new sdk.ConnectClient({
      region,
      credentials,
      ...(transport.endpoint ? { endpoint: transport.endpoint.url } : {}),
      requestHandler: buildRequestHandler(sdk, transport),
      ...(retry !== undefined
        ? { retryStrategy: new sdk.ConfiguredRetryStrategy(transport.maxAttempts, typeof retry === 'number' ? () => retry : retry) }
        : { maxAttempts: transport.maxAttempts }),
    });
    const entry: CachedClient = {
      client,
      profile,
      region,
      endpoint: transport.endpoint?.url ?? publicEndpoint(region),
      transport,
      profileEntry,
      knownSecrets,
    };
    this.clients.set(key, entry);
    return entry;
  }

  /** Forget clients and the profile listing (AWS files or settings changed). In-flight calls finish on the old client. */
  invalidate(): void {
    const old = [...this.clients.values()];
    this.clients.clear();
    this.listing = undefined;
    if (old.length) setTimeout(() => old.forEach((c) => c.client.destroy()), 60_000).unref();
  }

  dispose(): void {
    for (const c of this.clients.values()) c.client.destroy();
    this.clients.clear();
  }
}
