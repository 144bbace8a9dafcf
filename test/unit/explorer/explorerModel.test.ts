import * as assert from 'node:assert/strict';
import type { AccountTarget, ContactRef, ContactSummary, InstanceSummary, SearchContactsPage, SearchContactsQuery } from '../../../src/aws/types';
import type { ContactDocument } from '../../../src/contact/contactDocument';
import { dragText } from '../../../src/explorer/explorerDrag';
import { explorerAccounts, ExplorerModel, type ExplorerDeps, type ManualInstance } from '../../../src/explorer/explorerModel';
import type { ContactNode, ErrorNode, ExplorerNode, FieldTreeNode, GroupNode, InstanceNode, LoadMoreNode } from '../../../src/explorer/explorerNodes';
import { addEntry, filterEntries, removeEntry, type HistoryEntry } from '../../../src/explorer/historyEntries';
import { defaultSearchSettings, type SearchSettings } from '../../../src/explorer/searchWindow';

const dev: AccountTarget = { profile: 'dev', region: 'us-east-1' };
const now = new Date('2026-11-20T12:00:00.000Z');

function row(id: string, minute: number, extra: Partial<ContactSummary> = {}): ContactSummary {
  return { id, channel: 'VOICE', initiationTimestamp: new Date(Date.UTC(2026, 10, 20, 11, minute)).toISOString(), ...extra };
}

const doc: ContactDocument = {
  Contact: {
    Id: 'c-1',
    Channel: 'VOICE',
    QueueInfo: { Id: 'q-1', EnqueueTimestamp: '2026-11-20T11:00:00.000Z' },
    Attributes: {},
    Recordings: [{ Location: 's3://bucket/key' }],
  },
};

/** In-memory stand-ins for ConnectService, the contact cache, the history and the stored explorer state. */
class Fakes {
  instances: InstanceSummary[] = [
    { id: 'i-2', arn: 'arn:aws:connect:us-east-1:123456789012:instance/i-2', alias: 'zeta' },
    { id: 'i-1', arn: 'arn:aws:connect:us-east-1:123456789012:instance/i-1', alias: 'Alpha' },
  ];
  manual: ManualInstance[] = [];
  added: AccountTarget[] = [];
  /** Pages by nextToken ('' = first page). */
  pages = new Map<string, SearchContactsPage>();
  history: HistoryEntry[] = [];
  pins: HistoryEntry[] = [];
  settings: SearchSettings = defaultSearchSettings;
  failInstances?: Error;
  failSearch?: Error;
  failContact?: Error;
  queries: SearchContactsQuery[] = [];
  instanceCalls = 0;
  contactCalls: { ref: ContactRef; force: boolean }[] = [];

  deps(): ExplorerDeps {
    return {
      accounts: () => ({ active: dev, added: this.added }),
      manualInstances: () => this.manual,
      listInstances: () => {
        this.instanceCalls++;
        return this.failInstances ? Promise.reject(this.failInstances) : Promise.resolve(this.instances);
      },
      searchContacts: (_target, query) => {
        this.queries.push(query);
        return this.failSearch ? Promise.reject(this.failSearch) : Promise.resolve(this.pages.get(query.nextToken ?? '') ?? { contacts: [] });
      },
      getContact: (ref, options) => {
        this.contactCalls.push({ ref, force: options.force });
        return this.failContact ? Promise.reject(this.failContact) : Promise.resolve(doc);
      },
      history: {
        entries: (filter) => filterEntries(this.history, filter),
        pinned: (filter) => filterEntries(this.pins, filter),
        isPinned: (ref) => this.pins.some((p) => p.contactId === ref.contactId && p.instanceId === ref.instanceId),
      },
      searchSettings: () => this.settings,
      fieldOptions: () => ({ timeZone: 'utc' }),
      now: () => now,
      describeError: (error) => ({ kind: 'AccessDenied', message: error instanceof Error ? error.message : String(error), hint: 'Ask for connect:ListInstances.' }),
    };
  }
}

const labels = (nodes: ExplorerNode[]): string[] =>
  nodes.map((n) => {
    switch (n.kind) {
      case 'account':
        return `account ${n.target.profile}/${n.target.region}`;
      case 'instance':
        return `instance ${n.alias ?? n.instanceId}`;
      case 'group':
        return `group ${n.group}`;
      case 'contact':
        return `contact ${n.ref.contactId}`;
      case 'field':
        return `field ${n.key}=${n.display}`;
      case 'loadMore':
        return `load more (${n.shown})`;
      case 'loading':
      case 'message':
        return `${n.kind} ${n.text}`;
      case 'error':
        return `error ${n.message}`;
    }
  });

async function instanceNode(model: ExplorerModel, alias: string): Promise<InstanceNode> {
  const [account] = await model.children();
  const found = (await model.children(account)).find((n) => n.kind === 'instance' && (n.alias ?? n.instanceId) === alias);
  assert.ok(found, `no instance ${alias}`);
  return found as InstanceNode;
}

async function group(model: ExplorerModel, alias: string, kind: GroupNode['group']): Promise<GroupNode> {
  const groups = await model.children(await instanceNode(model, alias));
  return groups.find((g) => g.kind === 'group' && g.group === kind) as GroupNode;
}

describe('explorer model', () => {
  it('shows the active profile and region first, then added pairs, once each', async () => {
    const f = new Fakes();
    f.added = [{ profile: 'prod', region: 'eu-west-2' }, dev];
    const model = new ExplorerModel(f.deps());
    assert.deepEqual(labels(await model.children()), ['account dev/us-east-1', 'account prod/eu-west-2']);
    const [active, added] = await model.children();
    assert.equal(active.kind === 'account' && active.active, true);
    assert.equal(added.kind === 'account' && added.active, false);
  });

  it('lists instances by alias, then instances added by hand, marking added ones removable', async () => {
    const f = new Fakes();
    f.manual = [{ instanceId: 'i-manual' }, { instanceId: 'i-2' }];
    const model = new ExplorerModel(f.deps());
    const [account] = await model.children();
    const instances = (await model.children(account)) as InstanceNode[];
    assert.deepEqual(labels(instances), ['instance Alpha', 'instance zeta', 'instance i-manual']);
    assert.deepEqual(instances.map((i) => i.manual), [false, true, true]);
  });

  it('groups each instance into recent lookups, pinned and recent contacts', async () => {
    const model = new ExplorerModel(new Fakes().deps());
    assert.deepEqual(labels(await model.children(await instanceNode(model, 'Alpha'))), ['group history', 'group pinned', 'group recent']);
  });

  it('shows this instance\'s lookups newest first, and marks pinned ones', async () => {
    const f = new Fakes();
    const at = (m: number) => new Date(Date.UTC(2026, 10, 20, 10, m)).toISOString();
    f.history = addEntry(addEntry(addEntry([], { ...dev, instanceId: 'i-1', contactId: 'old', lookedUpAt: at(1) }, 200), { ...dev, instanceId: 'i-2', contactId: 'elsewhere', lookedUpAt: at(2) }, 200), { ...dev, instanceId: 'i-1', contactId: 'new', lookedUpAt: at(3), queue: 'BasicQueue' }, 200);
    f.pins = [{ ...dev, instanceId: 'i-1', contactId: 'old', lookedUpAt: at(4) }];
    const model = new ExplorerModel(f.deps());
    const history = (await model.children(await group(model, 'Alpha', 'history'))) as ContactNode[];
    assert.deepEqual(labels(history), ['contact new', 'contact old']);
    assert.equal(history[0].facts.queue, 'BasicQueue');
    assert.deepEqual(history.map((c) => c.pinned), [false, true]);
    assert.deepEqual(labels(await model.children(await group(model, 'Alpha', 'pinned'))), ['contact old']);
  });

  it('says so when there are no lookups, pins or recent contacts', async () => {
    const model = new ExplorerModel(new Fakes().deps());
    assert.deepEqual(labels(await model.children(await group(model, 'Alpha', 'history'))), ['message No lookups in this instance yet']);
    assert.deepEqual(labels(await model.children(await group(model, 'Alpha', 'pinned'))), ['message No pinned contacts']);
    assert.deepEqual(labels(await model.children(await group(model, 'Alpha', 'recent'))), ['message No contacts in the last 24 hours']);
  });

  it('says which instances exist when ListInstances returns none and none were added', async () => {
    const f = new Fakes();
    f.instances = [];
    const model = new ExplorerModel(f.deps());
    const [account] = await model.children();
    assert.deepEqual(labels(await model.children(account)), ['message No Amazon Connect instances in us-east-1']);
  });

  it('searches recent contacts with the chosen window and channels', async () => {
    const f = new Fakes();
    f.settings = { window: { kind: 'last', hours: 1 }, channels: ['CHAT'] };
    const model = new ExplorerModel(f.deps());
    await model.children(await group(model, 'Alpha', 'recent'));
    assert.equal(f.queries.length, 1);
    assert.equal(f.queries[0].instanceId, 'i-1');
    assert.equal(f.queries[0].start, '2026-11-20T11:00:00.000Z');
    assert.deepEqual(f.queries[0].channels, ['CHAT']);
  });

  it('pages recent contacts: Load more appends the next page and disappears after the last', async () => {
    const f = new Fakes();
    f.pages.set('', { contacts: [row('r1', 59), row('r2', 58)], nextToken: 't2', totalCount: 3 });
    f.pages.set('t2', { contacts: [row('r3', 57)] });
    const model = new ExplorerModel(f.deps());
    const recent = await group(model, 'Alpha', 'recent');
    const changed: (ExplorerNode | undefined)[] = [];
    model.onDidChange((n) => changed.push(n));

    const first = await model.children(recent);
    assert.deepEqual(labels(first), ['contact r1', 'contact r2', 'load more (2)']);
    assert.equal((first[2] as LoadMoreNode).total, 3);

    await model.loadMore(first[2] as LoadMoreNode);
    assert.ok(changed.includes(recent), 'the Recent contacts group was not refreshed');
    assert.deepEqual(labels(await model.children(recent)), ['contact r1', 'contact r2', 'contact r3']);
    assert.equal(f.queries[1].nextToken, 't2');
    assert.equal(f.queries[1].start, f.queries[0].start, 'the next page must keep the first page\'s window');
  });

  it('shows "Loading more…" while the next page is on its way', async () => {
    const f = new Fakes();
    f.pages.set('', { contacts: [row('r1', 59)], nextToken: 't2' });
    let release: (page: SearchContactsPage) => void = () => undefined;
    const deps = f.deps();
    const model = new ExplorerModel({
      ...deps,
      searchContacts: (target, query) => (query.nextToken ? new Promise((resolve) => (release = resolve)) : deps.searchContacts(target, query)),
    });
    const recent = await group(model, 'Alpha', 'recent');
    const [, more] = await model.children(recent);
    const loading = model.loadMore(more as LoadMoreNode);
    assert.deepEqual(labels(await model.children(recent)), ['contact r1', 'loading Loading more…']);
    release({ contacts: [row('r2', 58)] });
    await loading;
    assert.deepEqual(labels(await model.children(recent)), ['contact r1', 'contact r2']);
  });

  it('turns a failed listing into an error node that retries, keeping hand-added instances usable', async () => {
    const f = new Fakes();
    f.failInstances = new Error('You are not allowed to list instances.');
    f.manual = [{ instanceId: 'i-manual' }];
    const model = new ExplorerModel(f.deps());
    const [account] = await model.children();
    const nodes = await model.children(account);
    assert.deepEqual(labels(nodes), ['error You are not allowed to list instances.', 'instance i-manual']);
    const error = nodes[0] as ErrorNode;
    assert.equal(error.hint, 'Ask for connect:ListInstances.');

    // Shown again without a new call; Retry calls again.
    await model.children(account);
    assert.equal(f.instanceCalls, 1);
    f.failInstances = undefined;
    const changed: (ExplorerNode | undefined)[] = [];
    model.onDidChange((n) => changed.push(n));
    await model.retry(error);
    assert.deepEqual(changed, [account]);
    assert.deepEqual(labels(await model.children(account)), ['instance Alpha', 'instance zeta', 'instance i-manual']);
    assert.equal(f.instanceCalls, 2);
  });

  it('keeps the instances of stored lookups and pins reachable when ListInstances fails', async () => {
    const f = new Fakes();
    f.failInstances = new Error('The security token included in the request is expired');
    f.manual = [{ instanceId: 'i-manual' }];
    f.pins = [{ ...dev, instanceId: 'i-9', contactId: 'pinned-1', lookedUpAt: now.toISOString() }];
    f.history = [
      { ...dev, instanceId: 'i-8', contactId: 'looked-up-1', lookedUpAt: now.toISOString() },
      { ...dev, instanceId: 'i-manual', contactId: 'looked-up-2', lookedUpAt: now.toISOString() },
      { profile: 'prod', region: 'us-east-1', instanceId: 'i-elsewhere', contactId: 'other-1', lookedUpAt: now.toISOString() },
    ];
    const model = new ExplorerModel(f.deps());
    const [account] = await model.children();
    const nodes = await model.children(account);
    assert.deepEqual(labels(nodes), ['error The security token included in the request is expired', 'instance i-8', 'instance i-9', 'instance i-manual']);
    assert.deepEqual((nodes.slice(1) as InstanceNode[]).map((i) => i.manual), [false, false, true]);
    assert.deepEqual(labels(await model.children(await group(model, 'i-9', 'pinned'))), ['contact pinned-1']);
    assert.deepEqual(labels(await model.children(await group(model, 'i-8', 'history'))), ['contact looked-up-1']);
  });

  it('names a stored instance by the alias it was last listed with when a later listing fails', async () => {
    const f = new Fakes();
    f.history = [{ ...dev, instanceId: 'i-1', contactId: 'c-1', lookedUpAt: now.toISOString() }];
    const model = new ExplorerModel(f.deps());
    const [account] = await model.children();
    await model.children(account);
    f.failInstances = new Error('Rate exceeded');
    model.refresh(account);
    assert.deepEqual(labels(await model.children(account)), ['error Rate exceeded', 'instance Alpha']);
    assert.deepEqual(labels(await model.children(await group(model, 'Alpha', 'history'))), ['contact c-1']);
  });

  it('turns a failed search into an error node, and a failed next page into a retryable node under the loaded ones', async () => {
    const f = new Fakes();
    f.failSearch = new Error('Rate exceeded');
    const model = new ExplorerModel(f.deps());
    const recent = await group(model, 'Alpha', 'recent');
    assert.deepEqual(labels(await model.children(recent)), ['error Rate exceeded']);

    f.failSearch = undefined;
    f.pages.set('', { contacts: [row('r1', 59)], nextToken: 't2' });
    f.pages.set('t2', { contacts: [row('r2', 58)] });
    await model.retry((await model.children(recent))[0] as ErrorNode);
    const [, more] = await model.children(recent);
    f.failSearch = new Error('Rate exceeded');
    await model.loadMore(more as LoadMoreNode);
    const afterFailure = await model.children(recent);
    assert.deepEqual(labels(afterFailure), ['contact r1', 'error Rate exceeded']);
    assert.equal((afterFailure[1] as ErrorNode).retryLoadMore, true);

    f.failSearch = undefined;
    await model.retry(afterFailure[1] as ErrorNode);
    assert.deepEqual(labels(await model.children(recent)), ['contact r1', 'contact r2']);
  });

  it('expands a contact into its fields, one level at a time, with values as descriptions', async () => {
    const f = new Fakes();
    f.history = [{ ...dev, instanceId: 'i-1', contactId: 'c-1', lookedUpAt: now.toISOString() }];
    const model = new ExplorerModel(f.deps());
    const [contact] = (await model.children(await group(model, 'Alpha', 'history'))) as ContactNode[];
    const fields = (await model.children(contact)) as FieldTreeNode[];
    assert.deepEqual(labels(fields), ['field Id=c-1', 'field Channel=VOICE', 'field QueueInfo=2 items', 'field Attributes=empty', 'field Recordings=1 item']);
    assert.deepEqual(fields[2].path, ['Contact', 'QueueInfo']);
    assert.deepEqual(fields[2].ref, contact.ref);
    assert.deepEqual(fields.map((x) => x.expandable), [false, false, true, false, true]);
    const queue = await model.children(fields[2]);
    assert.deepEqual(labels(queue), ['field Id=q-1', 'field EnqueueTimestamp=2026-11-20 11:00:00 UTC']);
    assert.deepEqual((queue[1] as FieldTreeNode).path, ['Contact', 'QueueInfo', 'EnqueueTimestamp']);
  });

  it('shows a failed contact fetch as an error node; Refresh on the contact fetches it again', async () => {
    const f = new Fakes();
    f.history = [{ ...dev, instanceId: 'i-1', contactId: 'c-1', lookedUpAt: now.toISOString() }];
    f.failContact = new Error('Contact not found');
    const model = new ExplorerModel(f.deps());
    const [contact] = (await model.children(await group(model, 'Alpha', 'history'))) as ContactNode[];
    assert.deepEqual(labels(await model.children(contact)), ['error Contact not found']);
    f.failContact = undefined;
    model.refresh(contact);
    await model.children(contact);
    assert.deepEqual(f.contactCalls.map((c) => c.force), [false, true]);
  });

  it('keeps one object per node across reloads, so change events reach the rows VS Code holds', async () => {
    const f = new Fakes();
    const model = new ExplorerModel(f.deps());
    const a = await instanceNode(model, 'Alpha');
    model.refresh(undefined);
    const b = await instanceNode(model, 'Alpha');
    assert.equal(a, b);
    assert.equal(model.parent(b)?.kind, 'account');
  });

  it('searches again when the window changes, and when the instance is refreshed', async () => {
    const f = new Fakes();
    const model = new ExplorerModel(f.deps());
    const recent = await group(model, 'Alpha', 'recent');
    await model.children(recent);
    await model.children(recent);
    assert.equal(f.queries.length, 1);
    f.settings = { window: { kind: 'last', hours: 168 }, channels: [] };
    model.searchSettingsChanged();
    assert.deepEqual(labels(await model.children(recent)), ['message No contacts in the last 7 days']);
    assert.equal(f.queries.length, 2);
    model.refresh(await instanceNode(model, 'Alpha'));
    await model.children(recent);
    assert.equal(f.queries.length, 3);
  });

  it('re-reads history and pins on redraw without calling the service', async () => {
    const f = new Fakes();
    const model = new ExplorerModel(f.deps());
    const history = await group(model, 'Alpha', 'history');
    await model.children(history);
    f.history = addEntry(f.history, { ...dev, instanceId: 'i-1', contactId: 'c-9', lookedUpAt: now.toISOString() }, 200);
    model.redraw();
    assert.deepEqual(labels(await model.children(history)), ['contact c-9']);
    f.history = removeEntry(f.history, { ...dev, instanceId: 'i-1', contactId: 'c-9' });
    assert.deepEqual(labels(await model.children(history)), ['message No lookups in this instance yet']);
    assert.equal(f.instanceCalls, 1);
  });
});

describe('explorer roots', () => {
  const prod: AccountTarget = { profile: 'prod', region: 'eu-west-2' };

  it('shows no root at all when no profile is left, not even pairs added earlier, so the welcome view shows', async () => {
    const f = new Fakes();
    const model = new ExplorerModel({ ...f.deps(), accounts: () => explorerAccounts({ noProfiles: () => Promise.resolve(true), active: () => Promise.resolve(dev), added: () => [prod] }) });
    assert.deepEqual(labels(await model.children()), []);
    assert.equal(f.instanceCalls, 0);
  });

  it('shows the active pair, then the added ones, while profiles exist', async () => {
    const model = new ExplorerModel({ ...new Fakes().deps(), accounts: () => explorerAccounts({ noProfiles: () => Promise.resolve(false), active: () => Promise.resolve(dev), added: () => [prod] }) });
    assert.deepEqual(labels(await model.children()), ['account dev/us-east-1', 'account prod/eu-west-2']);
  });
});

describe('explorer drag text', () => {
  const ref = { ...dev, instanceId: 'i-1', contactId: 'c-1' };
  const field = (path: (string | number)[], value: unknown): FieldTreeNode => ({
    kind: 'field', id: JSON.stringify(path), contactNodeId: 'c', ref, path, key: String(path[path.length - 1]), fieldKind: 'string', display: String(value), value, expandable: false,
  });

  it('inserts a field\'s raw value, a subtree as JSON, several fields as path: value lines', () => {
    assert.equal(dragText([field(['Contact', 'Channel'], 'VOICE')]), 'VOICE');
    assert.equal(dragText([field(['Contact', 'QueueInfo'], { Id: 'q-1' })]), '{\n    "Id": "q-1"\n}');
    assert.equal(dragText([field(['Contact', 'Channel'], 'VOICE'), field(['Contact', 'Recordings', 0, 'Location'], 's3://b/k')]), 'Contact.Channel: VOICE\nContact.Recordings[0].Location: s3://b/k');
  });

  it('inserts contact IDs for contact rows and nothing for other rows', () => {
    const contact: ContactNode = { kind: 'contact', id: 'x', source: 'recent', ref, facts: {}, pinned: false };
    assert.equal(dragText([contact]), 'c-1');
    assert.equal(dragText([{ kind: 'message', id: 'm', text: 'No pinned contacts' }]), undefined);
  });
});

describe('instance aliases for tab titles', () => {
  it('knows the alias of an instance the tree has listed, and nothing before', async () => {
    const model = new ExplorerModel(new Fakes().deps());
    assert.equal(model.instanceAlias(dev, 'i-1'), undefined);
    const [account] = await model.children();
    await model.children(account);
    assert.equal(model.instanceAlias(dev, 'i-1'), 'Alpha');
    assert.equal(model.instanceAlias({ ...dev, region: 'eu-west-2' }, 'i-1'), undefined);
    assert.equal(model.instanceAlias(dev, 'i-9'), undefined);
  });
});
