// Stable IDs of the bundled sample data (test/endpoint/data), for tests, benchmarks and the demo.
// Keep in step with data/generateSamples.mjs.
export const sampleIds = {
  account: '123456789012',
  region: 'us-east-1',
  /** acme-support: the transfer chain, task, chats, email, callback, WebRTC and the maximal contact. */
  instanceA: '11111111-1111-4111-8111-111111111111',
  instanceAAlias: 'acme-support',
  /** acme-sales: outbound campaign call, email, chat, task and the hostile contact. */
  instanceB: '22222222-2222-4222-8222-222222222222',
  instanceBAlias: 'acme-sales',
  /** acme-lab: an instance with no contacts. */
  instanceC: '33333333-3333-4333-8333-333333333333',
  instanceCAlias: 'acme-lab',

  /** Instance A. Inbound call with recording, evaluation, quality metrics, routing criteria; start of the transfer chain. */
  voice: '6f1d2c3b-4a59-4e68-9a7b-8c9d0e1f2a01',
  /** Instance A. Chat with ChatMetrics. */
  chat: '8b3f4e5d-6c7b-4a8a-9c9d-0e1f2a3b4c05',
  /** Instance A. Task created from the voice call (RelatedContactId = voice). */
  task: '7a2e3d4c-5b6a-4f79-8b8c-9d0e1f2a3b04',
  /** Instance A. Inbound email with Cc/To recipients. */
  email: '9c4a5f6e-7d8c-4b9b-8dae-1f2a3b4c5d06',
  /** Instance A. Callback voice contact. */
  callback: 'ad5b6a7f-8e9d-4cac-9ebf-2a3b4c5d6e07',
  /** Instance A. WebRTC voice/video contact. */
  webrtc: 'be6c7b8a-9fae-4dbd-8fca-3b4c5d6e7f08',
  /** Instance A. Chat abandoned in queue. */
  chatAbandoned: 'cf7d8c9b-a0bf-4ece-9adb-4c5d6e7f8a09',
  /** Instance A. Every member of DescribeContact's Contact shape, at every depth. */
  maximal: 'd08e9dac-b1ca-4fdf-8bec-5d6e7f8a9b10',
  /** Instance B. Every string is an HTML/script/template payload, bidi or control characters; ValueMap nested 50 deep. */
  hostile: '25d3e2f1-061f-4e24-9a3b-0c1d2e3f4a15',
  /** Instance B. */
  salesOutbound: 'e19faebd-c2db-4ae0-9cfd-6e7f8a9b0c11',
  salesEmail: 'f2a0bfce-d3ec-4bf1-8d0e-7f8a9b0c1d12',
  salesChat: '03b1c0df-e4fd-4c02-9e1f-8a9b0c1d2e13',
  salesTask: '14c2d1e0-f50e-4d13-8f2a-9b0c1d2e3f14',

  /** Instance A. voice → (TRANSFER) → (QUEUE_TRANSFER); all share InitialContactId = voice. */
  transferChain: [
    '6f1d2c3b-4a59-4e68-9a7b-8c9d0e1f2a01',
    '6f1d2c3b-4a59-4e68-9a7b-8c9d0e1f2a02',
    '6f1d2c3b-4a59-4e68-9a7b-8c9d0e1f2a03',
  ],
  /** A well-formed contact ID that exists in no instance. */
  missingContact: 'ffffffff-ffff-4fff-8fff-ffffffffffff',
} as const;

/** Contact ARN as the service writes it. */
export function sampleContactArn(instanceId: string, contactId: string): string {
  return `arn:aws:connect:${sampleIds.region}:${sampleIds.account}:instance/${instanceId}/contact/${contactId}`;
}
