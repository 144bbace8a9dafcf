// What the user added to the explorer (profile/region pairs, instances by ID or ARN) and how
// Recent contacts searches, kept in globalState. Like the history, every write re-reads the
// stored value and applies one change rather than writing back a copy held since earlier.
// The store is any `{ get, update }` (vscode.Memento fits), which keeps this module pure.
import type { AccountTarget } from '../aws/types';
import type { ManualInstance } from './explorerModel';
import { defaultSearchSettings, isSearchSettings, type SearchSettings } from './searchWindow';

export interface KeyValueStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void>;
}

export const accountsKey = 'connectContacts.explorer.accounts.v1';
export const instancesKey = 'connectContacts.explorer.instances.v1';
export const searchKey = 'connectContacts.explorer.search.v1';

interface StoredInstance extends ManualInstance {
  profile: string;
  region: string;
}

function isTarget(v: unknown): v is AccountTarget {
  return typeof v === 'object' && v !== null && typeof (v as AccountTarget).profile === 'string' && typeof (v as AccountTarget).region === 'string' &&
    (v as AccountTarget).profile !== '' && (v as AccountTarget).region !== '';
}

function isStoredInstance(v: unknown): v is StoredInstance {
  return isTarget(v) && typeof (v as StoredInstance).instanceId === 'string' && (v as StoredInstance).instanceId !== '';
}

const same = (a: AccountTarget, b: AccountTarget): boolean => a.profile === b.profile && a.region === b.region;

export class ExplorerState {
  constructor(private readonly store: KeyValueStore) {}

  addedAccounts(): AccountTarget[] {
    const stored = this.store.get<unknown>(accountsKey);
    return Array.isArray(stored) ? stored.filter(isTarget).map((t) => ({ profile: t.profile, region: t.region })) : [];
  }

  /** Adds a pair; false when it was there already. */
  async addAccount(target: AccountTarget): Promise<boolean> {
    const current = this.addedAccounts();
    if (current.some((t) => same(t, target))) return false;
    await this.store.update(accountsKey, [...current, { profile: target.profile, region: target.region }]);
    return true;
  }

  async removeAccount(target: AccountTarget): Promise<void> {
    await this.store.update(accountsKey, this.addedAccounts().filter((t) => !same(t, target)));
  }

  private allInstances(): StoredInstance[] {
    const stored = this.store.get<unknown>(instancesKey);
    return Array.isArray(stored) ? stored.filter(isStoredInstance) : [];
  }

  manualInstances(target: AccountTarget): ManualInstance[] {
    return this.allInstances()
      .filter((i) => same(i, target))
      .map((i) => (i.arn ? { instanceId: i.instanceId, arn: i.arn } : { instanceId: i.instanceId }));
  }

  /** Adds an instance under a profile/region; false when it was there already. */
  async addInstance(target: AccountTarget, instance: ManualInstance): Promise<boolean> {
    const all = this.allInstances();
    if (all.some((i) => same(i, target) && i.instanceId === instance.instanceId)) return false;
    const entry: StoredInstance = { profile: target.profile, region: target.region, instanceId: instance.instanceId };
    if (instance.arn) entry.arn = instance.arn;
    await this.store.update(instancesKey, [...all, entry]);
    return true;
  }

  async removeInstance(target: AccountTarget, instanceId: string): Promise<void> {
    await this.store.update(instancesKey, this.allInstances().filter((i) => !(same(i, target) && i.instanceId === instanceId)));
  }

  searchSettings(): SearchSettings {
    const stored = this.store.get<unknown>(searchKey);
    return isSearchSettings(stored) ? stored : defaultSearchSettings;
  }

  async setSearchSettings(settings: SearchSettings): Promise<void> {
    await this.store.update(searchKey, settings);
  }
}
