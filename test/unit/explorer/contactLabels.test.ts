import * as assert from 'node:assert/strict';
import { channelIcon, contactDescription, contactLabel, contactTooltip, factsFromSearch } from '../../../src/explorer/contactLabels';

const ref = { profile: 'dev', region: 'us-east-1', instanceId: '11111111-1111-4111-8111-111111111111', contactId: '6f1d2c3b-4a59-4e68-9a7b-8c9d0e1f2a01' };

describe('contact rows', () => {
  it('label: initiation time without seconds and the short contact ID', () => {
    assert.equal(contactLabel(ref.contactId, { initiationTimestamp: '2026-11-20T09:00:42.000Z' }, 'utc'), '2026-11-20 09:00 UTC · 6f1d2c3b');
    assert.equal(contactLabel(ref.contactId, {}, 'utc'), '6f1d2c3b');
  });

  it('description: queue, agent and disconnect reason; bare IDs shortened', () => {
    assert.equal(contactDescription({ queue: 'BasicQueue', agent: 'a1b2c3d4-0000-4000-8000-000000000000', disconnectReason: 'CUSTOMER_DISCONNECT' }), 'BasicQueue · agent a1b2c3d4 · CUSTOMER_DISCONNECT');
    assert.equal(contactDescription({ initiationMethod: 'INBOUND' }), 'INBOUND');
    assert.equal(contactDescription({ channel: 'VOICE', initiationMethod: 'INBOUND' }), 'VOICE · INBOUND', 'the method only when nothing else is known');
    assert.equal(
      contactDescription({ channel: 'VOICE', queue: 'b0b1b2b3-4444-4ccc-8ddd-000000000b04', agent: 'a1b2c3d4-0000-4000-8000-000000000000' }, { queue: 'Escalations', agent: 'jdoe' }),
      'VOICE · Escalations · jdoe',
      'names replace the IDs once known',
    );
    assert.equal(contactDescription({}), '');
  });

  it('icon by channel', () => {
    assert.deepEqual(['VOICE', 'CHAT', 'TASK', 'EMAIL'].map(channelIcon), ['call-outgoing', 'comment-discussion', 'tasklist', 'mail']);
  });

  it('tooltip: the full IDs and the known facts', () => {
    const tip = contactTooltip(ref, factsFromSearch({ id: ref.contactId, channel: 'CHAT', queueId: 'q-1' }), 'utc', { pinned: true });
    assert.equal(tip.title, 'CHAT contact');
    assert.deepEqual(tip.rows, [
      ['Contact ID', ref.contactId],
      ['Instance ID', ref.instanceId],
      ['Profile', 'dev'],
      ['Region', 'us-east-1'],
      ['Queue', 'q-1'],
      ['Pinned', 'yes'],
    ]);
  });

  it('tooltip text cannot carry control or bidi characters from contact data', () => {
    const tip = contactTooltip(ref, { queue: 'Queue\u202e<script>\u0007' }, 'utc');
    const queue = tip.rows.find(([k]) => k === 'Queue')?.[1] ?? '';
    assert.ok(!queue.includes('\u202e') && !queue.includes('\u0007'), queue);
  });
});
