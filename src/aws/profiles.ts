// Lists the profiles in the shared AWS config and credentials files as the SDK itself
// sees them: the files are read and parsed by the SDK's own shared-ini loader, so a
// profile the SDK cannot load (e.g. `[profile with space]`) is never offered. Never
// throws, and never keeps a secret value.
import { readFile, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { loadSharedConfigFiles } from '@smithy/core/config';
import type { ProfileInfo, ProfileKind } from './types';

/** A profile with the non-secret settings the AWS layer needs. */
export interface ProfileEntry extends ProfileInfo {
  /** Its endpoint for CloudWatch Logs: `cloudwatch_logs = endpoint_url = …` in its [services] section, else its endpoint_url. */
  logsEndpointUrl?: string;
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
  /** AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are both set. */
  envKeys: boolean;
  /** Missing or unreadable files, sections the SDK ignores: shown to the user, never thrown. */
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

/** Environment keys, as the CLI reads them. */
export function hasEnvKeys(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY);
}

/** The one rule for "no profiles": nothing in the files and no keys in the environment. */
export function hasNoProfiles(listing: ProfileListing): boolean {
  return listing.profiles.length === 0 && !listing.envKeys;
}

type Section = Record<string, string | undefined>;

function kindOf(values: Section): ProfileKind {
  if (values.role_arn) return 'assume-role';
  if (values.sso_session || values.sso_start_url) return 'sso';
  if (values.credential_process) return 'credential-process';
  if (values.aws_access_key_id) return 'static';
  return 'unknown';
}

/** Why a file cannot be used, or undefined when it is a readable file (or simply absent). */
async function fileProblem(path: string, setBy: string | undefined): Promise<string | undefined> {
  try {
    const s = await stat(path);
    return s.isDirectory() ? `${path} is a directory, not a file.` : undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return setBy ? `${path} does not exist (set by ${setBy}).` : undefined;
    return `${path} could not be read (${code ?? 'unknown error'}).`;
  }
}

// The SDK's section-name rule: `[profile NAME]`, `[sso-session NAME]`, `[services NAME]` with NAME of
// [\w-@+.%:/] only, or `[default]`. Other config-file sections are dropped by the SDK: say so.
const loadableSection = /^(default|(profile|sso-session|services)\s+(["'])?[\w\-@+.%:/]+\3)$/;

function ignoredSectionWarnings(text: string, file: string): string[] {
  const warnings: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const name = /^\s*\[(.*)\]\s*$/.exec(line.split(/(^|\s)[;#]/)[0])?.[1];
    if (name === undefined || loadableSection.test(name)) continue;
    warnings.push(/^profile\s/.test(name)
      ? `[${name}] in ${file} is not listed: the AWS SDK cannot load a profile name with spaces or those characters.`
      : `[${name}] in ${file} is not listed: the config file names profiles [profile NAME] (only [default] is bare).`);
  }
  return warnings;
}

function readText(path: string): Promise<string | undefined> {
  return readFile(path, 'utf8').catch(() => undefined);
}

/** Every profile the SDK can load from both files, merged by name (the credentials file wins, as in the SDK). */
export async function loadProfiles(env: NodeJS.ProcessEnv = process.env): Promise<ProfileListing> {
  const paths = awsFilePaths(env);
  const warnings: string[] = [];
  const problems = await Promise.all([
    fileProblem(paths.configFile, env.AWS_CONFIG_FILE ? 'AWS_CONFIG_FILE' : undefined),
    fileProblem(paths.credentialsFile, env.AWS_SHARED_CREDENTIALS_FILE ? 'AWS_SHARED_CREDENTIALS_FILE' : undefined),
  ]);
  warnings.push(...problems.filter((p): p is string => p !== undefined));
  const parsed = await loadSharedConfigFiles({ filepath: paths.credentialsFile, configFilepath: paths.configFile, ignoreCache: true })
    .catch(() => ({ configFile: {}, credentialsFile: {} }));
  const [configText, credentialsText] = await Promise.all([readText(paths.configFile), readText(paths.credentialsFile)]);
  if (configText !== undefined) warnings.push(...ignoredSectionWarnings(configText, paths.configFile));
  if (configText === undefined && credentialsText === undefined && warnings.length === 0) {
    warnings.push(`No AWS config or credentials file: neither ${paths.configFile} nor ${paths.credentialsFile} exists. Run "aws configure" or "aws configure sso" to create a profile.`);
  }

  // The SDK keeps `sso-session.x` and `services.x` sections beside the profiles, prefixed.
  const isProfileKey = (key: string): boolean => !/^(sso-session|services)\./.test(key);
  const merged = new Map<string, { values: Section; source: Set<'config' | 'credentials'> }>();
  const add = (name: string, values: Section, source: 'config' | 'credentials'): void => {
    const entry = merged.get(name) ?? { values: {}, source: new Set<'config' | 'credentials'>() };
    Object.assign(entry.values, values);
    entry.source.add(source);
    merged.set(name, entry);
  };
  const config = parsed.configFile as Record<string, Section>;
  for (const [name, values] of Object.entries(config)) if (isProfileKey(name)) add(name, values, 'config');
  for (const [name, values] of Object.entries(parsed.credentialsFile as Record<string, Section>)) add(name, values, 'credentials');

  // A [services x] section's `connect = endpoint_url = …` beats the profile's global endpoint_url, as in the SDK.
  const serviceEndpoint = (values: Section, key: string): string | undefined =>
    (values.services ? config[`services.${values.services}`]?.[`${key}.endpoint_url`] : undefined) || values.endpoint_url || undefined;
  const profiles: ProfileEntry[] = [...merged].map(([name, { values, source }]) => {
    const logsEndpointUrl = serviceEndpoint(values, 'cloudwatch_logs');
    return {
      name,
      kind: kindOf(values),
      region: values.region || undefined,
      endpointUrl: serviceEndpoint(values, 'connect'),
      // Only when set, so listings read before Logs existed compare equal.
      ...(logsEndpointUrl ? { logsEndpointUrl } : {}),
      caBundle: values.ca_bundle || undefined,
      ssoSession: values.sso_session || undefined,
      ssoStartUrl: values.sso_start_url || undefined,
      roleArn: values.role_arn || undefined,
      sourceProfile: values.source_profile || undefined,
      source: [...source].sort(),
    };
  });
  profiles.sort((a, b) => (a.name === 'default' ? -1 : b.name === 'default' ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return {
    profiles,
    defaultProfile: defaultProfileName(env),
    configFile: paths.configFile,
    credentialsFile: paths.credentialsFile,
    envKeys: hasEnvKeys(env),
    warnings,
  };
}

export function findProfile(listing: ProfileListing, name: string): ProfileEntry | undefined {
  return listing.profiles.find((p) => p.name === name);
}

/**
 * The one cached listing, shared by the status bar, the pickers, the explorer and the client
 * cache; read again after `invalidate()` (the AWS files or settings changed).
 */
export class ProfileCatalog {
  private pending: Promise<ProfileListing> | undefined;
  private generation = 0;
  private last: ProfileListing | undefined;

  constructor(private readonly env: NodeJS.ProcessEnv = process.env) {}

  listing(): Promise<ProfileListing> {
    if (!this.pending) {
      const generation = this.generation;
      this.pending = loadProfiles(this.env).then((listing) => {
        if (generation === this.generation) this.last = listing;
        return listing;
      });
    }
    return this.pending;
  }

  /** The listing last read, for code that cannot wait (undefined before the first read). */
  latest(): ProfileListing | undefined {
    return this.last;
  }

  invalidate(): void {
    this.generation += 1;
    this.pending = undefined;
  }
}
