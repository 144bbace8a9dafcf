import * as assert from 'node:assert/strict';
import { fromWireJson } from '../../../src/contact/contactDocument';
import { panelTitle, shortId, summarizeContact } from '../../../src/contact/contactSummary';
import { fixture, hostileId, maximalId, sample } from './samples';

describe('contact summary', () => {
  it('summarises a call: channel, method, times, duration, queue, agent, reason', () => {
    const doc = fromWireJson(fixture('small-voice.json'));
    assert.deepEqual(summarizeContact(doc, { timeZone: 'utc' }), {
      contactId: '1a2b3c4d-0000-4000-8000-000000000001',
      channel: 'VOICE',
      initiationMethod: 'INBOUND',
      initiated: '2025-03-04 10:20:30 UTC',
      disconnected: '2025-03-04 11:22:33.500 UTC',
      duration: '1h 02m 04s',
      queue: 'q-1',
      agent: 'agent-7',
      disconnectReason: 'CUSTOMER_DISCONNECT',
    });
  });

  it('gives no duration when the disconnect is before the initiation, never a negative one', () => {
    const s = summarizeContact({ Contact: { Id: 'x', InitiationTimestamp: '2024-01-01T10:00:00Z', DisconnectTimestamp: '2024-01-01T09:59:00Z' } }, { timeZone: 'utc' });
    assert.deepEqual(s, { contactId: 'x', initiated: '2024-01-01 10:00:00 UTC', disconnected: '2024-01-01 09:59:00 UTC' });
    const instant = summarizeContact({ Contact: { InitiationTimestamp: '2024-01-01T10:00:00Z', DisconnectTimestamp: '2024-01-01T10:00:00Z' } }, { timeZone: 'utc' });
    assert.equal(instant.duration, '0s');
  });

  it('prefers a queue name and agent username when the document has them', () => {
    const s = summarizeContact({ Contact: { QueueInfo: { Id: 'q', Name: 'Billing' }, AgentInfo: { Id: 'a', Username: 'jdoe' } } }, { timeZone: 'utc' });
    assert.equal(s.queue, 'Billing');
    assert.equal(s.agent, 'jdoe');
  });

  it('leaves out what the contact does not have', () => {
    assert.deepEqual(summarizeContact({ Contact: { Channel: 'TASK' } }, { timeZone: 'utc' }), { channel: 'TASK' });
    assert.deepEqual(Object.keys(summarizeContact(sample(maximalId), { timeZone: 'utc' })).length, 9);
  });

  it('sanitises hostile values for display', () => {
    const s = summarizeContact(sample(hostileId), { timeZone: 'utc' });
    for (const v of Object.values(s)) assert.doesNotMatch(v as string, /[\u0000-\u001f\u202a-\u202e]/); // eslint-disable-line no-control-regex
  });

  it('titles panels with channel and short ID', () => {
    assert.equal(panelTitle(fromWireJson(fixture('small-voice.json'))), 'VOICE · 1a2b3c4d');
    assert.equal(panelTitle({ Contact: { Id: 'abc' } }), 'Contact · abc');
    assert.equal(panelTitle({ Contact: {} }), 'Contact');
    assert.equal(shortId('6f1d2c3b-4a59-4e68-9a7b-8c9d0e1f2a01'), '6f1d2c3b');
    assert.equal(shortId('nodashesatalllong'), 'nodashes');
  });
});
