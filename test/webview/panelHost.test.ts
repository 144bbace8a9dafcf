// The contact panel webview's conversation with the host (src/protocol.ts), in Chromium.
import assert from 'node:assert/strict';
import { formatTimestamp } from '../../src/contact/format';
import type { PanelState } from '../../src/protocol/messages';
import { contactMessage, fieldValues, refFor, sampleDocument, sampleIds } from './fixtures/samples';
import { panelSuite } from './harness';

describe('contact panel webview: host messages and state', function () {
  this.timeout(30000);
  const suite = panelSuite();
  const filterInput = 'vscode-text-field.filter input';

  it('shows the header: channel, initiation, times with duration, queue, agent, disconnect reason', async () => {
    const { panel } = suite;
    await panel.send(contactMessage(sampleIds.voice, { timeZone: 'utc' }));
    const header = panel.page.locator('.contact-header');
    const c = sampleDocument(sampleIds.voice).Contact;
    assert.equal(await header.locator('.channel').textContent(), 'VOICE');
    assert.equal(await header.locator('.initiation').textContent(), 'INBOUND');
    assert.equal(await header.locator('.contact-id').textContent(), sampleIds.voice);
    assert.equal(await header.locator('.initiated').textContent(), formatTimestamp(c.InitiationTimestamp as string, 'utc'));
    assert.equal(await header.locator('.disconnected').textContent(), formatTimestamp(c.DisconnectTimestamp as string, 'utc'));
    assert.equal(await header.locator('.duration').textContent(), '(6m 52s)');
    assert.deepEqual(await header.locator('.fact').allTextContents(), [
      'Queueb0b1b2b3-1111-4ccc-8ddd-000000000b01',
      'Agent0a1b2c3d-1111-4aaa-8bbb-000000000a01',
      'Disconnect reasonTRANSFER',
    ]);
  });

  it('shows a failed refresh in a banner and keeps the tree', async () => {
    const { panel } = suite;
    const page = panel.page;
    await panel.send(contactMessage(sampleIds.voice));
    await page.locator('vscode-button.refresh').click();
    await panel.waitForPosted({ type: 'refresh' });
    await panel.send({ type: 'loading', loading: true });
    assert.equal(await page.locator('vscode-progress-ring.loading').isVisible(), true);
    assert.equal(await page.locator('vscode-button.refresh').getAttribute('disabled'), '');
    const rowsBefore = await panel.rows();
    await panel.send({
      type: 'error',
      error: { kind: 'Throttled', message: 'Rate exceeded', hint: 'Wait a moment and refresh.', requestId: 'req-1234' },
    });
    await panel.send({ type: 'loading', loading: false });
    const banner = page.locator('.banner-error');
    assert.equal(await banner.isVisible(), true);
    assert.equal(await banner.getAttribute('role'), 'alert');
    assert.equal(await banner.locator('.banner-kind').textContent(), 'Throttled');
    assert.equal(await banner.locator('.banner-message').textContent(), 'Rate exceeded');
    assert.equal(await banner.locator('.banner-hint').textContent(), 'Wait a moment and refresh.');
    assert.equal(await banner.locator('.banner-request-id').textContent(), 'Request ID: req-1234');
    assert.deepEqual(await panel.rows(), rowsBefore, 'the tree is untouched');
    assert.equal(await page.locator('vscode-progress-ring.loading').isVisible(), false);
    assert.equal(await page.locator('vscode-button.refresh').getAttribute('disabled'), null);

    // A successful fetch clears the error.
    await panel.send(contactMessage(sampleIds.voice));
    assert.equal(await banner.isVisible(), false);
  });

  it('dismisses the error banner', async () => {
    const { panel } = suite;
    await panel.send({ type: 'error', error: { kind: 'AccessDenied', message: 'Not allowed' } });
    const banner = panel.page.locator('.banner-error');
    assert.equal(await banner.locator('.banner-hint').count(), 0, 'no hint line without a hint');
    await banner.locator('.banner-dismiss').click();
    assert.equal(await banner.isVisible(), false);
  });

  it('switches time zones from the toolbar and from the host, keeping the view', async () => {
    const { panel } = suite;
    const page = panel.page;
    const iso = sampleDocument(sampleIds.voice).Contact.InitiationTimestamp as string;
    await panel.send(contactMessage(sampleIds.voice, { timeZone: 'local' }));
    await panel.click(await panel.row('AgentInfo'));
    const local = await panel.row('InitiationTimestamp');
    assert.match(local.value, / E[SD]T$/, 'local time (the browser runs in America/New_York)');
    assert.equal(await page.locator('vscode-button.tz-toggle').textContent(), 'Local time');

    await page.locator('vscode-button.tz-toggle').click();
    await panel.waitForPosted({ type: 'setTimeZone', timeZone: 'utc' });
    assert.equal((await panel.row('InitiationTimestamp')).value, formatTimestamp(iso, 'utc'));
    assert.equal(await page.locator('vscode-button.tz-toggle').textContent(), 'UTC');
    assert.equal(await page.locator('.contact-header .initiated').textContent(), formatTimestamp(iso, 'utc'));
    assert.equal((await panel.row('AgentInfo')).expanded, 'true', 'open sections stay open');

    await panel.send({ type: 'timeZone', timeZone: 'local' });
    assert.equal((await panel.row('InitiationTimestamp')).value, local.value);
    assert.equal(await page.locator('vscode-button.tz-toggle').textContent(), 'Local time');
  });

  it('asks the host to open the contact as JSON', async () => {
    const { panel } = suite;
    await panel.send(contactMessage(sampleIds.voice));
    await panel.page.locator('vscode-button.open-json').click();
    await panel.waitForPosted({ type: 'openJson' });
  });

  it('tells the host the focused row whenever it changes, so keybindings need no round trip', async () => {
    const { panel } = suite;
    await panel.send(contactMessage(sampleIds.voice));
    await panel.click(await panel.row('QueueInfo'));
    await panel.click(await panel.row('EnqueueTimestamp'));
    await panel.waitForPosted({ type: 'selection', path: ['Contact', 'QueueInfo', 'EnqueueTimestamp'] });
    const selections = (await panel.posted()).filter((m) => m.type === 'selection');
    assert.deepEqual(selections.at(-1), { type: 'selection', path: ['Contact', 'QueueInfo', 'EnqueueTimestamp'] });
    // Another contact in the same panel: the old row is not the selection any more.
    await panel.send(contactMessage(sampleIds.task));
    const last = (await panel.posted()).filter((m) => m.type === 'selection').at(-1);
    assert.notDeepEqual(last, { type: 'selection', path: ['Contact', 'QueueInfo', 'EnqueueTimestamp'] });
  });

  it('saves its reference and view for the serializer: time zone, filter and open sections', async () => {
    const { panel } = suite;
    const page = panel.page;
    const message = contactMessage(sampleIds.voice);
    await panel.send(message);
    await panel.waitForState({ fetchedAt: message.fetchedAt });
    let state = await panel.state();
    assert.ok(state, 'state saved as soon as a contact is shown');
    assert.deepEqual(state, { ref: message.ref, timeZone: 'local', fetchedAt: message.fetchedAt, filter: '', expanded: ['["Contact"]'] });
    await panel.click(await panel.row('AgentInfo'));
    await page.locator(filterInput).fill('Device');
    await panel.waitForState({ filter: 'Device' });
    state = await panel.state();
    assert.ok(state);
    assert.deepEqual(state.expanded, ['["Contact"]', '["Contact","AgentInfo"]']);
  });

  it('saves no field value of the contact: phone numbers, names, addresses and attributes stay off the disk', async () => {
    const { panel } = suite;
    const page = panel.page;
    for (const id of [sampleIds.voice, sampleIds.email, sampleIds.maximal]) {
      const message = contactMessage(id);
      await panel.send(message);
      await page.locator('vscode-button.expand-all').click();
      await page.locator(filterInput).fill('Address');
      await panel.waitForState({ ref: message.ref, filter: 'Address' });
      // The customer's phone number or e-mail address is on screen...
      const customer = (message.contact.Contact.CustomerEndpoint as { Address: string }).Address;
      assert.ok((await panel.rows()).some((r) => r.value === customer), `${id}: ${customer} on screen`);
      // ...and no value of the contact is in what VS Code writes to disk: not among the saved
      // strings, nor among the segments of the open rows' paths.
      const state = (await panel.state()) as PanelState;
      const saved = new Set<string>();
      const collect = (v: unknown): void => {
        if (typeof v === 'string') saved.add(v);
        else if (typeof v === 'object' && v !== null) Object.values(v).forEach(collect);
      };
      collect(state);
      for (const key of state.expanded ?? []) collect(JSON.parse(key));
      const values = fieldValues(message.contact, message.ref);
      assert.ok(values.includes(customer) && values.length > 20, `${id}: ${values.length} values to look for`);
      assert.ok((state.expanded ?? []).length > 5, `${id}: open rows saved`);
      assert.deepEqual(values.filter((v) => saved.has(v)), [], `${id}: saved state ${JSON.stringify(state)}`);
    }
  });

  it('saves no filter typed to find a value: the customer\'s number searched for stays off the disk', async () => {
    const { panel } = suite;
    const page = panel.page;
    const message = contactMessage(sampleIds.voice);
    await panel.send(message);
    const customer = (message.contact.Contact.CustomerEndpoint as { Address: string }).Address;
    await page.locator(filterInput).fill('Address');
    await panel.waitForState({ ref: message.ref, filter: 'Address' });
    await page.locator(filterInput).fill(customer);
    // The filter finds the number on screen, and the state saved after it has no filter.
    await panel.waitForState({ ref: message.ref, filter: '' });
    assert.ok((await panel.rows()).some((r) => r.value === customer), `${customer} on screen`);
    const saved = JSON.stringify(await panel.state());
    assert.ok(!saved.includes(customer), `saved state ${saved}`);
  });

  it('restores the saved view when the host sends the contact again, and shows none until then', async () => {
    const saved: PanelState = {
      ref: refFor(sampleIds.voice),
      fetchedAt: '2026-11-20T12:00:00.000Z',
      timeZone: 'utc',
      filter: 'platform',
      expanded: ['["Contact"]', '["Contact","QueueInfo"]'],
    };
    const restored = await suite.open({ initialState: saved });
    const page = restored.page;
    // Which contact, and the view: the filter box, the time zone. No field of the contact.
    assert.equal(await page.locator('.contact-header .contact-id').textContent(), sampleIds.voice);
    assert.equal(await page.locator('.contact-header .channel').count(), 0);
    assert.deepEqual(await restored.rows(), []);
    assert.equal(await page.locator('vscode-text-field.filter').evaluate((f) => (f as unknown as { value: string }).value), 'platform');
    assert.equal(await page.locator('vscode-button.tz-toggle').textContent(), 'UTC');
    await restored.send({ type: 'loading', loading: true });
    assert.equal(await page.locator('.waiting').textContent(), 'Loading the contact…');
    assert.equal(await page.locator('vscode-progress-ring.loading').isVisible(), true);

    await restored.send(contactMessage(sampleIds.voice, { timeZone: 'utc' }));
    await restored.send({ type: 'loading', loading: false });
    assert.equal(await page.locator('.waiting').count(), 0);
    assert.equal(await page.locator('.contact-header .channel').textContent(), 'VOICE');
    assert.equal(await page.locator('.match-count').textContent(), '2 matches');
    assert.deepEqual(
      (await restored.rows()).map((r) => r.key),
      ['Contact', 'AgentInfo', 'DeviceInfo', 'PlatformName', 'PlatformVersion'],
    );
    await page.locator(filterInput).press('Escape');
    assert.equal((await restored.row('QueueInfo')).expanded, 'true', 'the saved open sections come back');
    // The host resends the same contact (the webview was hidden and shown): the view keeps its place.
    await restored.send(contactMessage(sampleIds.voice, { timeZone: 'utc' }));
    assert.equal((await restored.row('QueueInfo')).expanded, 'true');
  });

  it('restores a state that has no view details to the default view', async () => {
    const restored = await suite.open({ initialState: { ref: refFor(sampleIds.voice) } });
    await restored.send(contactMessage(sampleIds.voice));
    const rows = await restored.rows();
    assert.deepEqual([rows[0].key, rows[0].expanded], ['Contact', 'true']);
    assert.equal(rows.filter((r) => r.level === 2).length, Object.keys(sampleDocument(sampleIds.voice).Contact).length);
  });

  it('shows a restored panel whose fetch fails as the error with Retry, and no contact; Retry fetches again', async () => {
    const restored = await suite.open({ initialState: { ref: refFor(sampleIds.voice), timeZone: 'local' } });
    const page = restored.page;
    await restored.send({ type: 'loading', loading: true });
    await restored.send({ type: 'error', error: { kind: 'ServiceError', message: 'The service failed.', requestId: 'req-9' } });
    await restored.send({ type: 'loading', loading: false });
    const banner = page.locator('.banner-error');
    assert.equal(await banner.isVisible(), true);
    assert.equal(await banner.locator('.banner-kind').textContent(), 'ServiceError');
    assert.equal(await banner.locator('.banner-message').textContent(), 'The service failed.');
    assert.equal(await page.locator('.waiting').textContent(), 'The contact could not be loaded.');
    assert.deepEqual(await restored.rows(), []);

    const retry = banner.locator('vscode-button.banner-retry');
    assert.equal(await retry.textContent(), 'Retry');
    await retry.click();
    await restored.waitForPosted({ type: 'refresh' });
    await restored.send({ type: 'loading', loading: true });
    assert.equal(await retry.getAttribute('disabled'), '', 'Retry waits for the fetch it started');
    await restored.send(contactMessage(sampleIds.voice));
    await restored.send({ type: 'loading', loading: false });
    assert.equal(await banner.isVisible(), false, 'a fetch that succeeds clears the error');
    assert.equal((await restored.row('Channel')).value, 'VOICE');
  });

  it('shows nothing of a contact that an older version saved in its state, and saves the state without it', async () => {
    const doc = sampleDocument(sampleIds.voice);
    const oldFormat = { ref: refFor(sampleIds.voice), contact: doc, fetchedAt: '2026-11-20T12:00:00.000Z', timeZone: 'utc' };
    const restored = await suite.open({ initialState: oldFormat as PanelState });
    const page = restored.page;
    await restored.waitForState({ ref: refFor(sampleIds.voice) });
    await page.waitForFunction(() => (globalThis as unknown as { __vscodeStub: { stateSaves: number } }).__vscodeStub.stateSaves > 0);
    const state = (await restored.state()) as PanelState & { contact?: unknown };
    assert.equal(state.contact, undefined, 'the old contact is gone from the saved state');
    assert.deepEqual(await restored.rows(), []);
    const text = (await page.locator('#app').textContent()) ?? '';
    const shown = fieldValues(doc, refFor(sampleIds.voice)).filter((v) => text.includes(v));
    assert.deepEqual(shown, [], 'no field value of the stale contact is on screen');
  });

  it('starts afresh for a different contact', async () => {
    const { panel } = suite;
    await panel.send(contactMessage(sampleIds.voice));
    await panel.click(await panel.row('AgentInfo'));
    await panel.page.locator(filterInput).fill('Agent');
    await panel.send(contactMessage(sampleIds.task));
    assert.equal(await panel.page.locator('.match-count').textContent(), '');
    const rows = await panel.rows();
    assert.equal(rows.filter((r) => r.level === 2).length, Object.keys(sampleDocument(sampleIds.task).Contact).length);
    assert.equal(await panel.page.locator('.contact-header .contact-id').textContent(), sampleIds.task);
  });

  it('as the preview, offers Keep Open; Keep Open tells the host once and the button goes', async () => {
    const { panel } = suite;
    const keep = panel.page.locator('vscode-button.keep-open');
    await panel.send(contactMessage(sampleIds.voice));
    assert.equal(await keep.isVisible(), false, 'a kept panel has no Keep Open');
    await panel.send({ type: 'preview', preview: true });
    assert.equal(await keep.isVisible(), true);
    assert.equal(await keep.getAttribute('aria-label'), 'Keep Open (the next lookup opens its own panel)');
    await keep.click();
    await panel.waitForPosted({ type: 'keep' });
    assert.equal(await keep.isVisible(), false);
  });

  it('as the preview, is kept once the person filters or opens a section, not when they only look', async () => {
    const { panel } = suite;
    await panel.send(contactMessage(sampleIds.voice));
    await panel.send({ type: 'preview', preview: true });
    await panel.page.locator('.row').first().focus();
    await panel.page.keyboard.press('ArrowDown');
    const keeps = async () => (await panel.posted()).filter((m) => m.type === 'keep').length;
    assert.equal(await keeps(), 0, 'moving the focus does not keep the panel');
    await panel.page.locator(filterInput).fill('Agent');
    await panel.waitForPosted({ type: 'keep' });
    await panel.click(await panel.row('AgentInfo'));
    assert.equal(await keeps(), 1, 'kept once');

    await panel.send(contactMessage(sampleIds.task));
    await panel.send({ type: 'preview', preview: true });
    await panel.click(await panel.row('Contact'));
    await panel.page.keyboard.press('ArrowRight');
    assert.equal(await keeps(), 2, 'opening a section keeps the panel');
  });

  it('says when its data was fetched, and whether it came from the cache or is the offline sample', async () => {
    const { panel } = suite;
    const status = panel.page.locator('.contact-header .header-status');
    const fetchedAt = new Date(Date.now() - 3 * 60_000).toISOString();
    const hhmm = new Date(fetchedAt).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
    await panel.send({ ...contactMessage(sampleIds.voice, { timeZone: 'utc' }), fetchedAt });
    assert.equal(await status.textContent(), `Fetched ${hhmm} UTC`);
    assert.match((await status.getAttribute('title')) ?? '', /^Fetched 3 min ago \(/);
    await panel.send({ ...contactMessage(sampleIds.voice, { timeZone: 'utc' }), fetchedAt, origin: 'cache' });
    assert.equal(await status.textContent(), `Cached · fetched ${hhmm} UTC`);
    await panel.send({ ...contactMessage(sampleIds.voice, { timeZone: 'utc' }), origin: 'sample' });
    assert.equal(await status.textContent(), 'Sample contact, offline: bundled with the extension, not from an AWS account');
  });
});
