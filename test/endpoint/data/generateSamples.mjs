// Writes the bundled sample data (instances.json, contacts/<instanceId>/<contactId>.json as
// DescribeContact response bodies, and resources.json: the queues, users, groups, routing profiles,
// flows, evaluations and references the contacts name) in restJson1 wire format (epoch-second timestamps),
// and logGroups.json: the CloudWatch Logs the contacts left (flow logs, Lambda logs; epoch milliseconds).
// Run once after editing: `node test/endpoint/data/generateSamples.mjs`. The output is committed;
// the server rebases the stored times at load so they always look recent.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildLogGroups } from './sampleFlowLogs.mjs';
import { buildResources } from './sampleResources.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const account = '123456789012';
const region = 'us-east-1';
const instanceA = '11111111-1111-4111-8111-111111111111';
const instanceB = '22222222-2222-4222-8222-222222222222';
const instanceC = '33333333-3333-4333-8333-333333333333';

export const ids = {
  voice: '6f1d2c3b-4a59-4e68-9a7b-8c9d0e1f2a01',
  transfer: '6f1d2c3b-4a59-4e68-9a7b-8c9d0e1f2a02',
  queueTransfer: '6f1d2c3b-4a59-4e68-9a7b-8c9d0e1f2a03',
  task: '7a2e3d4c-5b6a-4f79-8b8c-9d0e1f2a3b04',
  chat: '8b3f4e5d-6c7b-4a8a-9c9d-0e1f2a3b4c05',
  email: '9c4a5f6e-7d8c-4b9b-8dae-1f2a3b4c5d06',
  callback: 'ad5b6a7f-8e9d-4cac-9ebf-2a3b4c5d6e07',
  webrtc: 'be6c7b8a-9fae-4dbd-8fca-3b4c5d6e7f08',
  chatAbandoned: 'cf7d8c9b-a0bf-4ece-9adb-4c5d6e7f8a09',
  maximal: 'd08e9dac-b1ca-4fdf-8bec-5d6e7f8a9b10',
  salesOutbound: 'e19faebd-c2db-4ae0-9cfd-6e7f8a9b0c11',
  salesEmail: 'f2a0bfce-d3ec-4bf1-8d0e-7f8a9b0c1d12',
  salesChat: '03b1c0df-e4fd-4c02-9e1f-8a9b0c1d2e13',
  salesTask: '14c2d1e0-f50e-4d13-8f2a-9b0c1d2e3f14',
  hostile: '25d3e2f1-061f-4e24-9a3b-0c1d2e3f4a15',
  renewalCallback: '36e4f302-1720-4f35-8b4c-1d2e3f4a5b16',
};

const agents = {
  maria: '0a1b2c3d-1111-4aaa-8bbb-000000000a01',
  dev: '0a1b2c3d-2222-4aaa-8bbb-000000000a02',
  li: '0a1b2c3d-3333-4aaa-8bbb-000000000a03',
  sam: '0a1b2c3d-4444-4aaa-8bbb-000000000a04',
};
const queues = {
  billing: 'b0b1b2b3-1111-4ccc-8ddd-000000000b01',
  tech: 'b0b1b2b3-2222-4ccc-8ddd-000000000b02',
  escalations: 'b0b1b2b3-3333-4ccc-8ddd-000000000b03',
  sales: 'b0b1b2b3-4444-4ccc-8ddd-000000000b04',
  email: 'b0b1b2b3-5555-4ccc-8ddd-000000000b05',
  /** Named by the renewal callback, deliberately absent from resources.json (a queue deleted since). */
  deleted: 'b0b1b2b3-6666-4ccc-8ddd-000000000b06',
};
// Agent hierarchy groups of instance A: e001 is level one; the rest sit under it.
const groups = {
  support: '9e1a0000-0000-4000-8000-00000000e001',
  billing: '9e1a0000-0000-4000-8000-00000000e002',
  escalations: '9e1a0000-0000-4000-8000-00000000e003',
  renewals: '9e1a0000-0000-4000-8000-00000000e004',
  emea: '9e1a0000-0000-4000-8000-00000000e005',
  london: '9e1a0000-0000-4000-8000-00000000e006',
  squad7: '9e1a0000-0000-4000-8000-00000000e007',
};

const arn = (instanceId, kind, id) => `arn:aws:connect:${region}:${account}:instance/${instanceId}/${kind}/${id}`;
const contactArn = (instanceId, id) => arn(instanceId, 'contact', id);
const hierarchy = (instanceId, levels) =>
  Object.fromEntries(levels.map((g, i) => [`Level${i + 1}`, { Arn: arn(instanceId, 'agent-group', g) }]));

// Stored times: the newest contact starts 2026-11-20T09:00Z, the oldest ~3 days earlier.
const newest = Date.UTC(2026, 10, 20, 9, 0, 0) / 1000;
const hoursAgo = (h) => Math.round((newest - h * 3600) * 1000) / 1000;

function voice(id, instanceId, startedHoursAgo, extra) {
  const t = hoursAgo(startedHoursAgo);
  return {
    Arn: contactArn(instanceId, id),
    Id: id,
    InitialContactId: id,
    InitiationMethod: 'INBOUND',
    Channel: 'VOICE',
    InitiationTimestamp: t,
    DisconnectTimestamp: t + 412.38,
    LastUpdateTimestamp: t + 431.907,
    ConnectedToSystemTimestamp: t + 0.812,
    CustomerEndpoint: { Type: 'TELEPHONE_NUMBER', Address: '+12065550142' },
    SystemEndpoint: { Type: 'TELEPHONE_NUMBER', Address: '+18005550199', DisplayName: 'Acme Support Line' },
    DisconnectReason: 'CUSTOMER_DISCONNECT',
    ...extra,
  };
}

function recording(instanceId, id, t, participant = 'ALL') {
  return {
    StorageType: 'S3',
    Location: `acme-connect-recordings/connect/acme/CallRecordings/2026/11/20/${id}_${participant.toLowerCase()}.wav`,
    MediaStreamType: 'AUDIO',
    ParticipantType: participant,
    StartTimestamp: t,
    StopTimestamp: t + 350.5,
    Status: 'AVAILABLE',
  };
}

const contacts = {};
const add = (instanceId, contact) => {
  contacts[`${instanceId}/${contact.Id}`] = { Contact: contact };
};

// --- Instance A (acme-support): a transfer chain, a task from the call, chats, email, callback, WebRTC.
const t1 = hoursAgo(2);
add(
  instanceA,
  voice(ids.voice, instanceA, 2, {
    Name: 'Billing question – card declined',
    Description: 'Customer called about a declined card payment; transferred to escalations.',
    QueueInfo: { Id: queues.billing, EnqueueTimestamp: t1 + 35.2 },
    AgentInfo: {
      Id: agents.maria,
      ConnectedToAgentTimestamp: t1 + 61.04,
      AcceptedByAgentTimestamp: t1 + 60.5,
      HierarchyGroups: hierarchy(instanceA, [groups.support, groups.billing]),
      AfterContactWorkDuration: 45,
      AfterContactWorkStartTimestamp: t1 + 412.38,
      AfterContactWorkEndTimestamp: t1 + 457.38,
      AgentInitiatedHoldDuration: 22,
      DeviceInfo: { PlatformName: 'CCP', PlatformVersion: '2.15.0', OperatingSystem: 'Windows 11' },
      StateTransitions: [
        { State: 'CONNECTED', StateStartTimestamp: t1 + 61.04, StateEndTimestamp: t1 + 412.38 },
      ],
    },
    DisconnectReason: 'TRANSFER',
    NextContacts: [
      {
        Type: 'QUICK_CONNECT',
        NextContactMetadata: {
          QuickConnectContactData: {
            ContactId: ids.transfer,
            InitiationTimestamp: t1 + 400.1,
            QuickConnectId: 'c4c4c4c4-1111-4eee-8fff-000000000c01',
            QuickConnectName: 'Escalations queue',
            QuickConnectType: 'QUEUE',
          },
        },
      },
    ],
    Recordings: [recording(instanceA, ids.voice, t1 + 61.04)],
    ContactEvaluations: {
      'eval-7f3a9c21': {
        FormId: 'f0f0f0f0-1111-4aaa-8bbb-00000000f001',
        EvaluationArn: arn(instanceA, 'contact-evaluation', '7f3a9c21-0000-4000-8000-000000000e01'),
        Status: 'COMPLETE',
        StartTimestamp: t1 + 3600,
        EndTimestamp: t1 + 4020.25,
        ExportLocation: `s3://acme-connect-evaluations/${instanceA}/${ids.voice}/eval-7f3a9c21.json`,
      },
    },
    QualityMetrics: {
      Agent: { Audio: { QualityScore: 4.4, PotentialQualityIssues: [] } },
      Customer: { Audio: { QualityScore: 3.1, PotentialQualityIssues: ['HighPacketLoss', 'HighRoundTripTime'] } },
    },
    SegmentAttributes: {
      'connect:Subtype': { ValueString: 'connect:Telephony' },
      'connect:CustomerAuthentication': {
        ValueMap: {
          Status: { ValueString: 'AUTHENTICATED' },
          Method: { ValueString: 'PIN' },
          Factors: { ValueList: [{ ValueString: 'pin' }, { ValueString: 'caller-id' }] },
        },
      },
    },
    RoutingCriteria: {
      ActivationTimestamp: t1 + 35.2,
      Index: 0,
      Steps: [
        {
          Status: 'JOINED',
          Expiry: { DurationInSeconds: 30, ExpiryTimestamp: t1 + 65.2 },
          Expression: {
            AndExpression: [
              { AttributeCondition: { Name: 'Language', Value: 'English', ProficiencyLevel: 4, ComparisonOperator: 'NumberGreaterOrEqualTo' } },
              { AttributeCondition: { Name: 'Product', Value: 'Payments', ProficiencyLevel: 3, ComparisonOperator: 'NumberGreaterOrEqualTo' } },
            ],
          },
        },
      ],
    },
    Tags: { Department: 'Billing', 'cost-center': 'CC-1042' },
    Attributes: { customerTier: 'gold', accountNumber: '****4821', intent: 'CardDeclined', language: 'en-US' },
  }),
);

add(
  instanceA,
  voice(ids.transfer, instanceA, 2 - 400 / 3600, {
    InitialContactId: ids.voice,
    PreviousContactId: ids.voice,
    InitiationMethod: 'TRANSFER',
    Name: 'Billing question – card declined',
    QueueInfo: { Id: queues.escalations, EnqueueTimestamp: t1 + 401 },
    AgentInfo: {
      Id: agents.dev,
      ConnectedToAgentTimestamp: t1 + 455.7,
      HierarchyGroups: hierarchy(instanceA, [groups.support, groups.escalations]),
      AfterContactWorkDuration: 60,
    },
    DisconnectReason: 'TRANSFER',
    Recordings: [recording(instanceA, ids.transfer, t1 + 455.7)],
    Attributes: { customerTier: 'gold', accountNumber: '****4821', intent: 'CardDeclined', escalationReason: 'fraud-review' },
  }),
);

add(
  instanceA,
  voice(ids.queueTransfer, instanceA, 2 - 700 / 3600, {
    InitialContactId: ids.voice,
    PreviousContactId: ids.transfer,
    InitiationMethod: 'QUEUE_TRANSFER',
    QueueInfo: { Id: queues.tech, EnqueueTimestamp: t1 + 702 },
    AgentInfo: { Id: agents.li, ConnectedToAgentTimestamp: t1 + 760.4 },
    DisconnectReason: 'AGENT_DISCONNECT',
    Attributes: { customerTier: 'gold', accountNumber: '****4821', intent: 'CardDeclined', resolution: 'card-reissued' },
  }),
);

const tTask = hoursAgo(1.5);
add(instanceA, {
  Arn: contactArn(instanceA, ids.task),
  Id: ids.task,
  InitialContactId: ids.task,
  RelatedContactId: ids.voice,
  InitiationMethod: 'API',
  Name: 'Follow up: reissue card',
  Description: 'Confirm the replacement card was delivered and activated.',
  Channel: 'TASK',
  InitiationTimestamp: tTask,
  ScheduledTimestamp: tTask + 86400,
  LastUpdateTimestamp: tTask + 12.5,
  QueueInfo: { Id: queues.billing, EnqueueTimestamp: tTask + 3.1 },
  TaskTemplateInfo: { Arn: arn(instanceA, 'task-template', '5e5e5e5e-1111-4aaa-8bbb-000000005e01'), Name: 'Card follow-up' },
  ContactDetails: { Name: 'Follow up: reissue card', Description: 'Confirm the replacement card was delivered and activated.' },
  SegmentAttributes: { 'connect:Subtype': { ValueString: 'connect:Task' } },
  Attributes: { relatedCall: ids.voice, dueInDays: '1' },
  Tags: { Department: 'Billing' },
});

const tChat = hoursAgo(5);
add(instanceA, {
  Arn: contactArn(instanceA, ids.chat),
  Id: ids.chat,
  InitialContactId: ids.chat,
  InitiationMethod: 'API',
  Channel: 'CHAT',
  InitiationTimestamp: tChat,
  DisconnectTimestamp: tChat + 905.75,
  LastUpdateTimestamp: tChat + 910,
  QueueInfo: { Id: queues.tech, EnqueueTimestamp: tChat + 48.1 },
  AgentInfo: {
    Id: agents.li,
    ConnectedToAgentTimestamp: tChat + 72.6,
    HierarchyGroups: hierarchy(instanceA, [groups.support]),
  },
  CustomerEndpoint: { Type: 'VOIP', Address: 'chat-customer-8f2d', DisplayName: 'Jordan P.' },
  DisconnectReason: 'CUSTOMER_DISCONNECT',
  ChatMetrics: {
    ChatContactMetrics: {
      MultiParty: false,
      TotalMessages: 24,
      TotalBotMessages: 5,
      TotalBotMessageLengthInChars: 612,
      ConversationCloseTimeInMillis: 833150,
      ConversationTurnCount: 9,
      AgentFirstResponseTimestamp: tChat + 80.2,
      AgentFirstResponseTimeInMillis: 7600,
    },
    AgentMetrics: {
      ParticipantId: 'agent-participant-4b1e',
      ParticipantType: 'AGENT',
      ConversationAbandon: false,
      MessagesSent: 10,
      NumResponses: 8,
      MessageLengthInChars: 1188,
      TotalResponseTimeInMillis: 98000,
      MaxResponseTimeInMillis: 31000,
      LastMessageTimestamp: tChat + 880.4,
    },
    CustomerMetrics: {
      ParticipantId: 'customer-participant-77c0',
      ParticipantType: 'CUSTOMER',
      ConversationAbandon: false,
      MessagesSent: 9,
      NumResponses: 8,
      MessageLengthInChars: 743,
      TotalResponseTimeInMillis: 121000,
      MaxResponseTimeInMillis: 42000,
      LastMessageTimestamp: tChat + 895.1,
    },
  },
  SegmentAttributes: {
    'connect:Subtype': { ValueString: 'connect:Chat' },
    'connect:ChatWidget': { ValueMap: { Origin: { ValueString: 'https://help.acme.example/' }, Page: { ValueString: '/orders/track' } } },
  },
  Attributes: { orderId: 'ORD-20261120-5531', topic: 'delivery-status' },
});

const tEmail = hoursAgo(9);
add(instanceA, {
  Arn: contactArn(instanceA, ids.email),
  Id: ids.email,
  InitialContactId: ids.email,
  InitiationMethod: 'INBOUND',
  Name: 'Invoice INV-88213 has the wrong VAT number',
  Channel: 'EMAIL',
  InitiationTimestamp: tEmail,
  DisconnectTimestamp: tEmail + 5400,
  LastUpdateTimestamp: tEmail + 5410,
  QueueInfo: { Id: queues.email, EnqueueTimestamp: tEmail + 2 },
  AgentInfo: { Id: agents.maria, ConnectedToAgentTimestamp: tEmail + 1800 },
  CustomerEndpoint: { Type: 'EMAIL_ADDRESS', Address: 'finance@customer.example', DisplayName: 'Customer Finance' },
  SystemEndpoint: { Type: 'EMAIL_ADDRESS', Address: 'support@acme.example', DisplayName: 'Acme Support' },
  AdditionalEmailRecipients: {
    ToList: [{ Address: 'billing@acme.example', DisplayName: 'Acme Billing' }],
    CcList: [{ Address: 'cfo@customer.example', DisplayName: 'R. Ortega' }],
  },
  SegmentAttributes: {
    'connect:Subtype': { ValueString: 'connect:Email' },
    'connect:EmailSubject': { ValueString: 'Invoice INV-88213 has the wrong VAT number' },
  },
  DisconnectReason: 'AGENT_DISCONNECT',
  Attributes: { invoice: 'INV-88213' },
});

const tCallback = hoursAgo(20);
add(
  instanceA,
  voice(ids.callback, instanceA, 20, {
    InitiationMethod: 'CALLBACK',
    QueueInfo: { Id: queues.billing, EnqueueTimestamp: tCallback + 1 },
    AgentInfo: { Id: agents.sam, ConnectedToAgentTimestamp: tCallback + 640 },
    QueuePriority: 2,
    QueueTimeAdjustmentSeconds: 120,
    DisconnectReason: 'AGENT_DISCONNECT',
    Attributes: { callbackNumber: '+12065550178', requestedVia: 'ivr' },
  }),
);

const tWeb = hoursAgo(30);
add(instanceA, {
  Arn: contactArn(instanceA, ids.webrtc),
  Id: ids.webrtc,
  InitialContactId: ids.webrtc,
  InitiationMethod: 'WEBRTC_API',
  Channel: 'VOICE',
  InitiationTimestamp: tWeb,
  DisconnectTimestamp: tWeb + 265.4,
  LastUpdateTimestamp: tWeb + 270,
  QueueInfo: { Id: queues.tech, EnqueueTimestamp: tWeb + 20 },
  AgentInfo: {
    Id: agents.dev,
    ConnectedToAgentTimestamp: tWeb + 44,
    Capabilities: { Video: 'SEND', ScreenShare: 'SEND' },
    VoiceEnhancementMode: 'NOISE_SUPPRESSION',
  },
  Customer: {
    DeviceInfo: { PlatformName: 'Chrome', PlatformVersion: '131.0', OperatingSystem: 'macOS 15.1' },
    Capabilities: { Video: 'SEND' },
  },
  CustomerEndpoint: { Type: 'VOIP', Address: 'webrtc-customer-1d9a' },
  Recordings: [
    recording(instanceA, ids.webrtc, tWeb + 44),
    { ...recording(instanceA, ids.webrtc, tWeb + 44), MediaStreamType: 'VIDEO', Location: `acme-connect-recordings/connect/acme/VideoRecordings/${ids.webrtc}.mp4` },
  ],
  DisconnectReason: 'CUSTOMER_DISCONNECT',
});

const tAb = hoursAgo(50);
add(instanceA, {
  Arn: contactArn(instanceA, ids.chatAbandoned),
  Id: ids.chatAbandoned,
  InitialContactId: ids.chatAbandoned,
  InitiationMethod: 'API',
  Channel: 'CHAT',
  InitiationTimestamp: tAb,
  DisconnectTimestamp: tAb + 95,
  LastUpdateTimestamp: tAb + 96,
  QueueInfo: { Id: queues.tech, EnqueueTimestamp: tAb + 12 },
  DisconnectReason: 'CUSTOMER_DISCONNECT',
  ChatMetrics: {
    ChatContactMetrics: { MultiParty: false, TotalMessages: 3, TotalBotMessages: 2, TotalBotMessageLengthInChars: 140, ConversationCloseTimeInMillis: 95000, ConversationTurnCount: 1 },
    CustomerMetrics: { ParticipantId: 'customer-participant-0c3d', ParticipantType: 'CUSTOMER', ConversationAbandon: true, MessagesSent: 1, NumResponses: 0, MessageLengthInChars: 31, LastMessageTimestamp: tAb + 10 },
  },
});

// --- The maximal contact: every member of the Contact output shape, at every depth.
// After the queue transfer it follows (PreviousContactId) ended: the chain reads left to right by time.
const tm = hoursAgo(1.69);
add(instanceA, {
  Arn: contactArn(instanceA, ids.maximal),
  Id: ids.maximal,
  InitialContactId: ids.voice,
  PreviousContactId: ids.queueTransfer,
  ContactAssociationId: '3c3c3c3c-1111-4aaa-8bbb-000000003c01',
  InitiationMethod: 'OUTBOUND',
  Name: 'Outbound renewal call (preview dialing)',
  Description: 'Agent-first preview call for a renewal campaign, with every DescribeContact field populated.',
  Channel: 'VOICE',
  QueueInfo: { Id: queues.sales, EnqueueTimestamp: tm + 1.25 },
  AgentInfo: {
    Id: agents.sam,
    AcceptedByAgentTimestamp: tm + 3.5,
    PreviewEndTimestamp: tm + 18.75,
    ConnectedToAgentTimestamp: tm + 24.125,
    AgentPauseDurationInSeconds: 40,
    HierarchyGroups: hierarchy(instanceA, [groups.support, groups.renewals, groups.emea, groups.london, groups.squad7]),
    DeviceInfo: { PlatformName: 'CCP', PlatformVersion: '2.16.1', OperatingSystem: 'Ubuntu 24.04' },
    Capabilities: { Video: 'SEND', ScreenShare: 'SEND' },
    AfterContactWorkDuration: 75,
    AfterContactWorkStartTimestamp: tm + 620.5,
    AfterContactWorkEndTimestamp: tm + 695.5,
    AgentInitiatedHoldDuration: 31,
    StateTransitions: [
      { State: 'INITIAL', StateStartTimestamp: tm + 3.5, StateEndTimestamp: tm + 24.125 },
      { State: 'CONNECTED', StateStartTimestamp: tm + 24.125, StateEndTimestamp: tm + 620.5 },
      { State: 'DISCONNECTED', StateStartTimestamp: tm + 620.5, StateEndTimestamp: tm + 695.5 },
    ],
    VoiceEnhancementMode: 'VOICE_ISOLATION',
    ActiveRegion: 'us-east-1',
  },
  InitiationTimestamp: tm,
  DisconnectTimestamp: tm + 620.5,
  LastUpdateTimestamp: tm + 700.001,
  LastPausedTimestamp: tm + 300,
  LastResumedTimestamp: tm + 340,
  RingStartTimestamp: tm + 19.5,
  TotalPauseCount: 1,
  TotalPauseDurationInSeconds: 40,
  ScheduledTimestamp: tm - 3600,
  RelatedContactId: ids.task,
  WisdomInfo: {
    SessionArn: `arn:aws:wisdom:${region}:${account}:session/7d7d7d7d-1111-4aaa-8bbb-000000007d01/8e8e8e8e-2222-4bbb-8ccc-000000008e02`,
    AiAgents: [
      { AiUseCase: 'AgentAssistance', AiAgentVersionId: 'a1a1a1a1-1111-4aaa-8bbb-00000000a1a1:3', AiAgentEscalated: false },
      { AiUseCase: 'SelfService', AiAgentVersionId: 'b2b2b2b2-2222-4bbb-8ccc-00000000b2b2:1', AiAgentEscalated: true },
    ],
  },
  CustomerId: 'cust-00042817',
  CustomerEndpoint: { Type: 'TELEPHONE_NUMBER', Address: '+442071838750', DisplayName: 'Harriet Example' },
  SystemEndpoint: { Type: 'CONNECT_PHONENUMBER_ARN', Address: arn(instanceA, 'phone-number', '4f4f4f4f-1111-4aaa-8bbb-000000004f01'), DisplayName: 'Acme Renewals' },
  QueueTimeAdjustmentSeconds: -30,
  QueuePriority: 3,
  Tags: { Campaign: 'renewals-q4', Department: 'Sales', 'cost-center': 'CC-2077' },
  ConnectedToSystemTimestamp: tm + 0.5,
  RoutingCriteria: {
    Steps: [
      {
        Expiry: { DurationInSeconds: 60, ExpiryTimestamp: tm + 61.25 },
        Expression: {
          OrExpression: [
            {
              AndExpression: [
                { AttributeCondition: { Name: 'Language', Value: 'English', ProficiencyLevel: 4, ComparisonOperator: 'NumberGreaterOrEqualTo' } },
                { AttributeCondition: { Name: 'Product', Value: 'Renewals', Range: { MinProficiencyLevel: 2, MaxProficiencyLevel: 5 }, ComparisonOperator: 'Range' } },
              ],
            },
            { AttributeCondition: { Name: 'Skill', Value: 'Retention', ProficiencyLevel: 5, ComparisonOperator: 'NumberGreaterOrEqualTo' } },
          ],
        },
        Status: 'EXPIRED',
      },
      {
        Expiry: { DurationInSeconds: 120, ExpiryTimestamp: tm + 181.25 },
        Expression: {
          AttributeCondition: {
            Name: 'Agents',
            Value: 'PreferredAgents',
            ProficiencyLevel: 1,
            Range: { MinProficiencyLevel: 1, MaxProficiencyLevel: 5 },
            MatchCriteria: { AgentsCriteria: { AgentIds: [agents.sam, agents.maria] } },
            ComparisonOperator: 'Match',
          },
          AndExpression: [{ AttributeCondition: { Name: 'Region', Value: 'UK', ProficiencyLevel: 1, ComparisonOperator: 'NumberGreaterOrEqualTo' } }],
          OrExpression: [{ AttributeCondition: { Name: 'Language', Value: 'French', ProficiencyLevel: 3, ComparisonOperator: 'NumberGreaterOrEqualTo' } }],
          NotAttributeCondition: {
            Name: 'Agents',
            Value: 'ExcludedAgents',
            ProficiencyLevel: 1,
            Range: { MinProficiencyLevel: 1, MaxProficiencyLevel: 2 },
            MatchCriteria: { AgentsCriteria: { AgentIds: [agents.dev] } },
            ComparisonOperator: 'Match',
          },
        },
        Status: 'JOINED',
      },
    ],
    ActivationTimestamp: tm + 1.25,
    Index: 1,
  },
  Customer: {
    DeviceInfo: { PlatformName: 'Firefox', PlatformVersion: '133.0', OperatingSystem: 'Windows 11' },
    Capabilities: { Video: 'SEND', ScreenShare: 'SEND' },
  },
  Campaign: { CampaignId: 'c9c9c9c9-1111-4aaa-8bbb-00000000c9c9' },
  AnsweringMachineDetectionStatus: 'HUMAN_ANSWERED',
  CustomerVoiceActivity: { GreetingStartTimestamp: tm + 20.1, GreetingEndTimestamp: tm + 22.9 },
  QualityMetrics: {
    Agent: { Audio: { QualityScore: 4.8, PotentialQualityIssues: ['HighJitterBuffer'] } },
    Customer: { Audio: { QualityScore: 2.7, PotentialQualityIssues: ['HighPacketLoss', 'HighRoundTripTime', 'HighJitterBuffer'] } },
  },
  ChatMetrics: {
    ChatContactMetrics: {
      MultiParty: true,
      TotalMessages: 14,
      TotalBotMessages: 4,
      TotalBotMessageLengthInChars: 388,
      ConversationCloseTimeInMillis: 601250,
      ConversationTurnCount: 6,
      AgentFirstResponseTimestamp: tm + 30.5,
      AgentFirstResponseTimeInMillis: 6375,
    },
    AgentMetrics: {
      ParticipantId: 'agent-participant-91aa',
      ParticipantType: 'AGENT',
      ConversationAbandon: false,
      MessagesSent: 6,
      NumResponses: 5,
      MessageLengthInChars: 540,
      TotalResponseTimeInMillis: 41000,
      MaxResponseTimeInMillis: 12000,
      LastMessageTimestamp: tm + 600.75,
    },
    CustomerMetrics: {
      ParticipantId: 'customer-participant-52bd',
      ParticipantType: 'CUSTOMER',
      ConversationAbandon: false,
      MessagesSent: 4,
      NumResponses: 4,
      MessageLengthInChars: 301,
      TotalResponseTimeInMillis: 52000,
      MaxResponseTimeInMillis: 20000,
      LastMessageTimestamp: tm + 590.25,
    },
  },
  DisconnectDetails: { PotentialDisconnectIssue: 'AGENT_CONNECTIVITY_ISSUE' },
  AdditionalEmailRecipients: {
    ToList: [{ Address: 'renewals@acme.example', DisplayName: 'Acme Renewals' }],
    CcList: [
      { Address: 'account-manager@acme.example', DisplayName: 'Account Manager' },
      { Address: 'harriet@customer.example', DisplayName: 'Harriet Example' },
    ],
  },
  SegmentAttributes: {
    'connect:Subtype': { ValueString: 'connect:Telephony' },
    'connect:Direction': { ValueString: 'OUTBOUND' },
    'connect:Priority': { ValueInteger: 3 },
    'connect:CampaignArn': { ValueArn: `arn:aws:connect-campaigns:${region}:${account}:campaign/c9c9c9c9-1111-4aaa-8bbb-00000000c9c9` },
    'connect:Preferences': {
      ValueMap: {
        Channel: { ValueString: 'VOICE' },
        Retries: { ValueInteger: 2 },
        Windows: {
          ValueList: [
            { ValueMap: { From: { ValueString: '09:00' }, To: { ValueString: '12:00' } } },
            { ValueMap: { From: { ValueString: '14:00' }, To: { ValueString: '17:30' } } },
          ],
        },
        Owner: { ValueArn: arn(instanceA, 'agent', agents.sam) },
      },
    },
    'connect:Labels': { ValueList: [{ ValueString: 'renewal' }, { ValueString: 'vip' }, { ValueInteger: 2027 }] },
  },
  Recordings: [
    {
      StorageType: 'S3',
      Location: `acme-connect-recordings/connect/acme/CallRecordings/2026/11/20/${ids.maximal}.wav`,
      MediaStreamType: 'AUDIO',
      ParticipantType: 'AGENT',
      FragmentStartNumber: '91343852333181432392682062607743920146264440798',
      FragmentStopNumber: '91343852333181432392682062607743920146264440999',
      StartTimestamp: tm + 24.125,
      StopTimestamp: tm + 620.5,
      Status: 'DELETED',
      DeletionReason: 'Retention policy: recordings older than 90 days',
      UnprocessedTranscriptLocation: `acme-connect-transcripts/Analysis/Voice/2026/11/20/${ids.maximal}_unprocessed.json`,
    },
    {
      StorageType: 'KINESIS_VIDEO_STREAM',
      Location: `arn:aws:kinesisvideo:${region}:${account}:stream/acme-connect-contact-${ids.maximal}/1763629200000`,
      MediaStreamType: 'AUDIO',
      ParticipantType: 'CUSTOMER',
      FragmentStartNumber: '91343852333181432392682062607743920146264440798',
      FragmentStopNumber: '91343852333181432392682062607743920146264441010',
      StartTimestamp: tm + 24.125,
      StopTimestamp: tm + 620.5,
      Status: 'AVAILABLE',
    },
  ],
  DisconnectReason: 'AGENT_DISCONNECT',
  ContactEvaluations: {
    'eval-1a2b3c4d': {
      FormId: 'f0f0f0f0-2222-4aaa-8bbb-00000000f002',
      EvaluationArn: arn(instanceA, 'contact-evaluation', '1a2b3c4d-0000-4000-8000-000000000e02'),
      Status: 'DELETED',
      StartTimestamp: tm + 3600,
      EndTimestamp: tm + 3900,
      DeleteTimestamp: tm + 7200,
      ExportLocation: `s3://acme-connect-evaluations/${instanceA}/${ids.maximal}/eval-1a2b3c4d.json`,
    },
    'eval-5e6f7a8b': {
      FormId: 'f0f0f0f0-3333-4aaa-8bbb-00000000f003',
      EvaluationArn: arn(instanceA, 'contact-evaluation', '5e6f7a8b-0000-4000-8000-000000000e03'),
      Status: 'IN_PROGRESS',
      StartTimestamp: tm + 4000,
    },
  },
  TaskTemplateInfo: { Arn: arn(instanceA, 'task-template', '5e5e5e5e-2222-4aaa-8bbb-000000005e02'), Name: 'Renewal follow-up' },
  ContactDetails: { Name: 'Renewal call', Description: 'Customer agreed to renew for 12 months; send the contract by email.' },
  OutboundStrategy: {
    Type: 'AGENT_FIRST',
    Config: { AgentFirst: { Preview: { PostAcceptTimeoutConfig: { DurationInSeconds: 30 }, AllowedUserActions: ['CALL', 'DISCARD'] } } },
  },
  Attributes: { campaign: 'renewals-q4', customerTier: 'platinum', 'renewal.term': '12 months', 'empty-value': '' },
  NextContacts: [
    {
      Type: 'QUICK_CONNECT',
      NextContactMetadata: {
        QuickConnectContactData: {
          ContactId: ids.task,
          InitiationTimestamp: tm + 610,
          QuickConnectId: 'c4c4c4c4-2222-4eee-8fff-000000000c02',
          QuickConnectName: 'Renewals desk',
          QuickConnectType: 'USER',
        },
      },
    },
  ],
  GlobalResiliencyMetadata: {
    ActiveRegion: 'us-east-1',
    OriginRegion: 'us-west-2',
    TrafficDistributionGroupId: '6a6a6a6a-1111-4aaa-8bbb-000000006a6a',
  },
});

// --- The renewal callback: the fifth link of the maximal contact's chain (voice → transfer → queue
// transfer → maximal → this). It waited in a queue that has since been deleted: DescribeQueue on
// queues.deleted answers ResourceNotFoundException, and the contact story must say so.
const tRc = hoursAgo(1.51);
add(
  instanceA,
  voice(ids.renewalCallback, instanceA, 1.51, {
    InitialContactId: ids.voice,
    PreviousContactId: ids.maximal,
    InitiationMethod: 'CALLBACK',
    Name: 'Renewal callback – contract questions',
    QueueInfo: { Id: queues.deleted, EnqueueTimestamp: tRc + 2.5 },
    AgentInfo: {
      Id: agents.maria,
      ConnectedToAgentTimestamp: tRc + 95.25,
      HierarchyGroups: hierarchy(instanceA, [groups.support, groups.billing]),
    },
    CustomerEndpoint: { Type: 'TELEPHONE_NUMBER', Address: '+442071838750', DisplayName: 'Harriet Example' },
    DisconnectReason: 'AGENT_DISCONNECT',
    Attributes: { campaign: 'renewals-q4', callbackReason: 'contract questions' },
  }),
);

// --- Instance B (acme-sales).
const tOut = hoursAgo(3);
add(instanceB, {
  Arn: contactArn(instanceB, ids.salesOutbound),
  Id: ids.salesOutbound,
  InitialContactId: ids.salesOutbound,
  InitiationMethod: 'OUTBOUND',
  Channel: 'VOICE',
  InitiationTimestamp: tOut,
  DisconnectTimestamp: tOut + 182.2,
  LastUpdateTimestamp: tOut + 190,
  AgentInfo: { Id: agents.sam, ConnectedToAgentTimestamp: tOut + 9.4 },
  Campaign: { CampaignId: 'd8d8d8d8-1111-4aaa-8bbb-00000000d8d8' },
  AnsweringMachineDetectionStatus: 'VOICEMAIL_BEEP',
  CustomerEndpoint: { Type: 'TELEPHONE_NUMBER', Address: '+14155550123' },
  SystemEndpoint: { Type: 'TELEPHONE_NUMBER', Address: '+18885550111' },
  DisconnectReason: 'AGENT_DISCONNECT',
  Tags: { Campaign: 'winter-promo' },
});

const tSe = hoursAgo(26);
add(instanceB, {
  Arn: contactArn(instanceB, ids.salesEmail),
  Id: ids.salesEmail,
  InitialContactId: ids.salesEmail,
  InitiationMethod: 'OUTBOUND',
  Name: 'Your Acme quote Q-4471',
  Channel: 'EMAIL',
  InitiationTimestamp: tSe,
  DisconnectTimestamp: tSe + 3.2,
  CustomerEndpoint: { Type: 'EMAIL_ADDRESS', Address: 'buyer@prospect.example' },
  SystemEndpoint: { Type: 'EMAIL_ADDRESS', Address: 'sales@acme.example', DisplayName: 'Acme Sales' },
  SegmentAttributes: { 'connect:Subtype': { ValueString: 'connect:Email' }, 'connect:EmailSubject': { ValueString: 'Your Acme quote Q-4471' } },
});

const tSc = hoursAgo(40);
add(instanceB, {
  Arn: contactArn(instanceB, ids.salesChat),
  Id: ids.salesChat,
  InitialContactId: ids.salesChat,
  InitiationMethod: 'API',
  Channel: 'CHAT',
  InitiationTimestamp: tSc,
  DisconnectTimestamp: tSc + 300,
  QueueInfo: { Id: queues.sales, EnqueueTimestamp: tSc + 5 },
  AgentInfo: { Id: agents.maria, ConnectedToAgentTimestamp: tSc + 15 },
  ChatMetrics: { ChatContactMetrics: { MultiParty: false, TotalMessages: 12, TotalBotMessages: 0, ConversationTurnCount: 6 } },
  Attributes: { lead: 'L-9932', product: 'Enterprise plan' },
});

const tSt = hoursAgo(70);
add(instanceB, {
  Arn: contactArn(instanceB, ids.salesTask),
  Id: ids.salesTask,
  InitialContactId: ids.salesTask,
  InitiationMethod: 'API',
  Name: 'Send contract',
  Channel: 'TASK',
  InitiationTimestamp: tSt,
  ScheduledTimestamp: tSt + 7200,
  TaskTemplateInfo: { Arn: arn(instanceB, 'task-template', '5e5e5e5e-3333-4aaa-8bbb-000000005e03'), Name: 'Contract' },
});

// --- The hostile contact: every string is an attack or an edge case the UI must show as text.
const payloads = [
  '<img src=x onerror=alert(document.domain)>',
  '<script>alert("xss")</script>',
  "{{constructor.constructor('alert(1)')()}}",
  'javascript:alert(1)',
  '\u202Egnp.exe\u200F right-to-left override',
  'ctrl:\u0000\u0001\u0007\u001b[31mred\u001b[0m\r\n\t',
  '🦆🚀 emoji 👩‍👩‍👧‍👦 and 𝕌𝕟𝕚𝕔𝕠𝕕𝕖',
  '"><svg/onload=alert(1)>',
  '${alert(1)}',
  '</textarea><iframe srcdoc="<script>parent.alert(1)</script>">',
];
const p = (i) => payloads[i % payloads.length];
let nested = { ValueString: p(0) };
for (let depth = 50; depth >= 1; depth--) nested = { ValueMap: { [`level${depth}<b>`]: nested, [`note${depth}`]: { ValueString: p(depth) } } };
const tH = hoursAgo(6);
add(instanceB, {
  Arn: contactArn(instanceB, ids.hostile),
  Id: ids.hostile,
  InitialContactId: ids.hostile,
  InitiationMethod: 'API',
  Name: p(0),
  Description: p(1) + ' '.repeat(10) + 'd'.repeat(3900) + p(9),
  Channel: 'CHAT',
  InitiationTimestamp: tH,
  DisconnectTimestamp: tH + 60,
  QueueInfo: { Id: p(1), EnqueueTimestamp: tH + 1 },
  AgentInfo: { Id: p(2), HierarchyGroups: { Level1: { Arn: p(3) } }, DeviceInfo: { PlatformName: p(4), PlatformVersion: p(5), OperatingSystem: p(6) } },
  CustomerId: p(7),
  CustomerEndpoint: { Type: 'VOIP', Address: p(3), DisplayName: p(4) },
  SystemEndpoint: { Type: 'VOIP', Address: p(8), DisplayName: p(9) },
  DisconnectReason: p(1),
  ContactDetails: { Name: p(2), Description: p(5) },
  TaskTemplateInfo: { Arn: 'javascript:alert(document.cookie)', Name: p(0) },
  Tags: { 'xss:img': p(0), 'tpl.ctor': p(2) },
  Attributes: {
    '<img src=x onerror=alert(1)>': p(0),
    '__proto__': '{"polluted":true}',
    'constructor': p(2),
    'javascript:': 'javascript:alert(1)',
    '\u202Ertl-key': p(4),
    'control\u0007key': p(5),
    '🦆': p(6),
    // 32,767 characters: the model's maximum for an attribute value.
    big: 'A'.repeat(32767 - 31) + '<script>alert("32 KB")</script>',
  },
  SegmentAttributes: {
    'connect:Subtype': { ValueString: p(1) },
    '<script>deep</script>': nested,
    list: { ValueList: payloads.map((s) => ({ ValueString: s })) },
  },
  Recordings: [{ StorageType: 'S3', Location: 'javascript:alert(1)//recording.wav', Status: 'AVAILABLE', DeletionReason: p(0) }],
});

// --- Instances.
const created = (daysAgo) => Math.round(newest - daysAgo * 86400);
const instance = (id, alias, createdDaysAgo, extra = {}) => ({
  Id: id,
  Arn: `arn:aws:connect:${region}:${account}:instance/${id}`,
  IdentityManagementType: 'CONNECT_MANAGED',
  InstanceAlias: alias,
  CreatedTime: created(createdDaysAgo),
  ServiceRole: `arn:aws:iam::${account}:role/aws-service-role/connect.amazonaws.com/AWSServiceRoleForAmazonConnect_${alias.replace(/-/g, '')}`,
  InstanceStatus: 'ACTIVE',
  InboundCallsEnabled: true,
  OutboundCallsEnabled: true,
  InstanceAccessUrl: `https://${alias}.my.connect.aws`,
  ...extra,
});
const instances = [
  instance(instanceA, 'acme-support', 400, { Tags: { Environment: 'production', Team: 'support' } }),
  instance(instanceB, 'acme-sales', 220, { IdentityManagementType: 'SAML', Tags: { Environment: 'production', Team: 'sales' } }),
  instance(instanceC, 'acme-lab', 12, { OutboundCallsEnabled: false, Tags: { Environment: 'test' } }),
];

// Milliseconds at most, so sums like t + 412.38 don't print float noise.
function roundTimestamps(key, value) {
  return key.endsWith('Timestamp') && typeof value === 'number' ? Math.round(value * 1000) / 1000 : value;
}

const resources = buildResources({
  account,
  region,
  instanceA,
  instanceB,
  ids,
  agents,
  queues,
  groups,
  // The hostile contact's own queue and agent IDs: the resources behind them have hostile names too.
  hostile: { queueId: p(1), agentId: p(2) },
  times: { voice: t1, maximal: tm, newest },
});

const { logGroups, longChatEvents } = buildLogGroups({
  account,
  region,
  instanceA,
  ids,
  queues,
  contacts: Object.fromEntries(Object.values(contacts).map(({ Contact }) => [Contact.Id, JSON.parse(JSON.stringify(Contact, roundTimestamps))])),
  times: { newest },
});

rmSync(join(here, 'contacts'), { recursive: true, force: true });
for (const [key, body] of Object.entries(contacts)) {
  const file = join(here, 'contacts', `${key}.json`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(body, roundTimestamps, 2) + '\n');
}
writeFileSync(join(here, 'instances.json'), JSON.stringify({ Instances: instances }, null, 2) + '\n');
writeFileSync(join(here, 'resources.json'), JSON.stringify(resources, null, 2) + '\n');
// One event per line: the file stays readable and diffs stay small.
const groupsText = JSON.stringify(logGroups, (key, value) => (key === 'Events' ? value.map((e) => `\u0000${JSON.stringify(e)}\u0000`) : value), 2).replace(/"\\u0000(.*)\\u0000"/g, (_, e) => JSON.parse(`"${e}"`));
writeFileSync(join(here, 'logGroups.json'), groupsText + '\n');
console.log(`wrote ${Object.keys(contacts).length} contacts, ${instances.length} instances and the resources of ${Object.keys(resources).length}`);
console.log(`wrote ${logGroups.LogGroups.length} log groups with ${logGroups.LogGroups.reduce((n, g) => n + g.Events.length, 0)} stored events; the long chat has ${longChatEvents} flow-log events once expanded`);
