import * as assert from 'node:assert/strict';
import * as connect from '@aws-sdk/client-connect';
import * as path from 'node:path';
import { findRepoRoot } from '../../endpoint/paths';
import { loadEndpointData, loadSampleContact, loadSampleContacts, type WireContact } from '../../endpoint/sampleData';
import { sampleContactArn, sampleIds } from '../../endpoint/sampleIds';
import { botocoreModel, botocoreShape, requiredPaths, sdkShape, walkValue } from './modelWalk';

const contactShape = botocoreShape('Contact');
const sdkContactShape = sdkShape((connect as unknown as Record<string, unknown>).Contact$);

function missing(required: Set<string>, present: Set<string>): string[] {
  return [...required].filter((p) => !present.has(p)).sort();
}

describe('sample contacts', () => {
  const samples = loadSampleContacts({ rebaseTimes: false });

  describe('the maximal contact', () => {
    const maximal = loadSampleContact(sampleIds.maximal);

    it('has every member of the botocore model’s Contact shape, at every depth', () => {
      const required = requiredPaths(contactShape, 'Contact');
      assert.ok(required.size > 200, `the model walk found only ${required.size} paths (${botocoreModel().source})`);
      const report = walkValue(contactShape, maximal, 'Contact');
      assert.deepEqual(missing(required, report.present), []);
      // The 48 top-level fields the design names, no more, no fewer.
      const topLevel = Object.keys(botocoreModel().shapes.Contact.members ?? {});
      assert.equal(topLevel.length, 48);
      assert.deepEqual(Object.keys(maximal).sort(), topLevel.sort());
    });

    it('has every member of the JS SDK’s Contact schema, at every depth', () => {
      const required = requiredPaths(sdkContactShape, 'Contact');
      const report = walkValue(sdkContactShape, maximal, 'Contact');
      assert.deepEqual(missing(required, report.present), []);
      assert.deepEqual(report.unknown, [], 'fields the SDK does not know');
    });

    it('nests AND/OR routing expressions and SegmentAttributes maps inside lists', () => {
      const steps = (maximal.RoutingCriteria as { Steps: { Expression: { OrExpression?: { AndExpression?: unknown[] }[] } }[] }).Steps;
      assert.equal(steps[0].Expression.OrExpression?.[0].AndExpression?.length, 2);
      const prefs = (maximal.SegmentAttributes as Record<string, { ValueMap?: Record<string, { ValueList?: { ValueMap?: unknown }[] }> }>)['connect:Preferences'];
      assert.ok(prefs.ValueMap?.Windows.ValueList?.[0].ValueMap);
    });
  });

  it('every sample matches the botocore model: types, enums, and only members the model or the newer SDK defines', () => {
    for (const [id, { contact }] of samples) {
      const report = walkValue(contactShape, contact, 'Contact');
      assert.deepEqual(report.invalid, [], `${id}: invalid values`);
      const sdkReport = walkValue(sdkContactShape, contact, 'Contact');
      assert.deepEqual(sdkReport.unknown, [], `${id}: fields neither model knows`);
      assert.deepEqual(sdkReport.invalid, [], `${id}: invalid for the SDK schema`);
    }
  });

  it('covers every channel, both instances and at least 12 contacts, with ARNs that match their instance', () => {
    assert.ok(samples.size >= 12);
    const channels = new Set([...samples.values()].map((s) => s.contact.Channel));
    assert.deepEqual([...channels].sort(), ['CHAT', 'EMAIL', 'TASK', 'VOICE']);
    for (const [id, { instanceId, contact }] of samples) {
      assert.equal(contact.Id, id);
      assert.equal(contact.Arn, sampleContactArn(instanceId, id));
    }
    assert.equal(samples.get(sampleIds.voice)?.instanceId, sampleIds.instanceA);
    assert.equal(samples.get(sampleIds.hostile)?.instanceId, sampleIds.instanceB);
    for (const key of ['voice', 'chat', 'task', 'email'] as const) {
      assert.equal(samples.get(sampleIds[key])?.contact.Channel, key.toUpperCase());
    }
  });

  it('links the transfer chain, next contacts and related contacts to real samples', () => {
    const [first, second, third] = sampleIds.transferChain.map((id) => samples.get(id)?.contact as WireContact);
    assert.equal(second.PreviousContactId, first.Id);
    assert.equal(third.PreviousContactId, second.Id);
    for (const c of [first, second, third]) assert.equal(c.InitialContactId, first.Id);
    const next = (first.NextContacts as { NextContactMetadata: { QuickConnectContactData: { ContactId: string } } }[])[0];
    assert.equal(next.NextContactMetadata.QuickConnectContactData.ContactId, second.Id);
    const task = samples.get(sampleIds.task)?.contact;
    assert.equal(task?.RelatedContactId, first.Id);
    for (const { contact } of samples.values()) {
      for (const ref of ['InitialContactId', 'PreviousContactId', 'RelatedContactId']) {
        const target = contact[ref];
        if (typeof target === 'string') assert.ok(samples.has(target), `${contact.Id}.${ref} → ${target} is not a sample`);
      }
    }
  });

  describe('the hostile contact', () => {
    const hostile = loadSampleContact(sampleIds.hostile);
    const strings: string[] = [];
    const collect = (v: unknown) => {
      if (typeof v === 'string') strings.push(v);
      else if (Array.isArray(v)) v.forEach(collect);
      else if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
          strings.push(k);
          collect(x);
        }
      }
    };
    collect(hostile);
    const all = strings.join('\n');

    it('carries HTML, script, template and javascript: payloads', () => {
      for (const needle of ['<img src=x onerror=', '<script>', "{{constructor.constructor('alert(1)')()}}", 'javascript:']) {
        assert.ok(all.includes(needle), needle);
      }
    });

    it('carries bidi marks, control characters, emoji and a 32 KB string', () => {
      assert.ok(all.includes('\u202E') && all.includes('\u200F'));
      assert.ok([...all].some((ch) => ch.charCodeAt(0) < 0x20 && ch !== '\n'), 'a control character');
      assert.ok(all.includes('\u001b['), 'an ANSI escape');
      assert.ok(/\p{Extended_Pictographic}/u.test(all));
      assert.ok(strings.some((s) => s.length >= 32 * 1000), 'a string of 32 KB');
    });

    it('nests a SegmentAttributes ValueMap 50 deep', () => {
      let depth = 0;
      let cur = Object.values(hostile.SegmentAttributes as Record<string, unknown>).find((v) => (v as { ValueMap?: unknown }).ValueMap) as
        | { ValueMap?: Record<string, unknown> }
        | undefined;
      while (cur?.ValueMap) {
        depth++;
        cur = Object.values(cur.ValueMap).find((v) => (v as { ValueMap?: unknown }).ValueMap) as typeof cur;
      }
      assert.equal(depth, 50);
    });
  });

  describe('rebasing', () => {
    const now = Date.UTC(2030, 0, 15, 12, 0, 0);
    const rebased = loadEndpointData({ now });
    const starts = [...rebased.contacts.values()].flatMap((m) => [...m.values()]).map((c) => c.InitiationTimestamp as number);

    it('puts the newest contact an hour before the server started and spreads the rest over about three days', () => {
      assert.equal(Math.max(...starts), now / 1000 - 3600);
      const spanDays = (Math.max(...starts) - Math.min(...starts)) / 86400;
      assert.ok(spanDays > 2 && spanDays <= 3.5, `span ${spanDays} days`);
      const lastDay = starts.filter((t) => t >= now / 1000 - 86400);
      assert.ok(lastDay.length >= 5, `${lastDay.length} contacts in the last 24 h`);
    });

    it('shifts nested timestamps by the same amount and leaves other numbers alone', () => {
      const stored = loadSampleContact(sampleIds.voice);
      const moved = rebased.contacts.get(sampleIds.instanceA)?.get(sampleIds.voice) as WireContact;
      const shift = (moved.InitiationTimestamp as number) - (stored.InitiationTimestamp as number);
      const agent = (c: WireContact) => c.AgentInfo as Record<string, number>;
      assert.equal(Math.round((agent(moved).ConnectedToAgentTimestamp - agent(stored).ConnectedToAgentTimestamp) * 1000) / 1000, shift);
      assert.equal(agent(moved).AfterContactWorkDuration, agent(stored).AfterContactWorkDuration);
    });

    it('serves --contacts directories exactly as stored unless asked', () => {
      const dir = loadEndpointData({ contactsDir: path.join(findRepoRoot(), 'test', 'endpoint', 'data', 'contacts') });
      const c = dir.contacts.get(sampleIds.instanceA)?.get(sampleIds.voice);
      assert.deepEqual(c, loadSampleContact(sampleIds.voice));
      assert.equal(dir.instances.find((i) => i.Id === sampleIds.instanceA)?.InstanceAlias, 'acme-support');
    });
  });
});
