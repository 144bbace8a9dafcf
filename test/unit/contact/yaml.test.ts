import * as assert from 'node:assert/strict';
import { parse } from 'yaml';
import { fromWireJson } from '../../../src/contact/contactDocument';
import { toCliYaml } from '../../../src/contact/yamlChunk';
import { fixture, sampleFiles } from './samples';

describe('YAML like the CLI', () => {
  it('prints block style, sorted keys, quoted timestamps and floats with a fraction', () => {
    const doc = fromWireJson({
      Contact: {
        Id: 'c-1',
        Channel: 'VOICE',
        InitiationTimestamp: 1741083630,
        Recordings: [{ Location: 's3://bucket/key.wav', StorageType: 'S3' }],
        QualityMetrics: { Agent: { Audio: { QualityScore: 4 } } },
        Attributes: { answer: 'yes', count: '123', empty: '' },
        Tags: {},
      },
    });
    assert.equal(
      toCliYaml(doc),
      `Contact:
  Attributes:
    answer: 'yes'
    count: '123'
    empty: ''
  Channel: VOICE
  Id: c-1
  InitiationTimestamp: '2025-03-04T10:20:30+00:00'
  QualityMetrics:
    Agent:
      Audio:
        QualityScore: 4.0
  Recordings:
  - Location: s3://bucket/key.wav
    StorageType: S3
  Tags: {}
`,
    );
  });

  it('reads back to the same document for every sample contact', () => {
    for (const s of [...sampleFiles().map((f) => f.body), fixture('small-voice.json')]) {
      const doc = fromWireJson(s);
      assert.deepEqual(parse(toCliYaml(doc), { schema: 'yaml-1.1', maxAliasCount: -1 }), doc);
    }
  });
});
