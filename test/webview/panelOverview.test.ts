// The Overview view and the view tabs in real Chromium: what a person sees of a contact's
// story (names beside IDs, phases, attributes, the chain, evaluations, references, what is
// missing) and what the panel asks the host to do when they act on it.
import assert from 'node:assert/strict';
import type { ContactDocument } from '../../src/contact/contactDocument';
import { formatTimestamp } from '../../src/contact/format';
import { contactPhases, formatDurationMs } from '../../src/contact/phases';
import type { ContactStory } from '../../src/contact/story';
import type { PanelState } from '../../src/protocol/messages';
import { contactMessage, refFor, sampleDocument, sampleIds } from './fixtures/samples';
import {
  consoleUrl,
  evaluationUrl,
  groupArn,
  longAttributeValue,
  maximalIds,
  maximalStory,
  maximalStoryInParts,
  queueArn,
  referenceUrl,
  storyAttributeOrder,
  storyMessage,
  storyWithMissing,
} from './fixtures/story';
import type { Page } from 'playwright-core';
import { panelSuite, type PanelPage } from './harness';

const overviewTab = '[role=tab]#tab-overview';
const fieldsTab = '[role=tab]#tab-fields';

/** The maximal contact (times in UTC) and its story (none: `null`), in the Overview. */
async function showMaximal(panel: PanelPage, story: ContactStory | null = maximalStory(), opts: { contact?: ContactDocument } = {}): Promise<void> {
  await panel.send(contactMessage(sampleIds.maximal, { timeZone: 'utc', contact: opts.contact }));
  if (story) await panel.send(storyMessage(story));
  await panel.page.locator(overviewTab).click();
}

const texts = (panel: PanelPage, selector: string) => panel.page.locator(selector).allTextContents();

/**
 * Maps the elements matching `selector` in the page with `mapper`, the source of a function of
 * one element (the page's DOM types are not the test's: the page runs it as text).
 */
function mapAll<T>(page: Page, selector: string, mapper: string): Promise<T[]> {
  return page.evaluate<T[]>(`[...document.querySelectorAll(${JSON.stringify(selector)})].map(${mapper})`);
}

/** `sel`'s text inside an element, in mapper source; null when there is none. */
const textIn = (sel: string) => `(e.querySelector(${JSON.stringify(sel)})?.textContent ?? null)`;

describe('contact panel webview: view tabs', function () {
  this.timeout(30000);
  const suite = panelSuite();

  it('opens on Fields; switches to Overview and back by mouse, with the tabs pattern roles and states', async () => {
    const { panel } = suite;
    const page = panel.page;
    await panel.send(contactMessage(sampleIds.maximal));
    assert.equal(await page.locator('[role=tablist]').getAttribute('aria-label'), 'Contact views');
    assert.deepEqual(await texts(panel, '[role=tab]'), ['Overview', 'Timeline', 'Fields']);
    const state = () =>
      page.evaluate<{ tab: string; selected: string; tabIndex: number; panelRole: string; labelledBy: boolean; panelShown: boolean }[]>(`[...document.querySelectorAll('[role=tab]')].map((t) => {
        const panelEl = document.getElementById(t.getAttribute('aria-controls'));
        return {
          tab: t.textContent,
          selected: t.getAttribute('aria-selected'),
          tabIndex: t.tabIndex,
          panelRole: panelEl.getAttribute('role'),
          labelledBy: panelEl.getAttribute('aria-labelledby') === t.id,
          panelShown: !panelEl.hidden && panelEl.getClientRects().length > 0,
        };
      })`);
    assert.deepEqual(await state(), [
      { tab: 'Overview', selected: 'false', tabIndex: -1, panelRole: 'tabpanel', labelledBy: true, panelShown: false },
      { tab: 'Timeline', selected: 'false', tabIndex: -1, panelRole: 'tabpanel', labelledBy: true, panelShown: false },
      { tab: 'Fields', selected: 'true', tabIndex: 0, panelRole: 'tabpanel', labelledBy: true, panelShown: true },
    ]);
    assert.ok((await panel.rows()).length > 0, 'the tree is the first view');

    await page.locator(overviewTab).click();
    assert.deepEqual(
      (await state()).map((s) => [s.tab, s.selected, s.panelShown]),
      [
        ['Overview', 'true', true],
        ['Timeline', 'false', false],
        ['Fields', 'false', false],
      ],
    );
    assert.equal(await page.locator('vscode-text-field.filter').isVisible(), false, "the Fields filter is not shown in the Overview");
    assert.equal(await page.locator('vscode-button.expand-all').isVisible(), false);
    assert.equal(await page.locator('vscode-button.refresh').isVisible(), true, 'refresh stays');

    await page.locator(fieldsTab).click();
    assert.equal(await page.locator(fieldsTab).getAttribute('aria-selected'), 'true');
    assert.equal(await page.locator('vscode-text-field.filter').isVisible(), true);
  });

  it('moves between tabs with the arrow keys, Home and End, selecting as it goes', async () => {
    const { panel } = suite;
    const page = panel.page;
    await panel.send(contactMessage(sampleIds.maximal));
    await page.locator(fieldsTab).focus();
    const selected = () => page.locator('[role=tab][aria-selected=true]').textContent();
    const focused = () => page.evaluate<string>('document.activeElement.textContent');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await selected(), 'Timeline');
    assert.equal(await focused(), 'Timeline');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await selected(), 'Overview');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await selected(), 'Fields', 'wraps around');
    await page.keyboard.press('Home');
    assert.equal(await selected(), 'Overview');
    await page.keyboard.press('End');
    assert.equal(await selected(), 'Fields');
    await page.keyboard.press('ArrowRight');
    assert.equal(await selected(), 'Overview');
    assert.equal(await page.locator('#panel-overview').isVisible(), true);
    // One tab stop: Tab from the tablist leaves it.
    await page.keyboard.press('Tab');
    assert.notEqual(await page.evaluate<string | null>("document.activeElement.getAttribute('role')"), 'tab');
  });

  it('keeps the tree scroll position, open sections and filter across a switch', async () => {
    const { panel } = suite;
    const page = panel.page;
    await panel.send(contactMessage(sampleIds.maximal));
    await page.locator('vscode-button.expand-all').click();
    await page.evaluate(`(() => { const s = document.querySelector('.tree-scroll'); s.scrollTop = 900; s.dispatchEvent(new Event('scroll')); })()`);
    const treeTop = () => page.evaluate<number>(`document.querySelector('.tree-scroll').scrollTop`);
    const before = { top: await treeTop(), rows: await panel.rows() };
    assert.equal(before.top, 900);
    await page.locator(overviewTab).click();
    await page.locator(fieldsTab).click();
    assert.equal(await treeTop(), before.top);
    assert.deepEqual(
      (await panel.rows()).map((r) => [r.key, r.expanded]),
      before.rows.map((r) => [r.key, r.expanded]),
    );
    await page.locator('vscode-text-field.filter input').fill('PlatformName');
    await page.locator(overviewTab).click();
    await page.locator(fieldsTab).click();
    assert.equal(await page.locator('.match-count').textContent(), '2 matches');
    assert.equal(await page.locator('vscode-text-field.filter').evaluate((f) => (f as unknown as { value: string }).value), 'PlatformName');
  });

  it('saves the chosen view and opens a restored panel in it', async () => {
    const { panel } = suite;
    await panel.send(contactMessage(sampleIds.maximal));
    await panel.page.locator(overviewTab).click();
    await panel.waitForState({ view: 'overview' });
    await panel.page.locator(fieldsTab).click();
    await panel.page.waitForFunction(() => (globalThis as unknown as { __vscodeStub: { state?: { view?: string } } }).__vscodeStub.state?.view === undefined);

    const saved: PanelState = { ref: refFor(sampleIds.maximal), timeZone: 'utc', view: 'overview' };
    const restored = await suite.open({ initialState: saved });
    assert.equal(await restored.page.locator(overviewTab).getAttribute('aria-selected'), 'true');
    await restored.send(contactMessage(sampleIds.maximal, { timeZone: 'utc' }));
    assert.equal(await restored.page.locator('#panel-overview').isVisible(), true);
    assert.equal(await restored.page.locator('#panel-fields').isVisible(), false);
    assert.ok((await restored.page.locator('.section-phases .phases-table').count()) === 1, 'the Overview is drawn');
    await restored.waitForState({ view: 'overview' });
  });
});

describe('contact panel webview: Overview', function () {
  this.timeout(30000);
  const suite = panelSuite();

  it('reserves every section with "Loading…" until the story comes, then names the IDs', async () => {
    const { panel } = suite;
    const page = panel.page;
    await showMaximal(panel, null);
    for (const section of ['attributes', 'chain', 'evaluations', 'references']) {
      assert.ok((await page.locator(`.section-${section} .loading-line`).count()) >= 1, `${section} says Loading…`);
    }
    assert.equal(await page.locator('.name-queue .name-pending').textContent(), '…', 'a name on its way');
    assert.equal(await page.locator('.name-queue .id-button').textContent(), maximalIds.queue);
    assert.equal(await page.locator('.name-routingProfile .name-pending').count(), 1, 'the routing profile (named after DescribeUser) has its place');

    await panel.send(storyMessage(maximalStory()));
    assert.equal(await page.locator('.loading-line').count(), 0);
    const rows = await mapAll<(string | null)[]>(page, '.names-list .name-row', `(e) => [${textIn('.name-label')}, ${textIn('.resolved')}, ${textIn('.name-detail')}, ${textIn('.id-button')}]`);
    assert.deepEqual(rows, [
      ['Queue', 'Escalations', null, maximalIds.queue],
      ['Agent', 'jdoe', 'Jane Doe', maximalIds.agent],
      ['Hierarchy level 1', 'Support', 'Support', maximalIds.groups[0]],
      ['Hierarchy level 2', 'EMEA', 'Support / EMEA', maximalIds.groups[1]],
      ['Hierarchy level 3', 'Renewals', 'Support / EMEA / Renewals', maximalIds.groups[2]],
      ['Hierarchy level 4', 'Tier 2', 'Support / EMEA / Renewals / Tier 2', maximalIds.groups[3]],
      ['Hierarchy level 5', 'Team Harriet', 'Support / EMEA / Renewals / Tier 2 / Team Harriet', maximalIds.groups[4]],
      ['Routing profile', 'Renewals Voice', null, maximalIds.routingProfile],
      ['Instance', sampleIds.instanceAAlias, null, sampleIds.instanceA],
    ]);
    const queueTitle = await page.locator('.name-queue .resolved').getAttribute('title');
    assert.equal(queueTitle, `ID: ${maximalIds.queue}\nARN: ${queueArn}`, 'hover gives ID and ARN');
    assert.match((await page.locator('.name-hierarchyGroup .id-button').first().getAttribute('title')) ?? '', new RegExp(groupArn(maximalIds.groups[0]).replace(/[/.]/g, '\\$&')));

    await page.locator('.name-queue .id-button').click();
    await panel.waitForPosted({ type: 'copyText', text: maximalIds.queue, what: 'queue ID' });
    await page.locator('.name-user .id-button').click();
    await panel.waitForPosted({ type: 'copyText', text: maximalIds.agent, what: 'agent ID' });
    await page.locator('.name-routingProfile .id-button').click();
    await panel.waitForPosted({ type: 'copyText', text: maximalIds.routingProfile, what: 'routing profile ID' });
    assert.equal(await page.locator('.name-queue .id-button').getAttribute('aria-label'), `Copy queue ID ${maximalIds.queue}`);
  });

  it('shows the phases with their times in the panel time zone and their durations', async () => {
    const { panel } = suite;
    const page = panel.page;
    await showMaximal(panel);
    const phases = contactPhases(sampleDocument(sampleIds.maximal).Contact);
    const rows = await mapAll<(string | null)[]>(page, '.phases-table tbody tr', `(e) => [${textIn('.phase-label')}, ${textIn('.phase-times')}, ${textIn('.duration-text')}]`);
    assert.deepEqual(
      rows,
      phases.map((p) => [
        p.label,
        p.start || p.end ? `${p.start ? formatTimestamp(p.start, 'utc') : ''} → ${p.end ? formatTimestamp(p.end, 'utc') : '…'}` : '',
        p.durationMs !== undefined ? formatDurationMs(p.durationMs) : '—',
      ]),
    );
    assert.ok(rows.length >= 4, `${rows.length} phases`);
    assert.equal(await page.locator('.phase-problem').count(), 0, 'no problem on a well-formed contact');
    assert.ok(await page.locator('.phase-bar').count() >= 4, 'a bar per measured phase');

    // Switching the time zone redraws the times (the browser runs in America/New_York).
    await panel.send({ type: 'timeZone', timeZone: 'local' });
    assert.match((await page.locator('.phases-table .phase-start').first().textContent()) ?? '', / E[SD]T$/);
  });

  it('marks a phase whose timestamps are out of order, never with a negative duration', async () => {
    const { panel } = suite;
    const page = panel.page;
    const doc = sampleDocument(sampleIds.maximal);
    // Disconnected (and queued) before it started: the data is wrong, the panel says so.
    doc.Contact.DisconnectTimestamp = '2026-11-19T00:00:00.000Z';
    doc.Contact.QueueInfo = { Id: maximalIds.queue, EnqueueTimestamp: '2026-11-18T00:00:00.000Z' };
    const phases = contactPhases(doc.Contact);
    const problems = phases.filter((p) => p.problem);
    assert.ok(problems.length > 0, 'the constructed contact has a problem phase');
    await showMaximal(panel, maximalStory(), { contact: doc });
    const shown = await mapAll<{ label: string; problem: string; icon: string; duration: string }>(
      page,
      '.phases-table tr.has-problem',
      `(e) => ({ label: ${textIn('.phase-label')}, problem: ${textIn('.problem-text')}, icon: e.querySelector('.phase-problem .codicon')?.className, duration: ${textIn('.duration-text')} })`,
    );
    assert.deepEqual(
      shown.map((s) => [s.label, s.problem]),
      problems.map((p) => [p.label, p.problem]),
    );
    assert.ok(shown.some((s) => /codicon-warning/.test(s.icon ?? '')), 'a warning mark');
    assert.ok(shown.every((s) => s.duration === '—'));
    const durations = await texts(panel, '.phases-table .duration-text');
    assert.ok(durations.every((d) => !d.startsWith('-')), `no negative duration: ${durations.join(', ')}`);
  });

  it('lists the attributes sorted, filters them, and copies a value', async () => {
    const { panel } = suite;
    const page = panel.page;
    await showMaximal(panel);
    const story = maximalStory();
    const keys = () => texts(panel, '.group-story .attribute-key');
    assert.deepEqual(await keys(), storyAttributeOrder);
    assert.deepEqual(await texts(panel, '.attribute-source .source-name'), ['from GetContactAttributes', 'Contact.Attributes', 'SegmentAttributes']);
    const contactAttributes = sampleDocument(sampleIds.maximal).Contact.Attributes as Record<string, string>;
    assert.deepEqual((await texts(panel, '.group-contact .attribute-key')).sort(), Object.keys(contactAttributes).sort());
    assert.ok((await texts(panel, '.group-segment .attribute-key')).includes('connect:Subtype'));
    const subtype = page.locator('.group-segment tr', { has: page.locator('.attribute-key', { hasText: /^connect:Subtype$/ }) });
    assert.equal(await subtype.locator('.attribute-value').textContent(), 'connect:Telephony');

    const filter = page.getByRole('textbox', { name: 'Filter attributes' });
    assert.equal(await filter.count(), 1, 'the filter box has an accessible name');
    await filter.fill('TIER');
    assert.deepEqual(await keys(), ['customerTier']);
    assert.deepEqual(await texts(panel, '.group-contact .attribute-key'), ['customerTier'], 'the same filter on every list');
    assert.equal(await page.locator('.attributes-count').textContent(), '2 matches');
    await filter.fill('second');
    assert.deepEqual(await keys(), ['beta'], 'values match too');
    await filter.fill('');
    assert.deepEqual(await keys(), storyAttributeOrder);

    const row = page.locator('.group-story tr', { has: page.locator('.attribute-key', { hasText: /^customerTier$/ }) });
    await row.locator('.copy-button').click();
    await panel.waitForPosted({ type: 'copyText', text: story.attributes?.customerTier, what: 'attribute customerTier' });

    // A 6 KB value is clamped with "Show all"; copying gives all of it.
    const long = page.locator('.group-story tr', { has: page.locator('.attribute-key', { hasText: /^longNote$/ }) });
    const [height] = await mapAll<number>(page, '.group-story tr', `(e) => e.querySelector('.attribute-key').textContent === 'longNote' ? e.getBoundingClientRect().height : -1`).then((hs) => hs.filter((h) => h >= 0));
    assert.ok(height < 120, `the long value is clamped (${height}px)`);
    assert.match((await long.locator('.show-all').textContent()) ?? '', /^Show all \(6,003 characters\)$/);
    await long.locator('.show-all').click();
    assert.equal(await long.locator('.attribute-value').textContent(), longAttributeValue);
    assert.equal(await page.evaluate<string>('document.activeElement.textContent'), 'Show less', 'the keyboard stays on the button');
    await long.locator('.copy-button').click();
    await panel.waitForPosted({ type: 'copyText', text: longAttributeValue, what: 'attribute longNote' });
  });

  it('draws the chain as a picture: nodes by time, the current one marked, labelled arrows; a node opens its contact', async () => {
    const { panel } = suite;
    const page = panel.page;
    await showMaximal(panel);
    const story = maximalStory();
    const nodes = page.locator('svg.chain-svg .chain-node');
    assert.equal(await nodes.count(), 5);
    assert.deepEqual(await mapAll(page, 'svg.chain-svg .chain-node', `(e) => e.getAttribute('data-contact-id')`), story.chain?.nodes.map((n) => n.contactId));
    const current = page.locator('svg .chain-node.current');
    assert.equal(await current.count(), 1);
    assert.equal(await current.getAttribute('data-contact-id'), sampleIds.maximal);
    assert.equal(await current.getAttribute('aria-current'), 'page');
    assert.match((await current.textContent()) ?? '', /this contact/, 'marked in text, not by colour alone');
    const strokeOf = (i: number) => page.evaluate<string>(`getComputedStyle(document.querySelectorAll('svg .chain-node rect')[${i}]).stroke`);
    const stroke = await strokeOf(3);
    const otherStroke = await strokeOf(0);
    assert.notEqual(stroke, otherStroke, 'and by colour');
    assert.match((await current.textContent()) ?? '', /Queue: Escalations.*Agent: jdoe/);
    assert.match((await nodes.first().textContent()) ?? '', /VOICE · INBOUND.*Queue: General Support.*Agent: asmith/);
    assert.match((await nodes.first().textContent()) ?? '', new RegExp(formatTimestamp('2026-11-20T10:00:00.000Z', 'utc')));
    assert.deepEqual(await texts(panel, 'svg .chain-edge-label'), ['transfer', 'queue transfer', 'associated', 'related', 'callback']);
    assert.equal(await page.locator('svg .chain-edge path, svg .chain-edge line').count(), 5);
    assert.equal(await page.locator('svg .chain-edge [marker-end]').count(), 5, 'arrows');
    assert.match((await nodes.nth(1).getAttribute('aria-label')) ?? '', /^Contact …2a02, VOICE · TRANSFER, .*queue Escalations, transfer from …2a01, queue transfer to …2a03\. Opens the contact$/);

    await nodes.nth(1).click();
    await panel.waitForPosted({ type: 'openContact', contactId: sampleIds.transferChain[1] });
    const opened = async () => (await panel.posted()).filter((m) => m.type === 'openContact').length;
    const before = await opened();
    await current.click();
    assert.equal(await opened(), before, 'the current contact is not opened again');
    // Keyboard: one tab stop (the current contact), arrows move, Enter opens.
    assert.deepEqual(await mapAll(page, 'svg.chain-svg .chain-node', `(e) => e.getAttribute('tabindex')`), ['-1', '-1', '-1', '0', '-1']);
    await current.focus();
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.evaluate<string | null>("document.activeElement.getAttribute('data-contact-id')"), sampleIds.task);
    await page.keyboard.press('Enter');
    await panel.waitForPosted({ type: 'openContact', contactId: sampleIds.task });
  });

  it('gives the chain as a list too, with links to the other contacts', async () => {
    const { panel } = suite;
    const page = panel.page;
    await showMaximal(panel);
    const items = page.getByRole('list', { name: 'Linked contacts, in order' }).getByRole('listitem');
    assert.equal(await items.count(), 5);
    assert.match((await items.nth(3).textContent()) ?? '', /^…9b10 \(this contact\) — VOICE · OUTBOUND · .* · queue Escalations · agent jdoe · associated from …2a03 · related to …3b04$/);
    assert.equal(await items.nth(3).getByRole('link').count(), 0);
    const link = items.nth(0).getByRole('link', { name: `Open contact ${sampleIds.transferChain[0]}` });
    await link.focus();
    await page.keyboard.press('Enter');
    await panel.waitForPosted({ type: 'openContact', contactId: sampleIds.transferChain[0] });
  });

  it('says when there are no linked contacts or more than it shows, and draws 200 without stalling', async () => {
    const { panel } = suite;
    const page = panel.page;
    const alone = maximalStory();
    alone.chain = { nodes: [{ contactId: sampleIds.maximal, current: true }], edges: [], truncated: false };
    await showMaximal(panel, alone);
    assert.equal(await page.locator('.section-chain .empty-line').textContent(), 'No linked contacts.');
    assert.equal(await page.locator('svg.chain-svg').count(), 0);

    const many = maximalStory();
    const ids = Array.from({ length: 200 }, (_, i) => `c0ffee00-0000-4000-8000-${String(i).padStart(12, '0')}`);
    many.chain = {
      nodes: ids.map((id, i) => ({ contactId: id, channel: 'CHAT', initiationMethod: 'TRANSFER', initiatedAt: new Date(Date.UTC(2026, 10, 20, 10, i)).toISOString(), current: i === 100 })),
      edges: ids.slice(1).map((id, i) => ({ from: ids[i], to: id, relation: 'transfer' as const })),
      truncated: true,
    };
    const started = Date.now();
    await panel.send(storyMessage(many));
    const took = Date.now() - started;
    assert.equal(await page.locator('svg .chain-node').count(), 200);
    assert.equal(await page.locator('.chain-list li').count(), 200);
    assert.equal(await page.locator('.chain-truncated').textContent(), 'More linked contacts than shown.');
    assert.ok(took < 3000, `200 contacts drawn in ${took} ms`);
  });

  it('shows evaluations and references; only http(s) links open, through the host', async () => {
    const { panel } = suite;
    const page = panel.page;
    await showMaximal(panel);
    const evaluations = await mapAll(page, '.evaluations-table tbody tr', `(e) => [...e.children].map((c) => c.textContent)`);
    assert.deepEqual(evaluations, [
      ['Renewals QA', 'SUBMITTED', '87.5%', formatTimestamp('2026-11-20T12:00:00.000Z', 'utc'), 'Open in console'],
      ['Compliance', 'SUBMITTED', 'Automatic fail (0%)', '—', ''],
      ['Courtesy', 'DRAFT', 'N/A', '—', ''],
    ]);
    const evalLinks = page.locator('.evaluations-table [role=link]');
    assert.equal(await evalLinks.count(), 1, 'the javascript: console URL is not a link');
    await evalLinks.click();
    await panel.waitForPosted({ type: 'openExternal', url: evaluationUrl });

    const refs = page.locator('.references-list li');
    assert.equal(await refs.count(), 5);
    const refLinks = page.locator('.references-list [role=link]');
    assert.deepEqual(await refLinks.allTextContents(), ['Order page'], 'only the https reference is a link');
    assert.match((await refs.nth(1).textContent()) ?? '', /Script link: javascript:alert\(1\)/);
    assert.match((await refs.nth(2).textContent()) ?? '', /Local file: file:\/\/\/etc\/passwd/);
    assert.match((await refs.nth(3).textContent()) ?? '', /contract\.pdf.*APPROVED/);
    assert.match((await refs.nth(4).textContent()) ?? '', /Customer tier: platinum/);
    await refLinks.click();
    await panel.waitForPosted({ type: 'openExternal', url: referenceUrl });
    for (const el of await page.locator('.references-list li').elementHandles()) {
      await el.click();
    }
    const opened = (await panel.posted()).filter((m) => m.type === 'openExternal');
    assert.ok(opened.every((m) => m.type === 'openExternal' && /^https:/.test(m.url)), `only https opened: ${JSON.stringify(opened)}`);
    assert.equal(await page.locator('#app a, #app [href]').count(), 0, 'nothing can navigate the panel');

    await page.locator('vscode-button.console-button').click();
    await panel.waitForPosted({ type: 'openExternal', url: consoleUrl });
  });

  it('lists the recordings, with Copy S3 URI for an S3 location', async () => {
    const { panel } = suite;
    const page = panel.page;
    await showMaximal(panel);
    const rows = page.locator('.recordings-table tbody tr');
    assert.equal(await rows.count(), 2);
    assert.match((await rows.nth(0).textContent()) ?? '', /DELETED \(Retention policy: recordings older than 90 days\)AUDIO · AGENTS3acme-connect-recordings\//);
    assert.equal(await rows.nth(1).locator('.copy-button').count(), 0, 'a Kinesis stream is not an S3 path');
    await rows.nth(0).locator('.copy-button').click();
    const recording = (sampleDocument(sampleIds.maximal).Contact.Recordings as { Location: string }[])[0];
    await panel.waitForPosted({ type: 'copyText', text: `s3://${recording.Location}`, what: 'S3 URI' });
  });

  it('shows each missing part once, where it belongs, with the IAM action', async () => {
    const { panel } = suite;
    const page = panel.page;
    await showMaximal(panel, storyWithMissing());
    const notes = await texts(panel, '.missing-note .missing-what');
    assert.deepEqual(notes.sort(), [
      'Agent name: needs connect:DescribeUser',
      'Attributes: needs connect:GetContactAttributes',
      'Evaluations: needs connect:ListContactEvaluations',
      'Hierarchy group names: needs connect:DescribeUserHierarchyGroup',
      'Linked contacts: needs connect:ListAssociatedContacts',
      'References: throttled (connect:ListContactReferences)',
    ]);
    assert.equal(await page.locator('.section-names .missing-what', { hasText: 'Agent name' }).count(), 1);
    assert.equal(await page.locator('.section-attributes .missing-what').textContent(), 'Attributes: needs connect:GetContactAttributes');
    assert.equal(await page.locator('.section-chain .missing-what').textContent(), 'Linked contacts: needs connect:ListAssociatedContacts');
    assert.match((await page.locator('.section-names .missing-message').first().textContent()) ?? '', /IAM policy/);
    // The agent's ID alone (no "…": it will not come), the queue by name.
    assert.equal(await page.locator('.name-user .name-pending').count(), 0);
    assert.equal(await page.locator('.name-user .resolved').count(), 0);
    assert.equal(await page.locator('.name-user .id-button').textContent(), maximalIds.agent);
    assert.equal(await page.locator('.name-queue .resolved').textContent(), 'Escalations');
    assert.equal(await page.locator('.loading-line').count(), 0, 'nothing is left loading');
    assert.equal(await page.locator('[role=alertdialog], [role=dialog], .banner-error:visible').count(), 0, 'no modal, no banner');
  });

  it('ignores a story for another contact; a new contact clears the story', async () => {
    const { panel } = suite;
    const page = panel.page;
    await showMaximal(panel, null);
    await panel.send(storyMessage(maximalStory(), sampleIds.voice));
    assert.equal(await page.locator('.name-queue .name-pending').count(), 1, 'still waiting for this contact’s story');
    assert.equal(await page.locator('.section-attributes .loading-line').count(), 1);
    await panel.send(storyMessage(maximalStory()));
    assert.equal(await page.locator('.name-queue .resolved').textContent(), 'Escalations');

    await panel.send(contactMessage(sampleIds.voice, { timeZone: 'utc' }));
    assert.equal(await page.locator('.name-queue .resolved').count(), 0, 'the old story is gone');
    assert.equal(await page.locator('.section-attributes .loading-line').count(), 1);
    assert.equal(await page.locator('svg .chain-node').count(), 0);
  });

  it('fills in parts without moving what the person reads or taking the keyboard away', async () => {
    const { panel } = suite;
    const page = panel.page;
    const parts = maximalStoryInParts();
    await panel.page.setViewportSize({ width: 1000, height: 700 });
    await showMaximal(panel, parts[1]);
    // Scroll the copy button of an attribute to the middle of the view and focus it.
    const copy = page.locator('.group-story tr', { has: page.locator('.attribute-key', { hasText: /^zeta$/ }) }).locator('.copy-button');
    await page.evaluate(`document.querySelector('[data-focus-key="copy:story:zeta"]').scrollIntoView({ block: 'center' })`);
    await copy.focus();
    const measure = () =>
      page.evaluate<{ scrollTop: number; top: number; key: string | null }>(`(() => {
        const active = document.activeElement;
        const scroller = document.querySelector('.overview-scroll');
        return { scrollTop: scroller.scrollTop, top: Math.round(active.getBoundingClientRect().top), key: active.getAttribute('data-focus-key') };
      })()`);
    const before = await measure();
    assert.ok(before.scrollTop > 0, 'scrolled down');
    assert.equal(before.key, 'copy:story:zeta');
    // The chain and references arrive below what is being read: nothing moves.
    await panel.send(storyMessage(parts[2]));
    assert.deepEqual(await measure(), before);
    // The evaluations arrive, and the attributes are sent again: the same button keeps the keyboard, in place.
    await panel.send(storyMessage(parts[3]));
    assert.deepEqual(await measure(), before);

    // Content above what is read grows (the names of a story that now knows them): it stays put on screen.
    await panel.send(storyMessage({ ...parts[3], names: {} }));
    const anchored = await measure();
    await panel.send(storyMessage(parts[3]));
    const after = await measure();
    assert.equal(after.key, anchored.key);
    assert.equal(after.top, anchored.top, 'the focused control did not move on screen');
    assert.ok(after.scrollTop > anchored.scrollTop, `the names above grew and the view followed them (${anchored.scrollTop} → ${after.scrollTop})`);
  });

  it('jumps from an attention badge to its field in Fields', async () => {
    const { panel } = suite;
    const page = panel.page;
    await showMaximal(panel);
    const badges = page.locator('.attention-badge');
    assert.ok((await badges.count()) >= 2, 'the maximal contact has badges');
    const issue = page.locator('.attention-badge.kind-disconnectIssue');
    assert.equal(await issue.textContent(), 'Agent connectivity issue');
    assert.equal(await issue.locator('.codicon-warning').count(), 1);
    await issue.click();
    assert.equal(await page.locator(fieldsTab).getAttribute('aria-selected'), 'true');
    assert.equal(await panel.focusedKey(), 'PotentialDisconnectIssue');
    const row = (await panel.rows()).find((r) => r.focused);
    assert.deepEqual(row?.path, ['Contact', 'DisconnectDetails', 'PotentialDisconnectIssue']);
    const inView = await page.evaluate<boolean>(`(() => {
      const view = document.querySelector('.tree-scroll').getBoundingClientRect();
      const box = document.activeElement.getBoundingClientRect();
      return box.top >= view.top && box.bottom <= view.bottom;
    })()`);
    assert.equal(inView, true);
    await panel.waitForPosted({ type: 'selection', path: ['Contact', 'DisconnectDetails', 'PotentialDisconnectIssue'] });

    // A filter that hides the field is cleared to show it.
    await page.locator('vscode-text-field.filter input').fill('Channel');
    await page.locator(overviewTab).click();
    await page.locator('.attention-badge.kind-recordingUnavailable').first().click();
    assert.equal(await page.locator('.match-count').textContent(), '');
    assert.deepEqual((await panel.rows()).find((r) => r.focused)?.path, ['Contact', 'Recordings', 0, 'Status']);
  });
});

describe('contact panel webview: names in the Fields tree', function () {
  this.timeout(30000);
  const suite = panelSuite();

  it('shows the name beside a known ID or ARN, in place when the story arrives', async () => {
    const { panel } = suite;
    const page = panel.page;
    await panel.send(contactMessage(sampleIds.maximal, { timeZone: 'utc' }));
    await page.locator('vscode-button.expand-all').click();
    await page.locator('[role=treeitem]', { has: page.locator('.key', { hasText: /^Id$/ }) }).nth(1).focus();
    // Mark the rows in the DOM: the story must not redraw them.
    await page.evaluate(`document.querySelectorAll('[role=treeitem]').forEach((r) => { r._mark = 1; })`);
    const treeTop = () => page.evaluate<number>(`document.querySelector('.tree-scroll').scrollTop`);
    const top = await treeTop();
    const focusedBefore = await panel.focusedKey();
    assert.equal(await page.locator('.resolved-name').count(), 0);

    await panel.send(storyMessage(maximalStory()));
    const named = await mapAll<[string, string, string, number | undefined]>(
      page,
      '[role=treeitem]',
      `(e) => [JSON.parse(e.dataset.vscodeContext).path.join('.'), ${textIn('.resolved-name')}, e.getAttribute('aria-label'), e._mark]`,
    ).then((rows) => rows.filter(([, name]) => name !== null));
    const byPath = new Map(named.map(([path, text, label, mark]) => [path, { text, label, mark }]));
    assert.deepEqual(byPath.get('Contact.QueueInfo.Id'), { text: '· Escalations', label: `Id, ${maximalIds.queue}, Escalations`, mark: 1 });
    assert.equal(byPath.get('Contact.AgentInfo.Id')?.text, '· jdoe (Jane Doe)');
    assert.equal(byPath.get('Contact.AgentInfo.HierarchyGroups.Level1.Arn')?.text, '· Support', 'an ARN ending in a known ID');
    assert.equal(byPath.get('Contact.AgentInfo.HierarchyGroups.Level5.Arn')?.text, '· Team Harriet');
    assert.ok(named.every(([, , , mark]) => mark === 1), 'rows updated in place, not redrawn');
    assert.equal(await treeTop(), top);
    assert.equal(await panel.focusedKey(), focusedBefore, 'focus stays');
    assert.equal((await panel.row('Channel')).value, 'VOICE');
    assert.equal(await page.locator('[role=treeitem] .value', { hasText: maximalIds.queue }).first().textContent(), maximalIds.queue, 'the value itself is unchanged');
  });
});

describe('contact panel webview: names in the header', function () {
  this.timeout(30000);
  const suite = panelSuite();

  it('names the queue and agent in the header when the story brings them, with the ID on hover', async () => {
    const { panel } = suite;
    const page = panel.page;
    await panel.send(contactMessage(sampleIds.maximal, { timeZone: 'utc' }));
    const fact = (label: string) => page.locator('.header-facts .fact', { has: page.locator('dt', { hasText: label }) }).locator('dd');
    assert.equal(await fact('Queue').textContent(), maximalIds.queue, 'the ID until the name is known');
    await panel.send(storyMessage(maximalStory()));
    await fact('Queue').filter({ hasText: 'Escalations' }).waitFor();
    assert.equal(await fact('Queue').getAttribute('title'), maximalIds.queue);
    assert.equal(await fact('Agent').textContent(), 'jdoe');
    assert.equal(await fact('Agent').getAttribute('title'), maximalIds.agent);
    // The same contact again (a refresh) keeps the names; they stay until a story says otherwise.
    await panel.send(contactMessage(sampleIds.maximal, { timeZone: 'utc' }));
    await fact('Queue').filter({ hasText: 'Escalations' }).waitFor();
  });

  it('keeps the names in the header across a time-zone switch, from the toolbar and from the host', async () => {
    const { panel } = suite;
    const page = panel.page;
    await panel.send(contactMessage(sampleIds.maximal, { timeZone: 'utc' }));
    await panel.send(storyMessage(maximalStory()));
    const facts = () => page.locator('.header-facts .fact dd').allTextContents();
    const named = await facts();
    assert.deepEqual(named.slice(0, 2), ['Escalations', 'jdoe']);
    await page.locator('vscode-button.tz-toggle').click();
    await panel.waitForPosted({ type: 'setTimeZone', timeZone: 'local' });
    assert.deepEqual(await facts(), named);
    await panel.send({ type: 'timeZone', timeZone: 'utc' });
    assert.deepEqual(await facts(), named);
  });
});

describe('contact panel webview: hostile story text', function () {
  this.timeout(30000);
  const suite = panelSuite();
  const img = '<img src=x onerror="window.__pwned=1">';
  const rtl = '\u202egnp.exe\u202c';

  it('puts hostile names, attribute keys and values, references and chain text on screen as text', async () => {
    const { panel } = suite;
    const page = panel.page;
    const story = maximalStory();
    story.names[`queue:${maximalIds.queue}`] = { kind: 'queue', id: maximalIds.queue, name: img, detail: rtl };
    story.names[`user:${maximalIds.agent}`] = { kind: 'user', id: maximalIds.agent, name: rtl, detail: img };
    story.attributes = { [img]: rtl, [rtl]: img, '<script>window.__pwned=2</script>': '{{constructor.constructor("window.__pwned=3")()}}' };
    story.references = [{ name: img, type: 'URL', value: 'javascript:window.__pwned=4' }, { name: rtl, type: 'STRING', value: img }];
    story.evaluations = [{ evaluationId: 'e', formTitle: img, status: rtl }];
    story.missing = [{ part: img, action: rtl, kind: 'AccessDenied', message: img }];
    story.instance = { alias: img };
    await showMaximal(panel, story);
    assert.equal(await page.locator('#app img, #app script, #app iframe, #app [onerror], #app a, #app [href]').count(), 0, 'no element was made from the text');
    assert.equal(await page.locator('.name-queue .resolved').textContent(), img);
    assert.equal(await page.locator('.name-queue .name-detail').textContent(), rtl);
    assert.equal(await page.locator('.name-user .resolved').textContent(), rtl);
    assert.equal(await page.locator('.name-instance .resolved').textContent(), img);
    const keys = await texts(panel, '.group-story .attribute-key');
    assert.deepEqual(keys.sort(), [img, rtl, '<script>window.__pwned=2</script>'].sort());
    const row = page.locator('.group-story tr', { has: page.locator('.attribute-key', { hasText: img }) });
    assert.equal(await row.locator('.attribute-value').textContent(), rtl);
    assert.equal(await page.locator('.evaluations-table .evaluation-form').textContent(), img);
    assert.ok((await texts(panel, '.references-list .reference-name')).includes(img));
    assert.equal(await page.locator('.references-list [role=link]').count(), 0);
    assert.ok((await texts(panel, '.missing-what')).includes(`${img}: needs ${rtl}`));
    // Isolated, so a bidi override cannot reorder the text around it.
    assert.equal(await page.evaluate<string>(`getComputedStyle(document.querySelector('.name-user .resolved')).unicodeBidi`), 'isolate');
    await row.locator('.copy-button').click();
    await panel.waitForPosted({ type: 'copyText', text: rtl, what: `attribute ${img}` });
    // The tree's names too.
    await page.locator(fieldsTab).click();
    await page.locator('vscode-button.expand-all').click();
    const queueRow = page.locator('[role=treeitem]', { has: page.locator('.value', { hasText: maximalIds.queue }) }).first();
    assert.equal(await queueRow.locator('.resolved-name').textContent(), `· ${img}`);
    assert.equal(await page.evaluate('window.__pwned'), undefined);
    assert.equal(await page.locator('#app img').count(), 0);
  });
});
