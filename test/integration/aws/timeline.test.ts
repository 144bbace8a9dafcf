// The Timeline on the real call path: the real SDK (Connect and CloudWatch Logs on one caller and
// one scheduler) against the local endpoint's sample contacts and flow logs: the lanes and rows a
// person reads, every page of a long chat, the whole chain on one axis, the Lambda function's own
// lines, and what the panel says when the log group is missing, access is denied or no line is there.
import * as assert from 'node:assert/strict';
import { AwsCaller } from '../../../src/aws/awsCall';
import { ConnectService } from '../../../src/aws/connectService';
import { FlowLogService } from '../../../src/aws/flowLogService';
import { defaultTransport, type ContactRef, type TransportSettings } from '../../../src/aws/types';
import { toContactDocument, type ContactDocument } from '../../../src/contact/contactDocument';
import type { ContactChain } from '../../../src/contact/story';
import { loadTimeline } from '../../../src/story/flowLogTimeline';
import { ResourceNames } from '../../../src/story/resourceNames';
import { lambdaLogLines, timelineSources } from '../../../src/story/timelineSources';
import type { TimelineMode, TimelineState } from '../../../src/timeline/timelineState';
import { localProfile, localRegion } from '../../endpoint/localCredentials';
import { flowLogIds, sampleIds } from '../../endpoint/sampleIds';
import { useLocalAws } from './awsHome';

const ref = (contactId: string, instanceId: string = sampleIds.instanceA): ContactRef => ({ profile: localProfile, region: localRegion, instanceId, contactId });

describe('the Timeline against the local endpoint', function () {
  this.timeout(60_000);
  const local = useLocalAws();
  const callers: AwsCaller[] = [];
  afterEach(async () => {
    local.endpoint.setDeny([]);
    await Promise.all(callers.splice(0).map((c) => c.dispose()));
  });

  function setup(flowLogGroups: Record<string, string> = {}) {
    const settings: TransportSettings = { ...defaultTransport, readTimeoutSeconds: 10, connectTimeoutSeconds: 5, endpointUrl: local.endpoint.url, logsEndpointUrl: local.endpoint.url };
    const caller = new AwsCaller({ env: local.home.env, transport: () => settings, retryDelayMs: 20 });
    callers.push(caller);
    const connect = new ConnectService({ caller });
    const flowLogs = new FlowLogService({ caller });
    const names = new ResourceNames(() => connect);
    const doc = async (r: ContactRef): Promise<ContactDocument> => toContactDocument((await connect.describeContact(r)).output);
    const timeline = async (r: ContactRef, mode: TimelineMode = 'contact', chain?: ContactChain): Promise<{ state: TimelineState; reports: TimelineState[] }> => {
      const reports: TimelineState[] = [];
      const sources = timelineSources(r, { flowLogs: () => flowLogs, names, contact: (cr) => doc(cr), flowLogGroups: () => flowLogGroups });
      const state = await loadTimeline({ contact: (await doc(r)).Contact, mode, chain }, sources, new AbortController().signal, (s) => reports.push(s));
      return { state, reports };
    };
    return { timeline, flowLogs, names };
  }

  it('reads the voice call\'s flow logs: a lane per flow, the Lambda error and its retry, the duplicate dropped', async () => {
    const { timeline } = setup();
    const { state, reports } = await timeline(ref(flowLogIds.lambdaErrorContact));
    assert.equal(state.logGroup?.name, flowLogIds.logGroup);
    assert.equal(state.logGroup?.source, 'alias');
    assert.equal(state.rows.length, flowLogIds.eventCounts[flowLogIds.lambdaErrorContact] - 1);
    assert.equal(state.duplicates, 1);
    const lanes = state.model.groups[0].lanes.map((l) => l.label);
    assert.deepEqual(lanes.slice(0, 2), ['Contact', flowLogIds.flows.inbound.name]);
    assert.equal(state.model.counts.lambdaCalls, 2);
    assert.equal(state.model.counts.lambdaFailures, 1);
    assert.deepEqual(state.notices, []);
    assert.equal(state.insightsQuery, `fields @timestamp, @message | filter ContactId = "${flowLogIds.lambdaErrorContact}" | sort @timestamp asc`);
    assert.match(state.logGroup?.consoleUrl ?? '', /^https:\/\/us-east-1\.console\.aws\.amazon\.com\/cloudwatch\/home\?region=us-east-1#logsV2:log-groups\/log-group\/\$252Faws\$252Fconnect\$252Facme-support$/);
    // The person sees the contact lane first, with a loading notice, then the events.
    assert.ok(reports[0].loading && reports[0].rows.length === 0);
    assert.equal(reports.at(-1)?.loading, false);
  });

  it('reads every page of the long chat: 5,013 events', async () => {
    const { timeline } = setup();
    const { state, reports } = await timeline(ref(flowLogIds.longChat.contactId));
    assert.equal(state.rows.length, flowLogIds.longChat.eventCount);
    assert.ok(state.pages > 1, `${state.pages} pages`);
    assert.ok(reports.some((r) => r.loading && /lines so far/.test(r.notices.at(-1)?.message ?? '')), 'progress while paging');
  });

  it('puts the transfer chain on one axis in one filter, each contact\'s lines in its group', async () => {
    const { timeline } = setup();
    const [a, b, c] = sampleIds.transferChain;
    const chain: ContactChain = { nodes: [a, b, c].map((contactId) => ({ contactId, current: contactId === a })), edges: [], truncated: false };
    const { state } = await timeline(ref(a), 'chain', chain);
    assert.deepEqual(state.model.groups.map((g) => g.contactId), [a, b, c]);
    assert.equal(state.pages, 1, 'one FilterLogEvents for the three contacts');
    for (const id of [b, c]) assert.equal(state.rows.filter((r) => r.groupContactId === id).length, flowLogIds.eventCounts[id], id);
    assert.ok(state.model.groups[1].offsetMs > 0, 'the later contact starts later on the axis');
  });

  it('says the log group does not exist, and how to turn flow logging on', async () => {
    const { timeline } = setup();
    const { state } = await timeline(ref(sampleIds.salesOutbound, sampleIds.instanceB));
    const notice = state.notices.find((n) => n.kind === 'noLogGroup');
    assert.ok(notice, JSON.stringify(state.notices));
    assert.match(notice.message, new RegExp(`The log group ${flowLogIds.missingLogGroup.logGroupName} does not exist`));
    assert.match(notice.hint ?? '', /Enable flow logs/);
    assert.ok(state.model.groups[0].lanes[0].type === 'contact' && state.model.groups[0].lanes[0].bars.length > 0, 'the contact lane stays');
  });

  it('names logs:FilterLogEvents and the log group when access is denied', async () => {
    const { timeline } = setup();
    local.endpoint.setDeny(['logs:FilterLogEvents']);
    const { state } = await timeline(ref(flowLogIds.lambdaErrorContact));
    const notice = state.notices.find((n) => n.kind === 'accessDenied');
    assert.ok(notice, JSON.stringify(state.notices));
    assert.match(notice.message, /logs:FilterLogEvents on the log group \/aws\/connect\/acme-support/);
    assert.match(notice.hint ?? '', /arn:aws:logs:us-east-1:\d{12}:log-group:\/aws\/connect\/acme-support:\*/);
  });

  it('reads a log group set for the instance, and explains an empty window by the flows or the retention', async () => {
    const { timeline } = setup({ [sampleIds.instanceA]: flowLogIds.emptyLogGroup });
    const { state } = await timeline(ref(flowLogIds.lambdaErrorContact));
    assert.equal(state.logGroup?.source, 'setting');
    const notice = state.notices.find((n) => n.kind === 'noEvents');
    assert.ok(notice, JSON.stringify(state.notices));
    // The empty group keeps lines for one day: an older contact's lines have expired.
    const initiated = Date.parse(String(state.model.axis.origin));
    if (Date.now() - initiated > 86_400_000) assert.match(notice.message, /keeps lines for 1 day, and this contact is \d+ days? old/);
    else assert.match(notice.hint ?? '', /Set logging behavior/);
  });

  it('reads the failed Lambda call\'s own log lines within 30 seconds', async () => {
    const { timeline, flowLogs } = setup();
    const { state } = await timeline(ref(flowLogIds.lambdaErrorContact));
    const failed = state.rows.find((r) => r.kind === 'lambda' && r.isError);
    assert.ok(failed);
    const logs = await lambdaLogLines(ref(flowLogIds.lambdaErrorContact), failed, flowLogs, new AbortController().signal);
    assert.equal(logs.logGroup, flowLogIds.lambdaFunction.logGroupName);
    assert.ok(logs.lines.length > 0, JSON.stringify(logs));
    assert.ok(logs.lines.every((l) => l.message.includes(flowLogIds.lambdaErrorContact)));
    assert.equal(logs.notice, undefined);
  });
});
