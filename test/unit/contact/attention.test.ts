import * as assert from 'node:assert/strict';
import { attentionBadges, lowAudioQualityScore, type AttentionBadge } from '../../../src/contact/attention';
import { fromWireJson, type JsonObject, type JsonValue } from '../../../src/contact/contactDocument';
import type { PathSegment } from '../../../src/contact/fieldNode';
import { sample, sampleFiles } from './samples';

function at(doc: JsonValue, path: PathSegment[]): JsonValue | undefined {
  let value: JsonValue | undefined = doc;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = Array.isArray(value) ? value[segment as number] : value[segment as string];
  }
  return value;
}

const texts = (badges: AttentionBadge[]): string[] => badges.map((b) => `${b.severity}: ${b.text}`);

const withReason = (reason: string): JsonObject => ({ Channel: 'VOICE', DisconnectReason: reason });

describe('attention badges', () => {
  it('point at a field that is in the document, on every sample contact', () => {
    for (const file of sampleFiles()) {
      const doc = fromWireJson(file.body);
      for (const badge of attentionBadges(doc.Contact)) {
        assert.notEqual(at(doc as unknown as JsonValue, badge.path), undefined, `${file.contactId}: ${badge.path.join('.')}`);
        assert.ok(badge.text.length > 0 && badge.detail.length > 0);
      }
    }
  });

  it('flag a dropped call, poor audio and a deleted recording on the campaign call', () => {
    const badges = attentionBadges(sample('d08e9dac-b1ca-4fdf-8bec-5d6e7f8a9b10').Contact);
    assert.deepEqual(texts(badges), [
      'warning: Agent connectivity issue',
      'warning: Agent audio issues',
      'warning: Poor customer audio (2.7 of 5)',
      'warning: Recording deleted',
    ]);
    assert.deepEqual(
      badges.map((b) => b.path),
      [
        ['Contact', 'DisconnectDetails', 'PotentialDisconnectIssue'],
        ['Contact', 'QualityMetrics', 'Agent', 'Audio', 'PotentialQualityIssues'],
        ['Contact', 'QualityMetrics', 'Customer', 'Audio', 'QualityScore'],
        ['Contact', 'Recordings', 0, 'Status'],
      ],
    );
    assert.equal(badges[0].detail, "A network problem between the agent's workstation and Amazon Connect may have dropped the call.");
    assert.equal(badges[1].detail, 'Agent audio: how the agent sounded to the customer, estimated quality 4.8 of 5. Possible causes: high jitter buffer.');
    assert.equal(
      badges[2].detail,
      'Estimated customer audio quality 2.7 on the 1–5 scale (below 3.0: worse than fair), how the customer sounded to the agent. Possible causes: high packet loss, high round-trip time, high jitter buffer.',
    );
    assert.equal(badges[3].detail, 'Recording 1 of 2 (audio, agent) was deleted. Reason given: Retention policy: recordings older than 90 days.');
    assert.deepEqual(new Set(badges.map((b) => b.kind)), new Set(['disconnectIssue', 'lowQuality', 'recordingUnavailable']));
  });

  it('list quality issues Connect detected even when the score is fair', () => {
    const badges = attentionBadges(sample('6f1d2c3b-4a59-4e68-9a7b-8c9d0e1f2a01').Contact);
    assert.deepEqual(texts(badges), ['warning: Customer audio issues']);
    assert.match(badges[0].detail, /estimated quality 3\.1 of 5\. Possible causes: high packet loss, high round-trip time\.$/);
  });

  it('stay quiet on ordinary contacts', () => {
    for (const id of ['6f1d2c3b-4a59-4e68-9a7b-8c9d0e1f2a02', '8b3f4e5d-6c7b-4a8a-9c9d-0e1f2a3b4c05', 'cf7d8c9b-a0bf-4ece-9adb-4c5d6e7f8a09', '25d3e2f1-061f-4e24-9a3b-0c1d2e3f4a15']) {
      assert.deepEqual(attentionBadges(sample(id).Contact), [], id);
    }
    assert.deepEqual(attentionBadges({}), []);
  });

  it('name each documented potential disconnect issue, and any other value readably', () => {
    const issue = (value: string): AttentionBadge[] => attentionBadges({ DisconnectDetails: { PotentialDisconnectIssue: value } });
    assert.deepEqual(
      ['AGENT_CONNECTIVITY_ISSUE', 'AGENT_DEVICE_ISSUE', 'CUSTOMER_CONNECTIVITY_ISSUE', 'CUSTOMER_DEVICE_ISSUE'].map((v) => issue(v)[0].text),
      ['Agent connectivity issue', 'Agent device issue', 'Customer connectivity issue', 'Customer device issue'],
    );
    const other = issue('AGENT_NETWORK_DISCONNECT');
    assert.equal(other[0].text, 'Possible disconnect issue: Agent network disconnect');
    assert.equal(other[0].kind, 'disconnectIssue');
    assert.equal(other[0].severity, 'warning');
    assert.deepEqual(issue(''), []);
    assert.deepEqual(issue('  '), []);
  });

  it('flag disconnect reasons that mean a failure, and only those', () => {
    const failures: Record<string, string> = {
      SYSTEM_ERROR: 'error: Ended by a system error',
      AGENT_NETWORK_DISCONNECT: 'error: Agent network disconnect',
      OUTBOUND_DESTINATION_ENDPOINT_ERROR: 'error: Destination not allowed',
      OUTBOUND_RESOURCE_ERROR: 'error: Outbound resource error',
      OUTBOUND_ATTEMPT_FAILED: 'error: Outbound attempt failed',
      TELECOM_PROBLEM: 'warning: Telecom network problem',
      TELECOM_BUSY: 'warning: Number busy',
      TELECOM_NUMBER_INVALID: 'warning: Invalid number',
      TELECOM_POTENTIAL_BLOCKING: 'warning: Call possibly blocked',
      TELECOM_UNANSWERED: 'warning: Call not delivered',
      TELECOM_TIMEOUT: 'warning: No answer in 60 seconds',
      CUSTOMER_NEVER_ARRIVED: 'warning: Customer never arrived',
      CUSTOMER_CONNECTION_NOT_ESTABLISHED: 'warning: Customer never connected',
    };
    for (const [reason, expected] of Object.entries(failures)) {
      const badges = attentionBadges(withReason(reason));
      assert.deepEqual(texts(badges), [expected], reason);
      assert.equal(badges[0].kind, 'failedDisconnect');
      assert.deepEqual(badges[0].path, ['Contact', 'DisconnectReason']);
      assert.ok(badges[0].detail.endsWith(`(DisconnectReason ${reason})`));
    }
    const normal = ['CUSTOMER_DISCONNECT', 'AGENT_DISCONNECT', 'THIRD_PARTY_DISCONNECT', 'BARGED', 'CONTACT_FLOW_DISCONNECT', 'OTHER', 'API', 'IDLE_DISCONNECT', 'AGENT_COMPLETED', 'TRANSFERRED', 'TRANSFER', 'DISCARDED', 'OUTBUND_PREVIEW_DISCARDED', 'TELECOM_ORIGINATOR_CANCEL', 'EXPIRED'];
    for (const reason of normal) assert.deepEqual(attentionBadges(withReason(reason)), [], reason);
    for (const reason of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'system_error']) assert.deepEqual(attentionBadges(withReason(reason)), [], reason);
  });

  it('flag deleted and failed recordings, with the deletion reason', () => {
    const badges = attentionBadges({
      Recordings: [
        { Status: 'AVAILABLE', MediaStreamType: 'AUDIO' },
        { Status: 'DELETED' },
        { Status: 'FAILED', MediaStreamType: 'VIDEO', ParticipantType: 'CUSTOMER' },
        null,
        'junk',
      ],
    });
    assert.deepEqual(texts(badges), ['error: Recording failed', 'warning: Recording deleted']);
    assert.equal(badges[0].detail, 'Recording 3 of 5 (video, customer) failed.');
    assert.deepEqual(badges[0].path, ['Contact', 'Recordings', 2, 'Status']);
    assert.equal(badges[1].detail, 'Recording 2 of 5 was deleted.');
    const single = attentionBadges({ Recordings: [{ Status: 'DELETED', DeletionReason: 'Customer asked (GDPR)' }] });
    assert.equal(single[0].detail, 'The recording was deleted. Reason given: Customer asked (GDPR).');
  });

  it(`flag audio below ${lowAudioQualityScore} on the 1–5 scale, not at it`, () => {
    const quality = (score: JsonValue, issues: JsonValue = []): AttentionBadge[] => attentionBadges({ QualityMetrics: { Agent: { Audio: { QualityScore: score, PotentialQualityIssues: issues } } } });
    assert.deepEqual(quality(3.0), []);
    assert.deepEqual(quality(4.9), []);
    assert.deepEqual(texts(quality(2.99)), ['warning: Poor agent audio (2.99 of 5)']);
    assert.deepEqual(texts(quality(1)), ['warning: Poor agent audio (1 of 5)']);
    assert.deepEqual(quality('2'), []);
    assert.deepEqual(quality(null), []);
    const issuesOnly = quality(null, ['HighPacketLoss', 'HighPacketLoss', 'SomethingNew', 7]);
    assert.deepEqual(texts(issuesOnly), ['warning: Agent audio issues']);
    assert.equal(issuesOnly[0].detail, 'Agent audio: how the agent sounded to the customer. Possible causes: high packet loss, SomethingNew.');
  });

  it('put errors before warnings', () => {
    const badges = attentionBadges({ DisconnectReason: 'SYSTEM_ERROR', DisconnectDetails: { PotentialDisconnectIssue: 'AGENT_DEVICE_ISSUE' }, Recordings: [{ Status: 'FAILED' }] });
    assert.deepEqual(texts(badges), ['error: Ended by a system error', 'error: Recording failed', 'warning: Agent device issue']);
  });

  it('keep hostile values as plain, single-line, bounded text', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const huge = `${'A'.repeat(32 * 1024)}\u202e\n`;
    const badges = attentionBadges({
      DisconnectReason: hostile,
      DisconnectDetails: { PotentialDisconnectIssue: hostile },
      QualityMetrics: { Customer: { Audio: { QualityScore: 1.5, PotentialQualityIssues: [hostile, huge] } } },
      Recordings: [{ Status: 'DELETED', DeletionReason: `${hostile}\n${huge}`, MediaStreamType: huge }],
    });
    assert.deepEqual(
      badges.map((b) => b.kind),
      ['disconnectIssue', 'lowQuality', 'recordingUnavailable'],
    );
    assert.equal(badges[0].text, `Possible disconnect issue: ${hostile}`);
    assert.ok(badges[1].detail.includes(hostile));
    assert.ok(badges[2].detail.startsWith(`The recording (${'a'.repeat(40)}…) was deleted. Reason given: ${hostile}⏎`));
    for (const b of badges) {
      assert.ok(b.text.length < 200 && b.detail.length < 1000, `${b.kind} is bounded`);
      assert.doesNotMatch(b.text + b.detail, /[\n\r\u202e]/);
      assert.doesNotMatch(b.text + b.detail, /&lt;|&gt;/, 'plain text, not escaped HTML');
    }
  });
});
