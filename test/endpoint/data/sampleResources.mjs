// The resources behind the sample contacts, per instance, in the wire shapes of DescribeQueue, DescribeUser,
// DescribeUserHierarchyGroup, DescribeRoutingProfile and DescribeContactFlow (botocore's connect model), plus
// each contact's ListContactEvaluations summaries and ListContactReferences summaries. Every queue, agent,
// hierarchy group, routing profile and flow a sample contact names exists in that contact's instance, except
// queues.deleted. The resources the maximal contact names carry every member of their shape.
import { createHash } from 'node:crypto';

/** Flows and the flow module (also named by the sample flow logs), hours of operation, security and routing profiles. */
export const flows = {
  inbound: 'f1f1f1f1-1111-4aaa-8bbb-00000000f101',
  outboundWhisper: 'f1f1f1f1-2222-4aaa-8bbb-00000000f102',
  renewalsWhisper: 'f1f1f1f1-3333-4aaa-8bbb-00000000f103',
  /** Saved, never published: DescribeContactFlow answers ContactFlowNotPublishedException without `:$SAVED`. */
  draft: 'f1f1f1f1-4444-4aaa-8bbb-00000000f104',
  salesWhisper: 'f1f1f1f1-5555-4aaa-8bbb-00000000f105',
  hostile: 'f1f1f1f1-6666-4aaa-8bbb-00000000f106',
  // The flows the sample flow logs run through (sampleFlowLogs.mjs), all in instance A.
  billingMenu: 'f1f1f1f1-7777-4aaa-8bbb-00000000f107',
  customerQueue: 'f1f1f1f1-8888-4aaa-8bbb-00000000f108',
  agentWhisper: 'f1f1f1f1-9999-4aaa-8bbb-00000000f109',
  queueTransfer: 'f1f1f1f1-aaaa-4aaa-8bbb-00000000f10a',
  chatBot: 'f1f1f1f1-bbbb-4aaa-8bbb-00000000f10b',
  taskRouting: 'f1f1f1f1-cccc-4aaa-8bbb-00000000f10c',
  emailRouting: 'f1f1f1f1-dddd-4aaa-8bbb-00000000f10d',
  callbackSetup: 'f1f1f1f1-eeee-4aaa-8bbb-00000000f10e',
  webCalling: 'f1f1f1f1-ffff-4aaa-8bbb-00000000f10f',
  chatDisconnect: 'f1f1f1f1-a1a1-4aaa-8bbb-00000000f110',
  renewalsCampaign: 'f1f1f1f1-b1b1-4aaa-8bbb-00000000f111',
  /** A flow module (DescribeContactFlowModule, which the endpoint does not serve): named only by flow logs. */
  authenticateModule: 'f1f1f1f1-c1c1-4aaa-8bbb-00000000f1a1',
};
/** Flow names as the flow logs write them (ContactFlowName), and as DescribeContactFlow answers. */
export const flowNames = {
  inbound: 'Acme inbound main',
  billingMenu: 'Acme billing menu',
  customerQueue: 'Acme customer queue',
  agentWhisper: 'Acme agent whisper',
  queueTransfer: 'Transfer to queue',
  chatBot: 'Acme chat bot',
  taskRouting: 'Acme task routing',
  emailRouting: 'Acme email routing',
  callbackSetup: 'Acme callback setup',
  webCalling: 'Acme web calling',
  chatDisconnect: 'Acme chat disconnect',
  renewalsCampaign: 'Renewals campaign',
  renewalsWhisper: 'Renewals outbound whisper',
  outboundWhisper: 'Default outbound',
  authenticateModule: 'Authenticate caller',
};
export const hours = {
  weekdays: '40a40a40-1111-4aaa-8bbb-0000000040a1',
  allDay: '40a40a40-2222-4aaa-8bbb-0000000040a2',
};
const securityProfiles = {
  agent: '5ec0f11e-1111-4aaa-8bbb-000000005ec1',
  qualityAnalyst: '5ec0f11e-2222-4aaa-8bbb-000000005ec2',
};
const routingProfiles = {
  billing: 'a7a7a7a7-1111-4aaa-8bbb-00000000a701',
  escalations: 'a7a7a7a7-2222-4aaa-8bbb-00000000a702',
  tech: 'a7a7a7a7-3333-4aaa-8bbb-00000000a703',
  renewals: 'a7a7a7a7-4444-4aaa-8bbb-00000000a704',
  sales: 'a7a7a7a7-5555-4aaa-8bbb-00000000a705',
  hostile: 'a7a7a7a7-6666-4aaa-8bbb-00000000a706',
};
/** The supervisor who evaluates contacts in instance A. */
const supervisor = '0a1b2c3d-5555-4aaa-8bbb-000000000a05';
const salesGroup = '9e1a0000-0000-4000-8000-00000000e101';
const hostileGroup = '9e1a0000-0000-4000-8000-00000000e666';

const levelNames = ['LevelOne', 'LevelTwo', 'LevelThree', 'LevelFour', 'LevelFive'];

/** A small flow in the flow language, as the service stores it: a JSON document in a string. */
function flowContent(greeting) {
  return JSON.stringify({
    Version: '2019-10-30',
    StartAction: 'greet',
    Actions: [
      { Identifier: 'greet', Type: 'MessageParticipant', Parameters: { Text: greeting }, Transitions: { NextAction: 'end', Errors: [], Conditions: [] } },
      { Identifier: 'end', Type: 'DisconnectParticipant', Parameters: {}, Transitions: {} },
    ],
  });
}

export function buildResources({ account, region, instanceA, instanceB, ids, agents, queues, groups, hostile, times }) {
  const arn = (instanceId, kind, id) => `arn:aws:connect:${region}:${account}:instance/${instanceId}/${kind}/${id}`;
  const round = (t) => Math.round(t * 1000) / 1000;
  const modified = (daysAgo) => Math.round(times.newest - daysAgo * 86400);
  const lastModified = (daysAgo) => ({ LastModifiedTime: modified(daysAgo), LastModifiedRegion: region });

  const queue = (instanceId, id, name, description, extra = {}) => ({
    QueueId: id,
    QueueArn: arn(instanceId, 'queue', id),
    Name: name,
    Description: description,
    HoursOfOperationId: hours.weekdays,
    Status: 'ENABLED',
    ...extra,
  });

  const user = (instanceId, id, username, [first, last], email, routingProfileId, hierarchyGroupId, extra = {}) => ({
    Id: id,
    Arn: arn(instanceId, 'agent', id),
    Username: username,
    IdentityInfo: { FirstName: first, LastName: last, Email: email },
    PhoneConfig: { PhoneType: 'SOFT_PHONE', AutoAccept: false, AfterContactWorkTimeLimit: 60 },
    SecurityProfileIds: [securityProfiles.agent],
    RoutingProfileId: routingProfileId,
    HierarchyGroupId: hierarchyGroupId,
    ...extra,
  });

  /**
   * `path` is the group's ancestors from level one down to the group itself: [[id, name, modifiedDaysAgo], ...];
   * without days the group and its path carry no LastModified members.
   */
  const group = (instanceId, path, extra = {}) => {
    const [id, name, days] = path[path.length - 1];
    const summary = ([gid, gname, gdays]) => ({ Id: gid, Arn: arn(instanceId, 'agent-group', gid), Name: gname, ...(gdays === undefined ? {} : lastModified(gdays)) });
    return {
      Id: id,
      Arn: arn(instanceId, 'agent-group', id),
      Name: name,
      LevelId: String(path.length),
      HierarchyPath: Object.fromEntries(path.map((level, i) => [levelNames[i], summary(level)])),
      ...extra,
      ...(days === undefined ? {} : lastModified(days)),
    };
  };

  const routingProfile = (instanceId, id, name, description, defaultQueue, queueIds, extra = {}) => ({
    InstanceId: instanceId,
    Name: name,
    RoutingProfileArn: arn(instanceId, 'routing-profile', id),
    RoutingProfileId: id,
    Description: description,
    MediaConcurrencies: [
      { Channel: 'VOICE', Concurrency: 1 },
      { Channel: 'CHAT', Concurrency: 3 },
      { Channel: 'TASK', Concurrency: 5 },
    ],
    DefaultOutboundQueueId: defaultQueue,
    AssociatedQueueIds: queueIds,
    NumberOfAssociatedQueues: queueIds.length,
    ...extra,
  });

  const flow = (instanceId, id, name, type, description, greeting, extra = {}) => ({
    Arn: arn(instanceId, 'contact-flow', id),
    Id: id,
    Name: name,
    Type: type,
    State: 'ACTIVE',
    Status: 'PUBLISHED',
    Description: description,
    Content: flowContent(greeting),
    ...extra,
  });

  const evaluation = (instanceId, id, formId, title, status, evaluatorId, createdTime, extra = {}) => ({
    EvaluationId: id,
    EvaluationArn: arn(instanceId, 'contact-evaluation', id),
    EvaluationFormTitle: title,
    EvaluationFormId: formId,
    Status: status,
    EvaluatorArn: arn(instanceId, 'agent', evaluatorId),
    CreatedTime: round(createdTime),
    LastModifiedTime: round(createdTime + 1800),
    ...extra,
  });

  const attachment = (instanceId, fileId, name, status) => ({
    Attachment: {
      Name: name,
      Value: `acme-connect-attachments/connect/acme/Attachments/2026/11/20/${fileId}_${name}`,
      Status: status,
      Arn: arn(instanceId, 'file', fileId),
    },
  });

  const tm = times.maximal;
  const a = instanceA;
  const b = instanceB;

  // --- Instance A (acme-support).
  const usersA = [
    user(a, agents.maria, 'maria.garcia', ['María', 'García'], 'maria.garcia@acme.example', routingProfiles.billing, groups.billing),
    user(a, agents.dev, 'dev.patel', ['Dev', 'Patel'], 'dev.patel@acme.example', routingProfiles.escalations, groups.escalations),
    user(a, agents.li, 'li.wei', ['Li', 'Wei'], 'li.wei@acme.example', routingProfiles.tech, groups.support),
    // The maximal contact's agent: every member of the User shape.
    user(a, agents.sam, 'sam.okafor', ['Sam', 'Okafor'], 'sam.okafor@acme.example', routingProfiles.renewals, groups.squad7, {
      IdentityInfo: { FirstName: 'Sam', LastName: 'Okafor', Email: 'sam.okafor@acme.example', SecondaryEmail: 'sam@okafor.example', Mobile: '+447700900123' },
      PhoneConfig: { PhoneType: 'DESK_PHONE', AutoAccept: false, AfterContactWorkTimeLimit: 75, DeskPhoneNumber: '+442071838700', PersistentConnection: true },
      DirectoryUserId: 'b7c3a9e0-5f21-4d8e-9a61-2c4e8f0d1b37',
      Tags: { Team: 'renewals', Site: 'London' },
      AutoAcceptConfigs: [{ Channel: 'VOICE', AutoAccept: false, AgentFirstCallbackAutoAccept: true }],
      AfterContactWorkConfigs: [{ Channel: 'VOICE', AfterContactWorkConfig: { AfterContactWorkTimeLimit: 75 }, AgentFirstCallbackAfterContactWorkConfig: { AfterContactWorkTimeLimit: 30 } }],
      PhoneNumberConfigs: [{ Channel: 'VOICE', PhoneType: 'DESK_PHONE', PhoneNumber: '+442071838700' }],
      PersistentConnectionConfigs: [{ Channel: 'VOICE', PersistentConnection: true }],
      VoiceEnhancementConfigs: [{ Channel: 'VOICE', VoiceEnhancementMode: 'VOICE_ISOLATION' }],
      ...lastModified(12),
    }),
    user(a, supervisor, 'priya.nair', ['Priya', 'Nair'], 'priya.nair@acme.example', routingProfiles.billing, groups.support, {
      SecurityProfileIds: [securityProfiles.agent, securityProfiles.qualityAnalyst],
    }),
  ];
  const usersWith = (users, rp) => users.filter((u) => u.RoutingProfileId === rp).length;

  const groupPath = {
    support: [groups.support, 'Acme Support', 200],
    billing: [groups.billing, 'Billing team', 90],
    escalations: [groups.escalations, 'Escalations team', 90],
    renewals: [groups.renewals, 'Renewals', 60],
    emea: [groups.emea, 'EMEA', 60],
    london: [groups.london, 'London', 45],
    squad7: [groups.squad7, 'Squad 7', 30],
  };
  const g = groupPath;
  const resourcesA = {
    Queues: [
      queue(a, queues.billing, 'Billing', 'Card payments, invoices and refunds.', { OutboundCallerConfig: { OutboundCallerIdName: 'Acme Billing', OutboundFlowId: flows.outboundWhisper } }),
      queue(a, queues.tech, 'Technical support', 'Orders, deliveries and the mobile app.', { HoursOfOperationId: hours.allDay }),
      queue(a, queues.escalations, 'Escalations', 'Fraud reviews and complaints.', { MaxContacts: 20 }),
      // The maximal contact's queue: every member of the Queue shape.
      queue(a, queues.sales, 'Renewals', 'Outbound renewal campaigns and callbacks.', {
        OutboundCallerConfig: { OutboundCallerIdName: 'Acme Renewals', OutboundCallerIdNumberId: '4f4f4f4f-1111-4aaa-8bbb-000000004f01', OutboundFlowId: flows.renewalsWhisper },
        OutboundEmailConfig: { OutboundEmailAddressId: 'e3e3e3e3-1111-4aaa-8bbb-00000000e3e1' },
        MaxContacts: 50,
        Tags: { Campaign: 'renewals-q4', Department: 'Sales' },
        ...lastModified(20),
      }),
      queue(a, queues.email, 'Support email', 'support@acme.example', { HoursOfOperationId: hours.allDay, OutboundEmailConfig: { OutboundEmailAddressId: 'e3e3e3e3-2222-4aaa-8bbb-00000000e3e2' } }),
    ],
    Users: usersA,
    HierarchyGroups: [
      group(a, [g.support]),
      group(a, [g.support, g.billing]),
      group(a, [g.support, g.escalations]),
      group(a, [g.support, g.renewals]),
      group(a, [g.support, g.renewals, g.emea]),
      group(a, [g.support, g.renewals, g.emea, g.london]),
      // The deepest group of the maximal contact's agent: every member of the HierarchyGroup shape.
      group(a, [g.support, g.renewals, g.emea, g.london, g.squad7], { Tags: { Team: 'renewals' } }),
    ],
    RoutingProfiles: [
      routingProfile(a, routingProfiles.billing, 'Billing agents', 'Billing calls, chats and email.', queues.billing, [queues.billing, queues.email], { NumberOfAssociatedUsers: usersWith(usersA, routingProfiles.billing) }),
      routingProfile(a, routingProfiles.escalations, 'Escalations desk', 'Escalated calls first, then billing.', queues.escalations, [queues.escalations, queues.billing], { NumberOfAssociatedUsers: 1 }),
      routingProfile(a, routingProfiles.tech, 'Technical support', 'Technical calls and chats.', queues.tech, [queues.tech], { NumberOfAssociatedUsers: 1 }),
      // The maximal contact's agent's routing profile: every member of the RoutingProfile shape.
      routingProfile(a, routingProfiles.renewals, 'Outbound renewals', 'Preview-dialled renewal campaigns, then billing overflow.', queues.sales, [queues.sales, queues.billing], {
        MediaConcurrencies: [
          { Channel: 'VOICE', Concurrency: 1, CrossChannelBehavior: { BehaviorType: 'ROUTE_CURRENT_CHANNEL_ONLY' } },
          { Channel: 'CHAT', Concurrency: 2, CrossChannelBehavior: { BehaviorType: 'ROUTE_ANY_CHANNEL' } },
          { Channel: 'EMAIL', Concurrency: 1, CrossChannelBehavior: { BehaviorType: 'ROUTE_CURRENT_CHANNEL_ONLY' } },
        ],
        Tags: { Department: 'Sales' },
        NumberOfAssociatedManualAssignmentQueues: 1,
        NumberOfAssociatedUsers: 1,
        AgentAvailabilityTimer: 'TIME_SINCE_LAST_INBOUND',
        IsDefault: false,
        AssociatedManualAssignmentQueueIds: [queues.escalations],
        ...lastModified(15),
      }),
    ],
    ContactFlows: [
      flow(a, flows.inbound, flowNames.inbound, 'CONTACT_FLOW', 'Greets callers, authenticates them and sets the queue.', 'Thanks for calling Acme Support.'),
      flow(a, flows.outboundWhisper, flowNames.outboundWhisper, 'OUTBOUND_WHISPER', 'Plays to the customer when an agent calls out.', 'This call may be recorded.'),
      // The maximal contact's queue's outbound flow: every member of the ContactFlow shape.
      flow(a, flows.renewalsWhisper, flowNames.renewalsWhisper, 'OUTBOUND_WHISPER', 'Recording disclosure for renewal calls.', 'Hello from Acme Renewals. This call is recorded.', {
        Tags: { Campaign: 'renewals-q4' },
        FlowContentSha256: createHash('sha256').update(flowContent('Hello from Acme Renewals. This call is recorded.')).digest('hex'),
        Version: 3,
        VersionDescription: 'Shorter disclosure (legal review 2026-10)',
        ...lastModified(25),
      }),
      flow(a, flows.draft, 'Renewal callback (draft)', 'CONTACT_FLOW', 'Not yet published.', 'We will call you back.', { Status: 'SAVED' }),
      // The flows the sample flow logs run through.
      ...[
        ['billingMenu', 'CONTACT_FLOW', 'The billing menu the main flow transfers to: input, customer lookup, hours, queue.', 'For card payments press 1.'],
        ['customerQueue', 'CUSTOMER_QUEUE', 'Hold messages while a caller or chat waits in a queue.', 'Thanks for waiting.'],
        ['agentWhisper', 'AGENT_WHISPER', 'Tells the agent about the contact before connecting.', 'Incoming contact.'],
        ['queueTransfer', 'QUEUE_TRANSFER', 'Quick-connect transfers to another queue.', 'Transferring you now.'],
        ['chatBot', 'CONTACT_FLOW', 'Chat entry: order-status bot, then the technical support queue.', 'Hi! Let me check your order.'],
        ['taskRouting', 'CONTACT_FLOW', 'Routes follow-up tasks to their queue.', 'New task.'],
        ['emailRouting', 'CONTACT_FLOW', 'Routes inbound email to the support email queue.', 'Thanks for your email.'],
        ['callbackSetup', 'CONTACT_FLOW', 'Queues callbacks.', 'We will call you back.'],
        ['webCalling', 'CONTACT_FLOW', 'In-app and web calling entry.', 'Thanks for calling from the web.'],
        ['chatDisconnect', 'CONTACT_FLOW', 'Runs when a chat ends: notes abandonment.', 'Goodbye.'],
        ['renewalsCampaign', 'CAMPAIGN', 'Renewal campaign: sets attributes and the Renewals queue.', 'Renewal call.'],
      ].map(([key, type, description, greeting]) => flow(a, flows[key], flowNames[key], type, description, greeting)),
    ],
    Evaluations: {
      // The low score: an automatic fail on the first call of the chain.
      [ids.voice]: [
        evaluation(a, '7f3a9c21-0000-4000-8000-000000000e01', 'f0f0f0f0-1111-4aaa-8bbb-00000000f001', 'Billing call quality', 'SUBMITTED', supervisor, times.voice + 3600, {
          Score: { Percentage: 38.5, NotApplicable: false, AutomaticFail: true },
          EvaluationType: 'STANDARD',
        }),
      ],
      // The maximal contact: the deleted evaluation of its ContactEvaluations (1a2b3c4d…) is not listed; the
      // in-progress one (5e6f7a8b…) is a draft. Oldest first; together they carry every member of EvaluationSummary.
      [ids.maximal]: [
        evaluation(a, '9c0d1e2f-0000-4000-8000-000000000e04', 'f0f0f0f0-4444-4aaa-8bbb-00000000f004', 'Recording disclosure (automated)', 'SUBMITTED', supervisor, tm + 700, {
          Score: { Percentage: 100, NotApplicable: false, AutomaticFail: false },
          AutoEvaluationEnabled: true,
          AutoEvaluationStatus: 'SUCCEEDED',
          EvaluationType: 'STANDARD',
        }),
        evaluation(a, '5e6f7a8b-0000-4000-8000-000000000e03', 'f0f0f0f0-3333-4aaa-8bbb-00000000f003', 'Outbound renewals QA', 'DRAFT', supervisor, tm + 4000, {
          EvaluationType: 'STANDARD',
        }),
        evaluation(a, '0b1c2d3e-0000-4000-8000-000000000e05', 'f0f0f0f0-3333-4aaa-8bbb-00000000f003', 'Outbound renewals QA', 'SUBMITTED', supervisor, tm + 5400, {
          Score: { Percentage: 87.5, NotApplicable: false, AutomaticFail: false, AppliedWeight: 100 },
          Acknowledgement: { AcknowledgedTime: round(tm + 9000), AcknowledgedBy: arn(a, 'agent', agents.sam), AcknowledgerComment: 'Thanks — I will confirm the term earlier next time.' },
          EvaluationType: 'STANDARD',
          ContactParticipant: { ContactParticipantRole: 'AGENT', ContactParticipantId: agents.sam },
        }),
        evaluation(a, '3d4e5f60-0000-4000-8000-000000000e06', 'f0f0f0f0-3333-4aaa-8bbb-00000000f003', 'Outbound renewals QA', 'UNDER_REVIEW', supervisor, tm + 7200, {
          CalibrationSessionId: 'ca11b000-1111-4aaa-8bbb-00000000ca11',
          Score: { Percentage: 0, NotApplicable: true, AutomaticFail: false },
          EvaluationType: 'CALIBRATION',
        }),
      ],
    },
    References: {
      // The maximal contact: a URL, two attachments (one rejected by the scan) and one of each plain type.
      [ids.maximal]: [
        { Url: { Name: 'CRM account', Value: 'https://crm.acme.example/accounts/cust-00042817' } },
        attachment(a, 'a77ac400-1111-4aaa-8bbb-00000000a771', 'renewal-contract.pdf', 'APPROVED'),
        attachment(a, 'a77ac400-2222-4aaa-8bbb-00000000a772', 'signed-form.exe', 'REJECTED'),
        { String: { Name: 'Renewal term', Value: '12 months' } },
        { Number: { Name: 'Quoted price', Value: '1499.00' } },
        { Date: { Name: 'Contract start', Value: '2026-12-01T00:00:00Z' } },
        { Email: { Name: 'Customer email', Value: 'harriet@customer.example' } },
      ],
      [ids.task]: [{ Url: { Name: 'Card tracking', Value: 'https://cards.acme.example/track/ORD-20261120-5531' } }],
      [ids.email]: [{ EmailMessage: { Name: 'Invoice INV-88213 has the wrong VAT number', Arn: arn(a, 'file', 'e4e4e4e4-1111-4aaa-8bbb-00000000e4e1') } }],
    },
  };

  // --- Instance B (acme-sales): the agents and queue its contacts share with A's IDs, and the hostile contact's.
  const hostileName = '<img src=x onerror=alert(1)>\u202Egnp.exe';
  const usersB = [
    user(b, agents.maria, 'maria.garcia', ['María', 'García'], 'maria.garcia@acme.example', routingProfiles.sales, salesGroup),
    user(b, agents.sam, 'sam.okafor', ['Sam', 'Okafor'], 'sam.okafor@acme.example', routingProfiles.sales, salesGroup),
    user(b, hostile.agentId, '<img src=x onerror=alert(1)>', ['\u202Enimda', '<script>alert("user")</script>'], 'hostile@prospect.example', routingProfiles.hostile, hostileGroup),
  ];
  const resourcesB = {
    Queues: [
      queue(b, queues.sales, 'Sales', 'Inbound sales chats and calls.', { OutboundCallerConfig: { OutboundCallerIdName: 'Acme Sales', OutboundFlowId: flows.salesWhisper } }),
      queue(b, hostile.queueId, hostileName, '<script>alert("queue")</script>', { OutboundCallerConfig: { OutboundCallerIdName: '\u202E<svg/onload=alert(1)>', OutboundFlowId: flows.hostile } }),
    ],
    Users: usersB,
    HierarchyGroups: [group(b, [[salesGroup, 'Acme Sales']]), group(b, [[hostileGroup, "{{constructor.constructor('alert(1)')()}}"]])],
    RoutingProfiles: [
      routingProfile(b, routingProfiles.sales, 'Sales agents', 'Sales calls and chats.', queues.sales, [queues.sales], { NumberOfAssociatedUsers: usersWith(usersB, routingProfiles.sales) }),
      routingProfile(b, routingProfiles.hostile, '"><svg/onload=alert(1)>', '${alert(1)}', hostile.queueId, [hostile.queueId], { NumberOfAssociatedUsers: 1 }),
    ],
    ContactFlows: [
      flow(b, flows.salesWhisper, 'Sales outbound whisper', 'OUTBOUND_WHISPER', 'Plays to the customer when a sales agent calls out.', 'Hello from Acme Sales.'),
      flow(b, flows.hostile, '</textarea><iframe srcdoc="<script>parent.alert(1)</script>">', 'OUTBOUND_WHISPER', '<img src=x onerror=alert(1)>', '<script>alert("flow")</script>'),
    ],
    Evaluations: {
      [ids.hostile]: [
        evaluation(b, '6e7f8091-0000-4000-8000-000000000e07', 'f0f0f0f0-5555-4aaa-8bbb-00000000f005', '<img src=x onerror=alert(1)>\u202E', 'SUBMITTED', agents.sam, times.newest - 6 * 3600 + 3600, {
          Score: { Percentage: 0, NotApplicable: false, AutomaticFail: true },
        }),
      ],
    },
    References: {
      [ids.hostile]: [
        { Url: { Name: '<img src=x onerror=alert(1)>', Value: 'javascript:alert(document.cookie)' } },
        attachment(b, 'a77ac400-6666-4aaa-8bbb-00000000a776', '\u202Efdp.exe', 'AVAILABLE'),
      ],
    },
  };

  return { [instanceA]: resourcesA, [instanceB]: resourcesB };
}
