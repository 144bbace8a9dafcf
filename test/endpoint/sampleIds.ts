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
  /** Instance A. A callback after the maximal contact (PreviousContactId = maximal), queued in `missingQueue`. */
  renewalCallback: '36e4f302-1720-4f35-8b4c-1d2e3f4a5b16',
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
  /**
   * Instance A. The maximal contact's chain, in link order (each PreviousContactId is the one before; all
   * share InitialContactId = voice): what ListAssociatedContacts lists for any of them, in this order.
   */
  maximalChain: [
    '6f1d2c3b-4a59-4e68-9a7b-8c9d0e1f2a01',
    '6f1d2c3b-4a59-4e68-9a7b-8c9d0e1f2a02',
    '6f1d2c3b-4a59-4e68-9a7b-8c9d0e1f2a03',
    'd08e9dac-b1ca-4fdf-8bec-5d6e7f8a9b10',
    '36e4f302-1720-4f35-8b4c-1d2e3f4a5b16',
  ],
  /** A well-formed contact ID that exists in no instance. */
  missingContact: 'ffffffff-ffff-4fff-8fff-ffffffffffff',
  /**
   * The renewal callback's QueueInfo.Id, deliberately absent from resources.json (a queue deleted since):
   * DescribeQueue answers ResourceNotFoundException. The only ID a sample contact names that does not resolve.
   */
  missingQueue: 'b0b1b2b3-6666-4ccc-8ddd-000000000b06',
} as const;

/**
 * Instance A. What the maximal contact names, resolved: its queue, agent, the agent's routing profile and
 * hierarchy groups (level one to five, as in AgentInfo.HierarchyGroups), and the queue's outbound whisper
 * flow. Each of these carries every member of its Describe* output shape.
 */
export const maximalResources = {
  queue: { id: 'b0b1b2b3-4444-4ccc-8ddd-000000000b04', name: 'Renewals' },
  agent: { id: '0a1b2c3d-4444-4aaa-8bbb-000000000a04', username: 'sam.okafor', firstName: 'Sam', lastName: 'Okafor' },
  routingProfile: { id: 'a7a7a7a7-4444-4aaa-8bbb-00000000a704', name: 'Outbound renewals' },
  hierarchyGroups: [
    { id: '9e1a0000-0000-4000-8000-00000000e001', name: 'Acme Support' },
    { id: '9e1a0000-0000-4000-8000-00000000e004', name: 'Renewals' },
    { id: '9e1a0000-0000-4000-8000-00000000e005', name: 'EMEA' },
    { id: '9e1a0000-0000-4000-8000-00000000e006', name: 'London' },
    { id: '9e1a0000-0000-4000-8000-00000000e007', name: 'Squad 7' },
  ],
  flow: { id: 'f1f1f1f1-3333-4aaa-8bbb-00000000f103', name: 'Renewals outbound whisper' },
} as const;

/** Instance A. The maximal contact's evaluations as ListContactEvaluations lists them (oldest first, two a page). */
export const maximalEvaluations = [
  { id: '9c0d1e2f-0000-4000-8000-000000000e04', title: 'Recording disclosure (automated)', status: 'SUBMITTED', percentage: 100 },
  { id: '5e6f7a8b-0000-4000-8000-000000000e03', title: 'Outbound renewals QA', status: 'DRAFT', percentage: undefined },
  { id: '0b1c2d3e-0000-4000-8000-000000000e05', title: 'Outbound renewals QA', status: 'SUBMITTED', percentage: 87.5 },
  { id: '3d4e5f60-0000-4000-8000-000000000e06', title: 'Outbound renewals QA', status: 'UNDER_REVIEW', percentage: 0, notApplicable: true },
] as const;

/** Instance A. The low score: the voice contact's one evaluation, an automatic fail. */
export const lowScoreEvaluation = {
  contactId: '6f1d2c3b-4a59-4e68-9a7b-8c9d0e1f2a01',
  id: '7f3a9c21-0000-4000-8000-000000000e01',
  title: 'Billing call quality',
  percentage: 38.5,
  automaticFail: true,
} as const;

/** Instance A. The maximal contact's references: a URL, two attachments, and one each of STRING, NUMBER, DATE, EMAIL. */
export const maximalReferences = {
  url: { name: 'CRM account', value: 'https://crm.acme.example/accounts/cust-00042817' },
  attachment: {
    name: 'renewal-contract.pdf',
    status: 'APPROVED',
    arn: 'arn:aws:connect:us-east-1:123456789012:instance/11111111-1111-4111-8111-111111111111/file/a77ac400-1111-4aaa-8bbb-00000000a771',
  },
  rejectedAttachment: { name: 'signed-form.exe', status: 'REJECTED' },
  count: 7,
} as const;

/** Other resources tests name: the supervisor who evaluates (instance A) and a flow that was never published. */
export const otherResources = {
  evaluator: { id: '0a1b2c3d-5555-4aaa-8bbb-000000000a05', username: 'priya.nair' },
  /** DescribeContactFlow answers ContactFlowNotPublishedException unless asked for `<id>:$SAVED`. */
  unpublishedFlow: { id: 'f1f1f1f1-4444-4aaa-8bbb-00000000f104', name: 'Renewal callback (draft)' },
} as const;

/**
 * Instance B. The resources behind the hostile contact's own QueueInfo.Id and AgentInfo.Id (both hostile
 * strings themselves), with HTML and a right-to-left override in their names; only that contact uses them.
 * Its HierarchyGroups Level1 "Arn" is `javascript:alert(1)`, not an ARN, so it names no group.
 */
export const hostileResources = {
  queue: { id: '<script>alert("xss")</script>', name: '<img src=x onerror=alert(1)>\u202Egnp.exe' },
  agent: { id: "{{constructor.constructor('alert(1)')()}}", username: '<img src=x onerror=alert(1)>', firstName: '\u202Enimda', lastName: '<script>alert("user")</script>' },
} as const;

/** Contact ARN as the service writes it. */
export function sampleContactArn(instanceId: string, contactId: string): string {
  return `arn:aws:connect:${sampleIds.region}:${sampleIds.account}:instance/${instanceId}/contact/${contactId}`;
}

const flowArn = (id: string) => `arn:aws:connect:us-east-1:123456789012:instance/11111111-1111-4111-8111-111111111111/contact-flow/${id}`;

/**
 * The bundled CloudWatch Logs (data/logGroups.json, from data/sampleFlowLogs.mjs): instance A's flow logs,
 * the Lambda functions' logs, and what each sample contact's flow logs hold. Every contact of instance A has
 * flow logs; instance B's log group does not exist (flow logging off), so none of its contacts has any.
 */
export const flowLogIds = {
  /** Instance A's flow-log group: one log stream per flow, named by the flow's ID. Retention 30 days. */
  logGroup: '/aws/connect/acme-support',
  /** Instance C's group: exists (flow logging on), holds no events. Retention 1 day. */
  emptyLogGroup: '/aws/connect/acme-lab',
  /** Instance B has contacts but no flow-log group: FilterLogEvents answers ResourceNotFoundException. */
  missingLogGroup: { instanceId: '22222222-2222-4222-8222-222222222222', logGroupName: '/aws/connect/acme-sales' },
  /**
   * The voice contact: main flow → the "Authenticate caller" module → TransferToFlow to the billing menu, whose
   * GetUserInput times out twice (Loop "Looping" between), then "1"; the customer lookup Lambda returns an
   * error, a Loop retries it and the second call succeeds (ExternalResults); SetAttributes, CheckHoursOfOperation,
   * SetQueue (delivered twice: an exact duplicate), the customer queue flow and the agent whisper.
   */
  lambdaErrorContact: '6f1d2c3b-4a59-4e68-9a7b-8c9d0e1f2a01',
  /** The function the voice contact's flow invokes; its log group has a warm-up ping and both invocations. */
  lambdaFunction: {
    name: 'acme-customer-lookup',
    arn: 'arn:aws:lambda:us-east-1:123456789012:function:acme-customer-lookup',
    logGroupName: '/aws/lambda/acme-customer-lookup',
  },
  /** The chat's bot calls it once (success); its log group has that invocation. Never-expiring retention. */
  orderStatusFunction: {
    name: 'acme-order-status',
    arn: 'arn:aws:lambda:us-east-1:123456789012:function:acme-order-status',
    logGroupName: '/aws/lambda/acme-order-status',
  },
  /** The voice contact's SetQueue event, delivered twice (same message and timestamp, another eventId). */
  duplicateContact: '6f1d2c3b-4a59-4e68-9a7b-8c9d0e1f2a01',
  /** The callback: its SetQueue line has the older shape (`Events`, a Timestamp without seconds, no ContactFlowName). */
  oldShapeContact: 'ad5b6a7f-8e9d-4cac-9ebf-2a3b4c5d6e07',
  /** WebRTC: one line is not JSON (cut off mid-string) yet names the contact: only a term pattern (`"<id>"`) finds it. */
  rawLineContact: 'be6c7b8a-9fae-4dbd-8fca-3b4c5d6e7f08',
  /** The abandoned chat: a disconnect flow runs a Disconnect block just after the customer left. */
  disconnectContact: 'cf7d8c9b-a0bf-4ece-9adb-4c5d6e7f8a09',
  /**
   * The long chat (sampleIds.chat): the bot, then a staffing check that loops 1,000 times (5 blocks each)
   * in the 45 s before it is queued. The loop is expanded when the endpoint loads the samples.
   */
  longChat: { contactId: '8b3f4e5d-6c7b-4a8a-9c9d-0e1f2a3b4c05', eventCount: 5013, loopIterations: 1000 },
  /** Flow-log events `{ $.ContactId = "<id>" }` matches, by contact (instance A; the raw line is not JSON and not counted). */
  eventCounts: {
    '6f1d2c3b-4a59-4e68-9a7b-8c9d0e1f2a01': 31,
    '6f1d2c3b-4a59-4e68-9a7b-8c9d0e1f2a02': 11,
    '6f1d2c3b-4a59-4e68-9a7b-8c9d0e1f2a03': 10,
    '7a2e3d4c-5b6a-4f79-8b8c-9d0e1f2a3b04': 5,
    '8b3f4e5d-6c7b-4a8a-9c9d-0e1f2a3b4c05': 5013,
    '9c4a5f6e-7d8c-4b9b-8dae-1f2a3b4c5d06': 4,
    'ad5b6a7f-8e9d-4cac-9ebf-2a3b4c5d6e07': 5,
    'be6c7b8a-9fae-4dbd-8fca-3b4c5d6e7f08': 9,
    'cf7d8c9b-a0bf-4ece-9adb-4c5d6e7f8a09': 7,
    'd08e9dac-b1ca-4fdf-8bec-5d6e7f8a9b10': 9,
    '36e4f302-1720-4f35-8b4c-1d2e3f4a5b16': 5,
  } as Record<string, number>,
  /** The flows (and the module) the flow logs name, all in instance A; each `arn` is the lines' ContactFlowId. */
  flows: {
    inbound: { id: 'f1f1f1f1-1111-4aaa-8bbb-00000000f101', name: 'Acme inbound main', arn: flowArn('f1f1f1f1-1111-4aaa-8bbb-00000000f101') },
    billingMenu: { id: 'f1f1f1f1-7777-4aaa-8bbb-00000000f107', name: 'Acme billing menu', arn: flowArn('f1f1f1f1-7777-4aaa-8bbb-00000000f107') },
    customerQueue: { id: 'f1f1f1f1-8888-4aaa-8bbb-00000000f108', name: 'Acme customer queue', arn: flowArn('f1f1f1f1-8888-4aaa-8bbb-00000000f108') },
    agentWhisper: { id: 'f1f1f1f1-9999-4aaa-8bbb-00000000f109', name: 'Acme agent whisper', arn: flowArn('f1f1f1f1-9999-4aaa-8bbb-00000000f109') },
    queueTransfer: { id: 'f1f1f1f1-aaaa-4aaa-8bbb-00000000f10a', name: 'Transfer to queue', arn: flowArn('f1f1f1f1-aaaa-4aaa-8bbb-00000000f10a') },
    chatBot: { id: 'f1f1f1f1-bbbb-4aaa-8bbb-00000000f10b', name: 'Acme chat bot', arn: flowArn('f1f1f1f1-bbbb-4aaa-8bbb-00000000f10b') },
    taskRouting: { id: 'f1f1f1f1-cccc-4aaa-8bbb-00000000f10c', name: 'Acme task routing', arn: flowArn('f1f1f1f1-cccc-4aaa-8bbb-00000000f10c') },
    emailRouting: { id: 'f1f1f1f1-dddd-4aaa-8bbb-00000000f10d', name: 'Acme email routing', arn: flowArn('f1f1f1f1-dddd-4aaa-8bbb-00000000f10d') },
    callbackSetup: { id: 'f1f1f1f1-eeee-4aaa-8bbb-00000000f10e', name: 'Acme callback setup', arn: flowArn('f1f1f1f1-eeee-4aaa-8bbb-00000000f10e') },
    webCalling: { id: 'f1f1f1f1-ffff-4aaa-8bbb-00000000f10f', name: 'Acme web calling', arn: flowArn('f1f1f1f1-ffff-4aaa-8bbb-00000000f10f') },
    chatDisconnect: { id: 'f1f1f1f1-a1a1-4aaa-8bbb-00000000f110', name: 'Acme chat disconnect', arn: flowArn('f1f1f1f1-a1a1-4aaa-8bbb-00000000f110') },
    renewalsCampaign: { id: 'f1f1f1f1-b1b1-4aaa-8bbb-00000000f111', name: 'Renewals campaign', arn: flowArn('f1f1f1f1-b1b1-4aaa-8bbb-00000000f111') },
    renewalsWhisper: { id: 'f1f1f1f1-3333-4aaa-8bbb-00000000f103', name: 'Renewals outbound whisper', arn: flowArn('f1f1f1f1-3333-4aaa-8bbb-00000000f103') },
    /** A flow module: its lines' ContactFlowId is a flow-module ARN; DescribeContactFlow does not know it. */
    authenticateModule: {
      id: 'f1f1f1f1-c1c1-4aaa-8bbb-00000000f1a1',
      name: 'Authenticate caller',
      arn: 'arn:aws:connect:us-east-1:123456789012:instance/11111111-1111-4111-8111-111111111111/flow-module/f1f1f1f1-c1c1-4aaa-8bbb-00000000f1a1',
    },
  },
} as const;
