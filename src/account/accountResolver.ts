// The active profile and region: the settings, else the AWS environment, as the CLI resolves them.
import type { ExtensionConfig } from '../config';
import { defaultProfileName, hasEnvKeys, type ProfileCatalog, type ProfileListing } from '../aws/profiles';
import { resolveRegion, type RegionSource } from '../aws/region';
import type { AccountTarget } from '../aws/types';

export interface ActiveAccount extends AccountTarget {
  /** Where the region came from, for the status bar tooltip. */
  regionSource: string;
  /** Which input gave the region (none when no valid region was found). */
  regionFrom?: RegionSource;
  /** Set when no valid region could be found: calls will fail with this message. */
  regionProblem?: string;
  /** No profile is chosen and the environment holds keys: calls sign with those, as the CLI would. */
  envCredentials: boolean;
}

export interface RegionChoice {
  region: string;
  regionSource: string;
  /** Which input gave the region (none when no valid region was found). */
  regionFrom?: RegionSource;
  regionProblem?: string;
}

export class AccountResolver {
  private last: ActiveAccount | undefined;

  constructor(
    private readonly config: () => ExtensionConfig,
    readonly catalog: ProfileCatalog,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  /** Profiles as the SDK loads them, from the one shared listing. */
  profiles(): Promise<ProfileListing> {
    return this.catalog.listing();
  }

  /** The setting, else AWS_PROFILE, else `default`: needs no file. */
  profileName(): string {
    return this.config().profile || defaultProfileName(this.env);
  }

  async active(): Promise<ActiveAccount> {
    const profile = this.profileName();
    const envCredentials = !this.config().profile && hasEnvKeys(this.env);
    this.last = { profile, envCredentials, ...(await this.regionFor(profile, this.config().region || undefined)) };
    return this.last;
  }

  /** The account `active()` last resolved, for code that cannot wait (tab titles); undefined before. */
  latest(): ActiveAccount | undefined {
    return this.last;
  }

  /** The region for a profile with an optional explicit choice (a pasted ARN's region wins upstream). */
  async regionFor(profile: string, explicit?: string): Promise<RegionChoice> {
    const profileRegion = (await this.profiles()).profiles.find((p) => p.name === profile)?.region;
    try {
      const r = resolveRegion({ explicit, profileRegion, profileName: profile, env: this.env });
      return { region: r.region, regionSource: r.sourceLabel, regionFrom: r.source };
    } catch (error) {
      return { region: explicit ?? '', regionSource: 'none', regionProblem: error instanceof Error ? error.message : String(error) };
    }
  }
}
