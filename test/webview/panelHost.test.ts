// The contact panel webview's conversation with the host (src/protocol.ts), in Chromium.
import assert from 'node:assert/strict';
import { formatTimestamp } from '../../src/contact/format';
import type { PanelState } from '../../src/protocol';
import { contactMessage, refFor, sampleDocument, sampleIds } from './fixtures/samples';
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

  it('runs a host-requested action on the focused row', async () => {
    const { panel } = suite;
    await panel.send(contactMessage(sampleIds.voice));
    await panel.click(await panel.row('QueueInfo'));
    await panel.click(await panel.row('EnqueueTimestamp'));
    await panel.send({ type: 'runOnSelection', action: 'copyPath' });
    await panel.waitForPosted({ type: 'rowAction', action: 'copyPath', path: ['Contact', 'QueueInfo', 'EnqueueTimestamp'] });
  });

  it('saves its state for the serializer: contact, time zone, filter and open sections', async () => {
    const { panel } = suite;
    const page = panel.page;
    const message = contactMessage(sampleIds.voice);
    await panel.send(message);
    await panel.waitForState({ fetchedAt: message.fetchedAt });
    let state = await panel.state();
    assert.ok(state, 'state saved as soon as a contact is shown');
    assert.deepEqual(state.ref, message.ref);
    assert.deepEqual(state.contact, message.contact);
    assert.equal(state.fetchedAt, message.fetchedAt);
    assert.equal(state.timeZone, 'local');
    await panel.click(await panel.row('AgentInfo'));
    await page.locator(filterInput).fill('Device');
    await panel.waitForState({ filter: 'Device' });
    state = (await panel.state()) as PanelState;
    assert.deepEqual(state.expanded, ['["Contact"]', '["Contact","AgentInfo"]']);
  });

  it('restores from saved state without waiting for the host', async () => {
    const saved: PanelState = {
      ref: refFor(sampleIds.voice),
      contact: sampleDocument(sampleIds.voice),
      fetchedAt: '2026-11-20T12:00:00.000Z',
      timeZone: 'utc',
      filter: 'platform',
      expanded: ['["Contact"]', '["Contact","QueueInfo"]'],
    };
    const restored = await suite.open({ initialState: saved });
    // No contact message sent: everything comes from the saved state.
    assert.equal(await restored.page.locator('vscode-text-field.filter').evaluate((f) => (f as unknown as { value: string }).value), 'platform');
    assert.equal(await restored.page.locator('.match-count').textContent(), '2 matches');
    assert.deepEqual(
      (await restored.rows()).map((r) => r.key),
      ['Contact', 'AgentInfo', 'DeviceInfo', 'PlatformName', 'PlatformVersion'],
    );
    await restored.page.locator(`${filterInput}`).press('Escape');
    assert.equal((await restored.row('QueueInfo')).expanded, 'true', 'the saved open sections come back');
    assert.equal(await restored.page.locator('vscode-button.tz-toggle').textContent(), 'UTC');
    // The host then resends the same contact: the view keeps its place.
    await restored.send(contactMessage(sampleIds.voice, { timeZone: 'utc' }));
    assert.equal((await restored.row('QueueInfo')).expanded, 'true');
  });

  it('restores a state that has no view details (as the host writes it) to the default view', async () => {
    const restored = await suite.open({
      initialState: { ref: refFor(sampleIds.voice), contact: sampleDocument(sampleIds.voice), fetchedAt: '2026-11-20T12:00:00.000Z', timeZone: 'local' },
    });
    const rows = await restored.rows();
    assert.deepEqual([rows[0].key, rows[0].expanded], ['Contact', 'true']);
    assert.equal(rows.filter((r) => r.level === 2).length, Object.keys(sampleDocument(sampleIds.voice).Contact).length);
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
});
