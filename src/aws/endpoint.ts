// Where requests go and how: endpoint URL precedence as the CLI has it, and the
// transport options (timeouts, CA bundle, TLS verification, attempts).
import { connectError } from './errors';
import { redactUrlUserInfo } from './redact';
import type { ProfileEntry } from './profiles';
import type { TransportSettings } from './types';

export type EndpointSource = 'setting' | 'AWS_ENDPOINT_URL_CONNECT' | 'AWS_ENDPOINT_URL' | 'profile';

export interface ResolvedEndpoint {
  url: string;
  source: EndpointSource;
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

/**
 * The endpoint override, if any: the setting, AWS_ENDPOINT_URL_CONNECT, AWS_ENDPOINT_URL,
 * then the profile's endpoint_url (env and profile are skipped when AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true).
 * Undefined: the SDK's public endpoint for the region.
 */
export function resolveEndpoint(setting: string | undefined, profile: Pick<ProfileEntry, 'endpointUrl'> | undefined, env: NodeJS.ProcessEnv = process.env): ResolvedEndpoint | undefined {
  const ignoreConfigured = env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS?.trim().toLowerCase() === 'true';
  const candidates: [string | undefined, EndpointSource][] = [
    [setting, 'setting'],
    ...(ignoreConfigured ? [] : ([
      [env.AWS_ENDPOINT_URL_CONNECT, 'AWS_ENDPOINT_URL_CONNECT'],
      [env.AWS_ENDPOINT_URL, 'AWS_ENDPOINT_URL'],
      [profile?.endpointUrl, 'profile'],
    ] as [string | undefined, EndpointSource][])),
  ];
  for (const [value, source] of candidates) {
    const url = value?.trim();
    if (!url) continue;
    const problem = validateEndpointUrl(url);
    if (problem) {
      const where = source === 'setting' ? 'connectContacts.endpointUrl' : source === 'profile' ? 'the profile\'s endpoint_url' : source;
      throw connectError('InvalidInput', `The endpoint URL in ${where} is not valid. ${problem}`, { hint: `Fix or clear ${where}.` });
    }
    return { url, source };
  }
  return undefined;
}

export type CaBundleSource = 'setting' | 'AWS_CA_BUNDLE' | 'profile';

/** Everything the HTTP handler needs, resolved from settings, env and profile. */
export interface ResolvedTransport {
  endpoint?: ResolvedEndpoint;
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

export function resolveTransport(settings: TransportSettings, profile: ProfileEntry | undefined, env: NodeJS.ProcessEnv = process.env): ResolvedTransport {
  const ca: [string | undefined, CaBundleSource][] = [
    [settings.caBundle, 'setting'],
    [env.AWS_CA_BUNDLE, 'AWS_CA_BUNDLE'],
    [profile?.caBundle, 'profile'],
  ];
  const found = ca.find(([v]) => v !== undefined && v.trim() !== '');
  const seconds = (n: number): number => (Number.isFinite(n) && n > 0 ? n : 0);
  return {
    endpoint: resolveEndpoint(settings.endpointUrl, profile, env),
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
export function transportWarnings(transport: Pick<ResolvedTransport, 'endpoint' | 'rejectUnauthorized'>): string[] {
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
      const where = endpoint.source === 'setting' ? 'connectContacts.endpointUrl' : endpoint.source === 'profile' ? "the profile's endpoint_url" : endpoint.source;
      warnings.push(`The endpoint ${redactUrlUserInfo(endpoint.url)} (from ${where}) uses plain http:// to another host: signed requests and contact data travel unencrypted.`);
    }
  }
  return warnings;
}
