import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { gunzipSync } from 'node:zlib';
import docsJson from '../../../src/contact/describeContactDocs.json';
import { structures } from '../../../src/contact/describeContactSchema';
import { constraintsText, fieldDoc, fieldDocSummary, fieldDocText, withFieldDoc, type FieldDocsTable } from '../../../src/contact/fieldDocs';

const table = docsJson as FieldDocsTable;

interface ModelShape {
  type: string;
  documentation?: string;
  enum?: string[];
  min?: number;
  max?: number;
  members?: Record<string, { shape: string; documentation?: string }>;
}

/** The botocore model gen-schema.mjs reads (the Python botocore on PATH, as the script finds it). */
function botocoreShapes(): Record<string, ModelShape> {
  const dir = execFileSync('python3', ['-c', 'import botocore,os;print(os.path.dirname(botocore.__file__))'], { encoding: 'utf8' }).trim();
  const base = path.join(dir, 'data/connect/2017-08-08/service-2.json');
  const file = existsSync(base) ? base : `${base}.gz`;
  const raw = readFileSync(file);
  return (JSON.parse((file.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8')) as { shapes: Record<string, ModelShape> }).shapes;
}

/** The model's HTML with tags dropped and whitespace collapsed: what the table's text starts from. */
function stripped(html: string): string {
  return html
    .replace(/<\/?(p|ul|li)\b[^>]*>/g, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('field docs table (describeContactDocs.json)', () => {
  const shapes = botocoreShapes();
  const modelDoc = (struct: string, member: string) => {
    const m = shapes[struct].members![member];
    return m.documentation ?? shapes[m.shape].documentation ?? '';
  };

  it('comes from the same model as the schema', () => {
    assert.match(table.source, /^botocore \S+ connect 2017-08-08$/);
  });

  it('documents every member of every structure the schema walks, in plain text', () => {
    let count = 0;
    for (const [struct, pairs] of Object.entries(structures)) {
      for (const pair of pairs.split(' ').filter(Boolean)) {
        const member = pair.slice(0, pair.indexOf(':'));
        const doc = table.members[struct]?.[member];
        assert.ok(doc, `${struct}.${member} has an entry`);
        if (stripped(modelDoc(struct, member))) assert.ok(doc.text.length > 0, `${struct}.${member} has text`);
        assert.doesNotMatch(doc.text, /<\/?[a-z][^>]*>|&[a-z]+;|&#\d+;/i, `${struct}.${member}: no HTML left`);
        assert.doesNotMatch(doc.text, / {2}|^\s|\s$/, `${struct}.${member}: whitespace collapsed`);
        assert.ok(doc.text.length <= 400, `${struct}.${member}: short (${doc.text.length})`);
        count++;
      }
    }
    assert.ok(count > 150, `${count} members`);
  });

  it('gives each member of Contact the start of its model documentation', () => {
    for (const member of Object.keys(shapes.Contact.members!)) {
      const expected = stripped(modelDoc('Contact', member));
      if (!expected) continue;
      const text = table.members.Contact[member].text;
      assert.ok(expected.startsWith(text.replace(/…$/, '')), `Contact.${member}: ${JSON.stringify(text)} starts ${JSON.stringify(expected)}`);
    }
    assert.equal(table.members.Contact.Channel.text, 'How the contact reached your contact center.');
    // <a href> and <code> leave only their text.
    assert.equal(table.members.Contact.RelatedContactId.text, 'The contactId that is related to this contact.');
    // A long description ends at a sentence.
    assert.match(table.members.Contact.InitiationTimestamp.text, /^The date and time this contact was initiated, in UTC time\. For INBOUND, .*\.$/);
    // A paragraph that introduces a list keeps the list, one item a line.
    assert.match(table.members.RecordingInfo.ParticipantType.text, /as follows:\n• All\n• Manager\n/);
  });

  it('has the model enum values of every enum member, and its constraints', () => {
    assert.deepEqual(table.members.Contact.Channel.enumValues, shapes.Channel.enum);
    assert.deepEqual(table.members.Contact.Channel.enumValues, ['VOICE', 'CHAT', 'TASK', 'EMAIL']);
    for (const [struct, members] of Object.entries(table.members)) {
      for (const [member, doc] of Object.entries(members)) {
        assert.deepEqual(doc.enumValues, shapes[shapes[struct].members![member].shape].enum, `${struct}.${member}`);
      }
    }
    const contactId = shapes[shapes.Contact.members!.Id.shape];
    assert.deepEqual(table.members.Contact.Id.constraints, { of: 'length', min: contactId.min, max: contactId.max });
    assert.deepEqual(table.members.Contact.TotalPauseCount.constraints, { of: 'value', min: 0, max: 10 });
    assert.equal(table.members.Contact.QueuePriority.constraints?.max, undefined, "a Long's 2^63-1 is left out");
  });
});

describe('fieldDoc: a field path to its documentation', () => {
  const text = (p: (string | number)[]) => fieldDoc(table, p)?.text;

  it('finds members at any depth', () => {
    assert.deepEqual(fieldDoc(table, ['Contact', 'Channel']), table.members.Contact.Channel);
    assert.equal(text(['Contact']), 'Information about the contact.');
    assert.equal(text(['Contact', 'AgentInfo', 'HierarchyGroups', 'Level1', 'Arn']), table.members.AgentHierarchyGroup.Arn.text);
    assert.equal(text(['Contact', 'RoutingCriteria', 'Steps', 0, 'Expression', 'OrExpression', 1, 'AttributeCondition', 'ProficiencyLevel']), 'The proficiency level of the condition.');
  });

  it('reads through list indexes, or without them', () => {
    const status = fieldDoc(table, ['Contact', 'Recordings', 0, 'Status']);
    assert.deepEqual(status?.enumValues, ['AVAILABLE', 'DELETED']);
    assert.deepEqual(fieldDoc(table, ['Contact', 'Recordings', 'Status']), status);
    assert.deepEqual(fieldDoc(table, ['Contact', 'Recordings', 3, 'Status']), status);
  });

  it('documents list and map elements: the element shape, else the container', () => {
    assert.equal(text(['Contact', 'Recordings', 0]), 'Information about a voice recording, chat transcript, or screen recording.');
    const tag = fieldDoc(table, ['Contact', 'Tags', 'Department']);
    assert.equal(tag?.text, table.members.Contact.Tags.text, 'a tag value says what Tags are');
    assert.deepEqual(tag?.constraints, { of: 'length', max: 256 }, "but has the value's own constraints");
    assert.equal(text(['Contact', 'Attributes', 'customerType']), table.members.Contact.Attributes.text);
    assert.equal(text(['Contact', 'SegmentAttributes', 'connect:Subtype', 'ValueString']), 'The value of a segment attribute.');
    assert.match(text(['Contact', 'SegmentAttributes', 'k', 'ValueMap', 'k2', 'ValueList', 2]) ?? '', /^A value for a segment attribute/);
    assert.deepEqual(fieldDoc(table, ['Contact', 'AgentInfo', 'StateTransitions', 0, 'State'])?.enumValues, ['INITIAL', 'CONNECTED', 'DISCONNECTED', 'MISSED']);
  });

  it('knows nothing of paths the model does not have', () => {
    for (const p of [[], ['Nope'], ['Contact', 'NotAMember'], ['Contact', 0], ['Contact', 'Channel', 'x'], ['Contact', 'Recordings', 'x'], ['Contact', 'Tags', 0]]) {
      assert.equal(fieldDoc(table, p), undefined, JSON.stringify(p));
    }
  });

  it('takes no hostile segment for a field: only the table\'s own entries are found', () => {
    for (const p of [['__proto__'], ['Contact', '__proto__'], ['Contact', 'constructor'], ['Contact', 'AgentInfo', 'toString'], ['__proto__', 'Channel'], ['Contact', 'hasOwnProperty'], ['constructor', 'prototype']]) {
      assert.equal(fieldDoc(table, p), undefined, JSON.stringify(p));
    }
    // A map's keys are the person's own: `__proto__` there is an attribute like any other.
    assert.equal(text(['Contact', 'Attributes', '__proto__']), table.members.Contact.Attributes.text);
    const hostileTable = JSON.parse('{"source":"x","members":{"__proto__":{"Channel":{"text":"polluted"}}},"items":{}}') as FieldDocsTable;
    assert.equal(fieldDoc(hostileTable, ['Contact', 'Channel']), undefined);
    assert.equal(({} as Record<string, unknown>).Channel, undefined, 'no prototype was touched');
  });
});

describe('field doc text', () => {
  it('is the description, the values and the constraints, one a line', () => {
    assert.equal(fieldDocText(table.members.Contact.Channel), 'How the contact reached your contact center.\nValues: VOICE, CHAT, TASK, EMAIL');
    assert.equal(fieldDocText(table.members.Contact.Id), 'The identifier for the contact.\nLength 1–256');
    assert.equal(constraintsText({ of: 'items', max: 24 }), 'Items ≤ 24');
    assert.equal(constraintsText({ of: 'value', min: 0 }), 'Value ≥ 0');
    assert.equal(constraintsText({ of: 'entries', min: 1, max: 6 }), 'Entries 1–6');
    assert.equal(constraintsText({ of: 'length', min: 1, max: 1, pattern: '^[a-z]+$' }), 'Length 1\nPattern ^[a-z]+$');
  });

  it('goes below a tooltip, or leaves it as it was', () => {
    assert.equal(withFieldDoc('VOICE', table, ['Contact', 'Channel']), 'VOICE\n\nHow the contact reached your contact center.\nValues: VOICE, CHAT, TASK, EMAIL');
    assert.equal(withFieldDoc('', table, ['Contact', 'Channel']), 'How the contact reached your contact center.\nValues: VOICE, CHAT, TASK, EMAIL');
    assert.equal(withFieldDoc('x', table, ['Contact', 'NotAMember']), 'x');
    assert.equal(withFieldDoc('x', undefined, ['Contact', 'Channel']), 'x', 'no table (not readable): the tooltip alone');
  });
});

describe('field doc summary (the hover card\'s one line)', () => {
  const one = (text: string, max?: number): string | undefined => {
    const own: FieldDocsTable = { source: 't', members: { Contact: { Channel: { text } } }, items: {} };
    return fieldDocSummary(own, ['Contact', 'Channel'], max);
  };

  it('is the first sentence of the model\'s description', () => {
    assert.equal(fieldDocSummary(table, ['Contact', 'Channel']), 'How the contact reached your contact center.');
    assert.equal(fieldDocSummary(table, ['Contact', 'InitiationTimestamp']), 'The date and time this contact was initiated, in UTC time.');
    assert.equal(
      fieldDocSummary(table, ['Contact', 'DisconnectReason']),
      'The disconnect reason for the contact.',
      'not the pointer to the administrator guide that follows',
    );
  });

  it('does not cut inside e.g. or a version number, and keeps a text without a full stop whole', () => {
    assert.equal(one('Set by the flow, e.g. a queue. Other text.'), 'Set by the flow, e.g. a queue.');
    assert.equal(one('Version 1.2 of the format. More.'), 'Version 1.2 of the format.');
    assert.equal(one('No full stop here'), 'No full stop here');
    assert.equal(one('  Spread\n over   lines. Next.'), 'Spread over lines.');
  });

  it('is cut with an ellipsis past the limit, and absent where the model says nothing', () => {
    assert.equal(one('abcdefghij klmnop.', 8), 'abcdefg…');
    assert.equal(fieldDocSummary(table, ['Contact', 'NotAMember']), undefined);
    assert.equal(one(''), undefined);
  });
});
