// Compare Contacts' reduced form: what is left out (the contact's own IDs and ARNs, every
// timestamp, at any depth), what stays (shared resources, values, structure), and that map keys
// are data whatever they are called.
import * as assert from 'node:assert/strict';
import { alwaysDifferingPlaceholder as leftOut, leaveOutAlwaysDiffering, perContactMembers } from '../../../src/contact/alwaysDiffering';
import { formatCliJson, fromWireJson, type ContactDocument, type JsonObject } from '../../../src/contact/contactDocument';
import { valueAt } from '../../../src/contact/paths';
import { schemaType, structureMembers } from '../../../src/contact/schema';
import { leaves, maximalId, sample, sampleFiles } from './samples';

/** The value at a dotted path under Contact. */
const at = (doc: ContactDocument, path: string) => valueAt(doc.Contact, path.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s)));

describe('leaving out the fields that always differ', () => {
  const maximal = sample(maximalId);
  const reduced = leaveOutAlwaysDiffering(maximal);
  const r = reduced.doc;

  it("replaces the contact's own IDs, ARNs and every top-level timestamp", () => {
    for (const key of ['Arn', 'Id', 'InitialContactId', 'PreviousContactId', 'RelatedContactId', 'InitiationTimestamp', 'DisconnectTimestamp', 'LastUpdateTimestamp']) {
      assert.ok(key in maximal.Contact, `the maximal sample lacks ${key}`);
      assert.equal(at(r, key), leftOut, key);
    }
  });

  it('keeps the values that matter: channel, method, reason, durations, the queue and agent IDs', () => {
    for (const key of ['Channel', 'InitiationMethod', 'DisconnectReason', 'TotalPauseDurationInSeconds', 'QueuePriority']) {
      if (key in maximal.Contact) assert.deepEqual(at(r, key), maximal.Contact[key], key);
    }
    for (const path of ['QueueInfo.Id', 'AgentInfo.Id', 'AgentInfo.HierarchyGroups.Level1.Arn', 'Attributes', 'WisdomInfo.AiAgents.0.AiAgentVersionId']) {
      assert.ok(at(maximal, path) !== undefined, `the maximal sample lacks ${path}`);
      assert.deepEqual(at(r, path), at(maximal, path), path);
    }
  });

  it('replaces nested timestamps and per-contact names inside QueueInfo, AgentInfo, recordings, evaluations, Wisdom', () => {
    assert.equal(at(r, 'QueueInfo.EnqueueTimestamp'), leftOut);
    assert.equal(at(r, 'AgentInfo.ConnectedToAgentTimestamp'), leftOut);
    const transitions = at(r, 'AgentInfo.StateTransitions') as Record<string, unknown>[];
    assert.ok(transitions.length > 0);
    for (const t of transitions) {
      if ('StateStartTimestamp' in t) assert.equal(t.StateStartTimestamp, leftOut);
      assert.notEqual(t.State, leftOut);
    }
    const recording = at(r, 'Recordings.0') as Record<string, unknown>;
    assert.equal(recording.Location, leftOut);
    assert.equal(recording.StartTimestamp, leftOut);
    assert.equal(recording.StorageType, 'S3');
    const evaluations = Object.values(at(r, 'ContactEvaluations') as Record<string, Record<string, unknown>>);
    assert.ok(evaluations.length > 0);
    for (const e of evaluations) {
      assert.equal(e.EvaluationArn, leftOut);
      assert.match(e.FormId as string, /^f0f0f0f0-/);
    }
    assert.equal(at(r, 'WisdomInfo.SessionArn'), leftOut);
  });

  it('leaves no ISO timestamp and no mention of the contact ID outside attribute and tag values', () => {
    for (const { path, value } of leaves(reduced.doc)) {
      if (typeof value !== 'string' || ['Attributes', 'Tags', 'SegmentAttributes'].includes(String(path[1]))) continue;
      assert.doesNotMatch(value, /^\d{4}-\d\d-\d\dT\d\d:\d\d/, path.join('.'));
      assert.ok(!value.includes(maximalId), `${path.join('.')} still names the contact`);
    }
  });

  it('counts what it left out, and does not change the document it was given', () => {
    const before = formatCliJson(maximal);
    const again = leaveOutAlwaysDiffering(maximal);
    assert.equal(formatCliJson(maximal), before);
    assert.equal(again.leftOut, leaves(again.doc).filter((l) => l.value === leftOut).length);
    assert.ok(again.leftOut > 20, `only ${again.leftOut} values left out`);
  });

  it('prints as JSON, in the same key order as the full form', () => {
    const text = formatCliJson(reduced.doc);
    const parsed = JSON.parse(text) as ContactDocument;
    assert.deepEqual(Object.keys(parsed.Contact), Object.keys(maximal.Contact));
  });

  it('makes two contacts of one transfer chain differ only where they really do', () => {
    const [first, second] = ['6f1d2c3b-4a59-4e68-9a7b-8c9d0e1f2a01', '6f1d2c3b-4a59-4e68-9a7b-8c9d0e1f2a02'].map((id) => leaveOutAlwaysDiffering(sample(id)).doc);
    const differing = (a: ContactDocument, b: ContactDocument) => {
      const right = new Map(leaves(b).map((l) => [l.path.join('.'), l.value]));
      return leaves(a).filter((l) => right.has(l.path.join('.')) && right.get(l.path.join('.')) !== l.value).map((l) => l.path.join('.'));
    };
    for (const path of differing(first, second)) {
      assert.doesNotMatch(path, /(Timestamp|^Contact\.(Id|Arn|InitialContactId|PreviousContactId))$/, path);
    }
  });

  it('keeps map keys as data, however they are named; __proto__ stays an own key and pollutes nothing', () => {
    const doc = fromWireJson(
      '{"Contact":{"Id":"c-1","Attributes":{"Id":"keep","Arn":"keep","InitiationTimestamp":"keep","__proto__":{"polluted":"yes"}},' +
        '"Tags":{"__proto__":"tag"},"SegmentAttributes":{"__proto__":{"ValueString":"s","ValueArn":"arn:keep"}},"Unmodelled":{"Id":"keep"}}}',
    );
    const out = leaveOutAlwaysDiffering(doc).doc.Contact;
    const map = (key: string) => out[key] as JsonObject;
    assert.equal(out.Id, leftOut);
    assert.deepEqual(Object.keys(map('Attributes')), ['Id', 'Arn', 'InitiationTimestamp', '__proto__']);
    assert.equal(map('Attributes').Id, 'keep');
    assert.equal(map('Attributes').InitiationTimestamp, 'keep');
    assert.ok(Object.prototype.hasOwnProperty.call(map('Attributes'), '__proto__'));
    assert.equal(Object.getPrototypeOf(map('Attributes')), Object.prototype);
    assert.equal(Object.getOwnPropertyDescriptor(map('Tags'), '__proto__')?.value, 'tag');
    assert.equal((Object.getOwnPropertyDescriptor(map('SegmentAttributes'), '__proto__')?.value as JsonObject).ValueArn, 'arn:keep');
    // An unmodelled member is unknown: kept as is, its `Id` included.
    assert.deepEqual(out.Unmodelled, { Id: 'keep' });
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('names only members the service model has, each a string', () => {
    for (const [structure, members] of Object.entries(perContactMembers)) {
      const table = structureMembers(structure);
      assert.ok(table.size > 0, `${structure} is not a structure of the model`);
      for (const member of members) assert.deepEqual(table.get(member), schemaType('s'), `${structure}.${member}`);
    }
  });

  it('reduces every sample contact the endpoint serves to JSON that parses', () => {
    for (const s of sampleFiles()) {
      const out = leaveOutAlwaysDiffering(fromWireJson(s.body));
      assert.equal(out.doc.Contact.Id === undefined || out.doc.Contact.Id === leftOut, true, s.contactId);
      JSON.parse(formatCliJson(out.doc));
    }
  });
});
