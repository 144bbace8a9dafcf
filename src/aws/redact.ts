// The last line of defence for messages and log lines: whatever an error or a
// library put in a string, no secret key, session token or signature leaves here.

type Replacement = string | ((match: string) => string);

const replacements: [RegExp, Replacement][] = [
  // key=value and "key": "value" forms of secrets (ini files, JSON, headers, query strings).
  [/((?:aws_)?secret_?access_?key|secretkey|aws_session_token|session_?token|security_?token|x-amz-security-token|x-amz-signature|signature|authorization|credential_process)(["']?\s*[:=]\s*["']?)[^\s"',;&]+/gi, '$1$2[redacted]'],
  // user:password@ in URLs (an endpoint URL may carry them).
  [/(\b[a-z][a-z0-9+.-]*:\/\/)[^/?#@\s]*@/gi, '$1[redacted]@'],
  // SigV4 signatures and other 64-hex digests.
  [/\b[0-9a-f]{64}\b/gi, '[redacted]'],
  // Secret access keys: 40 characters of base64 with no separator around them.
  [/(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g, (m) => (/[a-z]/.test(m) && /[A-Z]/.test(m) && /[0-9/+]/.test(m) ? '[redacted]' : m)],
  // Session tokens and bearer tokens: long base64 runs.
  [/[A-Za-z0-9/+=_-]{100,}/g, '[redacted]'],
];

/** Removes known secrets (exact values) and anything shaped like one. */
export function redact(text: string, knownSecrets: Iterable<string> = []): string {
  let out = text;
  for (const secret of knownSecrets) {
    if (secret && secret.length >= 8) out = out.split(secret).join('[redacted]');
  }
  for (const [pattern, replacement] of replacements) {
    out = typeof replacement === 'string' ? out.replace(pattern, replacement) : out.replace(pattern, replacement);
  }
  return out;
}

/** A URL with any user:password@ part replaced, for logs and messages. */
export function redactUrlUserInfo(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#@\s]*@/i, '$1[redacted]@');
}
