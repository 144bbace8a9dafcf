// Tab titles tell open contacts apart: channel, short ID, and where the contact lives when that
// is not the active profile, region or instance.
import * as assert from 'node:assert/strict';
import type { ContactDocument } from '../../../src/contact/contactDocument';
import { contactPanelTitle } from '../../../src/contact/panelTitle';

const ref = { profile: 'work', region: 'us-east-1', instanceId: '11111111-1111-4111-8111-111111111111', contactId: '8b3f4e5d-1111-4222-8333-444455556666' };
const chat: ContactDocument = { Contact: { Id: ref.contactId, Channel: 'CHAT' } };
const active = { profile: 'work', region: 'us-east-1' };

describe('contact panel titles', () => {
  it('channel and short ID in the active profile and region', () => {
    assert.equal(contactPanelTitle(ref, chat, { active }), 'CHAT · 8b3f4e5d');
    assert.equal(contactPanelTitle(ref, chat), 'CHAT · 8b3f4e5d');
  });

  it('before the contact arrives: the short ID, from the reference', () => {
    assert.equal(contactPanelTitle(ref, undefined, { active }), 'Contact · 8b3f4e5d');
  });

  it('the region when it differs from the active one', () => {
    assert.equal(contactPanelTitle({ ...ref, region: 'eu-west-2' }, chat, { active }), 'CHAT · 8b3f4e5d · eu-west-2');
  });

  it('the instance alias, when known, for a contact outside the active region or instance', () => {
    assert.equal(contactPanelTitle({ ...ref, region: 'eu-west-2' }, chat, { active, instanceAlias: 'acme-sales' }), 'CHAT · 8b3f4e5d · acme-sales');
    const lastInstance = { ...active, instanceId: '22222222-2222-4222-8222-222222222222' };
    assert.equal(contactPanelTitle(ref, chat, { active: lastInstance, instanceAlias: 'acme-support' }), 'CHAT · 8b3f4e5d · acme-support');
    assert.equal(contactPanelTitle(ref, chat, { active: lastInstance }), 'CHAT · 8b3f4e5d · instance 11111111');
    // The active instance itself: no alias needed.
    assert.equal(contactPanelTitle(ref, chat, { active: { ...active, instanceId: ref.instanceId }, instanceAlias: 'acme-support' }), 'CHAT · 8b3f4e5d');
  });

  it('the profile too when that differs', () => {
    assert.equal(contactPanelTitle({ ...ref, profile: 'prod' }, chat, { active }), 'CHAT · 8b3f4e5d · prod us-east-1');
    assert.equal(contactPanelTitle({ ...ref, profile: 'prod', region: 'eu-west-2' }, chat, { active }), 'CHAT · 8b3f4e5d · prod eu-west-2');
  });

  it('two contacts with the same channel and short ID in different regions get different titles', () => {
    const a = contactPanelTitle(ref, chat, { active });
    const b = contactPanelTitle({ ...ref, region: 'ap-southeast-2' }, chat, { active });
    assert.notEqual(a, b);
  });

  it('text from contact data cannot break the title', () => {
    const hostile: ContactDocument = { Contact: { Channel: 'CHAT\u202e\n<b>' } };
    const title = contactPanelTitle({ ...ref, region: 'eu-west-2' }, hostile, { active, instanceAlias: 'x\u202ey' });
    assert.ok(!/[\u202e\n]/.test(title), title);
  });
});
