// The instances of a profile and region, as Describe Contact needs them: the last ListInstances
// answer (in memory, a few minutes), and each instance's alias (kept in globalState, so a recent
// instance keeps its name when the list cannot be loaded). An alias names an instance, not a
// contact: it is not contact data. No `vscode` here (a Memento-shaped store is passed in).
import type { AccountTarget, CallOptions, InstanceSummary } from '../aws/types';

export interface AliasMemento {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void>;
}

export interface InstanceLister {
  listInstances(target: AccountTarget, signal?: AbortSignal, pageSize?: number, options?: CallOptions): Promise<InstanceSummary[]>;
}

export const instanceAliasesKey = 'connectContacts.instanceAliases.v1';
const maxAliases = 200;
/** A listing this recent answers "is this instance listed?" without another ListInstances. */
const listingMaxAgeMs = 5 * 60_000;

function accountKey(account: AccountTarget): string {
  return `${account.profile}\u0000${account.region}`;
}

export class InstanceDirectory {
  private readonly listings = new Map<string, { at: number; instances: InstanceSummary[] }>();

  constructor(
    private readonly connect: () => InstanceLister,
    private readonly memento: AliasMemento,
    private readonly now: () => number = Date.now,
  ) {}

  /** ListInstances now (a person is waiting: interactive priority); remembers the answer and the aliases. */
  async list(account: AccountTarget, signal?: AbortSignal): Promise<InstanceSummary[]> {
    const instances = await this.connect().listInstances(account, signal, undefined, { priority: 'interactive' });
    this.listings.set(accountKey(account), { at: this.now(), instances });
    await this.rememberAliases(instances);
    return instances;
  }

  /** The last listing of the profile and region, when it is recent. */
  cached(account: AccountTarget): InstanceSummary[] | undefined {
    const entry = this.listings.get(accountKey(account));
    return entry && this.now() - entry.at <= listingMaxAgeMs ? entry.instances : undefined;
  }

  /** The recent listing, else a new one. */
  async listing(account: AccountTarget, signal?: AbortSignal): Promise<InstanceSummary[]> {
    return this.cached(account) ?? this.list(account, signal);
  }

  /** The alias an instance had when last listed. */
  alias(instanceId: string): string | undefined {
    return this.read()[instanceId];
  }

  private read(): Record<string, string> {
    const stored = this.memento.get<unknown>(instanceAliasesKey);
    if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return {};
    const out: Record<string, string> = {};
    for (const [id, alias] of Object.entries(stored as Record<string, unknown>)) if (typeof alias === 'string' && alias !== '') out[id] = alias;
    return out;
  }

  private async rememberAliases(instances: InstanceSummary[]): Promise<void> {
    const stored = this.read();
    let changed = false;
    for (const i of instances) {
      if (!i.id || !i.alias || stored[i.id] === i.alias) continue;
      // Newest last: a re-listed alias moves to the end, so the cap drops the oldest.
      delete stored[i.id];
      stored[i.id] = i.alias;
      changed = true;
    }
    if (!changed) return;
    const entries = Object.entries(stored);
    await this.memento.update(instanceAliasesKey, Object.fromEntries(entries.slice(Math.max(0, entries.length - maxAliases))));
  }
}
