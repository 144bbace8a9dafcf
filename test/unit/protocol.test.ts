// The trust boundary between the panel's webview and the host: every message from the webview
// and every saved state coming back through it is checked before anything acts on it.
import * as assert from 'node:assert/strict';
import { parseHostMessage, parsePanelState, parseWebviewMessage, rowActions } from '../../src/protocol/messages';

const contactId = '6f1d2c3b-4a59-4e68-9a7b-8c9d0e1f2a01';
const ref = { instanceId: '11111111-1111-4111-8111-111111111111', contactId, region: 'us-east-1', profile: 'local' };

describe('parseWebviewMessage', () => {
  it('accepts every well-formed message, rebuilt with only its own fields', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseWebviewMessage({ type: 'refresh', extra: '<script>' }), { type: 'refresh' });
    assert.deepEqual(parseWebviewMessage({ type: 'openJson', path: ['x'] }), { type: 'openJson' });
    for (const action of rowActions) {
      assert.deepEqual(parseWebviewMessage({ type: 'rowAction', action, path: ['Contact', 'Recordings', 0, 'Location'], x: 1 }), {
        type: 'rowAction',
        action,
        path: ['Contact', 'Recordings', 0, 'Location'],
      });
    }
    assert.deepEqual(parseWebviewMessage({ type: 'rowAction', action: 'copyPath', path: [] }), { type: 'rowAction', action: 'copyPath', path: [] });
    assert.deepEqual(parseWebviewMessage({ type: 'openContact', contactId, extra: 1 }), { type: 'openContact', contactId });
    assert.deepEqual(parseWebviewMessage({ type: 'openContact', contactId: 'a'.repeat(256) }), { type: 'openContact', contactId: 'a'.repeat(256) });
    assert.deepEqual(parseWebviewMessage({ type: 'setTimeZone', timeZone: 'utc' }), { type: 'setTimeZone', timeZone: 'utc' });
    assert.deepEqual(parseWebviewMessage({ type: 'setTimeZone', timeZone: 'local' }), { type: 'setTimeZone', timeZone: 'local' });
    assert.deepEqual(parseWebviewMessage({ type: 'keep', preview: true }), { type: 'keep' });
    assert.deepEqual(parseWebviewMessage({ type: 'selection', path: ['Contact', 'QueueInfo', 'Id'], x: 1 }), { type: 'selection', path: ['Contact', 'QueueInfo', 'Id'] });
    assert.deepEqual(parseWebviewMessage({ type: 'selection', path: null }), { type: 'selection', path: null });
  });

  it('accepts an attribute key of 32,767 characters (AttributeName\'s maximum in the Connect model) in a row action and a selection', () => {
    const path = ['Contact', 'Attributes', 'k'.repeat(32_767)];
    assert.deepEqual(parseWebviewMessage({ type: 'rowAction', action: 'copyValue', path }), { type: 'rowAction', action: 'copyValue', path });
    assert.deepEqual(parseWebviewMessage({ type: 'selection', path }), { type: 'selection', path });
  });

  // Dropping it would leave the field focused before as the selection, and a keybinding would copy that.
  const unusableSelections: [string, unknown][] = [
    ['without a path', { type: 'selection' }],
    ['whose path is text', { type: 'selection', path: 'Contact.Id' }],
    ['with a negative index', { type: 'selection', path: ['Contact', -1] }],
    ['with a 32,768-character segment', { type: 'selection', path: ['Contact', 'Attributes', 'k'.repeat(32_768)] }],
  ];
  for (const [name, raw] of unusableSelections) {
    it(`reads a selection ${name} as no selection`, () => {
      assert.deepEqual(parseWebviewMessage(raw), { type: 'selection', path: null });
    });
  }

  const malformed: [string, unknown][] = [
    ['undefined', undefined],
    ['null', null],
    ['a string', 'ready'],
    ['a number', 42],
    ['a boolean', true],
    ['an array', [{ type: 'ready' }]],
    ['an array with a type', Object.assign([], { type: 'ready' })],
    ['no type', {}],
    ['an unknown type', { type: 'eval', code: 'alert(1)' }],
    ['a type of the wrong case', { type: 'Ready' }],
    ['a non-string type', { type: 1 }],
    ['a host message type', { type: 'contact', ref, contact: { Contact: {} } }],
    // rowAction
    ['rowAction without an action', { type: 'rowAction', path: ['Contact'] }],
    ['rowAction with an unknown action', { type: 'rowAction', action: 'deleteContact', path: ['Contact'] }],
    ['rowAction with a non-string action', { type: 'rowAction', action: 1, path: ['Contact'] }],
    ['rowAction without a path', { type: 'rowAction', action: 'copyValue' }],
    ['rowAction with a string path', { type: 'rowAction', action: 'copyValue', path: 'Contact.Id' }],
    ['rowAction with an object path', { type: 'rowAction', action: 'copyValue', path: { 0: 'Contact', length: 1 } }],
    ['rowAction with a null segment', { type: 'rowAction', action: 'copyValue', path: ['Contact', null] }],
    ['rowAction with an object segment', { type: 'rowAction', action: 'copyValue', path: ['Contact', {}] }],
    ['rowAction with a boolean segment', { type: 'rowAction', action: 'copyValue', path: ['Contact', true] }],
    ['rowAction with a negative index', { type: 'rowAction', action: 'copyValue', path: ['Contact', 'Recordings', -1] }],
    ['rowAction with a fractional index', { type: 'rowAction', action: 'copyValue', path: ['Contact', 'Recordings', 0.5] }],
    ['rowAction with a NaN index', { type: 'rowAction', action: 'copyValue', path: ['Contact', 'Recordings', NaN] }],
    ['rowAction with an infinite index', { type: 'rowAction', action: 'copyValue', path: ['Contact', 'Recordings', Infinity] }],
    ['rowAction with 257 segments', { type: 'rowAction', action: 'copyValue', path: Array(257).fill('a') }],
    ['rowAction with a 32,768-character segment', { type: 'rowAction', action: 'copyValue', path: ['Contact', 'x'.repeat(32_768)] }],
    ['rowAction with a path of more than 65,536 characters', { type: 'rowAction', action: 'copyValue', path: ['Contact', 'x'.repeat(32_767), 'y'.repeat(32_767), 'z'.repeat(3)] }],
    // openContact
    ['openContact without an ID', { type: 'openContact' }],
    ['openContact with a number', { type: 'openContact', contactId: 12345 }],
    ['openContact with an empty ID', { type: 'openContact', contactId: '' }],
    ['openContact with a contact ARN', { type: 'openContact', contactId: `arn:aws:connect:us-east-1:123456789012:instance/${ref.instanceId}/contact/${contactId}` }],
    ['openContact with a URL', { type: 'openContact', contactId: 'https://evil.example/' }],
    ['openContact with a command URI', { type: 'openContact', contactId: 'command:workbench.action.terminal.new' }],
    ['openContact with spaces', { type: 'openContact', contactId: ` ${contactId} ` }],
    ['openContact with an inner space', { type: 'openContact', contactId: '6f1d2c3b 4a59' }],
    ['openContact with a newline', { type: 'openContact', contactId: `${contactId}\n` }],
    ['openContact with a path', { type: 'openContact', contactId: '../../etc/passwd' }],
    ['openContact with markup', { type: 'openContact', contactId: '<img src=x onerror=alert(1)>' }],
    ['openContact with 257 characters', { type: 'openContact', contactId: 'a'.repeat(257) }],
    ['openContact with an array', { type: 'openContact', contactId: [contactId] }],
    // setTimeZone
    ['setTimeZone without a zone', { type: 'setTimeZone' }],
    ['setTimeZone with UTC in capitals', { type: 'setTimeZone', timeZone: 'UTC' }],
    ['setTimeZone with an IANA zone', { type: 'setTimeZone', timeZone: 'America/New_York' }],
    ['setTimeZone with an empty zone', { type: 'setTimeZone', timeZone: '' }],
    ['setTimeZone with a number', { type: 'setTimeZone', timeZone: 0 }],
    ['setTimeZone with a padded zone', { type: 'setTimeZone', timeZone: 'utc ' }],
  ];
  for (const [name, raw] of malformed) {
    it(`drops ${name}`, () => {
      assert.equal(parseWebviewMessage(raw), undefined);
    });
  }
});

describe('parsePanelState', () => {
  it('keeps the reference and the view, and nothing else', () => {
    const saved = {
      ref: { ...ref, secretAccessKey: 'x' },
      timeZone: 'utc',
      fetchedAt: '2026-11-20T12:00:00.000Z',
      filter: 'Device',
      expanded: ['["Contact"]', '["Contact","AgentInfo"]'],
      junk: { a: 1 },
    };
    assert.deepEqual(parsePanelState(saved), {
      ref,
      timeZone: 'utc',
      fetchedAt: '2026-11-20T12:00:00.000Z',
      filter: 'Device',
      expanded: ['["Contact"]', '["Contact","AgentInfo"]'],
    });
  });

  it('leaves out the contact an older version saved', () => {
    const oldFormat = {
      ref,
      contact: { Contact: { Id: contactId, CustomerEndpoint: { Address: '+12065550142' }, Attributes: { card: '4111' } } },
      fetchedAt: '2026-11-20T12:00:00.000Z',
      timeZone: 'local',
    };
    const state = parsePanelState(oldFormat);
    assert.deepEqual(state, { ref, fetchedAt: '2026-11-20T12:00:00.000Z', timeZone: 'local' });
    assert.ok(!JSON.stringify(state).includes('+12065550142'));
  });

  it('accepts a reference alone (the default view)', () => {
    assert.deepEqual(parsePanelState({ ref }), { ref });
  });

  const noState: [string, unknown][] = [
    ['undefined', undefined],
    ['null', null],
    ['a string', JSON.stringify({ ref })],
    ['a number', 1],
    ['an array', [{ ref }]],
    ['no ref', { timeZone: 'utc', contact: { Contact: { Id: contactId } } }],
    ['a null ref', { ref: null }],
    ['a string ref', { ref: `${ref.instanceId}/${contactId}` }],
    ['an array ref', { ref: [ref.instanceId, contactId, ref.region, ref.profile] }],
    ...(['instanceId', 'contactId', 'region', 'profile'] as const).flatMap((k): [string, unknown][] => [
      [`a ref without ${k}`, { ref: { ...ref, [k]: undefined } }],
      [`a ref with a numeric ${k}`, { ref: { ...ref, [k]: 7 } }],
      [`a ref with an empty ${k}`, { ref: { ...ref, [k]: '' } }],
      [`a ref with an object ${k}`, { ref: { ...ref, [k]: { toString: 'x' } } }],
      [`a ref with a 257-character ${k}`, { ref: { ...ref, [k]: 'a'.repeat(257) } }],
    ]),
    ['a contact ARN as the contact ID', { ref: { ...ref, contactId: `arn:aws:connect:us-east-1:123456789012:instance/${ref.instanceId}/contact/${contactId}` } }],
    ['a URL as the instance ID', { ref: { ...ref, instanceId: 'https://evil.example' } }],
    ['a contact ID with spaces', { ref: { ...ref, contactId: ` ${contactId}` } }],
  ];
  for (const [name, raw] of noState) {
    it(`is no state for ${name}`, () => {
      assert.equal(parsePanelState(raw), undefined);
    });
  }

  it('drops malformed view fields and keeps the panel', () => {
    const bad = [
      { timeZone: 'UTC', filter: 1, expanded: '["Contact"]', fetchedAt: 12 },
      { timeZone: null, filter: null, expanded: [1, 2], fetchedAt: 'yesterday' },
      { timeZone: 'Europe/Paris', filter: 'x'.repeat(1025), expanded: [['Contact']], fetchedAt: {} },
      { timeZone: ['utc'], filter: ['Device'], expanded: { 0: '["Contact"]' }, fetchedAt: null },
    ];
    for (const view of bad) assert.deepEqual(parsePanelState({ ref, ...view }), { ref }, JSON.stringify(view));
  });
});

describe('parseHostMessage (the webview\'s check of what reaches it)', () => {
  const contact = { type: 'contact', ref, contact: { Contact: { Id: contactId } }, fetchedAt: '2026-11-20T12:00:00Z', timeZone: 'utc' };

  it('accepts the host\'s messages', () => {
    assert.deepEqual(parseHostMessage(contact), contact);
    assert.deepEqual(parseHostMessage({ ...contact, origin: 'cache' }), { ...contact, origin: 'cache' });
    assert.deepEqual(parseHostMessage({ type: 'loading', loading: true }), { type: 'loading', loading: true });
    assert.deepEqual(parseHostMessage({ type: 'preview', preview: false }), { type: 'preview', preview: false });
    assert.deepEqual(parseHostMessage({ type: 'error', error: { kind: 'NotFound', message: 'm' } }), { type: 'error', error: { kind: 'NotFound', message: 'm' } });
  });

  for (const [name, raw] of [
    ['null', null],
    ['a contact with a markup contact ID', { ...contact, ref: { ...ref, contactId: '<img src=x>' } }],
    ['a contact without Contact', { ...contact, contact: {} }],
    ['an unknown origin', { ...contact, origin: 'disk' }],
    ['a non-boolean preview', { type: 'preview', preview: 'yes' }],
    ['an error without a message', { type: 'error', error: { kind: 'x' } }],
    ['a webview message type', { type: 'ready' }],
  ] as [string, unknown][]) {
    it(`drops ${name}`, () => assert.equal(parseHostMessage(raw), undefined));
  }
});
