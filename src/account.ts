// The active profile and region: the settings, else the AWS environment, as the CLI resolves them.
import type { ExtensionConfig } from './config';
import { listProfiles, type ProfileListing } from './aws/profiles';
import { resolveRegion } from './aws/region';
import type { AccountTarget } from './aws/types';

export interface ActiveAccount extends AccountTarget {
  /** Where the region came from, for the status bar tooltip. */
  regionSource: string;
  /** Set when no valid region could be found: calls will fail with this message. */
  regionProblem?: string;
}

export class AccountResolver {
  private listing: ProfileListing | undefined;

  constructor(
    private readonly config: () => ExtensionConfig,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  /** Profiles from the shared files, read once and again after `invalidate()`. */
  profiles(): ProfileListing {
    this.listing ??= listProfiles(this.env);
    return this.listing;
  }

  invalidate(): void {
    this.listing = undefined;
  }

  profileName(): string {
    return this.config().profile || this.profiles().defaultProfile;
  }

  active(): ActiveAccount {
    const profile = this.profileName();
    return { profile, ...this.regionFor(profile, this.config().region || undefined) };
  }

  /** The region for a profile with an optional explicit choice (a pasted ARN's region wins upstream). */
  regionFor(profile: string, explicit?: string): { region: string; regionSource: string; regionProblem?: string } {
    const profileRegion = this.profiles().profiles.find((p) => p.name === profile)?.region;
    try {
      const r = resolveRegion({ explicit, profileRegion, env: this.env });
      return { region: r.region, regionSource: r.source };
    } catch (error) {
      return { region: explicit ?? '', regionSource: 'none', regionProblem: error instanceof Error ? error.message : String(error) };
    }
  }
}
