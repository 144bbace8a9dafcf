// Hostile contact data: huge strings, deep nesting, control and bidi characters. Nothing throws,
// every display is one safe line, every raw value stays byte-for-byte what the service sent.
import * as assert from 'node:assert/strict';
import { formatCliJson, fromWireJson, type ContactDocument } from '../../../src/contact/contactDocument';
import { panelTitle, summarizeContact } from '../../../src/contact/contactSummary';
import { copyJsonText, copyValueText, pathValueLines } from '../../../src/contact/copyText';
import { buildFieldTree, fieldTooltip } from '../../../src/contact/fieldTree';
import { toJmesPath, valueAt } from '../../../src/contact/paths';
import { toCliYaml } from '../../../src/contact/yamlChunk';
import { allNodes } from './fieldNodes';
import { deepValueMap, hostileId, sample } from './samples';

// eslint-disable-next-line no-control-regex
const unsafe = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/;

function synthetic(): ContactDocument {
  const big = `${'x'.repeat(16_000)}\u202e${'y'.repeat(16_767)}`;
  return fromWireJson({
    Contact: {
      Id: '\u202e1a2b3c4d',
      Channel: 'VOICE\n',
      Name: big,
      Description: '\u0000\u0007\u001b[2J\r\n\t\u2028\u2029\u200b\ufeff',
      InitiationTimestamp: 'not-a-date',
      Attributes: { [big.slice(0, 300)]: big, '\u202ekey': '\u2066x\u2069', '': 'empty key' },
      SegmentAttributes: { deep: deepValueMap(50, '\u202ebottom') },
      Recordings: Array.from({ length: 200 }, (_, i) => ({ Location: `s3://b/${i}\n` })),
    },
  });
}

describe('hostile contact data', () => {
  for (const [name, load] of [
    ['the hostile sample', () => sample(hostileId)],
    ['a synthetic 32 KB / 50-deep / control-character contact', synthetic],
  ] as const) {
    it(`${name}: every display is one safe line and every raw value is intact`, () => {
      const doc = load();
      for (const timeZone of ['utc', 'local'] as const) {
        const nodes = allNodes(buildFieldTree(doc, { timeZone }));
        for (const n of nodes) {
          assert.doesNotMatch(n.display, unsafe, toJmesPath(n.path));
          assert.doesNotMatch(n.key, unsafe, toJmesPath(n.path));
          assert.ok(n.display.length <= 1200, `${toJmesPath(n.path)}: display of ${n.display.length} chars`);
          assert.doesNotMatch(fieldTooltip(n, { timeZone }).replace(/\n/g, ' '), unsafe);
          assert.equal(n.value, valueAt(doc, n.path));
          if (typeof n.value === 'string') assert.equal(copyValueText(n.value, n.kind), n.value);
        }
      }
    });

    it(`${name}: serialises, summarises and copies without throwing`, () => {
      const doc = load();
      assert.deepEqual(JSON.parse(formatCliJson(doc)), doc);
      assert.ok(toCliYaml(doc).length > 0);
      assert.doesNotMatch(panelTitle(doc), unsafe);
      for (const v of Object.values(summarizeContact(doc, { timeZone: 'utc' }))) assert.doesNotMatch(v as string, unsafe);
      const nodes = allNodes(buildFieldTree(doc, { timeZone: 'utc' }));
      const lines = pathValueLines(nodes.filter((n) => n.path.length > 1));
      assert.equal(lines.split('\n').length, nodes.length - 2);
      for (const n of nodes) {
        const key = n.path[n.path.length - 1];
        if (typeof key === 'string') assert.deepEqual((JSON.parse(copyJsonText(key, n.value)) as Record<string, unknown>)[key], n.value);
      }
    });
  }

  it('keeps the 32 KB string whole in the document and cuts only its display', () => {
    const doc = synthetic();
    const name = doc.Contact.Name as string;
    assert.equal(name.length, 32_768);
    const node = allNodes(buildFieldTree(doc, { timeZone: 'utc' })).find((n) => n.key === 'Name')!;
    assert.equal(node.value, name);
    assert.equal(node.display, `${'x'.repeat(500)}…`);
  });

  it('shows a timestamp field that is not a date as text', () => {
    const node = allNodes(buildFieldTree(synthetic(), { timeZone: 'utc' })).find((n) => n.key === 'InitiationTimestamp')!;
    assert.deepEqual([node.kind, node.display], ['string', 'not-a-date']);
  });
});
