// ListAssociatedContacts, ListContactReferences and ListContactEvaluations: over real HTTP with the real
// @aws-sdk/client-connect for what a client sees, and through route() for the validation the SDK would not send.
import * as assert from 'node:assert/strict';
import {
  ConnectClient,
  ListAssociatedContactsCommand,
  ListContactEvaluationsCommand,
  ListContactReferencesCommand,
  type ConnectServiceException,
} from '@aws-sdk/client-connect';
import { evaluationsPageSize } from '../../endpoint/contactStoryOperations';
import { localCredentials } from '../../endpoint/localCredentials';
import { route, ServiceError } from '../../endpoint/operations';
import { loadEndpointData, loadSampleContacts } from '../../endpoint/sampleData';
import { lowScoreEvaluation, maximalEvaluations, maximalReferences, sampleContactArn, sampleIds } from '../../endpoint/sampleIds';
import { startEndpoint, type RunningEndpoint } from '../../endpoint/server';
import { storyModel } from './modelWalk';

async function failure(p: Promise<unknown>): Promise<ConnectServiceException> {
  try {
    await p;
  } catch (err) {
    return err as ConnectServiceException;
  }
  assert.fail('expected the call to fail');
}

const seconds = (d: Date | undefined) => (d === undefined ? undefined : d.getTime() / 1000);

const data = loadEndpointData({ rebaseTimes: false });

/** Call a handler as the server would for `path?query`, returning the body or "<status> <type>: <message>". */
function call(path: string, query = ''): unknown {
  const segments = path.split('/').slice(1);
  const match = route('GET', segments);
  assert.ok(match, `no route for ${path}`);
  try {
    return match.handle({ method: 'GET', segments, query: new URLSearchParams(query), body: undefined }, data);
  } catch (err) {
    if (err instanceof ServiceError) return `${err.status} ${err.errorType}: ${err.message}`;
    throw err;
  }
}

describe('contact story list operations', () => {
  let endpoint: RunningEndpoint;
  let connect: ConnectClient;
  const InstanceId = sampleIds.instanceA;
  const samples = loadSampleContacts({ rebaseTimes: false });

  before(async () => {
    endpoint = await startEndpoint({ rebaseTimes: false });
    connect = new ConnectClient({ endpoint: endpoint.url, region: 'us-east-1', credentials: localCredentials, maxAttempts: 1 });
  });
  after(async () => {
    connect.destroy();
    await endpoint.close();
  });

  it('routes each operation’s path as botocore’s model writes it', () => {
    const model = storyModel();
    for (const operation of ['ListAssociatedContacts', 'ListContactReferences', 'ListContactEvaluations']) {
      const { method, requestUri } = model.operations[operation].http;
      const segments = requestUri.split('/').slice(1).map((s) => s.replace(/^\{.*\}$/, 'x'));
      assert.equal(route(method, segments)?.operation, operation, requestUri);
    }
  });

  describe('ListAssociatedContacts', () => {
    it('lists the maximal contact’s chain of five in link order, with the fields the samples hold', async () => {
      const out = await connect.send(new ListAssociatedContactsCommand({ InstanceId, ContactId: sampleIds.maximal }));
      const list = out.ContactSummaryList ?? [];
      assert.deepEqual(list.map((c) => c.ContactId), sampleIds.maximalChain);
      assert.equal(out.NextToken, undefined);
      for (const entry of list) {
        const stored = samples.get(entry.ContactId!)!.contact;
        assert.equal(entry.ContactArn, sampleContactArn(InstanceId, stored.Id));
        assert.equal(entry.InitialContactId, sampleIds.voice);
        assert.equal(entry.PreviousContactId, stored.PreviousContactId);
        assert.equal(entry.RelatedContactId, stored.RelatedContactId);
        assert.deepEqual([entry.Channel, entry.InitiationMethod], [stored.Channel, stored.InitiationMethod]);
        assert.equal(seconds(entry.InitiationTimestamp), stored.InitiationTimestamp);
        assert.equal(seconds(entry.DisconnectTimestamp), stored.DisconnectTimestamp);
      }
      for (let i = 1; i < list.length; i++) assert.equal(list[i].PreviousContactId, list[i - 1].ContactId);
    });

    it('lists the same chain for any member, and a contact alone when nothing shares its initial contact', async () => {
      const fromFirst = await connect.send(new ListAssociatedContactsCommand({ InstanceId, ContactId: sampleIds.voice }));
      assert.deepEqual(fromFirst.ContactSummaryList?.map((c) => c.ContactId), sampleIds.maximalChain);
      const alone = await connect.send(new ListAssociatedContactsCommand({ InstanceId: sampleIds.instanceB, ContactId: sampleIds.salesChat }));
      assert.deepEqual(alone.ContactSummaryList?.map((c) => c.ContactId), [sampleIds.salesChat]);
    });

    it('pages with maxResults and NextToken', async () => {
      const seen: string[] = [];
      let NextToken: string | undefined;
      let pages = 0;
      do {
        const out = await connect.send(new ListAssociatedContactsCommand({ InstanceId, ContactId: sampleIds.renewalCallback, MaxResults: 2, NextToken }));
        assert.ok((out.ContactSummaryList?.length ?? 0) <= 2);
        seen.push(...(out.ContactSummaryList ?? []).map((c) => c.ContactId!));
        NextToken = out.NextToken;
        pages++;
      } while (NextToken);
      assert.deepEqual(seen, sampleIds.maximalChain);
      assert.equal(pages, 3);
    });

    it('rejects bad parameters with 400 and an unknown contact with 404', async () => {
      const path = `/contact/associated/${InstanceId}`;
      assert.match(String(call(path, '')), /^400 InvalidParameterException: .*Value null at 'contactId'.*must not be null$/);
      assert.match(String(call(path, `contactId=${sampleIds.voice}&maxResults=0`)), /^400 InvalidParameterException: .*greater than or equal to 1$/);
      assert.match(String(call(path, `contactId=${sampleIds.voice}&maxResults=101`)), /^400 InvalidParameterException: .*less than or equal to 100$/);
      assert.match(String(call(path, `contactId=${sampleIds.voice}&nextToken=bm90IGEgdG9rZW4=`)), /^400 InvalidParameterException: The nextToken is not valid\.$/);
      const err = await failure(connect.send(new ListAssociatedContactsCommand({ InstanceId, ContactId: sampleIds.missingContact })));
      assert.deepEqual([err.name, err.$metadata.httpStatusCode], ['ResourceNotFoundException', 404]);
      const long = await failure(connect.send(new ListAssociatedContactsCommand({ InstanceId, ContactId: 'c'.repeat(257) })));
      assert.deepEqual([long.name, long.$metadata.httpStatusCode], ['InvalidParameterException', 400]);
    });
  });

  describe('ListContactReferences', () => {
    it('returns the maximal contact’s references of the asked types, each a union with one member', async () => {
      const out = await connect.send(new ListContactReferencesCommand({ InstanceId, ContactId: sampleIds.maximal, ReferenceTypes: ['URL', 'ATTACHMENT'] }));
      const list = out.ReferenceSummaryList ?? [];
      assert.equal(out.NextToken, undefined);
      assert.ok(list.every((r) => Object.values(r).filter((v) => v !== undefined).length === 1 && (r.Url || r.Attachment)));
      assert.deepEqual(list.filter((r) => r.Url).map((r) => [r.Url?.Name, r.Url?.Value]), [[maximalReferences.url.name, maximalReferences.url.value]]);
      const attachments = list.filter((r) => r.Attachment).map((r) => r.Attachment!);
      assert.deepEqual(attachments.map((a) => [a.Name, a.Status]), [
        [maximalReferences.attachment.name, maximalReferences.attachment.status],
        [maximalReferences.rejectedAttachment.name, maximalReferences.rejectedAttachment.status],
      ]);
      assert.equal(attachments[0].Arn, maximalReferences.attachment.arn);
      assert.ok(maximalReferences.url.value.startsWith('https://'));
    });

    it('returns every reference when asked for every type, and none of a type the contact lacks', async () => {
      const all = await connect.send(new ListContactReferencesCommand({ InstanceId, ContactId: sampleIds.maximal, ReferenceTypes: ['URL', 'ATTACHMENT', 'STRING', 'NUMBER', 'DATE', 'EMAIL'] }));
      assert.equal(all.ReferenceSummaryList?.length, maximalReferences.count);
      const none = await connect.send(new ListContactReferencesCommand({ InstanceId, ContactId: sampleIds.maximal, ReferenceTypes: ['CONTACT_ANALYSIS'] }));
      assert.deepEqual(none.ReferenceSummaryList, []);
      const voice = await connect.send(new ListContactReferencesCommand({ InstanceId, ContactId: sampleIds.voice, ReferenceTypes: ['URL'] }));
      assert.deepEqual(voice.ReferenceSummaryList, []);
    });

    it('requires referenceTypes from the enum, at most 6, and answers an unknown contact with 404', async () => {
      const path = `/contact/references/${InstanceId}/${sampleIds.maximal}`;
      assert.match(String(call(path, '')), /^400 InvalidParameterException: .*Value null at 'referenceTypes'.*must not be null$/);
      assert.match(String(call(path, 'referenceTypes=LINK')), /^400 InvalidParameterException: .*Value '\[LINK\]' at 'referenceTypes'.*enum value set: \[URL, ATTACHMENT, /);
      const seven = ['URL', 'ATTACHMENT', 'STRING', 'NUMBER', 'DATE', 'EMAIL', 'EMAIL_MESSAGE'].map((t) => `referenceTypes=${t}`).join('&');
      assert.match(String(call(path, seven)), /^400 InvalidParameterException: .*less than or equal to 6$/);
      assert.match(String(call(path, 'referenceTypes=URL&nextToken=abc')), /^400 InvalidParameterException: The nextToken is not valid\.$/);
      const err = await failure(connect.send(new ListContactReferencesCommand({ InstanceId, ContactId: sampleIds.missingContact, ReferenceTypes: ['URL'] })));
      assert.deepEqual([err.name, err.$metadata.httpStatusCode], ['ResourceNotFoundException', 404]);
    });
  });

  describe('ListContactEvaluations', () => {
    it('pages the maximal contact’s evaluations with NextToken', async () => {
      const pages: { EvaluationSummaryList?: { EvaluationId?: string }[]; NextToken?: string }[] = [];
      let NextToken: string | undefined;
      do {
        const out = await connect.send(new ListContactEvaluationsCommand({ InstanceId, ContactId: sampleIds.maximal, NextToken }));
        pages.push(out);
        NextToken = out.NextToken;
      } while (NextToken);
      assert.deepEqual(pages.map((p) => p.EvaluationSummaryList?.length), [evaluationsPageSize, evaluationsPageSize]);
      assert.deepEqual(pages.flatMap((p) => p.EvaluationSummaryList ?? []).map((e) => e.EvaluationId), maximalEvaluations.map((e) => e.id));
    });

    it('reads every member the samples hold: title, form, status, evaluator, score, times', async () => {
      const out = await connect.send(new ListContactEvaluationsCommand({ InstanceId, ContactId: lowScoreEvaluation.contactId }));
      const [e] = out.EvaluationSummaryList ?? [];
      assert.equal(out.EvaluationSummaryList?.length, 1);
      assert.equal(e.EvaluationId, lowScoreEvaluation.id);
      assert.equal(e.EvaluationFormTitle, lowScoreEvaluation.title);
      assert.deepEqual(e.Score, { Percentage: lowScoreEvaluation.percentage, NotApplicable: false, AutomaticFail: lowScoreEvaluation.automaticFail });
      assert.equal(e.Status, 'SUBMITTED');
      assert.match(e.EvaluatorArn ?? '', /:instance\/11111111-1111-4111-8111-111111111111\/agent\//);
      assert.ok(e.CreatedTime instanceof Date && e.LastModifiedTime instanceof Date);
      const voiceStart = samples.get(sampleIds.voice)!.contact.InitiationTimestamp as number;
      assert.ok(seconds(e.CreatedTime)! > voiceStart, 'evaluated after the contact');
      // DescribeContact names the same evaluation and form.
      const named = Object.values(samples.get(sampleIds.voice)!.contact.ContactEvaluations as Record<string, { EvaluationArn: string; FormId: string }>);
      assert.deepEqual(named.map((n) => [n.EvaluationArn, n.FormId]), [[e.EvaluationArn, e.EvaluationFormId]]);
    });

    it('moves evaluation times with the contacts when the samples are rebased', () => {
      const now = Date.UTC(2030, 0, 15, 12, 0, 0);
      const rebased = loadEndpointData({ now });
      const shift = (rebased.contacts.get(InstanceId)!.get(sampleIds.voice)!.InitiationTimestamp as number) - (samples.get(sampleIds.voice)!.contact.InitiationTimestamp as number);
      const stored = data.resources.get(InstanceId)!.Evaluations[sampleIds.maximal];
      const moved = rebased.resources.get(InstanceId)!.Evaluations[sampleIds.maximal];
      for (let i = 0; i < stored.length; i++) {
        assert.equal((moved[i].CreatedTime as number) - (stored[i].CreatedTime as number), shift);
        assert.equal((moved[i].LastModifiedTime as number) - (stored[i].LastModifiedTime as number), shift);
      }
      const ack = (list: typeof stored) => (list.find((e) => e.Acknowledgement)!.Acknowledgement as { AcknowledgedTime: number }).AcknowledgedTime;
      assert.equal(ack(moved) - ack(stored), shift);
    });

    it('answers a contact without evaluations with an empty list, and errors as the service does', async () => {
      const none = await connect.send(new ListContactEvaluationsCommand({ InstanceId, ContactId: sampleIds.chat }));
      assert.deepEqual(none.EvaluationSummaryList, []);
      const err = await failure(connect.send(new ListContactEvaluationsCommand({ InstanceId, ContactId: sampleIds.missingContact })));
      assert.deepEqual([err.name, err.$metadata.httpStatusCode], ['ResourceNotFoundException', 404]);
      const path = `/contact-evaluations/${InstanceId}`;
      assert.match(String(call(path, '')), /^400 InvalidParameterException: .*Value null at 'contactId'/);
      const otherContactsToken = (call(path, `contactId=${sampleIds.maximal}`) as { NextToken: string }).NextToken;
      assert.match(String(call(path, `contactId=${sampleIds.voice}&nextToken=${encodeURIComponent(otherContactsToken)}`)), /^400 InvalidParameterException: The nextToken is not valid\.$/);
    });
  });
});
