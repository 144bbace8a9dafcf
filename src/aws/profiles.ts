// Lists the profiles in the shared AWS config and credentials files, as the CLI
// sees them. Runs at activation, so it reads the files itself instead of loading
// the SDK; it never throws, and never keeps a secret value.
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { ProfileInfo, ProfileKind } from './types';

/** A profile with the non-secret settings the AWS layer needs. */
export interface ProfileEntry extends ProfileInfo {
  caBundle?: string;
  ssoSession?: string;
  ssoStartUrl?: string;
  roleArn?: string;
  sourceProfile?: string;
}

export interface ProfileListing {
  profiles: ProfileEntry[];
  /** AWS_PROFILE, else `default`. */
  defaultProfile: string;
  configFile: string;
  credentialsFile: string;
  /** Missing or malformed files and lines: shown to the user, never thrown. */
  warnings: string[];
}

export interface AwsFilePaths {
  configFile: string;
  credentialsFile: string;
  /** Where `aws sso login` caches tokens. */
  ssoCacheDir: string;
}

/** The SDK's own notion of home: HOME, USERPROFILE, HOMEDRIVE+HOMEPATH, then the OS. */
export function homeDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.HOME) return env.HOME;
  if (env.USERPROFILE) return env.USERPROFILE;
  if (env.HOMEPATH) return `${env.HOMEDRIVE ?? 'C:'}${env.HOMEPATH}`;
  return homedir();
}

function expandHome(path: string, env: NodeJS.ProcessEnv): string {
  return path === '~' || path.startsWith('~/') || path.startsWith('~\\') ? join(homeDir(env), path.slice(1)) : path;
}

/** The files the VS Code layer watches; same rules as the SDK and the CLI. */
export function awsFilePaths(env: NodeJS.ProcessEnv = process.env): AwsFilePaths {
  const home = homeDir(env);
  return {
    configFile: env.AWS_CONFIG_FILE ? expandHome(env.AWS_CONFIG_FILE, env) : join(home, '.aws', 'config'),
    credentialsFile: env.AWS_SHARED_CREDENTIALS_FILE ? expandHome(env.AWS_SHARED_CREDENTIALS_FILE, env) : join(home, '.aws', 'credentials'),
    ssoCacheDir: join(home, '.aws', 'sso', 'cache'),
  };
}

export function defaultProfileName(env: NodeJS.ProcessEnv = process.env): string {
  return env.AWS_PROFILE?.trim() || 'default';
}

export interface IniSection {
  name: string;
  values: Map<string, string>;
}

/**
 * A small INI reader with the SDK's rules: `#`/`;` comments (also after whitespace
 * mid-line), `key = value`, and indented sub-properties (e.g. under `s3 =`) skipped.
 * Lines it cannot read become warnings.
 */
export function parseIni(text: string, fileLabel: string): { sections: IniSection[]; warnings: string[] } {
  const sections: IniSection[] = [];
  const warnings: string[] = [];
  let current: IniSection | undefined;
  let nestedUnder: string | undefined;
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((rawLine, index) => {
    const line = rawLine.split(/(^|\s)[;#]/)[0].trimEnd();
    if (line.trim() === '') return;
    const indented = /^\s/.test(line);
    const trimmed = line.trim();
    const section = /^\[([^\]]*)\]$/.exec(trimmed);
    if (section && !indented) {
      current = { name: section[1].trim().replace(/\s+/g, ' '), values: new Map() };
      sections.push(current);
      nestedUnder = undefined;
      return;
    }
    if (indented && nestedUnder !== undefined && current) {
      // Sub-property of e.g. `connect =` in a [services x] section: kept as `connect.endpoint_url`.
      const subEq = trimmed.indexOf('=');
      if (subEq > 0) current.values.set(`${nestedUnder}.${trimmed.slice(0, subEq).trim().toLowerCase()}`, trimmed.slice(subEq + 1).trim());
      return;
    }
    const eq = trimmed.indexOf('=');
    if (eq <= 0) {
      warnings.push(`${fileLabel} line ${index + 1} is neither [section] nor key = value; it is ignored.`);
      return;
    }
    if (!current) {
      warnings.push(`${fileLabel} line ${index + 1} sets a value outside any [section]; it is ignored.`);
      return;
    }
    const key = trimmed.slice(0, eq).trim().toLowerCase();
    const value = trimmed.slice(eq + 1).trim();
    nestedUnder = value === '' ? key : undefined;
    current.values.set(key, value);
  });
  // A file of garbage should not bury the other warnings.
  const shown = warnings.length > 3 ? [...warnings.slice(0, 3), `${fileLabel}: ${warnings.length - 3} more unreadable lines.`] : warnings;
  return { sections, warnings: shown };
}

function readIfPresent(path: string): { text?: string; error?: string } {
  try {
    return { text: readFileSync(path, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return {};
    if (code === 'EISDIR') return { error: `${path} is a directory, not a file.` };
    return { error: `${path} could not be read (${code ?? 'unknown error'}).` };
  }
}

function kindOf(values: Map<string, string>): ProfileKind {
  if (values.has('role_arn')) return 'assume-role';
  if (values.has('sso_session') || values.has('sso_start_url')) return 'sso';
  if (values.has('credential_process')) return 'credential-process';
  if (values.has('aws_access_key_id')) return 'static';
  return 'unknown';
}

/** Every profile in both files, merged by name (the credentials file wins, as in the SDK). */
export function listProfiles(env: NodeJS.ProcessEnv = process.env): ProfileListing {
  const paths = awsFilePaths(env);
  const warnings: string[] = [];
  const merged = new Map<string, { values: Map<string, string>; source: Set<'config' | 'credentials'> }>();
  const add = (name: string, values: Map<string, string>, source: 'config' | 'credentials'): void => {
    const entry = merged.get(name) ?? { values: new Map<string, string>(), source: new Set<'config' | 'credentials'>() };
    for (const [k, v] of values) entry.values.set(k, v);
    entry.source.add(source);
    merged.set(name, entry);
  };

  const servicesSections = new Map<string, Map<string, string>>();
  const config = readIfPresent(paths.configFile);
  const credentials = readIfPresent(paths.credentialsFile);
  for (const [file, read, explicit] of [
    [paths.configFile, config, env.AWS_CONFIG_FILE],
    [paths.credentialsFile, credentials, env.AWS_SHARED_CREDENTIALS_FILE],
  ] as const) {
    if (read.error) warnings.push(read.error);
    else if (read.text === undefined && explicit) warnings.push(`${file} does not exist (set by ${file === paths.configFile ? 'AWS_CONFIG_FILE' : 'AWS_SHARED_CREDENTIALS_FILE'}).`);
  }
  if (config.text === undefined && credentials.text === undefined && !config.error && !credentials.error && !env.AWS_CONFIG_FILE && !env.AWS_SHARED_CREDENTIALS_FILE) {
    warnings.push(`No AWS config or credentials file: neither ${paths.configFile} nor ${paths.credentialsFile} exists. Run "aws configure" or "aws configure sso" to create a profile.`);
  }

  if (config.text !== undefined) {
    const parsed = parseIni(config.text, paths.configFile);
    warnings.push(...parsed.warnings);
    for (const s of parsed.sections) {
      const services = /^services\s+(.+)$/.exec(s.name);
      if (services) servicesSections.set(services[1].trim(), s.values);
    }
    for (const s of parsed.sections) {
      // The config file names profiles `[profile x]`, except `[default]`; sso-session and services sections are not profiles.
      const m = /^profile\s+(.+)$/.exec(s.name);
      if (m) add(m[1].trim(), s.values, 'config');
      else if (s.name === 'default') add('default', s.values, 'config');
    }
  }
  if (credentials.text !== undefined) {
    const parsed = parseIni(credentials.text, paths.credentialsFile);
    warnings.push(...parsed.warnings);
    for (const s of parsed.sections) {
      if (s.name !== '') add(s.name, s.values, 'credentials');
    }
  }

  const profiles: ProfileEntry[] = [...merged].map(([name, { values, source }]) => ({
    name,
    kind: kindOf(values),
    region: values.get('region') || undefined,
    // A [services x] section's `connect = endpoint_url = …` beats the profile's global endpoint_url, as in the SDK.
    endpointUrl: servicesSections.get(values.get('services') ?? '')?.get('connect.endpoint_url') || values.get('endpoint_url') || undefined,
    caBundle: values.get('ca_bundle') || undefined,
    ssoSession: values.get('sso_session') || undefined,
    ssoStartUrl: values.get('sso_start_url') || undefined,
    roleArn: values.get('role_arn') || undefined,
    sourceProfile: values.get('source_profile') || undefined,
    source: [...source].sort(),
  }));
  profiles.sort((a, b) => (a.name === 'default' ? -1 : b.name === 'default' ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { profiles, defaultProfile: defaultProfileName(env), configFile: paths.configFile, credentialsFile: paths.credentialsFile, warnings };
}

export function findProfile(listing: ProfileListing, name: string): ProfileEntry | undefined {
  return listing.profiles.find((p) => p.name === name);
}
