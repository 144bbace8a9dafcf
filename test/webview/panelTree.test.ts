// The contact panel's field tree in real Chromium: what a user sees and can do with it.
import assert from 'node:assert/strict';
import docsJson from '../../src/contact/describeContactDocs.json';
import type { FieldDocsTable } from '../../src/contact/fieldDocs';
import { buildFieldTree } from '../../src/contact/fieldTree';
import { contactMessage, sampleDocument, sampleIds } from './fixtures/samples';
import { panelSuite, type PanelPage } from './harness';

describe('contact panel webview: field tree', function () {
  this.timeout(30000);
  const suite = panelSuite();

  it('says ready, then shows the contact with the first level open and deeper levels closed', async () => {
    const { panel } = suite;
    assert.deepEqual((await panel.posted())[0], { type: 'ready' });
    await panel.send(contactMessage(sampleIds.voice));
    const rows = await panel.rows();
    const top = rows.filter((r) => r.level === 1);
    assert.deepEqual(
      top.map((r) => [r.key, r.expanded]),
      [['Contact', 'true']],
    );
    const contact = sampleDocument(sampleIds.voice).Contact;
    const second = rows.filter((r) => r.level === 2);
    assert.deepEqual(
      second.map((r) => r.key),
      Object.keys(contact),
      'every top-level field of the contact, in document order',
    );
    assert.equal(rows.filter((r) => r.level > 2).length, 0, 'nothing deeper is open');
    const agent = await panel.row('AgentInfo');
    assert.equal(agent.expanded, 'false');
    assert.equal(agent.value, '10 items', 'a container shows its item count');
    assert.equal((await panel.row('Channel')).value, 'VOICE');
    const labels = await panel.page.locator('[role=treeitem]').evaluateAll((rows) =>
      rows.slice(0, 9).map((r) => (r as unknown as { getAttribute(n: string): string }).getAttribute('aria-label')),
    );
    assert.equal(labels[0], 'Contact, 24 items');
    assert.ok(labels.includes('Channel, VOICE'), `rows are read out as "key, value": ${labels.join(' | ')}`);
    assert.equal(await panel.page.getByRole('textbox', { name: 'Filter fields and values' }).count(), 1, 'the filter box has an accessible name');
    assert.deepEqual(
      [agent.setsize, agent.posinset],
      [Object.keys(contact).length, Object.keys(contact).indexOf('AgentInfo') + 1],
    );
  });

  it('shows every leaf value as the field tree formats it, with tooltips', async () => {
    const { panel } = suite;
    await panel.send(contactMessage(sampleIds.voice, { timeZone: 'utc' }));
    await panel.page.locator('vscode-button.expand-all').click();
    const tree = buildFieldTree(sampleDocument(sampleIds.voice), { timeZone: 'utc' });
    const expected = new Map<string, string>();
    const walk = (n: typeof tree) => {
      expected.set(JSON.stringify(n.path), n.display);
      n.children?.forEach(walk);
    };
    walk(tree);
    const rows = await panel.rows();
    assert.ok(rows.length > 40, 'the viewport holds many rows');
    for (const r of rows) assert.equal(r.value, expected.get(JSON.stringify(r.path)), `value of ${r.path.join('.')}`);
    const started = await panel.row('InitiationTimestamp');
    assert.match(started.value, /^2026-\d\d-\d\d \d\d:\d\d:\d\d UTC$/);
    assert.match(started.title, /UTC/, 'the tooltip gives the UTC time');
    const kinds = await panel.page.evaluate(
      `[...document.querySelectorAll('[role=treeitem]')].filter((r) => r.querySelector('.key').textContent === 'InitiationTimestamp').map((r) => r.querySelector('.age') && r.querySelector('.age').textContent)`,
    );
    assert.match(String((kinds as string[])[0]), /ago|in \d/, 'a relative age next to the time');
    const arn = await panel.row('Arn');
    assert.ok(arn.value.length < arn.title.length, 'a long ARN is shortened');
    assert.equal(arn.title.split('\n\n')[0], sampleDocument(sampleIds.voice).Contact.Arn, 'the full ARN on hover');
    const enumTag = panel.page.locator('[role=treeitem] .value.kind-enum', { hasText: 'INBOUND' });
    assert.equal(await enumTag.count(), 1, 'enums are tags');
  });

  it("says in each row's tooltip what the field means: the service model's description and values", async () => {
    const { panel } = suite;
    await panel.send(contactMessage(sampleIds.voice, { timeZone: 'utc' }));
    const contact = sampleDocument(sampleIds.voice).Contact as { Channel: string; InitiationMethod: string };
    const docs = (docsJson as FieldDocsTable).members.Contact;
    const channel = await panel.row('Channel');
    assert.equal(channel.title, `${contact.Channel}\n\nHow the contact reached your contact center.\nValues: VOICE, CHAT, TASK, EMAIL`);
    assert.equal(docs.Channel.enumValues?.join(', '), 'VOICE, CHAT, TASK, EMAIL');
    const method = await panel.row('InitiationMethod');
    assert.equal(method.value, contact.InitiationMethod);
    assert.equal(method.title, `${contact.InitiationMethod}\n\n${docs.InitiationMethod.text}\nValues: ${docs.InitiationMethod.enumValues?.join(', ')}`);
    assert.match(method.title, /\n\nIndicates how the contact was initiated\.\nValues: INBOUND, OUTBOUND, TRANSFER, .*CALLBACK, API,/);
    // The key says it too, and so does a section's item count; both set as text.
    const keyTitles = await panel.page.locator('[role=treeitem] .key').evaluateAll((keys) =>
      keys.map((k): [string, string] => [(k as unknown as { textContent: string }).textContent, (k as unknown as { title: string }).title]),
    );
    assert.deepEqual(keyTitles.find(([k]) => k === 'Channel'), ['Channel', 'How the contact reached your contact center.\nValues: VOICE, CHAT, TASK, EMAIL']);
    assert.equal((await panel.row('AgentInfo')).title, `10 items\n\n${docs.AgentInfo.text}`);
    // Deeper rows: through a structure, and an element of a list.
    await panel.click(await panel.row('AgentInfo'));
    assert.match((await panel.row('AgentInitiatedHoldDuration')).title, /^22 seconds\n\nThe total hold duration in seconds initiated by the agent\.\nValue ≥ 0$/);
    await panel.click(await panel.row('Recordings'));
    const recording = await panel.row('[0]');
    assert.match(recording.title, /\n\nInformation about a voice recording, chat transcript, or screen recording\.$/);
    await panel.click(recording);
    assert.match((await panel.row('Status')).title, /\n\nThe status of the recording\/transcript\.\nValues: AVAILABLE, DELETED$/);
  });

  it('expands and collapses a section by clicking it', async () => {
    const { panel } = suite;
    await panel.send(contactMessage(sampleIds.voice));
    await panel.click(await panel.row('AgentInfo'));
    let agent = await panel.row('AgentInfo');
    assert.equal(agent.expanded, 'true');
    const children = (await panel.rows()).filter((r) => r.level === 3);
    assert.deepEqual(
      children.map((r) => r.key),
      Object.keys(sampleDocument(sampleIds.voice).Contact.AgentInfo as object),
    );
    assert.ok(children.every((r) => r.path[1] === 'AgentInfo'));
    await panel.click(agent);
    agent = await panel.row('AgentInfo');
    assert.equal(agent.expanded, 'false');
    assert.equal((await panel.rows()).filter((r) => r.level === 3).length, 0);
  });

  it('expands everything and collapses everything from the toolbar', async () => {
    const { panel } = suite;
    await panel.send(contactMessage(sampleIds.voice));
    await panel.page.locator('vscode-button.expand-all').click();
    const rows = await panel.rows();
    assert.ok(rows.every((r) => r.expanded !== 'false'), 'no closed section');
    const deep = rows.find((r) => r.path.join('.') === 'Contact.AgentInfo.HierarchyGroups.Level1.Arn');
    assert.ok(deep, 'a field four levels down is shown');
    assert.equal(deep.level, 5);
    await panel.page.locator('vscode-button.collapse-all').click();
    assert.deepEqual(
      (await panel.rows()).map((r) => [r.key, r.expanded]),
      [['Contact', 'false']],
    );
  });

  it('filters keys and values case-insensitively, keeps ancestors, highlights and counts matches', async () => {
    const { panel, } = suite;
    const page = panel.page;
    await panel.send(contactMessage(sampleIds.voice));
    await page.locator('vscode-text-field.filter input').fill('platformNAME');
    let rows = await panel.rows();
    assert.deepEqual(
      rows.map((r) => r.path.join('.')),
      ['Contact', 'Contact.AgentInfo', 'Contact.AgentInfo.DeviceInfo', 'Contact.AgentInfo.DeviceInfo.PlatformName'],
    );
    assert.equal(await page.locator('.match-count').textContent(), '1 match');
    assert.deepEqual(await page.locator('[role=treeitem] mark.match').allTextContents(), ['PlatformName']);

    await page.locator('vscode-text-field.filter input').fill('escalations');
    rows = await panel.rows();
    const matched = rows.filter((r) => r.value.toLowerCase().includes('escalations') || r.key.toLowerCase().includes('escalations'));
    assert.ok(matched.length >= 2, 'values match too');
    assert.equal(await page.locator('.match-count').textContent(), `${matched.length} matches`);
    for (const m of matched) {
      for (let depth = 1; depth < m.path.length; depth++) {
        const ancestor = m.path.slice(0, depth).join('.');
        assert.ok(
          rows.some((r) => r.path.join('.') === ancestor && r.expanded === 'true'),
          `ancestor ${ancestor} of ${m.path.join('.')} is open`,
        );
      }
    }
    const marks = await page.locator('[role=treeitem] mark.match').allTextContents();
    assert.ok(marks.length >= matched.length && marks.every((t) => t.toLowerCase() === 'escalations'));

    await page.locator('vscode-text-field.filter input').fill('no such text anywhere');
    assert.equal(await page.locator('.match-count').textContent(), 'No matches');
    assert.equal((await panel.rows()).length, 0);
    assert.equal(await page.locator('.tree-empty').textContent(), 'No fields match the filter.');

    await page.locator('vscode-text-field.filter input').press('Escape');
    assert.equal(await page.locator('.match-count').textContent(), '');
    assert.deepEqual(
      (await panel.rows()).filter((r) => r.level <= 2).length,
      1 + Object.keys(sampleDocument(sampleIds.voice).Contact).length,
      'clearing the filter brings back the tree as it was',
    );
  });

  it('opens the ancestors of every match after a time-zone switch changes what matches, as a filter typed afresh does', async () => {
    // Tall enough to draw every row the filter shows.
    const viewport = { width: 1000, height: 4000 };
    const showUtc = async (p: PanelPage, tz: 'local' | 'utc') => {
      await p.send(contactMessage(sampleIds.maximal, { timeZone: tz }));
      await p.page.locator('vscode-text-field.filter input').fill('utc');
    };
    const switched = await suite.open({ viewport });
    await showUtc(switched, 'local');
    assert.equal(await switched.page.locator('.match-count').textContent(), '1 match');
    await switched.send({ type: 'timeZone', timeZone: 'utc' });
    const fresh = await suite.open({ viewport });
    await showUtc(fresh, 'utc');
    assert.equal(await switched.page.locator('.match-count').textContent(), '38 matches');
    const shape = async (p: PanelPage) => (await p.rows()).map((r) => `${r.path.join('.')} ${String(r.expanded)}`);
    assert.deepEqual(await shape(switched), await shape(fresh));
  });

  it('shows the contents of a matching section when it is opened', async () => {
    const { panel } = suite;
    await panel.send(contactMessage(sampleIds.voice));
    await panel.page.locator('vscode-text-field.filter input').fill('DeviceInfo');
    const device = await panel.row('DeviceInfo');
    assert.equal(device.expanded, 'false');
    await panel.click(device);
    const inside = (await panel.rows()).filter((r) => r.path.join('.').startsWith('Contact.AgentInfo.DeviceInfo.'));
    assert.deepEqual(
      inside.map((r) => r.key),
      ['PlatformName', 'PlatformVersion', 'OperatingSystem'],
    );
  });

  it('moves with the keyboard: arrows, Home/End, Enter/Space, type-ahead, roving tabindex', async () => {
    const { panel } = suite;
    const page = panel.page;
    await panel.send(contactMessage(sampleIds.voice));
    const keys = Object.keys(sampleDocument(sampleIds.voice).Contact);
    await page.keyboard.press('Tab'); // toolbar first...
    await page.locator('[role=treeitem][tabindex="0"]').focus();
    assert.equal(await panel.focusedKey(), 'Contact');
    assert.equal((await panel.rows()).filter((r) => r.tabIndex === 0).length, 1, 'one tab stop in the tree');
    await page.keyboard.press('ArrowDown');
    assert.equal(await panel.focusedKey(), keys[0]);
    await page.keyboard.press('ArrowDown');
    assert.equal(await panel.focusedKey(), keys[1]);
    assert.equal((await panel.row(keys[1])).selected, true);
    await page.keyboard.press('End');
    assert.equal(await panel.focusedKey(), keys[keys.length - 1]);
    await page.keyboard.press('Home');
    assert.equal(await panel.focusedKey(), 'Contact');
    await page.keyboard.press('ArrowLeft');
    assert.equal((await panel.row('Contact')).expanded, 'false', 'Left closes an open section');
    await page.keyboard.press('ArrowRight');
    assert.equal((await panel.row('Contact')).expanded, 'true', 'Right opens it');
    await page.keyboard.press('ArrowRight');
    assert.equal(await panel.focusedKey(), keys[0], 'Right on an open section goes to its first child');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await panel.focusedKey(), 'Contact', 'Left on a leaf goes to the parent');

    await page.keyboard.press('a'); // type-ahead: the next key starting with "a"
    assert.equal(await panel.focusedKey(), 'Arn');
    await page.keyboard.press('g'); // "ag"
    assert.equal(await panel.focusedKey(), 'AgentInfo');
    await page.keyboard.press('Enter');
    assert.equal((await panel.row('AgentInfo')).expanded, 'true', 'Enter toggles');
    await page.keyboard.press(' ');
    assert.equal((await panel.row('AgentInfo')).expanded, 'false', 'Space toggles');
    await page.keyboard.type('quali');
    assert.equal(await panel.focusedKey(), 'QualityMetrics', 'type-ahead matches a prefix of several letters');
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('*');
    assert.ok(
      (await panel.rows()).filter((r) => r.level === 2 && r.expanded !== null).every((r) => r.expanded === 'true'),
      '* opens every section beside the focused row',
    );
    await page.locator('vscode-button.collapse-all').click();
    await page.locator('[role=treeitem][tabindex="0"]').focus();
    assert.equal(await panel.focusedKey(), 'Contact', 'after collapse all the tab stop is the top row');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.type('quali');
    await page.keyboard.press('ArrowUp');
    const above = keys[keys.indexOf('QualityMetrics') - 1];
    assert.equal(await panel.focusedKey(), above);
    const focusRing = await page.evaluate(`getComputedStyle(document.activeElement).outlineStyle`);
    assert.equal(focusRing, 'solid', 'the focused row has a visible focus ring');
  });

  it('opens a related contact from a contact-ID link, by click and by Enter', async () => {
    const { panel } = suite;
    await panel.send(contactMessage(sampleIds.task));
    const related = await panel.row('RelatedContactId');
    assert.equal(related.value, sampleIds.voice);
    await panel.click(related, '.contact-link');
    await panel.waitForPosted({ type: 'openContact', contactId: sampleIds.voice });
    const before = (await panel.posted()).filter((m) => m.type === 'openContact').length;
    await panel.page.locator(`[role=treeitem][data-index="${related.index}"]`).focus();
    await panel.page.keyboard.press('Enter');
    const after = (await panel.posted()).filter((m) => m.type === 'openContact');
    assert.equal(after.length, before + 1);
    assert.deepEqual(after[after.length - 1], { type: 'openContact', contactId: sampleIds.voice });
  });

  it('posts row actions from the focused row buttons and marks rows for the native context menu', async () => {
    const { panel } = suite;
    await panel.send(contactMessage(sampleIds.voice));
    const queue = await panel.row('QueueInfo');
    assert.deepEqual(queue.context, {
      webviewSection: 'field',
      preventDefaultContextMenuItems: true,
      fieldKind: 'structure',
      path: ['Contact', 'QueueInfo'],
    });
    await panel.click(await panel.row('Channel'));
    const buttons = panel.page.locator('[role=treeitem].focused .row-action');
    assert.deepEqual(await buttons.evaluateAll((bs) => bs.map((b) => (b as unknown as { title: string }).title)), [
      'Copy Value',
      'Copy Path',
      'Copy as JSON',
      'Insert into Editor',
      'Copy as AWS CLI Command',
    ]);
    for (const [title, action] of [
      ['Copy Value', 'copyValue'],
      ['Copy Path', 'copyPath'],
      ['Copy as JSON', 'copyJson'],
      ['Insert into Editor', 'insert'],
      ['Copy as AWS CLI Command', 'copyCli'],
    ]) {
      await panel.page.locator(`[role=treeitem].focused .row-action[title="${title}"]`).click();
      await panel.waitForPosted({ type: 'rowAction', action, path: ['Contact', 'Channel'] });
    }
    assert.equal(await panel.focusedKey(), 'Channel', 'the row keeps the focus');
  });

  it('puts the keyboard in the tree when a contact arrives, and back on its row after a context menu', async () => {
    const { panel } = suite;
    const page = panel.page;
    await panel.send(contactMessage(sampleIds.voice));
    assert.equal(await panel.focusedKey(), 'Contact', 'a new contact focuses the tree');
    assert.equal(await page.evaluate("document.activeElement?.getAttribute('role')"), 'treeitem');
    const channel = page.locator('[role=treeitem]', { hasText: 'Channel' }).first();
    await channel.click();
    await channel.dispatchEvent('contextmenu');
    // The workbench's menu takes the focus; closing it gives the page focus back.
    await page.locator('vscode-text-field.filter input').focus();
    await page.evaluate("window.dispatchEvent(new FocusEvent('focus'))");
    assert.equal(await panel.focusedKey(), 'Channel');
    assert.equal(await page.evaluate("document.activeElement?.getAttribute('aria-label')"), 'Channel, VOICE');
    // Another contact (a followed link in the same panel) takes the keyboard to its tree too.
    await page.locator('vscode-text-field.filter input').focus();
    await panel.send(contactMessage(sampleIds.task));
    assert.equal(await page.evaluate("document.activeElement?.getAttribute('role')"), 'treeitem');
  });
});
