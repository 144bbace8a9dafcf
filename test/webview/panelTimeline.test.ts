// The Timeline view in real Chromium: the picture and the events table a person reads for a
// contact's flow logs (built by the real pipeline from the endpoint's sample logs), filtering,
// selecting from the picture, the Lambda function's lines on demand, the notices that say why
// there are no lines, and log text that stays text.
import assert from 'node:assert/strict';
import type { TimelineState } from '../../src/timeline/timelineState';
import { contactMessage, sampleDocument } from './fixtures/samples';
import { flowLogIds, sampleTimeline, timelineMessage } from './fixtures/timeline';
import { panelSuite, type PanelPage } from './harness';

const timelineTab = '[role=tab]#tab-timeline';
const voice = flowLogIds.lambdaErrorContact;

async function openTimeline(panel: PanelPage, contactId: string): Promise<void> {
  await panel.send(contactMessage(contactId, { timeZone: 'utc' }));
  await panel.page.locator(timelineTab).click();
  await panel.waitForPosted({ type: 'loadTimeline', mode: 'contact' });
}

const count = (panel: PanelPage, selector: string) => panel.page.locator(selector).count();
const text = (panel: PanelPage, selector: string) => panel.page.locator(selector).first().textContent();

describe('contact panel webview: Timeline', function () {
  this.timeout(30000);
  const suite = panelSuite();
  let voiceState: TimelineState;

  before(async () => {
    voiceState = await sampleTimeline(voice);
  });

  it('sits between Overview and Fields, asks the host for the flow logs once, and draws the contact lane before they come', async () => {
    const { panel } = suite;
    await openTimeline(panel, voice);
    assert.deepEqual(await panel.page.locator('[role=tab]').allTextContents(), ['Overview', 'Timeline', 'Fields']);
    // The phases come from DescribeContact alone.
    assert.ok((await count(panel, '.phase-rect')) >= 2, 'phase bars drawn without logs');
    assert.match((await text(panel, '.timeline-summary')) ?? '', /^Voice contact, /);
    // Back and forth between views asks no second time.
    await panel.page.locator('[role=tab]#tab-fields').click();
    await panel.page.locator(timelineTab).click();
    const asks = (await panel.posted()).filter((m) => m.type === 'loadTimeline');
    assert.equal(asks.length, 1);
    await panel.waitForState({ view: 'timeline' });
  });

  it('shows a voice call with a Lambda error: lanes by flow name, error marks, every event as a row', async () => {
    const { panel } = suite;
    await openTimeline(panel, voice);
    await panel.send(timelineMessage(voiceState));
    const lanes = await panel.page.locator('.lane-label').allTextContents();
    assert.equal(lanes[0], 'Contact');
    assert.ok(lanes.includes(flowLogIds.flows.inbound.name), `lanes: ${lanes.join(', ')}`);
    assert.ok((await count(panel, '.mark.error')) >= 1, 'the Lambda error is drawn in the error colour');
    assert.ok((await count(panel, '.mark.lambda-success')) >= 1, 'the retried call that succeeded is drawn');
    // The duplicate delivery is dropped; the table counts what is left.
    assert.equal(voiceState.duplicates, 1);
    assert.equal(await text(panel, '.events-count'), `${voiceState.rows.length} events`);
    assert.match((await text(panel, '.timeline-summary')) ?? '', /2 Lambda calls, 1 failed\./);
    assert.match((await text(panel, '.timeline-source')) ?? '', /\/aws\/connect\/acme-support · 1 page/);
    assert.deepEqual(await panel.page.locator('.events-head .events-cell').allTextContents(), ['Time', 'T+', 'Flow', 'Block', 'Identifier', 'Parameters', 'Results', '']);
  });

  it('filters by text, flow, block type and errors only, saying how many of how many', async () => {
    const { panel } = suite;
    await openTimeline(panel, voice);
    await panel.send(timelineMessage(voiceState));
    const total = voiceState.rows.length;
    const lambdaRows = voiceState.rows.filter((r) => r.blockLabel === 'Invoke AWS Lambda function').length;
    await panel.page.locator('.events-kind').selectOption('Invoke AWS Lambda function');
    assert.equal(await text(panel, '.events-count'), `${lambdaRows} of ${total} events`);
    await panel.page.locator('.events-kind').selectOption('');
    await panel.page.locator('.events-errors input').check();
    const errors = voiceState.rows.filter((r) => r.isError).length;
    assert.ok(errors >= 2, 'the sample has an input timeout and a Lambda error');
    assert.equal(await text(panel, '.events-count'), `${errors} of ${total} events`);
    assert.equal(await count(panel, '.events-body .events-row'), errors);
    assert.equal(await count(panel, '.events-body .events-row.error'), errors);
    await panel.page.locator('.events-errors input').uncheck();
    await panel.page.locator('.events-filter').fill('acme-customer-lookup');
    const matching = voiceState.rows.filter((r) => (r.parametersJson ?? '').includes('acme-customer-lookup')).length;
    assert.ok(matching >= 2);
    assert.equal(await text(panel, '.events-count'), `${matching} of ${total} events`);
  });

  it('selects an error from the picture: its row, its details, and the Lambda function\'s own lines on demand', async () => {
    const { panel } = suite;
    await openTimeline(panel, voice);
    await panel.send(timelineMessage(voiceState));
    const failed = voiceState.rows.find((r) => r.kind === 'lambda' && r.isError);
    assert.ok(failed, 'the sample has a failed Lambda call');
    // Marks a pixel apart overlap at this zoom: the event goes to the error mark itself.
    await panel.page.locator(`.mark[data-event-id="${failed.id}"]`).dispatchEvent('click');
    assert.equal(await panel.page.locator('.events-row.selected').getAttribute('data-event-id'), failed.id);
    const details = (await text(panel, '.event-details')) ?? '';
    assert.match(details, /Invoke AWS Lambda function — error/);
    assert.ok(details.includes(failed.results ?? '(none)'), 'the result is shown');
    await panel.page.getByRole('button', { name: 'Show the function\'s log lines' }).click();
    await panel.waitForPosted({ type: 'lambdaLogs', eventId: failed.id });
    assert.match((await text(panel, '.lambda-logs')) ?? '', /Reading the function's log lines/);
    await panel.send({
      type: 'lambdaLogs',
      contactId: voice,
      logs: { eventId: failed.id, functionName: 'acme-customer-lookup', logGroup: '/aws/lambda/acme-customer-lookup', lines: [{ timestamp: failed.timestamp, message: 'ERROR Customer record locked <script>alert(1)</script>' }] },
    });
    assert.match((await text(panel, '.lambda-logs-head')) ?? '', /\/aws\/lambda\/acme-customer-lookup: 1 line within 30 s/);
    assert.match((await text(panel, '.lambda-lines')) ?? '', /ERROR Customer record locked <script>alert\(1\)<\/script>/);
    assert.equal(await count(panel, '.lambda-logs script'), 0);
  });

  it('copies a row as JSON, and asks the host for the Insights query, the log group and the export', async () => {
    const { panel } = suite;
    await openTimeline(panel, voice);
    await panel.send(timelineMessage(voiceState));
    await panel.page.locator('.events-body .events-row').first().locator('.row-copy').click();
    const copied = (await panel.posted()).find((m) => m.type === 'copyText');
    assert.ok(copied && copied.type === 'copyText');
    const first = voiceState.rows[0];
    assert.equal((JSON.parse(copied.text) as { Timestamp: string }).Timestamp, first.timestamp);
    assert.match(copied.what, /^flow-log event at T[+-]\d\d:\d\d$/);
    await panel.page.getByRole('button', { name: 'Copy Logs Insights query' }).click();
    await panel.waitForPosted({ type: 'timelineAction', action: 'copyInsightsQuery' });
    await panel.page.getByRole('button', { name: 'Open log group' }).click();
    await panel.waitForPosted({ type: 'timelineAction', action: 'openLogGroup' });
    await panel.page.getByRole('button', { name: 'Export events as JSON' }).click();
    await panel.waitForPosted({ type: 'timelineAction', action: 'exportEvents' });
    const flowRow = voiceState.rows.find((r) => r.flowId !== undefined);
    assert.ok(flowRow?.flowId);
    await panel.page.locator(`.events-row[data-event-id="${flowRow.id}"]`).click();
    await panel.page.getByRole('button', { name: 'Open flow in the Connect console' }).click();
    await panel.waitForPosted({ type: 'openFlow', flowArn: flowRow.flowId });
  });

  it('says what to do when the log group does not exist, and when the window holds no lines', async () => {
    const { panel } = suite;
    const missing = await sampleTimeline(voice, { sources: { instanceAlias: () => Promise.resolve('acme-sales') } });
    await openTimeline(panel, voice);
    await panel.send(timelineMessage(missing));
    assert.match((await text(panel, '.notice-noLogGroup .notice-message')) ?? '', /\/aws\/connect\/acme-sales/);
    assert.match((await text(panel, '.notice-noLogGroup .notice-hint')) ?? '', /Enable flow logs/);
    assert.equal(await text(panel, '.events-count'), '0 events');
    assert.ok((await count(panel, '.phase-rect')) >= 2, 'the contact lane stays');

    const empty = await sampleTimeline(voice, { sources: { instanceAlias: () => Promise.resolve('acme-lab') } });
    await panel.send(timelineMessage(empty));
    assert.match((await text(panel, '.notice-noEvents .notice-hint')) ?? '', /Set logging behavior/);
  });

  it('keeps hostile log text as text', async () => {
    const { panel } = suite;
    const hostile = '<img src=x onerror="window.__pwned=1"><b>bold</b>';
    const contact = sampleDocument(voice).Contact;
    const state = await sampleTimeline(voice, {
      contact,
      sources: {
        filterEvents: (r) => {
          const at = Date.parse(contact.InitiationTimestamp as string) + 1000;
          const events = [
            { eventId: 'h1', timestamp: at, message: JSON.stringify({ ContactId: voice, ContactFlowName: hostile, ContactFlowModuleType: hostile, Identifier: hostile, Timestamp: new Date(at).toISOString(), Parameters: { [hostile]: hostile }, Results: hostile }) },
            { eventId: 'h2', timestamp: at + 10, message: `${voice} ${hostile}` },
          ];
          r.onPage(1, 2);
          return Promise.resolve({ events, pages: 1, truncated: false });
        },
      },
    });
    await openTimeline(panel, voice);
    await panel.send(timelineMessage(state));
    assert.equal(await count(panel, '.timeline img, .timeline b'), 0);
    assert.ok(((await panel.page.locator('.events-body').textContent()) ?? '').includes(hostile));
    await panel.page.locator('.events-body .events-row').first().click();
    assert.ok(((await text(panel, '.event-details')) ?? '').includes(hostile));
    assert.equal(await panel.page.evaluate('window.__pwned'), undefined);
  });

  it('draws the long chat\'s 5,013 events as a few hundred marks and a table of a few dozen rows, and reaches the last', async () => {
    const { panel } = suite;
    const chat = await sampleTimeline(flowLogIds.longChat.contactId);
    assert.equal(chat.rows.length, flowLogIds.longChat.eventCount);
    await openTimeline(panel, flowLogIds.longChat.contactId);
    await panel.send(timelineMessage(chat));
    assert.equal(await text(panel, '.events-count'), '5,013 events');
    const marks = await count(panel, '.mark');
    assert.ok(marks > 10 && marks < 1500, `${marks} marks drawn`);
    assert.ok((await count(panel, '.events-body .events-row')) < 80);
    await panel.page.locator('.events-scroller').focus();
    await panel.page.locator('.events-body .events-row').first().click();
    await panel.page.keyboard.press('End');
    const last = chat.rows[chat.rows.length - 1];
    await panel.page.waitForSelector(`.events-row.selected[data-event-id="${last.id}"]`);
    // Zooming in shows fewer seconds: the ticks change; 0 shows the whole contact again.
    const ticks = await panel.page.locator('.tick-label').allTextContents();
    await panel.page.locator('.timeline-svg').focus();
    for (let i = 0; i < 6; i++) await panel.page.keyboard.press('+');
    assert.notDeepEqual(await panel.page.locator('.tick-label').allTextContents(), ticks);
    await panel.page.keyboard.press('0');
    assert.deepEqual(await panel.page.locator('.tick-label').allTextContents(), ticks);
  });

  it('puts the chain on one axis in whole-chain mode, one lane group per contact', async () => {
    const { panel } = suite;
    const first = sampleDocument(voice).Contact;
    const secondId = '6f1d2c3b-4a59-4e68-9a7b-8c9d0e1f2a02';
    const chain = {
      nodes: [voice, secondId].map((contactId) => ({ contactId, current: contactId === voice })),
      edges: [{ from: voice, to: secondId, relation: 'transfer' as const }],
      truncated: false,
    };
    await openTimeline(panel, voice);
    await panel.send({ type: 'story', contactId: voice, story: { names: {}, missing: [], complete: true, chain } });
    await panel.page.getByRole('button', { name: 'Whole chain' }).click();
    await panel.waitForPosted({ type: 'loadTimeline', mode: 'chain' });
    const state = await sampleTimeline(voice, { mode: 'chain', chain, contact: first });
    await panel.send(timelineMessage(state));
    const groups = await panel.page.locator('.group-label').allTextContents();
    assert.equal(groups.length, 2);
    assert.match(groups[0], /^1 of 2 · VOICE/);
    assert.match(groups[0], /\(this contact\)$/);
    assert.equal(await text(panel, '.events-count'), `${state.rows.length} events`);
    assert.ok(state.rows.some((r) => r.groupContactId === secondId), 'the second contact\'s lines are in the table');
    await panel.page.locator('.group-label').nth(1).click();
    await panel.waitForPosted({ type: 'openContact', contactId: secondId });
  });

  it('saves no flow-log line in the panel state', async () => {
    const { panel } = suite;
    await openTimeline(panel, voice);
    await panel.send(timelineMessage(voiceState));
    await panel.waitForState({ view: 'timeline' });
    const saved = JSON.stringify(await panel.state());
    assert.ok(!saved.includes('acme-customer-lookup') && !saved.includes(flowLogIds.flows.inbound.name), saved);
  });
});


