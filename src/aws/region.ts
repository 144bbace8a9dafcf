// Which region a call goes to, and why: the order a user expects from the CLI,
// with a pasted ARN's region first because the contact lives there.
import { connectError } from './connectServiceError';
import { regionPattern } from './ids';

export type RegionSource = 'arn' | 'explicit' | 'profile' | 'AWS_REGION' | 'AWS_DEFAULT_REGION';

export interface ResolvedRegion {
  region: string;
  source: RegionSource;
  /** For tooltips: "from profile dev", "from AWS_REGION", … */
  sourceLabel: string;
}

export interface RegionInputs {
  /** The region of a pasted ARN. */
  arnRegion?: string;
  /** The user's choice (setting or picker). */
  explicit?: string;
  profileRegion?: string;
  profileName?: string;
  env?: NodeJS.ProcessEnv;
}

export function isValidRegionName(name: string): boolean {
  return regionPattern.test(name);
}

/** The message for a bad region name, or undefined when it is fine. */
export function validateRegionName(name: string): string | undefined {
  const trimmed = name.trim();
  if (trimmed === '') return 'Enter a region name, like us-east-1.';
  if (isValidRegionName(trimmed)) return undefined;
  if (isValidRegionName(trimmed.toLowerCase())) return `Region names are lower case: ${trimmed.toLowerCase()}.`;
  if (/^[a-z]{2}-[a-z]+-\d+[a-z]$/.test(trimmed)) return `"${trimmed}" is an availability zone; its region is ${trimmed.slice(0, -1)}.`;
  return `"${trimmed}" is not a region name; region names look like us-east-1 or eu-west-2.`;
}

/**
 * Resolves the region: ARN, explicit choice, AWS_REGION, AWS_DEFAULT_REGION, the profile's region.
 * Throws a ConnectServiceError (kind InvalidRegion) when none is set or the chosen one is malformed.
 */
export function resolveRegion(inputs: RegionInputs): ResolvedRegion {
  const env = inputs.env ?? process.env;
  const candidates: [string | undefined, RegionSource, string][] = [
    [inputs.arnRegion, 'arn', 'from the ARN'],
    [inputs.explicit, 'explicit', 'chosen in settings'],
    // The environment beats the profile's region, as in the AWS CLI.
    [env.AWS_REGION, 'AWS_REGION', 'from AWS_REGION'],
    [env.AWS_DEFAULT_REGION, 'AWS_DEFAULT_REGION', 'from AWS_DEFAULT_REGION'],
    [inputs.profileRegion, 'profile', `from profile ${inputs.profileName ?? ''}`.trim()],
  ];
  for (const [value, source, sourceLabel] of candidates) {
    const region = value?.trim();
    if (!region) continue;
    const problem = validateRegionName(region);
    if (problem) {
      throw connectError('InvalidRegion', `The region ${sourceLabel} is not valid. ${problem}`, {
        hint: 'Pick a region with Amazon Connect: Select Region.',
        profile: inputs.profileName,
      });
    }
    return { region, source, sourceLabel };
  }
  throw connectError(
    'InvalidRegion',
    `No region is set${inputs.profileName ? ` for profile ${inputs.profileName}` : ''}: not in settings, AWS_REGION, AWS_DEFAULT_REGION or the profile.`,
    { hint: 'Pick one with Amazon Connect: Select Region (your instance\'s region, e.g. us-east-1).', profile: inputs.profileName },
  );
}
