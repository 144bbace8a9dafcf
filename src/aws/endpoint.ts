// Where requests go and how: endpoint URL precedence as the CLI has it, and the
// transport options (timeouts, CA bundle, TLS verification, attempts).
import { connectError } from './errors';
import { redactUrlUserInfo } from './redact';
import type { ProfileEntry } from './profiles';
import type { AwsService, TransportSettings } from './types';

/**
 * Each service's own endpoint override: our setting, and the service-specific environment
 * variable the SDK and the CLI read (AWS_ENDPOINT_URL_ + the service ID "CloudWatch Logs" in
 * upper case, spaces as underscores; the same rule names the `[services]` key `cloudwatch_logs`).
 */
export const endpointOverrides = {
  connect: { setting: 'connectContacts.endpointUrl', envVar: 'AWS_ENDPOINT_URL_CONNECT' },
  logs: { setting: 'connectContacts.logsEndpointUrl', envVar: 'AWS_ENDPOINT_URL_CLOUDWATCH_LOGS' },
} as const;

export type ServiceEndpointSource<S extends AwsService> = 'setting' | (typeof endpointOverrides)[S]['envVar'] | 'AWS_ENDPOINT_URL' | 'profile';
export type EndpointSource = ServiceEndpointSource<'connect'>;

export interface ResolvedEndpoint<S extends AwsService = 'connect'> {
  url: string;
  source: ServiceEndpointSource<S>;
}

/** The message for a malformed endpoint URL, or undefined when fine. */
export function validateEndpointUrl(text: string): string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  let url: URL;
  try {
    url = new URL(t);
  } catch {
    return `"${t}" is not a URL; an endpoint URL looks like https://connect.us-east-1.amazonaws.com or http://127.0.0.1:4566.`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `The endpoint URL must start with https:// or http://, not ${url.protocol}//.`;
  return undefined;
}

/** Where an endpoint came from, as a person would look for it. */
export function endpointSourceName(service: AwsService, source: ServiceEndpointSource<AwsService>): string {
  return source === 'setting' ? endpointOverrides[service].setting : source === 'profile' ? "the profile's endpoint_url" : source;
}

/**
 * The Amazon Connect endpoint override, if any: the setting, AWS_ENDPOINT_URL_CONNECT, AWS_ENDPOINT_URL,
 * then the profile's endpoint_url (env and profile are skipped when AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true).
 * Undefined: the SDK's public endpoint for the region.
 */
export function resolveEndpoint(setting: string | undefined, profile: Pick<ProfileEntry, 'endpointUrl'> | undefined, env: NodeJS.ProcessEnv = process.env): ResolvedEndpoint | undefined {
  return resolveServiceEndpoint('connect', setting, profile?.endpointUrl, env);
}

/**
 * One service's endpoint override, in the CLI's order: our setting for it, its own environment
 * variable, AWS_ENDPOINT_URL, then the chosen profile's endpoint for it (`profileEndpointUrl`: its
 * `[services]` entry, else its endpoint_url). Env and profile are skipped when
 * AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true. Undefined: the SDK's public endpoint for the region.
 */
export function resolveServiceEndpoint<S extends AwsService>(service: S, setting: string | undefined, profileEndpointUrl: string | undefined, env: NodeJS.ProcessEnv = process.env): ResolvedEndpoint<S> | undefined {
  const ignoreConfigured = env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS?.trim().toLowerCase() === 'true';
  const envVar: (typeof endpointOverrides)[S]['envVar'] = endpointOverrides[service].envVar;
  const candidates: [string | undefined, ServiceEndpointSource<S>][] = [
    [setting, 'setting'],
    ...(ignoreConfigured ? [] : ([
      [env[envVar], envVar],
      [env.AWS_ENDPOINT_URL, 'AWS_ENDPOINT_URL'],
      [profileEndpointUrl, 'profile'],
    ] as [string | undefined, ServiceEndpointSource<S>][])),
  ];
  for (const [value, source] of candidates) {
    const url = value?.trim();
    if (!url) continue;
    const problem = validateEndpointUrl(url);
    if (problem) {
      const where = endpointSourceName(service, source);
      throw connectError('InvalidInput', `The endpoint URL in ${where} is not valid. ${problem}`, { hint: `Fix or clear ${where}.` });
    }
    return { url, source };
  }
  return undefined;
}

/** The endpoint the SDK uses when nothing overrides it (China regions use amazonaws.com.cn). */
export function publicServiceEndpoint(service: AwsService, region: string): string {
  return `https://${service}.${region}.${region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com'}`;
}

export type CaBundleSource = 'setting' | 'AWS_CA_BUNDLE' | 'profile';

/** Everything the HTTP handler needs, resolved from settings, env and profile. */
export interface ResolvedTransport {
  /** The service the client is for: which endpoint settings apply. */
  service: AwsService;
  endpoint?: ResolvedEndpoint<AwsService>;
  caBundle?: { path: string; source: CaBundleSource };
  /** 0: wait forever. */
  connectionTimeoutMs: number;
  /** Socket inactivity while waiting for or reading a response (the CLI's read timeout); 0: forever. */
  readTimeoutMs: number;
  rejectUnauthorized: boolean;
  maxAttempts: number;
  connectTimeoutSeconds: number;
  readTimeoutSeconds: number;
}

/** For Logs (`service` 'logs'): the logs endpoint setting and the profile's endpoint for Logs; everything else is shared. */
export function resolveTransport(settings: TransportSettings, profile: ProfileEntry | undefined, env: NodeJS.ProcessEnv = process.env, service: AwsService = 'connect'): ResolvedTransport {
  const ca: [string | undefined, CaBundleSource][] = [
    [settings.caBundle, 'setting'],
    [env.AWS_CA_BUNDLE, 'AWS_CA_BUNDLE'],
    [profile?.caBundle, 'profile'],
  ];
  const found = ca.find(([v]) => v !== undefined && v.trim() !== '');
  const seconds = (n: number): number => (Number.isFinite(n) && n > 0 ? n : 0);
  const endpoint = service === 'logs'
    ? resolveServiceEndpoint('logs', settings.logsEndpointUrl, profile?.logsEndpointUrl, env)
    : resolveEndpoint(settings.endpointUrl, profile, env);
  return {
    service,
    endpoint,
    caBundle: found ? { path: found[0]!.trim(), source: found[1] } : undefined,
    connectionTimeoutMs: Math.round(seconds(settings.connectTimeoutSeconds) * 1000),
    readTimeoutMs: Math.round(seconds(settings.readTimeoutSeconds) * 1000),
    rejectUnauthorized: settings.verifyTls,
    maxAttempts: Math.max(1, Math.floor(Number.isFinite(settings.maxAttempts) ? settings.maxAttempts : 3)),
    connectTimeoutSeconds: seconds(settings.connectTimeoutSeconds),
    readTimeoutSeconds: seconds(settings.readTimeoutSeconds),
  };
}

const loopbackHost = /^(127(\.\d{1,3}){3}|localhost|\[::1\])$/i;

/** Warnings about where and how requests go: TLS verification off, plain http:// to a host that is not this machine. */
export function transportWarnings(transport: Pick<ResolvedTransport, 'endpoint' | 'rejectUnauthorized'> & { service?: AwsService }): string[] {
  const warnings: string[] = [];
  if (!transport.rejectUnauthorized) {
    warnings.push('TLS certificate verification is off (connectContacts.verifyTls): anyone between you and the endpoint can read and change AWS traffic. Turn it back on outside a test endpoint.');
  }
  const endpoint = transport.endpoint;
  if (endpoint) {
    let url: URL | undefined;
    try {
      url = new URL(endpoint.url);
    } catch {
      url = undefined;
    }
    if (url?.protocol === 'http:' && !loopbackHost.test(url.hostname)) {
      const where = endpointSourceName(transport.service ?? 'connect', endpoint.source);
      warnings.push(`The endpoint ${redactUrlUserInfo(endpoint.url)} (from ${where}) uses plain http:// to another host: signed requests and contact data travel unencrypted.`);
    }
  }
  return warnings;
}
