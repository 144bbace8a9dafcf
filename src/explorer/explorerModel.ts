// The explorer's model: which nodes exist under which, what was fetched, what failed.
// Pure (no `vscode`): the tree provider asks it for children and maps them to TreeItems;
// unit tests drive it with in-memory stand-ins for the service and the stores.
//
// Nodes are interned by id, so the object VS Code holds for a node stays the same across
// reloads and a change event for it reaches the right row.
import type { AccountTarget, ContactRef, ContactSummary as SearchRow, InstanceSummary, SearchContactsPage, SearchContactsQuery } from '../aws/types';
import type { ContactDocument } from '../contact/contactDocument';
import type { FieldNode } from '../contact/fieldNode';
import { fieldChildren, type FieldTreeOptions } from '../contact/fieldTree';
import { factsFromHistory, factsFromSearch } from './contactLabels';
import {
  nodeIds,
  type AccountNode,
  type ContactNode,
  type ErrorNode,
  type ExplorerNode,
  type FieldTreeNode,
  type GroupKind,
  type GroupNode,
  type InstanceNode,
  type LoadMoreNode,
} from './explorerNodes';
import type { HistoryEntry, HistoryFilter } from './historyEntries';
import { buildSearchQuery, emptySearchText, nextPageQuery, searchPageSize, type SearchSettings } from './searchWindow';

export interface ManualInstance {
  instanceId: string;
  arn?: string;
}

export interface ErrorDetails {
  kind?: string;
  message: string;
  hint?: string;
  requestId?: string;
}

export interface ExplorerAccounts {
  /** The status bar's profile and region; `problem` when it has no usable region. */
  active?: AccountTarget & { problem?: string };
  /** Pairs the user added to the tree. */
  added: AccountTarget[];
}

/** Where the roots' profiles and regions come from. */
export interface AccountSources {
  noProfiles(): Promise<boolean>;
  active(): Promise<AccountTarget & { problem?: string }>;
  added(): AccountTarget[];
}

/**
 * The roots' profiles and regions. With no profile at all, none, not even pairs added earlier
 * (their profile is gone, so ListInstances could only fail; they stay stored for when it is back):
 * the tree stays empty, which is when VS Code shows the welcome view (connectContacts.noProfiles).
 */
export async function explorerAccounts(sources: AccountSources): Promise<ExplorerAccounts> {
  if (await sources.noProfiles()) return { added: [] };
  return { active: await sources.active(), added: sources.added() };
}

/** Everything the model reads from outside. */
export interface ExplorerDeps {
  accounts(): ExplorerAccounts | Promise<ExplorerAccounts>;
  manualInstances(target: AccountTarget): ManualInstance[];
  listInstances(target: AccountTarget): Promise<InstanceSummary[]>;
  searchContacts(target: AccountTarget, query: SearchContactsQuery): Promise<SearchContactsPage>;
  getContact(ref: ContactRef, options: { force: boolean }): Promise<ContactDocument>;
  history: {
    entries(filter?: HistoryFilter): HistoryEntry[];
    pinned(filter?: HistoryFilter): HistoryEntry[];
    isPinned(ref: ContactRef): boolean;
  };
  searchSettings(): SearchSettings;
  fieldOptions(): FieldTreeOptions;
  now(): Date;
  describeError(error: unknown): ErrorDetails;
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: ErrorDetails };

interface RecentState {
  target: AccountTarget;
  instanceId: string;
  query: SearchContactsQuery;
  settings: SearchSettings;
  first: Promise<void>;
  contacts: SearchRow[];
  nextToken?: string;
  total?: number;
  firstError?: ErrorDetails;
  moreError?: ErrorDetails;
  loadingMore?: Promise<void>;
}

export const groupLabels: Record<GroupKind, string> = {
  history: 'Recent lookups',
  pinned: 'Pinned',
  recent: 'Recent contacts',
};

const groupOrder: GroupKind[] = ['history', 'pinned', 'recent'];

function sameTarget(a: AccountTarget, b: AccountTarget): boolean {
  return a.profile === b.profile && a.region === b.region;
}

function refKey(ref: ContactRef): string {
  return JSON.stringify([ref.profile, ref.region, ref.instanceId, ref.contactId]);
}

export class ExplorerModel {
  private readonly nodes = new Map<string, ExplorerNode>();
  private readonly childIds = new Map<string, string[]>();
  private readonly instanceLists = new Map<string, Promise<Settled<InstanceSummary[]>>>();
  private readonly recent = new Map<string, RecentState>();
  private readonly refetch = new Set<string>();
  private readonly listeners: ((node: ExplorerNode | undefined) => void)[] = [];
  /** Contacts per SearchContacts page (tests page through the few sample contacts with a small one). */
  pageSize = searchPageSize;

  constructor(private readonly deps: ExplorerDeps) {}

  /** Called with the node whose children changed, or undefined for the whole tree. */
  onDidChange(listener: (node: ExplorerNode | undefined) => void): { dispose(): void } {
    this.listeners.push(listener);
    return { dispose: () => void this.listeners.splice(this.listeners.indexOf(listener) >>> 0, 1) };
  }

  node(id: string): ExplorerNode | undefined {
    return this.nodes.get(id);
  }

  parent(node: ExplorerNode): ExplorerNode | undefined {
    return node.parentId === undefined ? undefined : this.nodes.get(node.parentId);
  }

  async children(node?: ExplorerNode): Promise<ExplorerNode[]> {
    const list = await this.compute(node);
    const parentKey = node?.id ?? '';
    const interned = list.map((n) => this.intern(n));
    this.forgetStale(parentKey, interned);
    return interned;
  }

  /** Drops what was fetched under a node (everything, without one) and tells the tree. */
  refresh(node?: ExplorerNode): void {
    this.invalidate(node);
    this.fire(node);
  }

  /** Something every row may show changed (history, pins, time zone): re-read without refetching. */
  redraw(): void {
    this.fire(undefined);
  }


  /** The search window or channel filter changed: recent contacts are searched again. */
  searchSettingsChanged(): void {
    this.recent.clear();
    this.fire(undefined);
  }

  /** Fetches the next page of a Recent contacts group and appends it. */
  async loadMore(node: LoadMoreNode | GroupNode): Promise<void> {
    const groupId = node.kind === 'loadMore' ? node.groupId : node.id;
    const state = this.recent.get(groupId);
    if (!state || !state.nextToken) return;
    if (state.loadingMore) return state.loadingMore;
    const token = state.nextToken;
    state.moreError = undefined;
    state.loadingMore = this.deps
      .searchContacts(state.target, nextPageQuery(state.query, token))
      .then(
        (page) => {
          const seen = new Set(state.contacts.map((c) => c.id));
          state.contacts.push(...page.contacts.filter((c) => !seen.has(c.id)));
          state.nextToken = page.nextToken;
          if (page.totalCount !== undefined) state.total = page.totalCount;
        },
        (error: unknown) => {
          state.moreError = this.deps.describeError(error);
        },
      )
      .finally(() => {
        state.loadingMore = undefined;
        this.fireId(groupId);
      });
    this.fireId(groupId);
    return state.loadingMore;
  }

  /** Retry on an error node: fetch again what failed. */
  async retry(node: ErrorNode): Promise<void> {
    const owner = this.nodes.get(node.ownerId);
    if (node.retryLoadMore && owner?.kind === 'group') {
      await this.loadMore(owner);
      return;
    }
    if (!owner) {
      this.refresh(undefined);
      return;
    }
    this.refresh(owner);
  }

  // ---- children of each kind ----

  private async compute(node?: ExplorerNode): Promise<ExplorerNode[]> {
    if (!node) return this.roots();
    switch (node.kind) {
      case 'account':
        return this.instancesOf(node);
      case 'instance':
        return groupOrder.map((group) => this.groupNode(node, group));
      case 'group':
        return node.group === 'recent' ? this.recentContacts(node) : this.storedContacts(node);
      case 'contact':
        return this.contactFields(node);
      case 'field':
        return this.fieldNodes(node, node);
      case 'loadMore':
      case 'loading':
      case 'message':
      case 'error':
        return [];
    }
  }

  private async roots(): Promise<AccountNode[]> {
    const { active, added } = await this.deps.accounts();
    const roots: AccountNode[] = [];
    if (active) {
      const root: AccountNode = { kind: 'account', id: nodeIds.account(active), target: { profile: active.profile, region: active.region }, active: true };
      if (active.problem) root.problem = active.problem;
      roots.push(root);
    }
    for (const target of added) {
      if (roots.some((r) => sameTarget(r.target, target))) continue;
      roots.push({ kind: 'account', id: nodeIds.account(target), target: { profile: target.profile, region: target.region }, active: false });
    }
    return roots;
  }

  private async instancesOf(account: AccountNode): Promise<ExplorerNode[]> {
    if (account.problem) {
      return [this.errorNode(account, { kind: 'InvalidRegion', message: account.problem, hint: 'Choose a region: Amazon Connect: Select Region.' })];
    }
    let listing = this.instanceLists.get(account.id);
    if (!listing) {
      listing = this.settle(this.deps.listInstances(account.target));
      this.instanceLists.set(account.id, listing);
    }
    const result = await listing;
    const listed = result.ok ? [...result.value].sort((a, b) => (a.alias ?? a.id).localeCompare(b.alias ?? b.id, undefined, { sensitivity: 'base' })) : [];
    const manual = this.deps.manualInstances(account.target);
    const manualIds = new Set(manual.map((m) => m.instanceId));
    const nodes: ExplorerNode[] = [];
    if (!result.ok) nodes.push(this.errorNode(account, result.error));
    for (const i of listed) {
      const node: InstanceNode = { kind: 'instance', id: nodeIds.instance(account.target, i.id), parentId: account.id, target: account.target, instanceId: i.id, arn: i.arn, manual: manualIds.has(i.id) };
      if (i.alias) node.alias = i.alias;
      if (i.status) node.status = i.status;
      nodes.push(node);
    }
    // Without a listing (an expired token, throttling, a missing permission), the instances of this
    // profile·region's lookups and pins still show: those contacts are stored here and open without it.
    const stored = result.ok ? [] : this.storedInstanceIds(account.target).filter((id) => !manualIds.has(id));
    for (const id of stored) {
      const node: InstanceNode = { kind: 'instance', id: nodeIds.instance(account.target, id), parentId: account.id, target: account.target, instanceId: id, manual: false };
      const alias = this.instanceAlias(account.target, id);
      if (alias) node.alias = alias;
      nodes.push(node);
    }
    for (const m of manual) {
      if (listed.some((i) => i.id === m.instanceId)) continue;
      const node: InstanceNode = { kind: 'instance', id: nodeIds.instance(account.target, m.instanceId), parentId: account.id, target: account.target, instanceId: m.instanceId, manual: true };
      if (m.arn) node.arn = m.arn;
      nodes.push(node);
    }
    if (nodes.length === 0) {
      nodes.push({
        kind: 'message',
        id: nodeIds.message(account.id),
        parentId: account.id,
        text: `No Amazon Connect instances in ${account.target.region}`,
        detail: 'Add an instance by ID or ARN with the + button on this row.',
      });
    }
    return nodes;
  }

  /** Instances named by this profile·region's pins and lookups, by the alias last listed, else ID. */
  private storedInstanceIds(target: AccountTarget): string[] {
    const filter: HistoryFilter = { profile: target.profile, region: target.region };
    const ids = new Set([...this.deps.history.pinned(filter), ...this.deps.history.entries(filter)].map((e) => e.instanceId));
    const label = (id: string): string => this.instanceAlias(target, id) ?? id;
    return [...ids].sort((a, b) => label(a).localeCompare(label(b), undefined, { sensitivity: 'base' }));
  }

  private groupNode(instance: InstanceNode, group: GroupKind): GroupNode {
    return { kind: 'group', id: nodeIds.group(instance.target, instance.instanceId, group), parentId: instance.id, group, target: instance.target, instanceId: instance.instanceId };
  }

  private filterOf(group: GroupNode): HistoryFilter {
    return { profile: group.target.profile, region: group.target.region, instanceId: group.instanceId };
  }

  private storedContacts(group: GroupNode): ExplorerNode[] {
    const entries = group.group === 'pinned' ? this.deps.history.pinned(this.filterOf(group)) : this.deps.history.entries(this.filterOf(group));
    if (entries.length === 0) {
      return [
        {
          kind: 'message',
          id: nodeIds.message(group.id),
          parentId: group.id,
          text: group.group === 'pinned' ? 'No pinned contacts' : 'No lookups in this instance yet',
          detail: group.group === 'pinned' ? 'Right-click a contact and choose Pin (or press the pin button on its row) to keep it here.' : 'Contacts you describe in this instance appear here.',
        },
      ];
    }
    return entries.map((e) => {
      const ref: ContactRef = { profile: e.profile, region: e.region, instanceId: e.instanceId, contactId: e.contactId };
      const node: ContactNode = {
        kind: 'contact',
        id: nodeIds.contact(group.group, ref),
        parentId: group.id,
        source: group.group,
        ref,
        facts: factsFromHistory(e),
        pinned: group.group === 'pinned' || this.deps.history.isPinned(ref),
        lookedUpAt: e.lookedUpAt,
      };
      return node;
    });
  }

  /** The alias ListInstances gave an instance, if the tree has listed it (tab titles name instances by it). */
  instanceAlias(target: AccountTarget, instanceId: string): string | undefined {
    const node = this.nodes.get(nodeIds.instance(target, instanceId));
    return node?.kind === 'instance' ? node.alias : undefined;
  }

  /** Counts for a group's description, read without fetching. */
  storedCount(group: GroupNode): number | undefined {
    if (group.group === 'recent') {
      const state = this.recent.get(group.id);
      return state && !state.firstError ? state.contacts.length : undefined;
    }
    return (group.group === 'pinned' ? this.deps.history.pinned(this.filterOf(group)) : this.deps.history.entries(this.filterOf(group))).length;
  }

  /** What the Recent contacts group is searching for (the settings of its loaded pages, else the current ones). */
  searchSettingsOf(group: GroupNode): SearchSettings {
    return this.recent.get(group.id)?.settings ?? this.deps.searchSettings();
  }

  private async recentContacts(group: GroupNode): Promise<ExplorerNode[]> {
    let state = this.recent.get(group.id);
    if (!state) {
      const settings = this.deps.searchSettings();
      const query = buildSearchQuery(group.instanceId, settings, this.deps.now(), this.pageSize);
      const fresh: RecentState = { target: group.target, instanceId: group.instanceId, query, settings, contacts: [], first: Promise.resolve() };
      fresh.first = this.deps.searchContacts(group.target, query).then(
        (page) => {
          fresh.contacts = [...page.contacts];
          fresh.nextToken = page.nextToken;
          fresh.total = page.totalCount;
        },
        (error: unknown) => {
          fresh.firstError = this.deps.describeError(error);
        },
      );
      this.recent.set(group.id, fresh);
      state = fresh;
    }
    await state.first;
    if (state.firstError) return [this.errorNode(group, state.firstError)];
    const nodes: ExplorerNode[] = state.contacts.map((row) => {
      const ref: ContactRef = { profile: group.target.profile, region: group.target.region, instanceId: group.instanceId, contactId: row.id };
      const node: ContactNode = { kind: 'contact', id: nodeIds.contact('recent', ref), parentId: group.id, source: 'recent', ref, facts: factsFromSearch(row), pinned: this.deps.history.isPinned(ref) };
      return node;
    });
    if (nodes.length === 0) {
      nodes.push({ kind: 'message', id: nodeIds.message(group.id), parentId: group.id, text: emptySearchText(state.settings, this.deps.fieldOptions().timeZone), detail: 'Change the window or the channel filter with the buttons on this group.' });
      return nodes;
    }
    if (state.loadingMore) {
      nodes.push({ kind: 'loading', id: nodeIds.loading(group.id), parentId: group.id, text: 'Loading more…' });
    } else if (state.moreError) {
      nodes.push({ ...this.errorNode(group, state.moreError), retryLoadMore: true });
    } else if (state.nextToken) {
      const more: LoadMoreNode = { kind: 'loadMore', id: nodeIds.loadMore(group.id), parentId: group.id, groupId: group.id, shown: state.contacts.length };
      if (state.total !== undefined) more.total = state.total;
      nodes.push(more);
    }
    return nodes;
  }

  private async contactFields(contact: ContactNode): Promise<ExplorerNode[]> {
    const key = refKey(contact.ref);
    const force = this.refetch.delete(key);
    let doc: ContactDocument;
    try {
      doc = await this.deps.getContact(contact.ref, { force });
    } catch (error) {
      return [this.errorNode(contact, this.deps.describeError(error))];
    }
    return this.fieldNodes(contact, { path: ['Contact'], value: doc.Contact });
  }

  private fieldNodes(parent: ContactNode | FieldTreeNode, of: Pick<FieldNode, 'path' | 'value'>): FieldTreeNode[] {
    const contactNodeId = parent.kind === 'contact' ? parent.id : parent.contactNodeId;
    return fieldChildren(of, this.deps.fieldOptions()).map((f) => ({
      kind: 'field',
      id: nodeIds.field(contactNodeId, f.path),
      parentId: parent.id,
      contactNodeId,
      ref: parent.ref,
      path: f.path,
      key: f.key,
      fieldKind: f.kind,
      display: f.display,
      value: f.value,
      expandable: (f.kind === 'structure' || f.kind === 'map' || f.kind === 'list') && f.display !== 'empty',
    }));
  }

  // ---- bookkeeping ----

  private errorNode(owner: ExplorerNode, error: ErrorDetails): ErrorNode {
    const node: ErrorNode = { kind: 'error', id: nodeIds.error(owner.id), parentId: owner.id, ownerId: owner.id, message: error.message };
    if (error.hint) node.hint = error.hint;
    if (error.kind) node.errorKind = error.kind;
    if (error.requestId) node.requestId = error.requestId;
    return node;
  }

  private settle<T>(promise: Promise<T>): Promise<Settled<T>> {
    return promise.then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error: this.deps.describeError(error) }),
    );
  }

  private invalidate(node?: ExplorerNode): void {
    if (!node) {
      this.instanceLists.clear();
      this.recent.clear();
      return;
    }
    switch (node.kind) {
      case 'account':
        this.instanceLists.delete(node.id);
        for (const [id, state] of this.recent) if (sameTarget(state.target, node.target)) this.recent.delete(id);
        return;
      case 'instance':
        this.recent.delete(nodeIds.group(node.target, node.instanceId, 'recent'));
        return;
      case 'group':
        this.recent.delete(node.id);
        return;
      case 'contact':
      case 'field':
        this.refetch.add(refKey(node.ref));
        return;
      default:
        return;
    }
  }

  /** Keeps one object per id: VS Code matches change events by object identity. */
  private intern<T extends ExplorerNode>(node: T): T {
    const existing = this.nodes.get(node.id);
    if (existing && existing.kind === node.kind) {
      for (const key of Object.keys(existing)) if (!(key in node)) delete (existing as unknown as Record<string, unknown>)[key];
      Object.assign(existing, node);
      return existing as T;
    }
    this.nodes.set(node.id, node);
    return node;
  }

  /** Forgets nodes that a parent no longer shows, and everything under them. */
  private forgetStale(parentKey: string, current: ExplorerNode[]): void {
    const keep = new Set(current.map((n) => n.id));
    const previous = this.childIds.get(parentKey) ?? [];
    this.childIds.set(parentKey, current.map((n) => n.id));
    const stack = previous.filter((id) => !keep.has(id));
    while (stack.length) {
      // Ids encode their lineage, so a node id has one parent: forgetting it here is safe.
      const id = stack.pop()!;
      this.nodes.delete(id);
      stack.push(...(this.childIds.get(id) ?? []));
      this.childIds.delete(id);
    }
  }

  private fire(node: ExplorerNode | undefined): void {
    for (const l of [...this.listeners]) l(node);
  }

  private fireId(id: string): void {
    this.fire(this.nodes.get(id));
  }
}
