// POSIX-shell quoting for commands we show or copy (`aws sso login --profile …`, CLI commands):
// a profile or value is data, never shell syntax.

const shellSafe = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** A POSIX-shell word for `value`: bare when only safe characters, else single-quoted. */
export function shellQuote(value: string): string {
  // zsh replaces a word starting with = by a command's path (`=ls` → /usr/bin/ls); ~ is never bare.
  if (shellSafe.test(value) && !value.startsWith('=')) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** The command that refreshes an IAM Identity Center session for a profile. */
export function ssoLoginCommand(profile: string | undefined): string {
  return profile ? `aws sso login --profile ${shellQuote(profile)}` : 'aws sso login';
}
