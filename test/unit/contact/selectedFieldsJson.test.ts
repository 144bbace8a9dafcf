import * as assert from 'node:assert/strict';
import { selectedFieldsJson } from '../../../src/contact/copyText';

describe('Copy as JSON over several selected fields', () => {
  it('keys fields of several contacts by contact ID, so the same path keeps each value', () => {
    const text = selectedFieldsJson([
      { contactId: 'c-1', path: ['Contact', 'Channel'], value: 'VOICE' },
      { contactId: 'c-2', path: ['Contact', 'Channel'], value: 'CHAT' },
      { contactId: 'c-1', path: ['Contact', 'QueueInfo'], value: { Id: 'q' } },
      { contactId: 'c-2', path: ['Contact', 'AgentInfo'], value: undefined },
    ]);
    assert.deepEqual(JSON.parse(text), {
      'c-1': { 'Contact.Channel': 'VOICE', 'Contact.QueueInfo': { Id: 'q' } },
      'c-2': { 'Contact.Channel': 'CHAT', 'Contact.AgentInfo': null },
    });
    assert.equal(text, JSON.stringify(JSON.parse(text), null, 4));
  });

  it('keeps fields of one contact as one object keyed by path', () => {
    const text = selectedFieldsJson([
      { contactId: 'c-1', path: ['Contact', 'Channel'], value: 'VOICE' },
      { contactId: 'c-1', path: ['Contact', 'Tags', 'my-key'], value: 'v1' },
    ]);
    assert.deepEqual(JSON.parse(text), { 'Contact.Channel': 'VOICE', 'Contact.Tags."my-key"': 'v1' });
  });
});
