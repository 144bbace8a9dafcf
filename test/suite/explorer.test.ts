// The sidebar contact explorer in the real extension host, against the local Connect endpoint:
// the tree is read through the extension's own TreeDataProvider (activate's API exposes it),
// and driven through the real `connectContacts.explorer.*` commands.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TestHooks } from '../../src/extensionApi';
import type { AccountNode, ContactNode, ExplorerNode, FieldTreeNode, GroupNode, InstanceNode, LoadMoreNode } from '../../src/explorer/explorerNodes';
import { HistoryStore } from '../../src/history/historyStore';
import { sampleIds } from '../endpoint/sampleIds';
import { endpointControl, extensionApi } from './extensionApi';
import { readTestEnv } from './testEnv';

const run = <T = unknown>(name: string, ...args: unknown[]) => vscode.commands.executeCommand<T>(`connectContacts.explorer.${name}`, ...args);

function labelOf(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

describe('Sidebar contact explorer', function () {
  this.timeout(60_000);
  const env = readTestEnv();
  let api: TestHooks;

  const explorer = () => api.explorer.testApi;
  const children = (node?: ExplorerNode) => explorer().provider.getChildren(node);
  const item = (node: ExplorerNode) => explorer().provider.getTreeItem(node);
  const labels = async (node?: ExplorerNode) => (await children(node)).map((n) => labelOf(item(n)));

  async function activeAccount(): Promise<AccountNode> {
    const roots = await children();
    const active = roots.find((n): n is AccountNode => n.kind === 'account' && n.active);
    assert.ok(active, `no active account among ${roots.map((r) => r.id).join(', ')}`);
    return active;
  }

  async function instance(instanceId: string): Promise<InstanceNode> {
    const found = (await children(await activeAccount())).find((n): n is InstanceNode => n.kind === 'instance' && n.instanceId === instanceId);
    assert.ok(found, `instance ${instanceId} is not in the tree`);
    return found;
  }

  async function group(instanceId: string, kind: GroupNode['group']): Promise<GroupNode> {
    const found = (await children(await instance(instanceId))).find((n): n is GroupNode => n.kind === 'group' && n.group === kind);
    assert.ok(found, `no ${kind} group`);
    return found;
  }

  async function contactsIn(g: GroupNode): Promise<ContactNode[]> {
    return (await children(g)).filter((n): n is ContactNode => n.kind === 'contact');
  }

  async function searchRequests(): Promise<number> {
    return (await endpointControl.requests()).filter((r) => JSON.stringify(r).includes('SearchContacts')).length;
  }

  before(async () => {
    api = await extensionApi();
    await vscode.commands.executeCommand('workbench.view.extension.connectContacts');
  });

  afterEach(async () => {
    await endpointControl.clearFaults();
    explorer().model.pageSize = 25;
    await run('setSearchWindow', { kind: 'last', hours: 24 });
    await run('setChannelFilter', ['VOICE', 'CHAT', 'TASK', 'EMAIL']);
  });

  it('shows the active profile · region with the instances ListInstances returns, by alias, with their IDs', async () => {
    const account = await activeAccount();
    const accountItem = item(account);
    assert.equal(labelOf(accountItem), `${env.profile} · ${env.region}`);
    assert.equal(accountItem.description, 'active');
    assert.equal(accountItem.contextValue, 'account.active');

    const instances = (await children(account)).filter((n): n is InstanceNode => n.kind === 'instance');
    assert.deepEqual(instances.map((n) => labelOf(item(n))), [sampleIds.instanceCAlias, sampleIds.instanceBAlias, sampleIds.instanceAAlias].sort());
    const support = instances.find((n) => n.alias === sampleIds.instanceAAlias)!;
    assert.equal(item(support).description, sampleIds.instanceA);
    assert.equal(item(support).contextValue, 'instance');
    assert.deepEqual(await labels(support), ['Recent lookups', 'Pinned', 'Recent contacts']);
  });

  it('names the channel, queue and agent of a contact row once the names are known: VOICE · Renewals · sam.okafor', async () => {
    await run('setSearchWindow', { kind: 'last', hours: 24 * 7 });
    const recent = await group(sampleIds.instanceA, 'recent');
    // The first drawing waits briefly for names; those that come later are there the next time.
    let description = '';
    for (let attempt = 0; attempt < 40 && !description.includes('sam.okafor'); attempt++) {
      explorer().model.redraw();
      const row = (await children(recent)).find((n) => n.kind === 'contact' && n.ref.contactId === sampleIds.maximal);
      assert.ok(row, 'the maximal contact is listed');
      description = String(item(row).description ?? '');
      if (!description.includes('sam.okafor')) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    assert.match(description, /^VOICE · Renewals · sam\.okafor/);
  });

  it('searches recent contacts page by page: Load more appends the next page until the last', async () => {
    await run('setSearchWindow', { kind: 'last', hours: 24 * 7 });
    explorer().model.pageSize = 4;
    const recent = await group(sampleIds.instanceA, 'recent');
    assert.equal(item(recent).description, 'last 7 days · all channels');
    const before = await searchRequests();

    let nodes = await children(recent);
    assert.equal(nodes.filter((n) => n.kind === 'contact').length, 4);
    const more = nodes[nodes.length - 1] as LoadMoreNode;
    assert.equal(more.kind, 'loadMore');
    assert.equal(labelOf(item(more)), 'Load more…');
    assert.equal(item(more).description, '4 of 11');
    assert.equal(item(more).command?.command, 'connectContacts.explorer.loadMore');
    const firstPage = nodes.slice(0, 4).map((n) => n.id);

    await run('loadMore', more);
    nodes = await children(recent);
    assert.deepEqual(nodes.slice(0, 4).map((n) => n.id), firstPage, 'Load more must keep the first page in place');
    assert.equal(nodes.filter((n) => n.kind === 'contact').length, 8);

    await run('loadMore', nodes[nodes.length - 1]);
    nodes = await children(recent);
    assert.equal(nodes.length, 11, 'after the last page there is no Load more');
    assert.ok(nodes.every((n) => n.kind === 'contact'));
    // Newest first, as SearchContacts sorted them.
    const times = nodes.map((n) => Date.parse(n.facts.initiationTimestamp ?? ''));
    assert.deepEqual([...times].sort((a, b) => b - a), times);
    assert.equal((await searchRequests()) - before, 3);
  });

  it('shows a contact row with its channel icon, time and short ID, and a plain-text tooltip with the full IDs', async () => {
    await run('setSearchWindow', { kind: 'last', hours: 24 * 7 });
    const contacts = await contactsIn(await group(sampleIds.instanceA, 'recent'));
    const voice = contacts.find((c) => c.ref.contactId === sampleIds.voice);
    assert.ok(voice, 'the sample voice contact is not among recent contacts');
    const voiceItem = item(voice);
    assert.match(labelOf(voiceItem), new RegExp(`^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d .+ · ${sampleIds.voice.slice(0, 8)}$`));
    assert.equal((voiceItem.iconPath as vscode.ThemeIcon).id, 'call-outgoing');
    assert.equal(voiceItem.contextValue, 'contact.recent');
    assert.equal(voiceItem.command?.command, 'connectContacts.explorer.openContact');
    const tooltip = voiceItem.tooltip as vscode.MarkdownString;
    assert.ok(tooltip instanceof vscode.MarkdownString);
    assert.equal(tooltip.isTrusted, false);
    assert.equal(tooltip.supportHtml, false);
    // Values go in as escaped text (appendText): undo the escapes to read them.
    const shown = tooltip.value.replace(/\\(.)/g, '$1');
    assert.ok(shown.includes(`Contact ID:** ${sampleIds.voice}`) && shown.includes(`Instance ID:** ${sampleIds.instanceA}`), tooltip.value);

    const email = contacts.find((c) => c.ref.contactId === sampleIds.email);
    assert.equal((item(email!).iconPath as vscode.ThemeIcon).id, 'mail');

    // A click runs Open in Panel with the row: the panel shows that contact.
    await vscode.commands.executeCommand(voiceItem.command.command, ...((voiceItem.command.arguments ?? []) as unknown[]));
    assert.equal(api.panels.find(voice.ref)?.doc?.Contact.Id, sampleIds.voice);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows a hostile contact\'s fields as single-line text without control or bidi characters', async () => {
    await run('setSearchWindow', { kind: 'last', hours: 24 * 7 });
    const hostile = (await contactsIn(await group(sampleIds.instanceB, 'recent'))).find((c) => c.ref.contactId === sampleIds.hostile);
    assert.ok(hostile, 'the hostile sample contact is not among recent contacts');
    const stack: ExplorerNode[] = [hostile];
    let seen = 0;
    while (stack.length && seen < 400) {
      for (const child of await children(stack.pop())) {
        const row = item(child);
        for (const text of [labelOf(row), String(row.description ?? '')]) {
          // eslint-disable-next-line no-control-regex
          assert.doesNotMatch(text, /[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/u, `row ${child.id}`);
        }
        seen++;
        if (child.kind === 'field' && child.expandable) stack.push(child);
      }
    }
    assert.ok(seen > 20, `only ${seen} rows under the hostile contact`);
  });

  it('filters recent contacts by channel, and says so when nothing matches', async () => {
    await run('setSearchWindow', { kind: 'last', hours: 24 * 7 });
    await run('setChannelFilter', ['EMAIL']);
    const recent = await group(sampleIds.instanceA, 'recent');
    assert.equal(item(recent).description, 'last 7 days · Email');
    assert.deepEqual((await contactsIn(recent)).map((c) => c.ref.contactId), [sampleIds.email]);

    await run('setChannelFilter', ['VOICE', 'CHAT', 'TASK', 'EMAIL']);
    await run('setSearchWindow', { kind: 'last', hours: 24 });
    assert.deepEqual(await labels(await group(sampleIds.instanceC, 'recent')), ['No contacts in the last 24 hours']);
  });

  it('expands a contact into its fields lazily; field rows carry {ref, path} for the copy commands', async () => {
    await run('setSearchWindow', { kind: 'last', hours: 24 * 7 });
    const contact = (await contactsIn(await group(sampleIds.instanceA, 'recent'))).find((c) => c.ref.contactId === sampleIds.voice)!;
    const fields = (await children(contact)).filter((n): n is FieldTreeNode => n.kind === 'field');
    const doc = await api.services.contacts.get(contact.ref);
    assert.deepEqual(fields.map((f) => f.key), Object.keys(doc.Contact));

    const channel = fields.find((f) => f.key === 'Channel')!;
    const channelItem = item(channel);
    assert.equal(channelItem.description, 'VOICE');
    assert.equal(channelItem.contextValue, 'field.leaf');
    assert.equal(channelItem.collapsibleState, vscode.TreeItemCollapsibleState.None);
    assert.deepEqual(channel.path, ['Contact', 'Channel']);
    assert.deepEqual(channel.ref, contact.ref);

    const queue = fields.find((f) => f.key === 'QueueInfo')!;
    assert.equal(item(queue).contextValue, 'field.container');
    assert.equal(item(queue).collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    const queueFields = (await children(queue)) as FieldTreeNode[];
    assert.deepEqual(queueFields.map((f) => f.path), Object.keys(doc.Contact.QueueInfo as object).map((k) => ['Contact', 'QueueInfo', k]));
    // Tooltips: the value, then what the field means (read from dist/ on the first field row).
    assert.equal(channelItem.tooltip, 'VOICE\n\nHow the contact reached your contact center.\nValues: VOICE, CHAT, TASK, EMAIL');
    assert.equal(item(queueFields.find((f) => f.key === 'Id')!).tooltip, `${(doc.Contact.QueueInfo as { Id: string }).Id}\n\nThe unique identifier for the queue.`);

    // The lead's copy commands take the node itself (and the selection) as VS Code passes them.
    await vscode.commands.executeCommand('connectContacts.copyValue', channel, [channel]);
    assert.equal(await vscode.env.clipboard.readText(), 'VOICE');
    const queueId = queueFields.find((f) => f.key === 'Id')!;
    await vscode.commands.executeCommand('connectContacts.copyPath', queueId, [channel, queueId]);
    assert.equal(await vscode.env.clipboard.readText(), 'Contact.Channel\nContact.QueueInfo.Id');
  });

  it('dragging fields offers their values as text/plain only (an editor inserts it)', async () => {
    await run('setSearchWindow', { kind: 'last', hours: 24 * 7 });
    const contact = (await contactsIn(await group(sampleIds.instanceA, 'recent'))).find((c) => c.ref.contactId === sampleIds.voice)!;
    const fields = (await children(contact)) as FieldTreeNode[];
    const id = fields.find((f) => f.key === 'Id')!;
    const transfer = new vscode.DataTransfer();
    explorer().provider.handleDrag([id], transfer);
    assert.equal(await transfer.get('text/plain')?.asString(), sampleIds.voice);
    assert.equal(transfer.get('text/uri-list'), undefined);
  });

  it('turns injected faults into error nodes with Retry, and Retry recovers', async () => {
    const recent = await group(sampleIds.instanceA, 'recent');
    await endpointControl.setFaults({ status500: true, operation: 'SearchContacts' });
    await run('refresh', recent);
    const [error] = await children(recent);
    assert.equal(error.kind, 'error');
    const errorItem = item(error);
    assert.equal(errorItem.contextValue, 'error');
    assert.equal(labelOf(errorItem), error.message);
    assert.ok(error.message.length > 0);
    assert.equal(errorItem.command?.command, 'connectContacts.explorer.retry');

    await endpointControl.clearFaults();
    await run('retry', error);
    const after = await children(recent);
    assert.ok(after.every((n) => n.kind !== 'error'), `still failing: ${after.map((n) => labelOf(item(n))).join(', ')}`);

    const account = await activeAccount();
    await endpointControl.setFaults({ throttle: 100, operation: 'ListInstances' });
    await run('refresh', account);
    const listed = await children(account);
    assert.equal(listed[0].kind, 'error');
    assert.match(listed[0].message, /thrott|rate|too many/i);
    await endpointControl.clearFaults();
    await run('retry', listed[0]);
    assert.ok((await children(account)).some((n) => n.kind === 'instance'));
  });

  it('the title bar\'s Refresh (no row) shows errors too, rather than keeping the old rows', async () => {
    const recent = await group(sampleIds.instanceA, 'recent');
    assert.ok((await contactsIn(recent)).length > 0, 'recent contacts to begin with');
    await endpointControl.setFaults({ status500: true, operation: 'SearchContacts' });
    await run('refresh');
    const after = await children(await group(sampleIds.instanceA, 'recent'));
    assert.equal(after.length, 1);
    assert.equal(after[0].kind, 'error', `kept: ${after.map((n) => labelOf(item(n))).join(', ')}`);
    await endpointControl.clearFaults();
    await run('refresh');
    assert.ok((await contactsIn(await group(sampleIds.instanceA, 'recent'))).length > 0);
  });

  it('adds an instance by ID or ARN (validated), and removes it', async () => {
    const account = await activeAccount();
    await run('addInstance', account, 'https://console.aws.amazon.com/connect');
    const manualId = '44444444-4444-4444-8444-444444444444';
    await run('addInstance', account, `  "arn:aws:connect:${env.region}:${sampleIds.account}:instance/${manualId}"  `);
    const added = (await children(account)).find((n): n is InstanceNode => n.kind === 'instance' && n.instanceId === manualId);
    assert.ok(added, 'the instance added by ARN is not listed');
    assert.equal(item(added).contextValue, 'instance.manual');
    assert.equal((await children(account)).filter((n) => n.kind === 'instance').length, 4, 'a rejected input must add nothing');

    await run('removeInstance', added);
    assert.equal((await children(account)).some((n) => n.kind === 'instance' && n.instanceId === manualId), false);
  });

  it('adds and removes another profile · region root', async () => {
    const other = { profile: 'local-session', region: env.region };
    await run('addAccount', other);
    let roots = (await children()) as AccountNode[];
    const added = roots.find((r) => r.target.profile === other.profile);
    assert.ok(added, 'the added profile · region is not a root');
    assert.equal(item(added).contextValue, 'account');
    assert.equal(labelOf(item(added)), `local-session · ${env.region}`);
    await run('removeAccount', added);
    roots = (await children()) as AccountNode[];
    assert.equal(roots.some((r) => r.target.profile === other.profile), false);
  });

  describe('history and pins', () => {
    const ref = () => ({ profile: env.profile, region: env.region, instanceId: sampleIds.instanceA, contactId: sampleIds.chat });

    before(async () => {
      await api.services.history.clear();
      await api.services.history.unpin(ref());
    });

    it('lists a described contact under Recent lookups, newest first, once', async () => {
      await vscode.commands.executeCommand('connectContacts.describeContact', { instanceId: sampleIds.instanceA, contactId: sampleIds.task });
      await vscode.commands.executeCommand('connectContacts.describeContact', { instanceId: sampleIds.instanceA, contactId: sampleIds.chat });
      await vscode.commands.executeCommand('connectContacts.describeContact', { instanceId: sampleIds.instanceA, contactId: sampleIds.task });
      const history = await group(sampleIds.instanceA, 'history');
      const rows = await contactsIn(history);
      assert.deepEqual(rows.map((r) => r.ref.contactId), [sampleIds.task, sampleIds.chat]);
      assert.equal(item(history).description, '2');
      assert.equal(item(rows[0]).contextValue, 'contact.history');
      assert.equal((item(rows[1]).iconPath as vscode.ThemeIcon).id, 'comment-discussion');
      assert.deepEqual(await labels(await group(sampleIds.instanceB, 'history')), ['No lookups in this instance yet']);
    });

    it('keeps the history across a reload of the store', () => {
      const reloaded = new HistoryStore(api.services.context.globalState, () => 200);
      assert.deepEqual(reloaded.entries({ instanceId: sampleIds.instanceA }).map((e) => e.contactId), [sampleIds.task, sampleIds.chat]);
      reloaded.dispose();
    });

    it('pins and unpins from the history row; the Pinned group follows', async () => {
      const chat = (await contactsIn(await group(sampleIds.instanceA, 'history'))).find((c) => c.ref.contactId === sampleIds.chat)!;
      await run('pin', chat, [chat]);
      const pinned = await contactsIn(await group(sampleIds.instanceA, 'pinned'));
      assert.deepEqual(pinned.map((p) => p.ref.contactId), [sampleIds.chat]);
      assert.equal(item(pinned[0]).contextValue, 'contact.pinned');
      const again = (await contactsIn(await group(sampleIds.instanceA, 'history'))).find((c) => c.ref.contactId === sampleIds.chat)!;
      assert.equal(item(again).contextValue, 'contact.history.pinned');

      await run('unpin', pinned[0]);
      assert.deepEqual(await labels(await group(sampleIds.instanceA, 'pinned')), ['No pinned contacts']);
    });

    it('removes one lookup, then clears the instance\'s history', async () => {
      const history = await group(sampleIds.instanceA, 'history');
      const task = (await contactsIn(history)).find((c) => c.ref.contactId === sampleIds.task)!;
      await run('removeFromHistory', task);
      assert.deepEqual((await contactsIn(history)).map((c) => c.ref.contactId), [sampleIds.chat]);
      assert.equal(await run('clearHistory', history, true), true);
      assert.deepEqual(await labels(history), ['No lookups in this instance yet']);
    });

    it('counts opening a contact from the explorer as a lookup', async () => {
      await run('setSearchWindow', { kind: 'last', hours: 24 * 7 });
      const email = (await contactsIn(await group(sampleIds.instanceA, 'recent'))).find((c) => c.ref.contactId === sampleIds.email)!;
      await run('openContact', email);
      const [row] = await contactsIn(await group(sampleIds.instanceA, 'history'));
      assert.equal(row.ref.contactId, sampleIds.email);
      assert.equal(row.facts.channel, 'EMAIL');
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });
  });
});
