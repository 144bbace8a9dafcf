// What the `profile · region` status bar item says, in plain words: which profile, region and
// endpoint the next call uses, and where each came from. Pure (no `vscode`): the status bar sets it.
import { resolveEndpoint, type EndpointSource } from '../aws/endpoint';
import type { ProfileEntry } from '../aws/profiles';
import { redact } from '../aws/redact';
import type { RegionSource } from '../aws/region';

export interface AccountFacts {
  profile: string;
  /** The connectContacts.profile setting as read (empty: not set). */
  profileSetting: string;
  /** No profile is chosen and the environment holds keys: calls sign with those. */
  envCredentials: boolean;
  region: string;
  regionFrom?: RegionSource;
  regionProblem?: string;
  /** The connectContacts.endpointUrl setting as read (empty: not set). */
  endpointSetting: string;
  /** The active profile's entry in the AWS files, for its endpoint_url. */
  profileEntry?: Pick<ProfileEntry, 'endpointUrl'>;
  env: NodeJS.ProcessEnv;
}

export interface AccountStatus {
  /** `$(cloud) local · us-east-1`. */
  text: string;
  /** `Profile local (from your settings) · region us-east-1 (from your settings) · endpoint … (…)`. */
  summary: string;
  /** Extra lines: a problem to fix, what a click does. */
  details: string[];
  /** For screen readers: the summary without codicons. */
  ariaLabel: string;
}

function profileWords(facts: AccountFacts): string {
  if (facts.profileSetting) return `Profile ${facts.profile} (from your settings)`;
  if (facts.envCredentials) return 'No profile: the access keys in AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY';
  if (facts.env.AWS_PROFILE?.trim()) return `Profile ${facts.profile} (AWS_PROFILE)`;
  return `Profile ${facts.profile} (the default profile: none is chosen in your settings or AWS_PROFILE)`;
}

const regionOrigins: Record<RegionSource, (facts: AccountFacts) => string> = {
  explicit: () => 'from your settings',
  AWS_REGION: () => 'AWS_REGION',
  AWS_DEFAULT_REGION: () => 'AWS_DEFAULT_REGION',
  profile: (facts) => `from profile ${facts.profile} in your AWS config file`,
  arn: () => 'from the contact ARN',
};

function regionWords(facts: AccountFacts): string {
  if (!facts.region || facts.regionProblem) return facts.region ? `region ${facts.region} (not valid)` : 'no region';
  return facts.regionFrom ? `region ${facts.region} (${regionOrigins[facts.regionFrom](facts)})` : `region ${facts.region}`;
}

const endpointOrigins: Record<EndpointSource, (facts: AccountFacts) => string> = {
  setting: () => 'connectContacts.endpointUrl',
  AWS_ENDPOINT_URL_CONNECT: () => 'AWS_ENDPOINT_URL_CONNECT',
  AWS_ENDPOINT_URL: () => 'AWS_ENDPOINT_URL',
  profile: (facts) => `endpoint_url of profile ${facts.profile}`,
};

/** AWS's public Amazon Connect endpoint for a region (China regions use amazonaws.com.cn). */
export function publicEndpoint(region: string): string {
  return `https://connect.${region}.amazonaws.com${region.startsWith('cn-') ? '.cn' : ''}`;
}

function endpointWords(facts: AccountFacts): { words?: string; problem?: string } {
  try {
    const endpoint = resolveEndpoint(facts.endpointSetting || undefined, facts.profileEntry, facts.env);
    // A URL may carry user:password@: never shown.
    if (endpoint) return { words: `endpoint ${redact(endpoint.url)} (${endpointOrigins[endpoint.source](facts)})` };
    if (!facts.region || facts.regionProblem) return {};
    return { words: `endpoint ${publicEndpoint(facts.region)} (AWS's public endpoint)` };
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error) };
  }
}

export function describeAccount(facts: AccountFacts): AccountStatus {
  const region = facts.region || 'no region';
  const endpoint = endpointWords(facts);
  const summary = [profileWords(facts), regionWords(facts), endpoint.words].filter(Boolean).join(' · ');
  const details: string[] = [];
  if (facts.regionProblem) details.push(facts.regionProblem);
  if (endpoint.problem) details.push(endpoint.problem);
  details.push('Click to change the profile and region.');
  return {
    text: `$(cloud) ${facts.profile} · ${region}`,
    summary,
    details,
    ariaLabel: `Amazon Connect: ${summary}`,
  };
}
