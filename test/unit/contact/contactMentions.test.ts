// Which contact IDs in free text become hover cards and links: ARNs always, bare UUIDs only where
// a key or label says they are contacts; the instance from the ARN or the same document.
import * as assert from 'node:assert/strict';
import { lambdaTestEvent } from '../../fixtures/lambdaEvent';
import { findContactMentions, instanceHints, maxScannedChars, mentionAt, mentionsIn, mentionsWanted, mentionTarget, nearestInstance } from '../../../src/contact/contactMentions';

const id = '6f1d2c3b-4a59-4e68-9a7b-8c9d0e1f2a01';
const other = '8b3f4e5d-6c7b-4a8a-9c9d-0e1f2a3b4c05';
const instance = '11111111-1111-4111-8111-111111111111';
const contactArn = `arn:aws:connect:us-east-1:123456789012:instance/${instance}/contact/${id}`;

const ids = (text: string) => findContactMentions(text).map((m) => m.contactId);
/** The text each mention covers. */
const spans = (text: string) => findContactMentions(text).map((m) => text.slice(m.start, m.end));

const lambdaEvent = lambdaTestEvent({ contactId: id, previousContactId: other, instanceId: instance });

describe('contact mentions', () => {
  describe('ARNs', () => {
    it('a contact ARN is always a contact, with its instance and region', () => {
      const [m] = findContactMentions(`see ${contactArn} for details`);
      assert.deepEqual({ ...m }, { start: 4, end: 4 + contactArn.length, contactId: id, instanceId: instance, region: 'us-east-1', kind: 'arn' });
    });

    it('other partitions and regions', () => {
      for (const arn of [
        `arn:aws-us-gov:connect:us-gov-west-1:123456789012:instance/${instance}/contact/${id}`,
        `arn:aws-cn:connect:cn-north-1:123456789012:instance/${instance}/contact/${id}`,
      ]) {
        const [m] = findContactMentions(`"${arn}"`);
        assert.equal(m?.kind, 'arn', arn);
        assert.equal(m.contactId, id);
      }
    });

    it('an ARN keyed as a contact is one mention, the ARN', () => {
      assert.deepEqual(spans(`{"ContactArn": "${contactArn}"}`), [contactArn]);
      assert.deepEqual(spans(`ContactId: ${contactArn}`), [contactArn]);
    });

    it('other Connect ARNs, broken ARNs and look-alikes are not contacts', () => {
      for (const text of [
        `arn:aws:connect:us-east-1:123456789012:instance/${instance}`,
        `arn:aws:connect:us-east-1:123456789012:instance/${instance}/queue/${id}`,
        `arn:aws:connect:us-east-1:12345:instance/${instance}/contact/${id}`,
        `arn:aws:connect:not-a-region:123456789012:instance/${instance}/contact/${id}`,
        `arn:aws:lambda:us-east-1:123456789012:function:contact/${id}`,
        `xarn:aws:connect:us-east-1:123456789012:instance/${instance}/contact/${id}`,
      ]) {
        assert.deepEqual(ids(text), [], text);
      }
    });
  });

  describe('keyed IDs', () => {
    const cases: [string, string][] = [
      ['JSON', `{"ContactId": "${id}"}`],
      ['compact JSON', `{"contactId":"${id}"}`],
      ['JSON escaped in a string', `"body": "{\\"ContactId\\":\\"${id}\\"}"`],
      ['YAML', `ContactId: ${id}`],
      ['quoted YAML', `InitialContactId: '${id}'`],
      ['key=value', `requestId=abc contact_id=${id} queue=x`],
      ['kebab key', `--contact-id ${id}`],
      ['log text', `2024-05-15T11:40:34Z INFO Processing ContactId: ${id} from flow`],
      ['log text, camelCase', `INFO handler contactId=${id}`],
      ['a label in prose', `The customer's Contact ID ${id} failed`],
      ['PreviousContactId', `PreviousContactId: "${id}"`],
      ['RelatedContactId', `"RelatedContactId" : "${id}"`],
      ['prefixed snake case', `previous_contact_id = ${id}`],
      ['a markdown table cell', `| ContactId | ${id} |`],
      ['XML', `<ContactId>${id}</ContactId>`],
      ['Python', `event["Details"]["ContactData"]["ContactId"] = '${id}'`],
    ];
    for (const [name, text] of cases) {
      it(`${name}: ${text}`, () => {
        assert.deepEqual(spans(text), [id]);
        assert.equal(findContactMentions(text)[0].kind, 'keyed');
      });
    }

    it('upper-case UUIDs too', () => {
      assert.deepEqual(ids(`ContactId: ${id.toUpperCase()}`), [id.toUpperCase()]);
    });

    it('a Lambda test event: each contact key, not the request ID nor the ARNs\' other IDs', () => {
      assert.deepEqual(ids(lambdaEvent), [id, id, other]);
    });
  });

  describe('UUIDs that stay quiet', () => {
    for (const [name, text] of [
      ['a bare UUID', `${id}`],
      ['another key', `"RequestId": "${id}"`],
      ['a queue ID', `QueueId: ${id}`],
      ['an instance ID', `InstanceId=${id}`],
      ['a key that only starts like one', `ContactIdentifier: ${id}`],
      ['a key that ends in contact', `"LastContact": "${id}"`],
      ['a list of contact IDs (not one ID)', `"ContactIds": ["${id}"]`],
      ['a label on another line', `ContactId:\n${id}`],
      ['a UUID glued to more ID characters', `ContactId: ${id}-extra`],
      ['a word that ends in contactid', `x9ContactId: ${id}`],
      ['not a UUID', `ContactId: 6f1d2c3b-4a59-4e68-9a7b`],
    ] as const) {
      it(name, () => assert.deepEqual(ids(text), []));
    }
  });

  describe('instance inference', () => {
    it('a Lambda event names its instance (and region) in InstanceARN and the queue ARN', () => {
      const hints = instanceHints(lambdaEvent);
      assert.ok(hints.length >= 2);
      const at = lambdaEvent.indexOf(id);
      assert.deepEqual(nearestInstance(hints, at), { ...nearestInstance(hints, at)!, instanceId: instance, region: 'us-east-1' });
    });

    it('a keyed instance ID, with the region of an ARN of the same instance', () => {
      const text = `InstanceId: ${instance}\nContactId: ${id}\nflow: arn:aws:connect:eu-west-2:123456789012:instance/${instance}/contact-flow/abc`;
      const hint = nearestInstance(instanceHints(text), text.indexOf(id));
      assert.equal(hint?.instanceId, instance);
      assert.equal(hint?.region, 'eu-west-2');
    });

    it('a keyed instance ID alone has no region', () => {
      const text = `instance_id=${instance} contact_id=${id}`;
      assert.deepEqual(nearestInstance(instanceHints(text), text.indexOf(id)), { offset: text.indexOf(instance), instanceId: instance });
    });

    it('records of two instances: each contact takes the nearest', () => {
      const second = '22222222-2222-4222-8222-222222222222';
      const text = [
        `{"InstanceId": "${instance}", "ContactId": "${id}"}`,
        `{"InstanceId": "${second}", "ContactId": "${other}"}`,
      ].join('\n');
      const hints = instanceHints(text);
      assert.equal(nearestInstance(hints, text.indexOf(id))?.instanceId, instance);
      assert.equal(nearestInstance(hints, text.indexOf(other))?.instanceId, second);
    });

    it('mentionTarget: an ARN names its own instance, whatever the text around it says', () => {
      const text = `InstanceId: 22222222-2222-4222-8222-222222222222\n${contactArn}\nContactId: ${other}`;
      const hints = instanceHints(text);
      const [arn, keyed] = findContactMentions(text);
      assert.deepEqual(mentionTarget(arn, hints, arn.start), { contactId: id, instanceId: instance, region: 'us-east-1' });
      // The ARN is nearer to the keyed ID than the keyed instance ID: it gives the instance and the region.
      assert.deepEqual(mentionTarget(keyed, hints, keyed.start), { contactId: other, instanceId: instance, region: 'us-east-1' });
      assert.deepEqual(mentionTarget(keyed, [], keyed.start), { contactId: other });
    });

    it('no instance in the text: none', () => {
      assert.equal(nearestInstance(instanceHints(`ContactId: ${id}`), 11), undefined);
    });
  });

  describe('hover and selection', () => {
    const line = `{"ContactId": "${id}", "QueueId": "${other}"}`;

    it('mentionAt finds the ID under the position, in the line, from either end', () => {
      const start = line.indexOf(id);
      assert.equal(mentionAt(line, start)?.contactId, id);
      assert.equal(mentionAt(line, start + id.length - 1)?.contactId, id);
      assert.equal(mentionAt(line, start + id.length), undefined, 'the closing quote');
      assert.equal(mentionAt(line, start - 3), undefined);
      assert.equal(mentionAt(line, line.indexOf(other) + 2), undefined);
    });

    it('mentionAt in a very long line scans only a window around the position', () => {
      const filler = 'x'.repeat(5_000_000);
      const long = `${filler} ContactId=${id} ${filler}`;
      const at = long.indexOf(id) + 4;
      const started = Date.now();
      const m = mentionAt(long, at);
      assert.equal(m?.contactId, id);
      assert.equal(long.slice(m.start, m.end), id);
      assert.ok(Date.now() - started < 200, `took ${Date.now() - started} ms`);
    });

    it('mentionsIn: a selection inside or around an ID', () => {
      const start = line.indexOf(id);
      assert.deepEqual(mentionsIn(line, start + 2, start + 10).map((m) => m.contactId), [id]);
      assert.deepEqual(mentionsIn(line, 0, line.length).map((m) => m.contactId), [id]);
      assert.deepEqual(mentionsIn(line, line.indexOf(other), line.indexOf(other) + 5), []);
    });
  });

  describe('hostile text around IDs', () => {
    it('markdown and HTML around an ID: the mention is the ID and nothing else', () => {
      for (const text of [
        `[click](command:workbench.action.terminal.new) ContactId: ${id} <img src=x onerror=alert(1)>`,
        `**ContactId**: ${id}`,
        `<script>ContactId=${id}</script>`,
        `ContactId: ${id}](javascript:alert(1))`,
        `\u202eContactId: ${id}\u202c`,
      ]) {
        const found = findContactMentions(text);
        assert.equal(found.length, 1, text);
        assert.equal(text.slice(found[0].start, found[0].end), id, text);
      }
    });

    it('an ARN with markdown glued on ends at the ID', () => {
      assert.deepEqual(spans(`[x](${contactArn})`), [contactArn]);
      assert.deepEqual(spans(`${contactArn}<b>`), [contactArn]);
    });

    it('a 10 MB document: scanning is capped and quick', () => {
      const chunk = `{"ContactId": "${id}", "x": "${'y'.repeat(200)}"}\n`;
      const doc = chunk.repeat(Math.ceil(10_000_000 / chunk.length));
      const started = Date.now();
      const found = findContactMentions(doc);
      instanceHints(doc);
      const elapsed = Date.now() - started;
      assert.ok(found.length > 0 && found.length <= 1_000);
      assert.ok(found.every((m) => m.end <= maxScannedChars));
      assert.ok(elapsed < 2_000, `took ${elapsed} ms`);
    });

    it('pathological text: long runs of letters, separators and hex stay linear', () => {
      for (const text of [
        'contact'.repeat(200_000),
        `ContactId${' '.repeat(500_000)}`,
        `ContactId${'"'.repeat(500_000)}`,
        `${'a'.repeat(8)}-`.repeat(100_000),
        `arn:aws:connect:us-east-1:123456789012:instance/${'a'.repeat(100)}`.repeat(5_000),
      ]) {
        const started = Date.now();
        findContactMentions(text);
        instanceHints(text);
        assert.ok(Date.now() - started < 1_000, `${text.slice(0, 20)}… took ${Date.now() - started} ms`);
      }
    });
  });

  describe('settings', () => {
    const json = { scheme: 'untitled', languageId: 'json' };
    it('on for files and untitled documents of every language by default', () => {
      assert.equal(mentionsWanted({ enabled: true, languages: [] }, json), true);
      assert.equal(mentionsWanted({ enabled: true, languages: [] }, { scheme: 'file', languageId: 'log' }), true);
    });
    it('off, or only the chosen languages', () => {
      assert.equal(mentionsWanted({ enabled: false, languages: [] }, json), false);
      assert.equal(mentionsWanted({ enabled: true, languages: ['plaintext', 'log'] }, json), false);
      assert.equal(mentionsWanted({ enabled: true, languages: ['json'] }, json), true);
    });
    it('never in output channels, git diffs or other virtual documents', () => {
      for (const scheme of ['output', 'git', 'vscode-settings', 'connect-contact']) assert.equal(mentionsWanted({ enabled: true, languages: [] }, { scheme, languageId: 'json' }), false, scheme);
    });
  });
});
