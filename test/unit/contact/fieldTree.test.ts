import * as assert from 'node:assert/strict';
import { fromWireJson, type ContactDocument } from '../../../src/contact/contactDocument';
import type { FieldNode } from '../../../src/contact/fieldNode';
import { buildFieldTree, fieldChildren, fieldNodeAt, fieldTooltip } from '../../../src/contact/fieldTree';
import { toJmesPath } from '../../../src/contact/paths';
import { allNodes } from './fieldNodes';
import { deepValueMap, fixture, leaves, maximalId, sample, sampleFiles } from './samples';

function byPath(root: FieldNode): Map<string, FieldNode> {
  return new Map(allNodes(root).map((n) => [toJmesPath(n.path), n]));
}

const utc = { timeZone: 'utc' as const };
// eslint-disable-next-line no-control-regex
const controls = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('field tree', () => {
  it('draws links only to other contacts: not ContactAssociationId, not the contact itself', () => {
    const id = '6f1d2c3b-4a59-4e68-9a7b-8c9d0e1f2a01';
    const other = '9c4a5f6e-7d8c-4b9b-8dae-1f2a3b4c5d06';
    const doc: ContactDocument = { Contact: { Id: id, InitialContactId: id, PreviousContactId: other, ContactAssociationId: other, RelatedContactId: other } };
    const nodes = byPath(buildFieldTree(doc, utc));
    assert.equal(nodes.get('Contact.InitialContactId')?.kind, 'string', 'a link to the contact itself');
    assert.equal(nodes.get('Contact.ContactAssociationId')?.kind, 'string', 'an association ID is no contact');
    assert.equal(nodes.get('Contact.PreviousContactId')?.kind, 'contactId');
    assert.equal(nodes.get('Contact.RelatedContactId')?.kind, 'contactId');
    assert.equal(fieldNodeAt(doc, ['Contact', 'InitialContactId'], utc)?.kind, 'string');
    assert.equal(fieldChildren({ path: ['Contact'], value: doc.Contact }, { ...utc, selfId: id }).find((n) => n.key === 'InitialContactId')?.kind, 'string');
  });

  it('has every leaf of every sample contact with its path, raw value and a formatted display', () => {
    for (const s of sampleFiles()) {
      const doc = fromWireJson(s.body);
      const nodes = byPath(buildFieldTree(doc, utc));
      const docLeaves = leaves(doc);
      for (const leaf of docLeaves) {
        const node = nodes.get(toJmesPath(leaf.path));
        assert.ok(node, `${s.contactId}: no node for ${toJmesPath(leaf.path)}`);
        assert.deepEqual(node.path, leaf.path);
        assert.equal(node.value, leaf.value);
        assert.doesNotMatch(node.display, controls, `${toJmesPath(leaf.path)} display`);
        switch (node.kind) {
          case 'timestamp':
            assert.match(node.display, /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{3})? UTC$/);
            assert.equal(Date.parse(node.display.replace(' ', 'T').replace(' UTC', 'Z')), Date.parse(leaf.value as string));
            break;
          case 'duration':
            assert.match(node.display, /^-?(\d+d )?(\d+h )?(\d+m )?\d+(\.\d{3})?s$|^-?\d+ ms$/);
            break;
          case 'number':
          case 'boolean':
            assert.equal(node.display, String(leaf.value));
            break;
          case 'list':
          case 'map':
          case 'structure':
            assert.equal(node.display, 'empty');
            break;
          default:
            assert.ok(node.display.length > 0);
        }
      }
      const leafNodes = [...nodes.values()].filter((n) => !n.children?.length);
      assert.equal(leafNodes.length, docLeaves.length, s.contactId);
    }
  });

  it('types the maximal contact’s fields from the model', () => {
    const nodes = byPath(buildFieldTree(sample(maximalId), utc));
    const kindOf = (p: string) => nodes.get(p)?.kind;
    assert.equal(kindOf('Contact'), 'structure');
    assert.equal(kindOf('Contact.Attributes'), 'map');
    assert.equal(kindOf('Contact.SegmentAttributes'), 'map');
    assert.equal(kindOf('Contact.Recordings'), 'list');
    assert.equal(kindOf('Contact.Channel'), 'enum');
    assert.equal(kindOf('Contact.Arn'), 'arn');
    assert.equal(kindOf('Contact.Id'), 'string');
    for (const p of ['InitialContactId', 'PreviousContactId', 'RelatedContactId']) assert.equal(kindOf(`Contact.${p}`), 'contactId', p);
    assert.equal(kindOf('Contact.ContactAssociationId'), 'string', 'an association, not a contact');
    assert.equal(kindOf('Contact.NextContacts[0].NextContactMetadata.QuickConnectContactData.ContactId'), 'contactId');
    assert.equal(kindOf('Contact.AgentInfo.AfterContactWorkDuration'), 'duration');
    assert.equal(kindOf('Contact.QueueTimeAdjustmentSeconds'), 'duration');
    assert.equal(kindOf('Contact.QueuePriority'), 'number');
    assert.equal(kindOf('Contact.InitiationTimestamp'), 'timestamp');
    assert.equal(nodes.get('Contact.AgentInfo.AfterContactWorkDuration')?.display, '1m 15s');
    assert.equal(nodes.get('Contact.QueueTimeAdjustmentSeconds')?.display, '-30s');
    assert.equal(nodes.get('Contact.ChatMetrics.ChatContactMetrics.AgentFirstResponseTimeInMillis')?.display, '6.375s');
    assert.equal(nodes.get('Contact.InitiationTimestamp')?.display, '2026-11-20 07:18:36 UTC');
    assert.equal(nodes.get('Contact.Arn')?.display, 'arn:…:instance/11111111…/contact/d08e9dac…9b10');
  });

  it('builds the document root, `Contact` and item counts', () => {
    const root = buildFieldTree(fromWireJson(fixture('small-voice.json')), utc);
    assert.deepEqual(root.path, []);
    assert.equal(root.children?.length, 1);
    const contact = root.children[0];
    assert.deepEqual([contact.key, contact.kind, contact.display], ['Contact', 'structure', '14 items']);
    const nodes = byPath(root);
    assert.equal(nodes.get('Contact.QueueInfo')?.display, '2 items');
    assert.equal(nodes.get('Contact.AgentInfo.HierarchyGroups')?.display, '1 item');
    assert.equal(nodes.get('Contact.QualityMetrics.Agent.Audio.PotentialQualityIssues')?.display, 'empty');
    assert.equal(nodes.get('Contact.Tags."my-key"')?.key, 'my-key');
    assert.equal(nodes.get('Contact.Attributes.empty')?.display, '""');
    assert.equal(nodes.get('Contact.AgentInfo.AgentInitiatedHoldDuration')?.display, '2m 05s');
    assert.equal(nodes.get('Contact.AgentInfo.AfterContactWorkDuration')?.display, '1h 02m 03s');
    assert.equal(nodes.get('Contact.FutureField.Nested')?.kind, 'number');
  });

  it('names list items [0] and keeps map keys as they are', () => {
    const doc: ContactDocument = { Contact: { Recordings: [{ Location: 's3://b/k' }], Attributes: { 'a.b c': 'x' } } };
    const nodes = allNodes(buildFieldTree(doc, utc));
    assert.ok(nodes.some((n) => n.key === '[0]' && n.kind === 'structure'));
    assert.ok(nodes.some((n) => n.key === 'a.b c' && n.value === 'x'));
  });

  it('shows timestamps in the local zone when asked', () => {
    const tz = process.env.TZ;
    process.env.TZ = 'Asia/Kolkata';
    try {
      const node = fieldNodeAt({ Contact: { InitiationTimestamp: '2025-03-04T10:20:30+00:00' } }, ['Contact', 'InitiationTimestamp'], { timeZone: 'local' });
      assert.match(node!.display, /^2025-03-04 15:50:30 (GMT\+5:30|IST|UTC\+05:30)$/);
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });

  it('builds the same nodes lazily, one level at a time', () => {
    const doc = sample(maximalId);
    const eager = allNodes(buildFieldTree(doc, utc));
    const lazy: FieldNode[] = [];
    const stack: FieldNode[] = [fieldNodeAt(doc, [], utc)!];
    while (stack.length) {
      const n = stack.pop()!;
      lazy.push(n);
      if (n.kind === 'structure' || n.kind === 'list' || n.kind === 'map') {
        assert.equal(n.children, undefined);
        stack.push(...fieldChildren(n, utc).reverse());
      }
    }
    const strip = (n: FieldNode) => [toJmesPath(n.path), n.key, n.kind, n.display];
    assert.deepEqual(lazy.map(strip), eager.map(strip));
    assert.deepEqual(fieldChildren({ path: ['Contact', 'Channel'], value: 'VOICE' }, utc), []);
  });

  it('finds a node by path, or nothing for paths the document lacks', () => {
    const doc = fromWireJson(fixture('small-voice.json'));
    assert.equal(fieldNodeAt(doc, ['Contact', 'Tags', 'my-key'], utc)?.value, 'v1');
    assert.equal(fieldNodeAt(doc, ['Contact', 'Tags', 'nope'], utc), undefined);
    assert.equal(fieldNodeAt(doc, ['Contact', 'Tags', 0], utc), undefined);
    assert.equal(fieldNodeAt(doc, ['Contact', 'Channel', 'x'], utc), undefined);
  });

  it('gives tooltips with UTC and age for timestamps and the raw count for durations', () => {
    const doc = fromWireJson(fixture('small-voice.json'));
    const ts = fieldNodeAt(doc, ['Contact', 'InitiationTimestamp'], utc)!;
    const now = Date.parse('2025-03-04T13:20:30Z');
    assert.equal(fieldTooltip(ts, { timeZone: 'local', now }), '2025-03-04 10:20:30 UTC · 3 h ago\n2025-03-04T10:20:30+00:00');
    const dur = fieldNodeAt(doc, ['Contact', 'AgentInfo', 'AgentInitiatedHoldDuration'], utc)!;
    assert.equal(fieldTooltip(dur, utc), '125 seconds');
    const arn = fieldNodeAt(doc, ['Contact', 'Arn'], utc)!;
    assert.equal(fieldTooltip(arn, utc), doc.Contact.Arn);
  });

  it('handles 50-deep ValueMap nesting and 10,000 fields', () => {
    const doc: ContactDocument = {
      Contact: {
        SegmentAttributes: { deep: deepValueMap(50, 'bottom') } as never,
        Attributes: Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, `v${i}`])),
      },
    };
    const nodes = allNodes(buildFieldTree(doc, utc));
    assert.equal(nodes.filter((n) => n.path[1] === 'Attributes').length, 10_001);
    const bottom = nodes.find((n) => n.value === 'bottom')!;
    assert.equal(bottom.path.length, 3 + 50 * 2 + 1);
    assert.equal(bottom.kind, 'string');
  });

  it('survives 3,000-deep nesting', () => {
    let value: unknown = 'end';
    for (let i = 0; i < 3_000; i++) value = [value];
    const nodes = allNodes(buildFieldTree({ Contact: { Deep: value as never } }, utc));
    assert.equal(nodes[nodes.length - 1].value, 'end');
  });
});
