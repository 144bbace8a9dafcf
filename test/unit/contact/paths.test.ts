import * as assert from 'node:assert/strict';
import * as jmespath from 'jmespath';
import { toJmesPath, valueAt } from '../../../src/contact/paths';
import { hostileId, leaves, maximalId, sample } from './samples';

describe('paths', () => {
  it('writes CLI --query paths', () => {
    assert.equal(toJmesPath(['Contact', 'AgentInfo', 'HierarchyGroups', 'Level1', 'Arn']), 'Contact.AgentInfo.HierarchyGroups.Level1.Arn');
    assert.equal(toJmesPath(['Contact', 'Recordings', 0, 'Location']), 'Contact.Recordings[0].Location');
    assert.equal(toJmesPath(['Contact', 'Tags', 'my-key']), 'Contact.Tags."my-key"');
    assert.equal(toJmesPath(['Contact', 'Attributes', 'say "hi"\\now']), 'Contact.Attributes."say \\"hi\\"\\\\now"');
    assert.equal(toJmesPath(['Contact', 'Attributes', '_ok9']), 'Contact.Attributes._ok9');
    assert.equal(toJmesPath(['Contact', 'Attributes', '9lives']), 'Contact.Attributes."9lives"');
    assert.equal(toJmesPath(['Contact', 'AgentIds', 0, 1]), 'Contact.AgentIds[0][1]');
    assert.equal(toJmesPath([]), '@');
  });

  it('every leaf path of the maximal and hostile contacts evaluates with jmespath to the leaf', () => {
    for (const id of [maximalId, hostileId]) {
      const doc = sample(id);
      const all = leaves(doc);
      assert.ok(all.length > 100, `${id}: ${all.length} leaves`);
      for (const leaf of all) {
        const expression = toJmesPath(leaf.path);
        assert.deepEqual(jmespath.search(doc, expression), leaf.value, expression);
        assert.deepEqual(valueAt(doc, leaf.path), leaf.value, expression);
      }
    }
  });

  it('quotes keys with dashes, quotes, backslashes, spaces, dots, unicode and control characters', () => {
    const keys = ['my-key', 'say "hi"', 'back\\slash', 'two words', 'a.b', 'ключ', '🦆', 'tab\tnew\nline', '\u202eevil', '', 'constructor', '__proto__', "it's"];
    const attributes: Record<string, string> = {};
    keys.forEach((k, i) => Object.defineProperty(attributes, k, { value: `v${i}`, enumerable: true }));
    const doc = { Contact: { Attributes: attributes } };
    keys.forEach((k, i) => {
      const expression = toJmesPath(['Contact', 'Attributes', k]);
      assert.equal(jmespath.search(doc, expression), `v${i}`, expression);
    });
  });

  it('finds nothing where the document has nothing', () => {
    const doc = { Contact: { Recordings: [{ Location: 'x' }], Tags: {} } };
    assert.equal(valueAt(doc, ['Contact', 'Recordings', 1]), undefined);
    assert.equal(valueAt(doc, ['Contact', 'Recordings', '0']), undefined);
    assert.equal(valueAt(doc, ['Contact', 'Tags', 'toString']), undefined);
    assert.equal(valueAt(doc, ['Contact', 'Recordings', 0, 'Location', 'length']), undefined);
    assert.deepEqual(valueAt(doc, []), doc);
  });
});
