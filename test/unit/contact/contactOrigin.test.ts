import * as assert from 'node:assert/strict';
import type { JsonObject } from '../../../src/contact/contactDocument';
import { originLines } from '../../../src/contact/contactOrigin';
import { nameKey, type ResourceName } from '../../../src/contact/story';
import { sample, sampleFiles } from './samples';

const queueName = (id: string, name: string): Record<string, ResourceName> => ({ [nameKey('queue', id)]: { kind: 'queue', id, name } });

const quickConnect = (contactId: string | undefined, name: string | undefined, type: string): JsonObject => {
  const data: JsonObject = { QuickConnectType: type };
  if (contactId !== undefined) data.ContactId = contactId;
  if (name !== undefined) data.QuickConnectName = name;
  return { Type: 'QUICK_CONNECT', NextContactMetadata: { QuickConnectContactData: data } };
};

describe('contact origin lines', () => {
  it('tell how each sample contact started, in a line or more', () => {
    for (const file of sampleFiles()) {
      const lines = originLines(sample(file.contactId).Contact, {});
      assert.ok(lines.length >= 1, file.contactId);
      for (const line of lines) assert.doesNotMatch(line, /undefined|null|\[object/);
    }
  });

  it('read an inbound call transferred on by quick connect', () => {
    assert.deepEqual(originLines(sample('6f1d2c3b-4a59-4e68-9a7b-8c9d0e1f2a01').Contact, {}), [
      'Started by an inbound call',
      'Transferred to Escalations queue (queue quick connect) → contact 6f1d2c3b',
    ]);
  });

  it('name the queue a transfer went into when the name is known', () => {
    const transfer = sample('6f1d2c3b-4a59-4e68-9a7b-8c9d0e1f2a02').Contact;
    assert.deepEqual(originLines(transfer, {}), ['Transferred from contact 6f1d2c3b']);
    assert.deepEqual(originLines(transfer, queueName('b0b1b2b3-3333-4ccc-8ddd-000000000b03', 'Escalations')), ['Transferred from contact 6f1d2c3b into queue Escalations']);
    const queueTransfer = sample('6f1d2c3b-4a59-4e68-9a7b-8c9d0e1f2a03').Contact;
    assert.deepEqual(originLines(queueTransfer, queueName('b0b1b2b3-2222-4ccc-8ddd-000000000b02', 'Billing')), ['Queue transfer from contact 6f1d2c3b into queue Billing']);
    // Another kind's name under the same ID is not the queue's.
    const userNamed = { [nameKey('user', 'b0b1b2b3-2222-4ccc-8ddd-000000000b02')]: { kind: 'user', id: 'x', name: 'jdoe' } as ResourceName };
    assert.deepEqual(originLines(queueTransfer, userNamed), ['Queue transfer from contact 6f1d2c3b']);
  });

  it('read a campaign call handed to an agent, without repeating a related contact it already names', () => {
    assert.deepEqual(originLines(sample('d08e9dac-b1ca-4fdf-8bec-5d6e7f8a9b10').Contact, {}), [
      'Started by an outbound call',
      'Transferred to Renewals desk (agent quick connect) → contact 7a2e3d4c',
    ]);
    assert.deepEqual(originLines(sample('7a2e3d4c-5b6a-4f79-8b8c-9d0e1f2a3b04').Contact, {}), ['Task started through the API', 'Related to contact 6f1d2c3b']);
  });

  it('read callbacks with and without the contact they call back', () => {
    assert.deepEqual(originLines(sample('ad5b6a7f-8e9d-4cac-9ebf-2a3b4c5d6e07').Contact, {}), ['Started as a callback']);
    assert.deepEqual(originLines({ Id: 'x', InitiationMethod: 'CALLBACK', Channel: 'VOICE', PreviousContactId: 'c3c3c3c3-0000-4000-8000-000000000000' }, {}), ['Callback of contact c3c3c3c3']);
  });

  it('have a line for every initiation method', () => {
    const line = (method: string, fields: JsonObject = {}): string[] => originLines({ Id: 'self', Channel: 'CHAT', InitiationMethod: method, ...fields }, {});
    const from = { PreviousContactId: 'prev0001-aaaa' };
    assert.deepEqual(line('INBOUND'), ['Started by an inbound chat']);
    assert.deepEqual(line('OUTBOUND', { Channel: 'EMAIL' }), ['Started by an outbound email']);
    assert.deepEqual(line('TRANSFER'), ['Started by a transfer']);
    assert.deepEqual(line('QUEUE_TRANSFER'), ['Started by a queue transfer']);
    assert.deepEqual(line('API', { Channel: 'TASK' }), ['Task started through the API']);
    assert.deepEqual(line('API', { Channel: undefined as unknown as string }), ['Contact started through the API']);
    assert.deepEqual(line('WEBRTC_API', { Channel: 'VOICE' }), ['Started by an in-app or web call']);
    assert.deepEqual(line('DISCONNECT', from), ['Created by the disconnect flow of contact prev0001']);
    assert.deepEqual(line('DISCONNECT'), ['Created by a disconnect flow']);
    assert.deepEqual(line('MONITOR', from), ['Supervisor monitoring contact prev0001']);
    assert.deepEqual(line('EXTERNAL_OUTBOUND', from), ['Call to an external party from contact prev0001']);
    assert.deepEqual(line('AGENT_REPLY', { Channel: 'EMAIL', ...from }), ['Agent reply to contact prev0001']);
    assert.deepEqual(line('FLOW', from), ['Sent by a flow of contact prev0001']);
    assert.deepEqual(line('SOMETHING_NEW', from), ['Started by SOMETHING_NEW from contact prev0001']);
    assert.deepEqual(originLines({ PreviousContactId: 'prev0001-aaaa' }, {}), ['Follows contact prev0001']);
    assert.deepEqual(originLines({}, {}), []);
    // Its own ID as previous contact is no link.
    assert.deepEqual(line('TRANSFER', { PreviousContactId: 'self' }), ['Started by a transfer']);
  });

  it('read quick connects of every kind, with or without a name or a contact', () => {
    const lines = originLines(
      {
        InitiationMethod: 'INBOUND',
        Channel: 'VOICE',
        NextContacts: [
          quickConnect('aaaa1111-0000', 'Front desk', 'PHONE_NUMBER'),
          quickConnect('bbbb2222-0000', 'Survey', 'FLOW'),
          quickConnect(undefined, 'Escalations', 'QUEUE'),
          quickConnect('cccc3333-0000', undefined, 'USER'),
          quickConnect('dddd4444-0000', 'Mystery', 'NEW_KIND'),
          { Type: 'SOMETHING_ELSE' },
        ],
      },
      {},
    );
    assert.deepEqual(lines, [
      'Started by an inbound call',
      'Transferred to Front desk (phone number quick connect) → contact aaaa1111',
      'Transferred to Survey (flow quick connect) → contact bbbb2222',
      'Transferred to Escalations (queue quick connect)',
      'Transferred through an agent quick connect → contact cccc3333',
      'Transferred to Mystery (quick connect) → contact dddd4444',
    ]);
  });

  it('summarise a long list of next contacts', () => {
    const next = Array.from({ length: 25 }, (_, i) => quickConnect(`id${i}`, `QC ${i}`, 'QUEUE'));
    const lines = originLines({ NextContacts: next }, {});
    assert.equal(lines.length, 11);
    assert.equal(lines[9], 'Transferred to QC 9 (queue quick connect) → contact id9');
    assert.equal(lines[10], '…and 15 more next contacts');
  });

  it('keep hostile and huge values as plain, single-line, bounded text', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const huge = `${'q'.repeat(32 * 1024)}\u202e`;
    const lines = originLines(
      {
        Id: huge,
        InitiationMethod: 'TRANSFER',
        Channel: hostile,
        PreviousContactId: `${hostile}-tail`,
        RelatedContactId: huge.slice(1),
        QueueInfo: { Id: hostile },
        NextContacts: [quickConnect(huge, `${hostile}\n${huge}`, hostile)],
      },
      queueName(hostile, `${hostile}\u202e${huge}`),
    );
    // An ID without a UUID's first group shortens to its first 8 characters.
    assert.ok(lines[0].startsWith(`Transferred from contact <img src into queue ${hostile}<U+202E>qqq`), lines[0]);
    assert.ok(lines[1].startsWith(`Transferred to ${hostile}⏎qqq`));
    assert.ok(lines[1].endsWith('(quick connect) → contact qqqqqqqq'));
    assert.equal(lines[2], 'Related to contact qqqqqqqq');
    for (const line of lines) {
      assert.ok(line.length < 300, 'bounded');
      assert.doesNotMatch(line, /[\n\r\u202e]/);
      assert.doesNotMatch(line, /&lt;|&gt;/, 'plain text, not escaped HTML');
    }
    const unknownMethod = originLines({ InitiationMethod: `${hostile}${huge}` }, {});
    assert.ok(unknownMethod[0].startsWith(`Started by ${hostile}`));
    assert.ok(unknownMethod[0].length < 100);
  });
});
