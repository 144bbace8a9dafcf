// The CloudWatch Logs the sample contacts left: Amazon Connect flow logs in `/aws/connect/acme-support`
// (one stream per flow, named by the flow's ID) and the Lambda functions' own logs in `/aws/lambda/<name>`.
// Every event is placed by its contact's stored times: flows run from initiation until the contact is
// queued, the customer queue flow while it waits, the agent whisper just before the agent connects, and
// a disconnect flow right after a chat ends. Instance B (acme-sales) has no flow-log group at all (flow
// logging off); acme-lab's group exists and is empty.
//
// The long chat's 1,000-iteration loop is stored as a template (`RepeatedEvents`) the endpoint expands
// when it loads, so the committed file stays small.
import { createHash } from 'node:crypto';
import { flowNames, flows, hours } from './sampleResources.mjs';

/** The functions the flows invoke, with their log groups. */
export const lambdaFunctions = {
  customerLookup: 'acme-customer-lookup',
  orderStatus: 'acme-order-status',
};

/** The chat's loop: iterations of five blocks, nine milliseconds apart (a runaway staffing check). */
const loop = { iterations: 1000, stepMs: 9, startsAt: 2.5 };

export function buildLogGroups({ account, region, instanceA, ids, queues, contacts, times }) {
  const arn = (kind, id) => `arn:aws:connect:${region}:${account}:instance/${instanceA}/${kind}/${id}`;
  const flowArn = (key) => (key === 'authenticateModule' ? arn('flow-module', flows[key]) : arn('contact-flow', flows[key]));
  const queueArn = (id) => arn('queue', id);
  const lambdaArn = (name) => `arn:aws:lambda:${region}:${account}:function:${name}`;
  const iso = (ms) => new Date(ms).toISOString();
  const ms = (seconds) => Math.round(seconds * 1000);

  const flowEvents = [];
  const lambdaEvents = { [lambdaFunctions.customerLookup]: [], [lambdaFunctions.orderStatus]: [] };
  // Delivery takes a few hundred milliseconds, varying a little from event to event.
  let seq = 0;
  const ingestionDelay = () => 250 + ((seq++ * 137) % 600);

  /** One contact's flow-log lines, placed `at` seconds after its InitiationTimestamp. */
  const contactLog = (contactId) => {
    const t0 = contacts[contactId].InitiationTimestamp;
    const message = (at, flowKey, type, identifier, { parameters, results, external } = {}) => {
      const line = {
        ContactId: contactId,
        ContactFlowId: flowArn(flowKey),
        ContactFlowName: flowNames[flowKey],
        ContactFlowModuleType: type,
        Identifier: identifier,
        Timestamp: iso(ms(t0 + at)),
      };
      if (parameters) line.Parameters = parameters;
      if (results !== undefined) line.Results = results;
      if (external) line.ExternalResults = external;
      return JSON.stringify(line);
    };
    const push = (at, flowKey, text) => {
      const timestamp = ms(t0 + at);
      const event = { logStreamName: flows[flowKey], timestamp, ingestionTime: timestamp + ingestionDelay(), message: text };
      flowEvents.push(event);
      return event;
    };
    return {
      t0,
      message,
      line: (at, flowKey, type, identifier, fields) => push(at, flowKey, message(at, flowKey, type, identifier, fields)),
      raw: (at, flowKey, text) => push(at, flowKey, text),
    };
  };

  const enableLogging = (log, at, flowKey) => log.line(at, flowKey, 'SetLoggingBehavior', 'enable-logging', { parameters: { LoggingBehavior: 'Enable' } });
  const setAttribute = (log, at, flowKey, key, value) => log.line(at, flowKey, 'SetAttributes', `set-${key}`, { parameters: { Key: key, Value: value } });
  const prompt = (log, at, flowKey, identifier, text) => log.line(at, flowKey, 'PlayPrompt', identifier, { parameters: { Text: text, TextToSpeechType: 'text' } });
  const setQueue = (log, at, flowKey, queueId) => log.line(at, flowKey, 'SetQueue', 'set-queue', { parameters: { Queue: queueArn(queueId) } });
  const toQueue = (log, at, flowKey) => log.line(at, flowKey, 'TransferToQueue', 'to-queue');
  const holdMessages = (log, ats) => ats.forEach((at) => prompt(log, at, 'customerQueue', 'hold-message', 'Thanks for waiting. Your contact is important to us.'));
  const whisper = (log, at, text) => prompt(log, at, 'agentWhisper', 'whisper', text);

  /** A Lambda invocation's log lines (START, the function's own lines, END, REPORT), from `start` for `durationMs`. */
  const invocation = (fn, stream, requestId, start, durationMs, appLines, { initMs, memoryUsed = 88 } = {}) => {
    const events = lambdaEvents[fn];
    const at = (t, message) => events.push({ logStreamName: stream, timestamp: t, ingestionTime: t + ingestionDelay(), message });
    at(start, `START RequestId: ${requestId} Version: $LATEST\n`);
    for (const [offset, level, text] of appLines) at(start + offset, `${iso(start + offset)}\t${requestId}\t${level}\t${text}\n`);
    const end = start + Math.ceil(durationMs);
    at(end, `END RequestId: ${requestId}\n`);
    const init = initMs === undefined ? '' : `\tInit Duration: ${initMs.toFixed(2)} ms`;
    at(end, `REPORT RequestId: ${requestId}\tDuration: ${durationMs.toFixed(2)} ms\tBilled Duration: ${Math.ceil(durationMs)} ms\tMemory Size: 256 MB\tMax Memory Used: ${memoryUsed} MB${init}\t\n`);
  };
  const lambdaStream = (fn, startMs) => `${iso(startMs).slice(0, 10).replace(/-/g, '/')}/[$LATEST]${createHash('sha256').update(fn).digest('hex').slice(0, 32)}`;

  // --- The voice call: main flow → the authentication module → TransferToFlow to the billing menu, where the
  // menu loops on timeouts and the customer lookup fails once and succeeds on the retry; then the queue.
  {
    const c = ids.voice;
    const log = contactLog(c);
    enableLogging(log, 0.95, 'inbound');
    prompt(log, 1.1, 'inbound', 'welcome', 'Thanks for calling Acme Support.');
    setAttribute(log, 4.8, 'inbound', 'language', 'en-US');
    log.line(4.9, 'inbound', 'InvokeFlowModule', 'authenticate', { parameters: { FlowModuleId: flows.authenticateModule } });
    prompt(log, 5.0, 'authenticateModule', 'pin-prompt', 'Please enter your PIN, followed by the hash key.');
    // The module hides the PIN entry from the logs, then logs again.
    log.line(5.1, 'authenticateModule', 'SetLoggingBehavior', 'hide-pin', { parameters: { LoggingBehavior: 'Disable' } });
    log.line(14.2, 'authenticateModule', 'SetLoggingBehavior', 'show-again', { parameters: { LoggingBehavior: 'Enable' } });
    log.line(14.25, 'authenticateModule', 'ReturnFromFlowModule', 'authenticated', { results: 'Success' });
    setAttribute(log, 14.4, 'inbound', 'intent', 'CardDeclined');
    log.line(18.5, 'inbound', 'TransferToFlow', 'to-billing-menu', { parameters: { ContactFlowId: flowArn('billingMenu') } });
    const menu = { Text: 'For card payments press 1, for invoices press 2.', TimeLimit: '3' };
    log.line(18.7, 'billingMenu', 'GetUserInput', 'main-menu', { parameters: menu, results: 'Timeout' });
    log.line(21.8, 'billingMenu', 'Loop', 'menu-retries', { parameters: { LoopCount: '3' }, results: 'Looping' });
    log.line(21.85, 'billingMenu', 'GetUserInput', 'main-menu', { parameters: menu, results: 'Timeout' });
    log.line(24.9, 'billingMenu', 'Loop', 'menu-retries', { parameters: { LoopCount: '3' }, results: 'Looping' });
    log.line(24.95, 'billingMenu', 'GetUserInput', 'main-menu', { parameters: menu, results: '1' });
    const lookup = { FunctionArn: lambdaArn(lambdaFunctions.customerLookup), ResponseValidation: 'ResponseType=STRING_MAP', TimeLimit: '3000' };
    log.line(26.2, 'billingMenu', 'InvokeExternalResource', 'lookup-customer', { parameters: lookup, results: 'The Lambda Function Returned An Error.' });
    log.line(26.3, 'billingMenu', 'Loop', 'lookup-retry', { parameters: { LoopCount: '2' }, results: 'Looping' });
    log.line(26.95, 'billingMenu', 'InvokeExternalResource', 'lookup-customer', {
      parameters: lookup,
      external: { customerTier: 'gold', accountNumber: '****4821', cardStatus: 'DECLINED_FRAUD_HOLD' },
    });
    setAttribute(log, 27.0, 'billingMenu', 'customerTier', 'gold');
    setAttribute(log, 27.02, 'billingMenu', 'accountNumber', '****4821');
    log.line(27.2, 'billingMenu', 'CheckHoursOfOperation', 'in-hours', { parameters: { Hours: arn('operating-hours', hours.weekdays) }, results: 'True' });
    const queued = setQueue(log, 27.4, 'billingMenu', queues.billing);
    // At-least-once delivery: the same event again, ingested a little later.
    flowEvents.push({ ...queued, ingestionTime: queued.ingestionTime + 2400 });
    log.line(27.5, 'billingMenu', 'SetCustomerQueueFlow', 'queue-flow', { parameters: { ContactFlowId: flowArn('customerQueue') } });
    log.line(27.55, 'billingMenu', 'SetWhisperFlow', 'whisper-flow', { parameters: { ContactFlowId: flowArn('agentWhisper') } });
    prompt(log, 27.6, 'billingMenu', 'hold-on', 'Please hold while we connect you to our billing team.');
    toQueue(log, 35.1, 'billingMenu');
    holdMessages(log, [35.3, 45.3, 55.3]);
    whisper(log, 60.6, 'Billing call, gold customer, card declined.');

    // The function's own logs: a warm-up ping, the failed call (a cold start) and the retry.
    const t = (at) => ms(log.t0 + at);
    const fn = lambdaFunctions.customerLookup;
    const stream = lambdaStream(fn, t(10));
    invocation(fn, stream, '5b0c4a2e-1111-4d2b-9c11-0000000a1001', t(10), 2.41, [[1, 'INFO', 'Warm-up ping: nothing to look up']]);
    invocation(fn, stream, '5b0c4a2e-2222-4d2b-9c11-0000000a1002', t(25.3), 812.45, [
      [20, 'INFO', `Looking up caller +12065550142 for contact ${c}`],
      [800, 'ERROR', `Invoke Error \t{"errorType":"CrmUnavailableError","errorMessage":"CRM answered 503 for contact ${c}","stack":["CrmUnavailableError: CRM answered 503","    at lookup (/var/task/index.js:41:11)"]}`],
    ], { initMs: 412.08, memoryUsed: 91 });
    invocation(fn, stream, '5b0c4a2e-3333-4d2b-9c11-0000000a1003', t(26.4), 143.2, [
      [10, 'INFO', `Looking up caller +12065550142 for contact ${c} (retry)`],
      [140, 'INFO', `Found account ****4821 (gold) for contact ${c}`],
    ]);
  }

  // --- The transfer (a new contact from the quick connect) and the queue transfer after it.
  {
    const log = contactLog(ids.transfer);
    prompt(log, 0.2, 'queueTransfer', 'transfer-prompt', 'Transferring you now.');
    setAttribute(log, 0.4, 'queueTransfer', 'escalationReason', 'fraud-review');
    setQueue(log, 0.6, 'queueTransfer', queues.escalations);
    toQueue(log, 0.9, 'queueTransfer');
    holdMessages(log, [1.2, 11.2, 21.2, 31.2, 41.2, 51.2]);
    whisper(log, 55.3, 'Escalation: fraud review, gold customer.');
  }
  {
    const log = contactLog(ids.queueTransfer);
    prompt(log, 0.2, 'queueTransfer', 'transfer-prompt', 'Transferring you now.');
    setQueue(log, 0.5, 'queueTransfer', queues.tech);
    toQueue(log, 1.8, 'queueTransfer');
    holdMessages(log, [2.2, 12.2, 22.2, 32.2, 42.2, 52.2]);
    whisper(log, 60.1, 'Technical support: card reissue.');
  }

  // --- The task: routed to billing; its relatedCall attribute names the voice contact's ID.
  {
    const log = contactLog(ids.task);
    enableLogging(log, 0.2, 'taskRouting');
    setAttribute(log, 0.4, 'taskRouting', 'dueInDays', '1');
    setAttribute(log, 0.5, 'taskRouting', 'relatedCall', ids.voice);
    setQueue(log, 1.0, 'taskRouting', queues.billing);
    toQueue(log, 3.0, 'taskRouting');
  }

  // --- The long chat: the order-status bot, then a staffing check that loops 1,000 times before queueing.
  const repeated = [];
  const longChatCount = { before: flowEvents.length };
  {
    const c = ids.chat;
    const log = contactLog(c);
    enableLogging(log, 0.3, 'chatBot');
    setAttribute(log, 0.32, 'chatBot', 'orderId', 'ORD-20261120-5531');
    setAttribute(log, 0.34, 'chatBot', 'topic', 'delivery-status');
    prompt(log, 0.6, 'chatBot', 'greeting', 'Hi! Let me check your order.');
    log.line(1.8, 'chatBot', 'GetUserInput', 'ask-bot', {
      parameters: { BotAliasArn: `arn:aws:lex:${region}:${account}:bot-alias/ORDERBOT01/TSTALIASID`, Text: 'What can I help you with?' },
      results: 'TrackOrder',
    });
    const orderStatus = { FunctionArn: lambdaArn(lambdaFunctions.orderStatus), ResponseValidation: 'ResponseType=STRING_MAP', TimeLimit: '3000' };
    log.line(2.2, 'chatBot', 'InvokeExternalResource', 'order-status', {
      parameters: orderStatus,
      // What the customer typed, echoed by the function: markup in a flow log is data, never HTML.
      external: { orderStatus: 'IN_TRANSIT', carrier: 'DHL', eta: '2026-11-21', customerSaid: '<img src=x onerror=alert(1)> where is my order?' },
    });
    log.line(2.3, 'chatBot', 'PlayPrompt', 'order-status-reply', { parameters: { Text: 'Your order is on its way with DHL.', TextToSpeechType: 'text' } });

    const body = (n, loopResult) => [
      ['CheckStaffing', 'agents-available', { parameters: { Queue: queueArn(queues.tech), Status: 'Available' }, results: 'False' }],
      ['GetQueueMetrics', 'queue-metrics', { parameters: { Queue: queueArn(queues.tech) }, results: 'Success' }],
      // A flow attribute: it lives while the flow runs and never reaches the contact's attributes.
      ['SetFlowAttributes', 'count-checks', { parameters: { Key: 'staffingChecks', Value: n } }],
      ['CheckContactAttributes', 'checks-left', { parameters: { Attribute: 'staffingChecks', ComparisonValue: String(loop.iterations) }, results: 'NoMatch' }],
      ['Loop', 'staffing-loop', { parameters: { LoopCount: String(loop.iterations) }, results: loopResult }],
    ];
    const loopStart = ms(log.t0 + loop.startsAt);
    const perIteration = body('', '').length;
    // All but the last iteration as a template: {{time}} and {{iteration}} are filled in at load.
    repeated.push({
      logStreamName: flows.chatBot,
      firstTimestamp: loopStart,
      stepMs: loop.stepMs,
      iterations: loop.iterations - 1,
      ingestionDelayMs: 400,
      messages: body('{{iteration}}', 'Looping').map(([type, identifier, fields]) =>
        log.message(0, 'chatBot', type, identifier, fields).replace(iso(ms(log.t0)), '{{time}}'),
      ),
    });
    // The last iteration ends the loop.
    const last = loop.iterations - 1;
    body(String(loop.iterations), 'Complete').forEach(([type, identifier, fields], j) => {
      const at = (loopStart + (last * perIteration + j) * loop.stepMs) / 1000 - log.t0;
      log.line(at, 'chatBot', type, identifier, fields);
    });
    prompt(log, 47.6, 'chatBot', 'connecting', 'Connecting you to an agent…');
    setQueue(log, 47.8, 'chatBot', queues.tech);
    toQueue(log, 48.0, 'chatBot');
    prompt(log, 48.3, 'customerQueue', 'hold-message', 'Thanks for waiting. An agent will be with you shortly.');
    prompt(log, 60.3, 'customerQueue', 'hold-message', 'Thanks for waiting. An agent will be with you shortly.');
    whisper(log, 72.3, 'Chat: order status (ORD-20261120-5531).');

    const fn = lambdaFunctions.orderStatus;
    const t = ms(log.t0 + 1.95);
    invocation(fn, lambdaStream(fn, t), '7d1e2f3a-1111-4b2c-8d3e-0000000b2001', t, 211.7, [
      [15, 'INFO', `Order ORD-20261120-5531 for contact ${c}`],
      [205, 'INFO', `Order ORD-20261120-5531 is IN_TRANSIT (DHL) for contact ${c}`],
    ], { initMs: 298.5, memoryUsed: 79 });
  }
  longChatCount.events = flowEvents.length - longChatCount.before + (loop.iterations - 1) * repeated[0].messages.length;

  // --- The email: routed to the support email queue.
  {
    const log = contactLog(ids.email);
    enableLogging(log, 0.2, 'emailRouting');
    setAttribute(log, 0.4, 'emailRouting', 'invoice', 'INV-88213');
    setQueue(log, 0.9, 'emailRouting', queues.email);
    toQueue(log, 1.6, 'emailRouting');
  }

  // --- The callback: queued by the callback flow, with one line in the older shape ("Events", no seconds).
  {
    const c = ids.callback;
    const log = contactLog(c);
    enableLogging(log, 0.1, 'callbackSetup');
    setAttribute(log, 0.3, 'callbackSetup', 'callbackNumber', '+12065550178');
    setAttribute(log, 0.4, 'callbackSetup', 'requestedVia', 'ivr');
    // Seconds are dropped as in the older documented example; this event falls on second 00, so the
    // time it shows is exact and stays exact when the endpoint shifts it by whole seconds.
    const at = 0.6;
    const full = iso(ms(log.t0 + at));
    if (full.slice(17, 19) !== '00') throw new Error(`the old-shape line must fall on second 00, not ${full}`);
    log.raw(at, 'callbackSetup', JSON.stringify({
      ContactId: c,
      ContactFlowId: flowArn('callbackSetup'),
      ContactFlowModuleType: 'SetQueue',
      Timestamp: full.slice(0, 16) + full.slice(19),
      Events: { Queue: [queueArn(queues.billing)] },
    }));
    toQueue(log, 0.9, 'callbackSetup');
  }

  // --- WebRTC: one line that is not JSON (cut off at the size limit), still naming the contact.
  {
    const c = ids.webrtc;
    const log = contactLog(c);
    enableLogging(log, 0.3, 'webCalling');
    prompt(log, 0.5, 'webCalling', 'welcome', 'Thanks for calling from the web.');
    const cut = log.message(0.8, 'webCalling', 'PlayPrompt', 'video-tips', {
      parameters: { Text: '<speak>For the best video quality, close other tabs and check your camera permissions.</speak>', TextToSpeechType: 'ssml' },
    });
    log.raw(0.8, 'webCalling', cut.slice(0, cut.indexOf('close other tabs')));
    setQueue(log, 1.2, 'webCalling', queues.tech);
    prompt(log, 1.3, 'webCalling', 'connecting', 'Connecting you to technical support.');
    toQueue(log, 19.8, 'webCalling');
    holdMessages(log, [20.2, 30.2, 40.2]);
    whisper(log, 43.7, 'Web call with video.');
  }

  // --- The abandoned chat: the bot, the queue, and the disconnect flow once the customer has left.
  {
    const log = contactLog(ids.chatAbandoned);
    enableLogging(log, 0.2, 'chatBot');
    prompt(log, 0.4, 'chatBot', 'greeting', 'Hi! Let me check your order.');
    log.line(10.3, 'chatBot', 'GetUserInput', 'ask-bot', {
      parameters: { BotAliasArn: `arn:aws:lex:${region}:${account}:bot-alias/ORDERBOT01/TSTALIASID`, Text: 'What can I help you with?' },
      results: 'TalkToAgent',
    });
    setQueue(log, 10.6, 'chatBot', queues.tech);
    toQueue(log, 11.8, 'chatBot');
    prompt(log, 12.2, 'customerQueue', 'hold-message', 'Thanks for waiting. An agent will be with you shortly.');
    log.line(95.3, 'chatDisconnect', 'Disconnect', 'end-chat');
  }

  // --- The maximal contact: the renewal campaign's flow, then the outbound whisper when the customer answers.
  {
    const log = contactLog(ids.maximal);
    enableLogging(log, 0.55, 'renewalsCampaign');
    setAttribute(log, 0.6, 'renewalsCampaign', 'campaign', 'renewals-q4');
    setAttribute(log, 0.62, 'renewalsCampaign', 'customerTier', 'platinum');
    setAttribute(log, 0.64, 'renewalsCampaign', 'renewal.term', '12 months');
    setAttribute(log, 0.66, 'renewalsCampaign', 'empty-value', '');
    setQueue(log, 0.9, 'renewalsCampaign', queues.sales);
    toQueue(log, 1.2, 'renewalsCampaign');
    prompt(log, 22.9, 'renewalsWhisper', 'disclosure', 'Hello from Acme Renewals. This call is recorded.');
    log.line(23.0, 'renewalsWhisper', 'SetRecordingBehavior', 'record', { parameters: { RecordingBehaviorOption: 'Enable', RecordingParticipant: 'AgentAndCustomer' } });
  }

  // --- The renewal callback: queued in the queue deleted since.
  {
    const log = contactLog(ids.renewalCallback);
    enableLogging(log, 0.2, 'callbackSetup');
    setAttribute(log, 0.5, 'callbackSetup', 'callbackReason', 'contract questions');
    setQueue(log, 0.7, 'callbackSetup', queues.deleted);
    toQueue(log, 2.3, 'callbackSetup');
    whisper(log, 95.0, 'Renewal callback: contract questions.');
  }

  const logsArn = (name) => `arn:aws:logs:${region}:${account}:log-group:${name}`;
  // DescribeLogGroups' LogGroup shape; the endpoint adds storedBytes from the events it loads.
  const group = (name, createdMs, { retentionInDays, metricFilterCount = 0 }, events = [], repeatedEvents = []) => ({
    LogGroup: {
      logGroupName: name,
      creationTime: createdMs,
      ...(retentionInDays === undefined ? {} : { retentionInDays }),
      metricFilterCount,
      arn: `${logsArn(name)}:*`,
      logGroupClass: 'STANDARD',
      logGroupArn: logsArn(name),
    },
    Events: events,
    RepeatedEvents: repeatedEvents,
  });
  const daysBefore = (days) => ms(times.newest - days * 86400);
  const flowLogGroup = '/aws/connect/acme-support';
  return {
    logGroups: {
      LogGroups: [
        group(flowLogGroup, daysBefore(399), { retentionInDays: 30, metricFilterCount: 1 }, flowEvents, repeated),
        group('/aws/connect/acme-lab', daysBefore(12), { retentionInDays: 1 }),
        group(`/aws/lambda/${lambdaFunctions.customerLookup}`, daysBefore(200), { retentionInDays: 14 }, lambdaEvents[lambdaFunctions.customerLookup]),
        group(`/aws/lambda/${lambdaFunctions.orderStatus}`, daysBefore(150), {}, lambdaEvents[lambdaFunctions.orderStatus]),
      ],
    },
    longChatEvents: longChatCount.events,
  };
}
