// One client per (service, profile, region, endpoint, transport options), reused across calls
// and rebuilt when any of them change or the AWS files change. The Connect and the Logs clients
// of one profile and region share one credential provider: one SSO or assume-role exchange, not two.
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { ConnectClient } from '@aws-sdk/client-connect';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider, RetryStrategyV2 } from '@smithy/types';
import { publicServiceEndpoint, resolveTransport, transportWarnings, type ResolvedTransport } from './endpoint';
import { connectError, markCredentialFailure, quotaNames } from './errors';
import { awsFilePaths, findProfile, hasEnvKeys, type ProfileCatalog, type ProfileEntry } from './profiles';
import type { Sdk } from './sdkLoader';
import { shellQuote } from './shellQuote';
import { buildRequestHandler } from './transport';
import type { AwsService, TransportSettings } from './types';

/** The SDK client each service is called with. */
export interface ServiceClients {
  connect: ConnectClient;
  logs: CloudWatchLogsClient;
}

export interface CachedClient<S extends AwsService = 'connect'> {
  client: ServiceClients[S];
  service: S;
  profile: string;
  region: string;
  /** The endpoint the client was built for (the request's own host is logged per call). */
  endpoint: string;
  transport: ResolvedTransport;
  profileEntry?: ProfileEntry;
  /** Secret values this client resolved, so messages and logs can scrub them exactly. */
  knownSecrets: Set<string>;
}

export interface ClientCacheOptions {
  env: NodeJS.ProcessEnv;
  /** The one shared profile listing. */
  profiles: ProfileCatalog;
  /** The profile chosen in settings ('' for none): with none, environment keys win over the files, as in the CLI. */
  chosenProfile: () => string;
  /** Told once per distinct warning about risky transport (plain http to a remote host, TLS off). */
  onTransportWarning?: (warning: string) => void;
  loadSdk: () => Promise<Sdk>;
  /** Backoff between retries in ms (a number or per-attempt function); the SDK's default when absent. */
  retryDelayMs?: number | ((attempt: number) => number);
}

export interface PreparedClient {
  transport: ResolvedTransport;
  profileEntry?: ProfileEntry;
  useEnvCredentials: boolean;
}

export function publicEndpoint(region: string): string {
  return publicServiceEndpoint('connect', region);
}

function envCredentials(env: NodeJS.ProcessEnv): AwsCredentialIdentity | undefined {
  const accessKeyId = env.AWS_ACCESS_KEY_ID;
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY;
  if (!accessKeyId || !secretAccessKey) return undefined;
  return { accessKeyId, secretAccessKey, ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}) };
}

/** The SDK refreshes credentials this long before they expire; a shared provider does the same. */
const credentialRefreshMarginMs = 5 * 60_000;

/**
 * One resolution shared by every client that calls it: later calls reuse the identity until it is
 * within the refresh margin of its expiry, or a client forces a refresh. A failure is not kept.
 */
function sharedProvider(base: AwsCredentialIdentityProvider): AwsCredentialIdentityProvider {
  let pending: Promise<AwsCredentialIdentity> | undefined;
  let refreshAt = Number.POSITIVE_INFINITY;
  return (props) => {
    const forceRefresh = (props as { forceRefresh?: unknown } | undefined)?.forceRefresh === true;
    if (!pending || forceRefresh || Date.now() >= refreshAt) {
      const resolving = base(props);
      pending = resolving;
      refreshAt = Number.POSITIVE_INFINITY;
      resolving.then(
        (identity) => {
          const expires = identity.expiration?.getTime();
          if (pending === resolving && expires !== undefined) refreshAt = expires - credentialRefreshMarginMs;
        },
        () => {
          if (pending === resolving) pending = undefined;
        },
      );
    }
    return pending;
  };
}

/**
 * The SDK retries every LimitExceededException (and any 429) as throttling. A quota is not a rate:
 * no query slot or resource limit frees up in a retry's second, and each retry spends the budget.
 */
export function withoutQuotaRetries(strategy: RetryStrategyV2): RetryStrategyV2 {
  return {
    acquireInitialRetryToken: (scope) => strategy.acquireInitialRetryToken(scope),
    // Refusing the token ends the SDK's loop: it throws the service's error as it came.
    refreshRetryTokenForRetry: (token, info) => (quotaNames.has(info.error?.name ?? '') ? Promise.reject(new Error('A quota error is not retried.')) : strategy.refreshRetryTokenForRetry(token, info)),
    recordSuccess: (token) => strategy.recordSuccess(token),
  };
}

export class ClientCache {
  /** Promises, so concurrent first calls for one key build one client. */
  private readonly clients = new Map<string, Promise<CachedClient<AwsService>>>();
  private readonly retired = new Set<CachedClient<AwsService>>();
  private readonly warned = new Set<string>();
  /** Per profile, region and credential source: what every service's client signs with. */
  private readonly credentialProviders = new Map<string, AwsCredentialIdentityProvider>();

  constructor(private readonly options: ClientCacheOptions) {}

  /** Resolves everything that does not need the SDK; throws ConnectServiceError for an unknown profile or bad settings. */
  async prepare(profile: string, settings: TransportSettings, service: AwsService = 'connect'): Promise<PreparedClient> {
    const listing = await this.options.profiles.listing();
    const profileEntry = findProfile(listing, profile);
    const env = this.options.env;
    // As the CLI: with no profile chosen, keys in the environment win over the files.
    const useEnvCredentials = profile === listing.defaultProfile && !this.options.chosenProfile() && hasEnvKeys(env);
    if (!profileEntry && !useEnvCredentials) {
      const known = listing.profiles.map((p) => p.name);
      throw connectError(
        'UnknownProfile',
        `Profile ${profile} is not in ${listing.configFile} or ${listing.credentialsFile}.${known.length ? ` Known profiles: ${known.slice(0, 10).join(', ')}${known.length > 10 ? ', …' : ''}.` : ' No profiles were found.'}`,
        { hint: `Pick another profile, or create it with \`aws configure --profile ${shellQuote(profile)}\` (or \`aws configure sso\`).`, profile },
      );
    }
    // The endpoint comes from this profile and the settings only (resolveEndpoint).
    return { transport: resolveTransport(settings, profileEntry, env, service), profileEntry, useEnvCredentials };
  }

  /** The client for a service (Amazon Connect unless said), profile and region. */
  async get<S extends AwsService = 'connect'>(profile: string, region: string, settings: TransportSettings, service: S = 'connect' as S): Promise<CachedClient<S>> {
    const prepared = await this.prepare(profile, settings, service);
    const key = JSON.stringify([profile, region, prepared.transport, prepared.useEnvCredentials]);
    let entry = this.clients.get(key);
    if (!entry) {
      const building = this.build(profile, region, prepared);
      entry = building;
      this.clients.set(key, building);
      // A failed build (a bad CA bundle, the SDK chunk) is not kept: the next call tries again.
      building.catch(() => {
        if (this.clients.get(key) === building) this.clients.delete(key);
      });
    }
    return entry as Promise<CachedClient<S>>;
  }

  /** Forget clients, credentials and warnings (AWS files or settings changed). In-flight calls finish on the old client. */
  invalidate(): void {
    const old = [...this.clients.values()];
    this.clients.clear();
    this.credentialProviders.clear();
    this.warned.clear();
    for (const pending of old) {
      pending.then((c) => {
        this.retired.add(c);
        setTimeout(() => {
          if (this.retired.delete(c)) c.client.destroy();
        }, 60_000).unref();
      }, () => undefined);
    }
  }

  /** Destroys every client, current and retired (deactivation). */
  async dispose(): Promise<void> {
    const current = await Promise.allSettled([...this.clients.values()]);
    this.clients.clear();
    this.credentialProviders.clear();
    for (const r of current) if (r.status === 'fulfilled') r.value.client.destroy();
    for (const c of this.retired) c.client.destroy();
    this.retired.clear();
  }

  private credentialsFor(sdk: Sdk, profile: string, region: string, useEnvCredentials: boolean): AwsCredentialIdentityProvider {
    const key = JSON.stringify([profile, region, useEnvCredentials]);
    let provider = this.credentialProviders.get(key);
    if (!provider) {
      const files = awsFilePaths(this.options.env);
      provider = sharedProvider(useEnvCredentials
        ? () => Promise.resolve(envCredentials(this.options.env)!)
        : sdk.fromIni({ profile, filepath: files.credentialsFile, configFilepath: files.configFile, ignoreCache: true, clientConfig: { region } }));
      this.credentialProviders.set(key, provider);
    }
    return provider;
  }

  private async build(profile: string, region: string, { transport, profileEntry, useEnvCredentials }: PreparedClient): Promise<CachedClient<AwsService>> {
    const sdk = await this.options.loadSdk();
    const knownSecrets = new Set<string>();
    const base = this.credentialsFor(sdk, profile, region, useEnvCredentials);
    const credentials: AwsCredentialIdentityProvider = async (opts) => {
      // A failure here (STS refusing the role, say) is the credentials', not the called service's.
      const c = await base(opts).catch((error: unknown) => {
        throw markCredentialFailure(error);
      });
      knownSecrets.add(c.secretAccessKey);
      if (c.sessionToken) knownSecrets.add(c.sessionToken);
      return c;
    };
    const retry = this.options.retryDelayMs;
    const config = {
      region,
      // What the SDK reads from the shared files comes from this profile, and it never looks up a
      // configured endpoint itself: that lookup reads AWS_PROFILE's or [default]'s endpoint_url and
      // would send requests signed for this profile to another profile's endpoint.
      profile,
      ignoreConfiguredEndpointUrls: true,
      credentials,
      ...(transport.endpoint ? { endpoint: transport.endpoint.url } : {}),
      requestHandler: buildRequestHandler(sdk, transport),
      retryStrategy: withoutQuotaRetries(retry !== undefined
        ? new sdk.ConfiguredRetryStrategy(transport.maxAttempts, typeof retry === 'number' ? () => retry : retry)
        : new sdk.StandardRetryStrategy(transport.maxAttempts)),
    };
    const client = transport.service === 'logs' ? new sdk.CloudWatchLogsClient(config) : new sdk.ConnectClient(config);
    for (const warning of transportWarnings(transport)) {
      if (this.warned.has(warning)) continue;
      this.warned.add(warning);
      this.options.onTransportWarning?.(warning);
    }
    const endpoint = transport.endpoint?.url ?? publicServiceEndpoint(transport.service, region);
    return { client, service: transport.service, profile, region, endpoint, transport, profileEntry, knownSecrets };
  }
}
