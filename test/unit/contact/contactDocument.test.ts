import * as assert from 'node:assert/strict';
import {
  formatCliJson,
  fromWireJson,
  isoFromDate,
  isoFromEpochSeconds,
  pythonFloat,
  toContactDocument,
} from '../../../src/contact/contactDocument';
import { structureMembers } from '../../../src/contact/schema';
import { fixture, sampleFiles } from './samples';

const expectedSmallVoice = `{
    "Contact": {
        "Arn": "arn:aws:connect:us-east-1:123456789012:instance/aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee/contact/1a2b3c4d-0000-4000-8000-000000000001",
        "Id": "1a2b3c4d-0000-4000-8000-000000000001",
        "PreviousContactId": "99999999-0000-4000-8000-000000000009",
        "InitiationMethod": "INBOUND",
        "Channel": "VOICE",
        "QueueInfo": {
            "Id": "q-1",
            "EnqueueTimestamp": "2025-03-04T10:20:40.123000+00:00"
        },
        "AgentInfo": {
            "Id": "agent-7",
            "HierarchyGroups": {
                "Level1": {
                    "Arn": "arn:aws:connect:us-east-1:123456789012:instance/aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee/agent-group/12345678-aaaa-4bbb-8ccc-dddddddddddd"
                }
            },
            "AfterContactWorkDuration": 3723,
            "AgentInitiatedHoldDuration": 125
        },
        "InitiationTimestamp": "2025-03-04T10:20:30+00:00",
        "DisconnectTimestamp": "2025-03-04T11:22:33.500000+00:00",
        "Tags": {
            "my-key": "v1",
            "plain_key": "v2"
        },
        "QualityMetrics": {
            "Agent": {
                "Audio": {
                    "QualityScore": 4.0,
                    "PotentialQualityIssues": []
                }
            }
        },
        "DisconnectReason": "CUSTOMER_DISCONNECT",
        "Attributes": {
            "greeting": "héllo “world” 👋",
            "empty": ""
        },
        "FutureField": {
            "Nested": 1741083630
        }
    }
}
`;

describe('contact document', () => {
  describe('fromWireJson + formatCliJson', () => {
    it('prints a wire body as the AWS CLI does: model key order, ISO timestamps, 4-space indent, non-ASCII kept', () => {
      assert.equal(formatCliJson(fromWireJson(fixture('small-voice.json'))), expectedSmallVoice);
    });

    it('keeps keys the model does not know, after the known ones', () => {
      const doc = fromWireJson({ Contact: { Zeta: 1, Id: 'c', Alpha: { B: 1, A: 2 }, Arn: 'a' } });
      assert.deepEqual(Object.keys(doc.Contact), ['Arn', 'Id', 'Zeta', 'Alpha']);
      assert.deepEqual(Object.keys(doc.Contact.Alpha as object), ['B', 'A']);
    });

    it('reads every sample contact into JSON that survives a round trip', () => {
      const samples = sampleFiles();
      assert.ok(samples.length >= 10, `expected the sample contacts, found ${samples.length}`);
      for (const s of samples) {
        const doc = fromWireJson(s.body);
        assert.equal(doc.Contact.Id, s.contactId, s.file);
        assert.deepEqual(JSON.parse(formatCliJson(doc)), doc, s.file);
        assert.match(doc.Contact.InitiationTimestamp as string, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?\+00:00$/);
      }
    });

    it('keeps a map key named __proto__ as an ordinary key', () => {
      const doc = fromWireJson('{"Contact": {"Attributes": {"__proto__": "x", "a": "b"}}}');
      const attrs = doc.Contact.Attributes as Record<string, unknown>;
      assert.deepEqual(Object.keys(attrs), ['__proto__', 'a']);
      assert.equal(Object.getPrototypeOf(attrs), Object.prototype);
      assert.match(formatCliJson(doc), /"__proto__": "x"/);
    });

    it('escapes control characters as Python json does and leaves DEL, bidi and emoji raw', () => {
      const doc = fromWireJson({ Contact: { Name: 'a"b\\c\n\t\u0001\u007f\u202e🦆' } });
      assert.match(formatCliJson(doc), /"Name": "a\\"b\\\\c\\n\\t\\u0001\u007f\u202e🦆"/);
    });

    it('prints empty containers inline', () => {
      assert.equal(formatCliJson({ Contact: {} }), '{\n    "Contact": {}\n}\n');
    });
  });

  describe('toContactDocument (SDK output)', () => {
    it('turns Dates into CLI timestamps, drops undefined and orders keys like the model', () => {
      const doc = toContactDocument({
        $metadata: { httpStatusCode: 200 },
        Contact: {
          Channel: 'CHAT',
          DisconnectTimestamp: undefined,
          InitiationTimestamp: new Date(Date.UTC(2025, 2, 4, 10, 20, 30, 123)),
          Id: 'c-1',
          AgentInfo: {
            StateTransitions: [{ StateEndTimestamp: new Date(Date.UTC(2025, 2, 4, 10, 21, 0)), State: 'CONNECTED' }],
            Id: 'a',
          },
          SegmentAttributes: { 'connect:Subtype': { ValueString: 'connect:Chat', ValueMap: undefined } },
        },
      } as { Contact: object });
      assert.deepEqual(doc, {
        Contact: {
          Id: 'c-1',
          Channel: 'CHAT',
          AgentInfo: { Id: 'a', StateTransitions: [{ State: 'CONNECTED', StateEndTimestamp: '2025-03-04T10:21:00+00:00' }] },
          InitiationTimestamp: '2025-03-04T10:20:30.123000+00:00',
          SegmentAttributes: { 'connect:Subtype': { ValueString: 'connect:Chat' } },
        },
      });
      assert.deepEqual(Object.keys(doc.Contact), ['Id', 'Channel', 'AgentInfo', 'InitiationTimestamp', 'SegmentAttributes']);
    });

    it('gives the same document as the wire path for the same contact', () => {
      const wire = fromWireJson(fixture('small-voice.json'));
      const sdkLike = (JSON.parse(fixture('small-voice.json')) as { Contact: Record<string, unknown> }).Contact;
      sdkLike.InitiationTimestamp = new Date(1741083630_000);
      sdkLike.DisconnectTimestamp = new Date(1741087353_500);
      (sdkLike.QueueInfo as Record<string, unknown>).EnqueueTimestamp = new Date(1741083640_123);
      assert.deepEqual(toContactDocument({ Contact: sdkLike }), wire);
    });

    it('gives an empty contact for output without one', () => {
      assert.deepEqual(toContactDocument({}), { Contact: {} });
    });
  });

  describe('timestamps and numbers', () => {
    it('formats like Python isoformat in UTC', () => {
      assert.equal(isoFromEpochSeconds(1741083630), '2025-03-04T10:20:30+00:00');
      assert.equal(isoFromEpochSeconds(1741083630.5), '2025-03-04T10:20:30.500000+00:00');
      assert.equal(isoFromEpochSeconds(1741083630.000001), '2025-03-04T10:20:30.000001+00:00');
      assert.equal(isoFromEpochSeconds(0), '1970-01-01T00:00:00+00:00');
      assert.equal(isoFromDate(new Date(Date.UTC(2024, 1, 29, 23, 59, 59, 999))), '2024-02-29T23:59:59.999000+00:00');
    });

    it('prints floats as Python repr does', () => {
      const cases: [number, string][] = [
        [4, '4.0'],
        [0.1, '0.1'],
        [-2.5, '-2.5'],
        [0.0001, '0.0001'],
        [0.00001, '1e-05'],
        [1.5e-7, '1.5e-07'],
        [1e15, '1000000000000000.0'],
        [1e16, '1e+16'],
        [123456.789, '123456.789'],
        [0, '0.0'],
      ];
      for (const [n, text] of cases) assert.equal(pythonFloat(n), text, String(n));
    });
  });

  describe('schema', () => {
    it('lists Contact members in model order, 48 of them', () => {
      const members = [...structureMembers('Contact').keys()];
      assert.equal(members.length, 48);
      assert.deepEqual(members.slice(0, 5), ['Arn', 'Id', 'InitialContactId', 'PreviousContactId', 'ContactAssociationId']);
      assert.equal(members[members.length - 1], 'GlobalResiliencyMetadata');
    });
  });
});
