// The AWS CLI v2 from Debian's `awscli` package (2.9.x, /usr/bin/aws: its own fork of botocore, its own
// restJson1 parser and SigV4 signer) against the local endpoint, next to the v1 CLI in awsCli.test.ts:
// every operation the endpoint serves, every sample contact and the service's error responses.
//
// v2's model is from January 2023. Its parser skips members its model lacks, so each comparison is with
// the served body projected onto v2's own model (its botocore data, read below), and the members dropped
// that way are pinned per operation in `droppedByV2`. SearchContacts (2024), ListAssociatedContacts and
// ListContactEvaluations are not in that model at all: their tests give v2 the operations' published models
// (searchContactsModel.json, test/fixtures/aws/contactStoryModel.json) through AWS_DATA_PATH. CloudWatch Logs'
// FilterLogEvents and DescribeLogGroups (awsJson1.1, logsCalls.ts) are read against v2's own logs model.
//
// Every CLI run starts up front in `before`, a few at a time (each is a Python process, CPU-bound for most
// of its ~0.8 s); the tests then check one result each.
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { localAwsFiles, localCredentials, localSessionCredentials, type LocalCredentials } from '../../endpoint/localCredentials';
import { findRepoRoot } from '../../endpoint/paths';
import { loadSampleContacts } from '../../endpoint/sampleData';
import { sampleIds } from '../../endpoint/sampleIds';
import { startEndpoint, type RequestLogEntry, type RunningEndpoint } from '../../endpoint/server';
import { signatureMismatchMessage } from '../../endpoint/sigv4';
import { callLogs } from '../../endpoint/logsClient';
import { flowLogIds, maximalEvaluations } from '../../endpoint/sampleIds';
import {
  CliResults,
  errorMessage,
  fetchServed,
  parseOutput,
  projectOntoModel,
  writeConfig,
  type BotocoreModel,
  type CliResult,
  type CliRun,
  type Served,
} from './cliHarness';
import {
  describeLogGroupsArgs,
  filterLogEventsArgs,
  flowLogQuery,
  insightsRuns,
  malformedQuery,
  missingGroupArgs,
  resultContactIds,
  servedFlowLogs,
  servedLogGroups,
  servedQueryResults,
  type FlowLogQuery,
  type InsightsRuns,
} from './logsCalls';
import { criteriaSearchArgs, searchSynthetic, servedSearch, tooLongSearchArgs, tooLongSearchBody } from './searchCalls';
import { missingQueueCall, storyCalls } from './storyCalls';

/** Debian's awscli; called by full path because the v1 CLI comes first on PATH. */
const v2Bin = '/usr/bin/aws';
const v2Package = '/usr/lib/python3/dist-packages/awscli';
const v2ModelFile = path.join(v2Package, 'botocore', 'data', 'connect', '2017-08-08', 'service-2.json');
const v2LogsModelFile = path.join(v2Package, 'botocore', 'data', 'logs', '2014-03-28', 'service-2.json');

/**
 * What v2 2.9.19's model (connect 2017-08-08 as of January 2023) lacks of what the endpoint serves, by
 * operation: members the service added after that (the endpoint follows botocore 1.43.11's model, as
 * the v1 CLI does). v2's parser skips them and prints the rest, so they are the only difference between
 * its output and the wire body. Nested members of a dropped member go with it; DescribeContact's list is
 * the Contact members v2 lacks at every depth, as the maximal contact carries them all. GetContactAttributes
 * and SearchContacts (given the model it lacks) lose nothing.
 */
const droppedByV2: Record<string, string[]> = {
  DescribeContact: [
    'AdditionalEmailRecipients', 'AgentInfo.AcceptedByAgentTimestamp', 'AgentInfo.ActiveRegion',
    'AgentInfo.AfterContactWorkDuration', 'AgentInfo.AfterContactWorkEndTimestamp',
    'AgentInfo.AfterContactWorkStartTimestamp', 'AgentInfo.AgentInitiatedHoldDuration',
    'AgentInfo.AgentPauseDurationInSeconds', 'AgentInfo.Capabilities', 'AgentInfo.DeviceInfo',
    'AgentInfo.HierarchyGroups', 'AgentInfo.PreviewEndTimestamp', 'AgentInfo.StateTransitions',
    'AgentInfo.VoiceEnhancementMode', 'AnsweringMachineDetectionStatus', 'Attributes', 'Campaign', 'ChatMetrics',
    'ConnectedToSystemTimestamp', 'ContactAssociationId', 'ContactDetails', 'ContactEvaluations', 'Customer',
    'CustomerEndpoint', 'CustomerId', 'CustomerVoiceActivity', 'DisconnectDetails', 'DisconnectReason',
    'GlobalResiliencyMetadata', 'LastPausedTimestamp', 'LastResumedTimestamp', 'NextContacts', 'OutboundStrategy',
    'QualityMetrics', 'QueuePriority', 'QueueTimeAdjustmentSeconds', 'Recordings', 'RingStartTimestamp',
    'RoutingCriteria', 'SegmentAttributes', 'SystemEndpoint', 'Tags', 'TaskTemplateInfo', 'TotalPauseCount',
    'TotalPauseDurationInSeconds', 'WisdomInfo',
  ].map((member) => `Contact.${member}`),
  ListInstances: ['InstanceSummaryList[].InstanceAccessUrl'],
  DescribeInstance: ['Instance.InstanceAccessUrl', 'Instance.Tags'],
  GetContactAttributes: [],
  SearchContacts: [],
  // The contact story's operations, as the maximal contact's resources carry every member of their shapes.
  DescribeQueue: ['Queue.LastModifiedRegion', 'Queue.LastModifiedTime', 'Queue.OutboundEmailConfig'],
  DescribeUser: [
    'User.AfterContactWorkConfigs', 'User.AutoAcceptConfigs', 'User.LastModifiedRegion', 'User.LastModifiedTime',
    'User.PersistentConnectionConfigs', 'User.PhoneConfig.PersistentConnection', 'User.PhoneNumberConfigs', 'User.VoiceEnhancementConfigs',
  ],
  DescribeUserHierarchyGroup: [
    'HierarchyGroup.LastModifiedRegion', 'HierarchyGroup.LastModifiedTime',
    ...['LevelOne', 'LevelTwo', 'LevelThree', 'LevelFour', 'LevelFive'].flatMap((l) => [`HierarchyGroup.HierarchyPath.${l}.LastModifiedRegion`, `HierarchyGroup.HierarchyPath.${l}.LastModifiedTime`]),
  ],
  DescribeRoutingProfile: [
    'RoutingProfile.AgentAvailabilityTimer', 'RoutingProfile.AssociatedManualAssignmentQueueIds', 'RoutingProfile.AssociatedQueueIds',
    'RoutingProfile.IsDefault', 'RoutingProfile.LastModifiedRegion', 'RoutingProfile.LastModifiedTime',
    'RoutingProfile.MediaConcurrencies[].CrossChannelBehavior', 'RoutingProfile.NumberOfAssociatedManualAssignmentQueues',
  ],
  DescribeContactFlow: [
    'ContactFlow.FlowContentSha256', 'ContactFlow.LastModifiedRegion', 'ContactFlow.LastModifiedTime', 'ContactFlow.Status',
    'ContactFlow.Version', 'ContactFlow.VersionDescription',
  ],
  ListContactReferences: ['ReferenceSummaryList[].Attachment.Arn'],
  ListAssociatedContacts: [],
  ListContactEvaluations: [],
  // The summaries gained their last-modified time and region after v2's model.
  ListQueues: ['QueueSummaryList[].LastModifiedRegion', 'QueueSummaryList[].LastModifiedTime'],
  ListUsers: ['UserSummaryList[].LastModifiedRegion', 'UserSummaryList[].LastModifiedTime'],
  // CloudWatch Logs (logs 2014-03-28 as of January 2023): the log group's class and plain ARN came later.
  FilterLogEvents: [],
  DescribeLogGroups: ['logGroups[].logGroupArn', 'logGroups[].logGroupClass'],
};

/** The operation extracts of v1's botocore model, for the operations v2's model lacks. */
const extractFiles = [
  ['test', 'integration', 'cli', 'searchContactsModel.json'],
  ['test', 'fixtures', 'aws', 'contactStoryModel.json'],
];

/** An extract's operations (one `operation`, or several under `operations`) and shapes. */
function readExtract(file: string): { operations: BotocoreModel['operations']; shapes: BotocoreModel['shapes'] } {
  const json = JSON.parse(readFileSync(file, 'utf8')) as { operation?: BotocoreModel['operations'][string]; operations?: BotocoreModel['operations']; shapes: BotocoreModel['shapes'] };
  return { operations: json.operations ?? { [json.operation!.name]: json.operation! }, shapes: json.shapes };
}

describe('AWS CLI v2 (Debian awscli, /usr/bin/aws) against the local endpoint', function () {
  // The cap on the whole suite: 45 CLI runs, about 17 s on two idle cores (50 s seen on two busy ones).
  this.timeout(150_000);

  const fixtures = localAwsFiles(findRepoRoot());
  const contacts = [...loadSampleContacts()].map(([contactId, { instanceId }]) => ({ contactId, instanceId }));
  const searchEnd = Math.floor(Date.now() / 1000);
  const searchStart = searchEnd - 24 * 3600;
  const searchArgs = [
    'connect', 'search-contacts',
    '--instance-id', sampleIds.instanceA,
    '--time-range', `Type=INITIATION_TIMESTAMP,StartTime=${searchStart},EndTime=${searchEnd}`,
    '--search-criteria', 'Channels=VOICE',
    '--sort', 'FieldName=INITIATION_TIMESTAMP,Order=ASCENDING',
  ];
  /** The request body those arguments make. */
  const searchBody = {
    InstanceId: sampleIds.instanceA,
    TimeRange: { Type: 'INITIATION_TIMESTAMP', StartTime: searchStart, EndTime: searchEnd },
    SearchCriteria: { Channels: ['VOICE'] },
    Sort: { FieldName: 'INITIATION_TIMESTAMP', Order: 'ASCENDING' },
  };

  let endpoint: RunningEndpoint;
  /** Throttles every request: the ThrottlingException test's own endpoint, so nothing else is throttled. */
  let throttled: RunningEndpoint;
  let dir: string;
  let model: BotocoreModel;
  /** v2's own CloudWatch Logs model. */
  let logsModel: BotocoreModel;
  /** Denies logs:FilterLogEvents, as a policy without it would. */
  let logsDenied: RunningEndpoint;
  /** Serves synthetic contacts for the search panel's criteria. */
  let synthetic: RunningEndpoint;
  /** The voice call's flow logs, over the window the extension asks for. */
  let voiceLogs: FlowLogQuery;
  /** Insights queries started before the CLI runs, and the runs that read them. */
  let insights: InsightsRuns;
  /** v2's model plus the operations it lacks (SearchContacts, ListAssociatedContacts, ListContactEvaluations). */
  let extendedModel: BotocoreModel;
  /** Those operations: v2 runs them with `extendedModel` through AWS_DATA_PATH. */
  let addedOperations: string[];
  let wrongCredentialsFile: string;
  /** The endpoint's request log when the last CLI run finished, before the tests fetch anything themselves. */
  let cliRequests: RequestLogEntry[];
  const results = new CliResults();

  before(async () => {
    if (!existsSync(v2Bin) || !existsSync(v2ModelFile)) {
      throw new Error(`The AWS CLI v2 (Debian's awscli package) is not installed: no ${existsSync(v2Bin) ? v2ModelFile : v2Bin}. Run \`bash scripts/setup.sh\`, which installs it.`);
    }
    const version = /__version__ = '([^']+)'/.exec(readFileSync(path.join(v2Package, '__init__.py'), 'utf8'))?.[1];
    assert.match(version ?? '', /^2\./, `${v2Bin} is not the AWS CLI v2 (awscli ${version}): run \`bash scripts/setup.sh\``);
    model = JSON.parse(readFileSync(v2ModelFile, 'utf8')) as BotocoreModel;
    logsModel = JSON.parse(readFileSync(v2LogsModelFile, 'utf8')) as BotocoreModel;

    endpoint = await startEndpoint();
    throttled = await startEndpoint({ faults: { throttle: 1_000_000 } });
    logsDenied = await startEndpoint({ deny: ['logs:FilterLogEvents'] });
    synthetic = await startEndpoint({ synthetic: searchSynthetic });
    voiceLogs = await flowLogQuery(endpoint.url, sampleIds.voice);
    insights = await insightsRuns(endpoint.url);
    dir = mkdtempSync(path.join(os.tmpdir(), 'connect-endpoint-cli-v2-'));
    const base = { bin: v2Bin, endpointUrl: endpoint.url, configFile: writeConfig(fixtures.configFile, path.join(dir, 'config'), 'wire'), credentialsFile: fixtures.credentialsFile };
    wrongCredentialsFile = path.join(dir, 'credentials-wrong');
    writeFileSync(wrongCredentialsFile, `[local]\naws_access_key_id = ${localCredentials.accessKeyId}\naws_secret_access_key = definitely-not-the-secret\n`);

    const added: BotocoreModel['operations'] = {};
    let addedShapes: BotocoreModel['shapes'] = {};
    for (const file of extractFiles) {
      const extract = readExtract(path.join(findRepoRoot(), ...file));
      for (const [name, operation] of Object.entries(extract.operations)) {
        if (model.operations[name]) continue;
        added[name] = operation;
        addedShapes = { ...addedShapes, ...extract.shapes };
      }
    }
    addedOperations = Object.keys(added);
    // v2's shapes stay as they are; only the ones it lacks are added (none it has differs in a member this reads).
    extendedModel = { ...model, operations: { ...model.operations, ...added }, shapes: { ...addedShapes, ...model.shapes } };
    const extendedEnv: Record<string, string> = {};
    if (addedOperations.length > 0) {
      const modelDir = path.join(dir, 'models', 'connect', '2017-08-08');
      mkdirSync(modelDir, { recursive: true });
      writeFileSync(path.join(modelDir, 'service-2.json'), JSON.stringify(extendedModel));
      extendedEnv.AWS_DATA_PATH = path.join(dir, 'models');
    }
    const runFor = (operation: string): CliRun => (addedOperations.includes(operation) ? { ...base, env: extendedEnv } : base);
    // v2's paginators lack ListContactEvaluations: it prints one page and its NextToken; the second page is its own run.
    const evaluations = storyCalls.find((c) => c.operation === 'ListContactEvaluations')!;
    const evaluationsToken = String((await fetchServed(endpoint.url, evaluations.path)).body.NextToken);

    const runs: [string, CliRun, string[]][] = [
      ...contacts.map(({ contactId, instanceId }): [string, CliRun, string[]] => [
        `describe ${contactId}`, base, ['connect', 'describe-contact', '--instance-id', instanceId, '--contact-id', contactId],
      ]),
      ['list-instances', base, ['connect', 'list-instances', '--page-size', '1']],
      ['describe-instance', { ...base, profile: 'local-session' }, ['connect', 'describe-instance', '--instance-id', sampleIds.instanceB]],
      ['get-contact-attributes', base, ['connect', 'get-contact-attributes', '--instance-id', sampleIds.instanceA, '--initial-contact-id', sampleIds.voice]],
      ['search-contacts', runFor('SearchContacts'), searchArgs],
      ['not found', base, ['connect', 'describe-contact', '--instance-id', sampleIds.instanceA, '--contact-id', sampleIds.missingContact]],
      // One attempt: v2's standard retry mode would otherwise retry with backoff before printing the error.
      ['throttled', { ...base, endpointUrl: throttled.url, env: { AWS_MAX_ATTEMPTS: '1' } }, ['connect', 'describe-instance', '--instance-id', sampleIds.instanceA]],
      ['wrong secret', { ...base, credentialsFile: wrongCredentialsFile }, ['connect', 'describe-contact', '--instance-id', sampleIds.instanceA, '--contact-id', sampleIds.voice]],
      ...[...storyCalls, missingQueueCall].map((c): [string, CliRun, string[]] => [c.key, runFor(c.operation), c.args]),
      ['list-contact-evaluations page 2', runFor('ListContactEvaluations'), [...evaluations.args, '--next-token', evaluationsToken]],
      ['filter-log-events', base, filterLogEventsArgs(voiceLogs, ['--page-size', '10'])],
      ['describe-log-groups', base, describeLogGroupsArgs],
      ['log group missing', base, missingGroupArgs],
      ['logs denied', { ...base, endpointUrl: logsDenied.url }, filterLogEventsArgs(voiceLogs)],
      ...insights.args.map(([key, args]): [string, CliRun, string[]] => [key, base, args]),
      // v2 has no paginator for SearchContacts: one page of up to 100.
      ['search-contacts criteria', { ...runFor('SearchContacts'), endpointUrl: synthetic.url }, criteriaSearchArgs(['--max-results', '100'])],
      ['search-contacts too long', { ...runFor('SearchContacts'), endpointUrl: synthetic.url }, tooLongSearchArgs()],
    ];
    await results.runAll(runs);
    cliRequests = [...endpoint.requests];
  });

  after(async () => {
    await endpoint?.close();
    await throttled?.close();
    await logsDenied?.close();
    await synthetic?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function served(pathAndQuery: string, opts: { method?: string; body?: string; credentials?: LocalCredentials } = {}): Promise<Record<string, unknown>> {
    const s = await fetchServed(endpoint.url, pathAndQuery, opts);
    assert.equal(s.status, 200, JSON.stringify(s.body));
    return s.body;
  }

  /** What the endpoint serves for the requests the CLI made, fetched again. */
  const servedFor = {
    contact: (instanceId: string, contactId: string) => served(`/contacts/${instanceId}/${contactId}`),
    instances: () => served('/instance?maxResults=10'),
    instance: () => served(`/instance/${sampleIds.instanceB}`, { credentials: localSessionCredentials }),
    attributes: () => served(`/contact/attributes/${sampleIds.instanceA}/${sampleIds.voice}`),
    search: () => served('/search-contacts', { method: 'POST', body: JSON.stringify(searchBody) }),
    evaluationsPage2: async () => {
      const call = storyCalls.find((c) => c.operation === 'ListContactEvaluations')!;
      const first = await served(call.path);
      return served(`${call.path}&nextToken=${encodeURIComponent(String(first.NextToken))}`);
    },
  };

  /**
   * The served body as v2 reads it: only the members its model (or `extendedModel`) knows. What that drops
   * goes into `dropped`, and must be in `droppedByV2`.
   */
  function asV2Reads(operation: string, served: unknown, m = model, dropped = new Set<string>()): unknown {
    const projected = projectOntoModel(served, m.operations[operation].output!.shape, m.shapes, dropped);
    for (const member of dropped) assert.ok(droppedByV2[operation].includes(member), `${operation}: v2's model lacks ${member}, which droppedByV2 does not list`);
    return projected;
  }

  /**
   * v2 prints the error code and message the endpoint served, and exits 254 (a service error, in v2's codes).
   * For an error it would retry, it says how many retries it made (none here: AWS_MAX_ATTEMPTS=1).
   */
  function assertServiceError(r: CliResult, operation: string, s: Served, retried?: number): void {
    assert.ok(s.errorCode, `the endpoint sent no X-Amzn-ErrorType (${s.status})`);
    assert.equal(r.code, 254, r.stderr);
    assert.equal(r.stdout, '');
    const retries = retried === undefined ? '' : ` (reached max retries: ${retried})`;
    assert.equal(r.stderr.trim(), `An error occurred (${s.errorCode}) when calling the ${operation} operation${retries}: ${errorMessage(s)}`);
  }

  for (const { contactId, instanceId } of contacts) {
    const chain = (sampleIds.transferChain as readonly string[]).indexOf(contactId);
    const name = chain > 0 ? `transfer ${chain}` : Object.entries(sampleIds).find(([, v]) => v === contactId)?.[0];
    it(`describe-contact prints the ${name} contact (${contactId}) as served, less the members v2 lacks`, async () => {
      assert.deepEqual(parseOutput(results.get(`describe ${contactId}`)), asV2Reads('DescribeContact', await servedFor.contact(instanceId, contactId)));
    });
  }

  it('list-instances follows NextToken across pages and prints the instances as served', async () => {
    assert.deepEqual(cliRequests.filter((r) => r.operation === 'ListInstances').map((r) => r.status), [200, 200, 200]);
    const all = await servedFor.instances();
    assert.equal(all.NextToken, undefined);
    const out = parseOutput(results.get('list-instances'));
    assert.deepEqual(out, asV2Reads('ListInstances', all));
    assert.deepEqual((out.InstanceSummaryList as { InstanceAlias: string }[]).map((i) => i.InstanceAlias), ['acme-support', 'acme-sales', 'acme-lab']);
  });

  it('describe-instance signs with a session token (local-session) and prints the instance as served', async () => {
    assert.deepEqual(parseOutput(results.get('describe-instance')), asV2Reads('DescribeInstance', await servedFor.instance()));
  });

  it('get-contact-attributes prints the attributes as served', async () => {
    assert.deepEqual(parseOutput(results.get('get-contact-attributes')), asV2Reads('GetContactAttributes', await servedFor.attributes()));
  });

  it('search-contacts (an operation newer than v2 2.9’s model: given it through AWS_DATA_PATH) prints the page as served', async () => {
    const out = parseOutput(results.get('search-contacts'));
    assert.deepEqual(out, asV2Reads('SearchContacts', await servedFor.search(), extendedModel));
    const ids = (out.Contacts as { Id: string }[]).map((c) => c.Id);
    for (const id of sampleIds.transferChain) assert.ok(ids.includes(id), id);
  });

  it('search-contacts with the panel’s criteria (channels, hierarchy group, attribute) prints the page as served', async () => {
    const served = await servedSearch(synthetic.url, 100);
    assert.equal(served.pages, 1);
    assert.ok(served.totalCount > 0);
    assert.deepEqual(parseOutput(results.get('search-contacts criteria')), asV2Reads('SearchContacts', { Contacts: served.contacts, TotalCount: served.totalCount }, extendedModel));
  });

  it('search-contacts over more than 8 weeks gets the InvalidParameterException the endpoint served', async () => {
    const s = await fetchServed(synthetic.url, '/search-contacts', { method: 'POST', body: JSON.stringify(tooLongSearchBody) });
    assertServiceError(results.get('search-contacts too long'), 'SearchContacts', s);
  });

  for (const call of storyCalls) {
    it(`${call.key} prints what the endpoint serves, less the members v2 lacks`, async () => {
      assert.deepEqual(parseOutput(results.get(call.key)), asV2Reads(call.operation, await served(call.path), extendedModel));
    });
  }

  it('list-contact-evaluations prints one page and its NextToken (v2 has no paginator for it), and the second page with --next-token', async () => {
    const first = parseOutput(results.get('list-contact-evaluations'));
    assert.equal(typeof first.NextToken, 'string');
    const second = parseOutput(results.get('list-contact-evaluations page 2'));
    assert.deepEqual(second, asV2Reads('ListContactEvaluations', await servedFor.evaluationsPage2(), extendedModel));
    assert.equal(second.NextToken, undefined);
    const ids = [first, second].flatMap((p) => (p.EvaluationSummaryList as { EvaluationId: string }[]).map((e) => e.EvaluationId));
    assert.deepEqual(ids, maximalEvaluations.map((e) => e.id));
  });

  it('reports the missing queue as the ResourceNotFoundException the endpoint served', async () => {
    const s = await fetchServed(endpoint.url, missingQueueCall.path);
    assert.equal(s.status, 404);
    assertServiceError(results.get(missingQueueCall.key), 'DescribeQueue', s);
  });

  it('reports an unknown contact as the ResourceNotFoundException the endpoint served', async () => {
    const s = await fetchServed(endpoint.url, `/contacts/${sampleIds.instanceA}/${sampleIds.missingContact}`);
    assert.equal(s.status, 404);
    assertServiceError(results.get('not found'), 'DescribeContact', s);
  });

  it('reports throttling as the ThrottlingException the endpoint served', async () => {
    assert.deepEqual(throttled.requests.map((r) => r.status), [429]);
    const s = await fetchServed(throttled.url, `/instance/${sampleIds.instanceA}`);
    assert.equal(s.status, 429);
    assertServiceError(results.get('throttled'), 'DescribeInstance', s, 0);
  });

  it('a wrong secret gets the 403 InvalidSignatureException the endpoint served', async () => {
    assert.deepEqual(cliRequests.filter((r) => r.status === 403).map((r) => r.path), [`/contacts/${sampleIds.instanceA}/${sampleIds.voice}`]);
    const s = await fetchServed(endpoint.url, `/contacts/${sampleIds.instanceA}/${sampleIds.voice}`, {
      credentials: { accessKeyId: localCredentials.accessKeyId, secretAccessKey: 'definitely-not-the-secret' },
    });
    assert.equal(s.status, 403);
    assert.equal(errorMessage(s), signatureMismatchMessage);
    assertServiceError(results.get('wrong secret'), 'DescribeContact', s);
  });

  it('what v2 drops is exactly droppedByV2, operation by operation (the maximal contact and its resources carry every member)', async () => {
    const dropped: Record<string, Set<string>> = Object.fromEntries(Object.keys(droppedByV2).map((op) => [op, new Set<string>()]));
    for (const { contactId, instanceId } of contacts) asV2Reads('DescribeContact', await servedFor.contact(instanceId, contactId), model, dropped.DescribeContact);
    asV2Reads('ListInstances', await servedFor.instances(), model, dropped.ListInstances);
    asV2Reads('DescribeInstance', await servedFor.instance(), model, dropped.DescribeInstance);
    asV2Reads('GetContactAttributes', await servedFor.attributes(), model, dropped.GetContactAttributes);
    asV2Reads('SearchContacts', await servedFor.search(), extendedModel, dropped.SearchContacts);
    for (const call of storyCalls) asV2Reads(call.operation, await served(call.path), extendedModel, dropped[call.operation]);
    asV2Reads('ListContactEvaluations', await servedFor.evaluationsPage2(), extendedModel, dropped.ListContactEvaluations);
    asV2Reads('FilterLogEvents', { events: (await servedFlowLogs(endpoint.url, voiceLogs)).events, searchedLogStreams: [] }, logsModel, dropped.FilterLogEvents);
    asV2Reads('DescribeLogGroups', await servedLogGroups(endpoint.url), logsModel, dropped.DescribeLogGroups);
    const sorted = (byOp: Record<string, Iterable<string>>) => Object.fromEntries(Object.entries(byOp).map(([op, members]) => [op, [...members].sort()]));
    assert.deepEqual(sorted(dropped), sorted(droppedByV2));
  });

  describe('CloudWatch Logs', () => {
    it('filter-log-events follows nextToken (--page-size 10) and prints the union of the pages as served', async () => {
      const served = await servedFlowLogs(endpoint.url, voiceLogs, 10);
      assert.ok(served.pages.length >= 3, `${served.pages.length} pages`);
      assert.equal(cliRequests.filter((r) => r.operation === 'FilterLogEvents' && r.status === 200).length, served.pages.length);
      const out = parseOutput(results.get('filter-log-events'));
      assert.deepEqual(out, asV2Reads('FilterLogEvents', { events: served.events, searchedLogStreams: [] }, logsModel));
      assert.equal(served.events.length, flowLogIds.eventCounts[sampleIds.voice]);
    });

    it('describe-log-groups prints the log groups as served, less the members v2 lacks', async () => {
      const out = parseOutput(results.get('describe-log-groups'));
      assert.deepEqual(out, asV2Reads('DescribeLogGroups', await servedLogGroups(endpoint.url), logsModel));
      assert.ok(!(out.logGroups as { logGroupName: string }[]).some((g) => g.logGroupName === flowLogIds.missingLogGroup.logGroupName));
    });

    it('reports instance B’s missing log group and a denied action as the errors the endpoint served', async () => {
      const cases: [string, string, Record<string, unknown>][] = [
        ['log group missing', endpoint.url, { logGroupName: flowLogIds.missingLogGroup.logGroupName }],
        ['logs denied', logsDenied.url, { logGroupName: flowLogIds.logGroup }],
      ];
      for (const [key, url, request] of cases) {
        const s = await callLogs(url, 'FilterLogEvents', request);
        assert.equal(s.status, 400, key);
        const r = results.get(key);
        assert.equal(r.code, 254, key);
        assert.equal(r.stderr.trim(), `An error occurred (${s.errorType}) when calling the FilterLogEvents operation: ${String(s.body.message)}`, key);
      }
    });
  });

  describe('CloudWatch Logs Insights', () => {
    it('start-query prints the queryId of a query that then completes with the voice call’s failed Lambda call', async () => {
      const { queryId } = parseOutput(results.get('start-query')) as { queryId: string };
      let body: Record<string, unknown>;
      do body = await servedQueryResults(endpoint.url, queryId);
      while (body.status !== 'Complete');
      assert.deepEqual(resultContactIds(body), [sampleIds.voice]);
    });

    it('get-query-results prints the rows and statistics as served, read with v2’s own logs model', async () => {
      const out = parseOutput(results.get('get-query-results'));
      assert.deepEqual(out, asV2Reads('GetQueryResults', await servedQueryResults(endpoint.url, insights.completeId), logsModel));
      assert.deepEqual(resultContactIds(out), [sampleIds.voice]);
    });

    it('stop-query cancels a running query; a finished one and a malformed query get the errors the endpoint served', async () => {
      assert.deepEqual(parseOutput(results.get('stop-query')), { success: true });
      assert.equal((await servedQueryResults(endpoint.url, insights.runningId)).status, 'Cancelled');
      const finished = await callLogs(endpoint.url, 'StopQuery', { queryId: insights.finishedId });
      const malformed = await callLogs(endpoint.url, 'StartQuery', { logGroupName: flowLogIds.logGroup, startTime: 0, endTime: 1, queryString: malformedQuery });
      for (const [key, operation, s] of [['stop-query finished', 'StopQuery', finished], ['start-query malformed', 'StartQuery', malformed]] as const) {
        const r = results.get(key);
        assert.equal(r.code, 254, key);
        assert.equal(r.stderr.trim(), `An error occurred (${s.errorType}) when calling the ${operation} operation: ${String(s.body.message)}`, key);
      }
      assert.deepEqual([finished.errorType, malformed.errorType], ['InvalidParameterException', 'MalformedQueryException']);
    });
  });
});
