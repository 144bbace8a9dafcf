// The HTTP handler for a client: timeouts, CA bundle and TLS verification on
// an https.Agent, like the CLI's --cli-*-timeout, --ca-bundle and --no-verify-ssl.
import { readFileSync } from 'node:fs';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { NodeHttpHandler } from '@smithy/node-http-handler';
import type { ResolvedTransport } from './endpoint';
import { connectError } from './errors';
import type { Sdk } from './sdkLoader';

/** Reads the CA bundle; a missing or empty file is a clear TLS error, not a crash mid-request. */
export function readCaBundle(transport: ResolvedTransport): string | undefined {
  const ca = transport.caBundle;
  if (!ca) return undefined;
  const where = ca.source === 'setting' ? 'connectContacts.caBundle' : ca.source === 'profile' ? 'the profile\'s ca_bundle' : 'AWS_CA_BUNDLE';
  let text: string;
  try {
    text = readFileSync(ca.path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw connectError('TlsFailure', `The CA bundle ${ca.path} (from ${where}) could not be read (${code}).`, { hint: `Fix the path in ${where}, or clear it to use the system certificates.` });
  }
  if (!text.includes('-----BEGIN CERTIFICATE-----')) {
    throw connectError('TlsFailure', `The CA bundle ${ca.path} (from ${where}) holds no PEM certificate.`, { hint: 'A CA bundle is a text file of -----BEGIN CERTIFICATE----- blocks.' });
  }
  return text;
}

export function buildRequestHandler(sdk: Pick<Sdk, 'NodeHttpHandler'>, transport: ResolvedTransport): NodeHttpHandler {
  const ca = readCaBundle(transport);
  const httpsAgent = new HttpsAgent({
    keepAlive: true,
    maxSockets: 50,
    rejectUnauthorized: transport.rejectUnauthorized,
    ...(ca ? { ca } : {}),
  });
  const httpAgent = new HttpAgent({ keepAlive: true, maxSockets: 50 });
  return new sdk.NodeHttpHandler({
    httpsAgent,
    httpAgent,
    connectionTimeout: transport.connectionTimeoutMs,
    // The CLI's read timeout is socket inactivity, which is the handler's socketTimeout.
    socketTimeout: transport.readTimeoutMs,
  });
}
