// What the log shows: one summary per call and wire lines at trace, as the CLI's
// --debug would, and never a secret key, session token or signature.
import * as assert from 'node:assert/strict';
import { AwsCaller } from '../../../src/aws/awsCall';
import { ConnectService } from '../../../src/aws/connectService';
import { ConnectServiceError } from '../../../src/aws/errors';
import { InsightsService } from '../../../src/aws/insightsService';
import { unlimitedBudget } from '../../../src/aws/scheduler';
import { defaultTransport, type TransportSettings } from '../../../src/aws/types';
import { localProfile, localRegion, localSessionCredentials, localSessionProfile } from '../../endpoint/localCredentials';
import { flowLogIds, sampleIds } from '../../endpoint/sampleIds';
import { makeService, RecordingLogger, useLocalAws } from './awsHome';


describe('ConnectService logging', function () {
  this.timeout(20_000);
  const local = useLocalAws();

  it('logs success and failure paths with a session-token credential and never a secret', async () => {
    const { service, logger } = makeService(local.home, { endpointUrl: local.endpoint.url, maxAttempts: 2 });
    const target = { profile: localSessionProfile, region: localRegion };
    const ref = { ...target, instanceId: sampleIds.instanceA, contactId: sampleIds.voice };
    const errors: ConnectServiceError[] = [];
    const capture = async (p: Promise<unknown>): Promise<void> => {
      await p.then(() => undefined, (e: unknown) => {
        assert.ok(e instanceof ConnectServiceError);
        errors.push(e);
      });
    };

    await service.describeContact(ref);
    await service.listInstances(target);
    await service.searchContacts(target, { instanceId: sampleIds.instanceA, start: new Date(Date.now() - 30 * 86_400_000).toISOString(), end: new Date().toISOString() });
    await capture(service.describeContact({ ...ref, contactId: sampleIds.missingContact }));
    local.endpoint.setFaults({ throttle: 10 });
    await capture(service.describeContact(ref));
    local.endpoint.setFaults({ status500: true });
    await capture(service.getContactAttributes(target, sampleIds.instanceA, sampleIds.voice));
    local.endpoint.setFaults({ malformedJson: true });
    await capture(service.describeInstance(target, sampleIds.instanceA));
    local.endpoint.clearFaults();
    // The same access key with the wrong secret and the session token: the signature is rejected.
    local.home.addCredentials([
      '[session-wrong]',
      `aws_access_key_id = ${localSessionCredentials.accessKeyId}`,
      'aws_secret_access_key = wrongSessionSecretValueXYZ0123456789abcd',
      `aws_session_token = ${localSessionCredentials.sessionToken}`,
    ].join('\n'));
    service.invalidate();
    await capture(service.describeContact({ ...ref, profile: 'session-wrong' }));

    assert.deepEqual(errors.map((e) => e.kind), ['NotFound', 'Throttling', 'ServiceError', 'MalformedResponse', 'SignatureRejected']);
    assert.deepEqual(logger.entries.map((e) => [e.operation, e.httpStatus, e.error ?? 'ok']), [
      ['DescribeContact', 200, 'ok'],
      ['ListInstances', 200, 'ok'],
      ['SearchContacts', 200, 'ok'],
      ['DescribeContact', 404, 'NotFound'],
      ['DescribeContact', 429, 'Throttling'],
      ['GetContactAttributes', 500, 'ServiceError'],
      ['DescribeInstance', 200, 'MalformedResponse'],
      ['DescribeContact', 403, 'SignatureRejected'],
    ]);
    for (const entry of logger.entries) {
      assert.equal(entry.endpoint, local.endpoint.url);
      assert.equal(entry.region, localRegion);
      assert.ok(entry.requestId, `${entry.operation} has a request ID`);
      assert.ok(entry.durationMs >= 0);
    }
    assert.equal(logger.entries[4].attempts, 2, 'throttled twice, then gave up');
    assert.ok(logger.traces.some((t) => t.startsWith(`POST ${local.endpoint.url.replace(/\/$/, '')}/search-contacts (attempt 1) → HTTP 200`)), logger.traces.join('\n'));
    assert.ok(logger.warnings.some((w) => /^DescribeContact failed \(NotFound, HTTP 404, request ID \S+\)$/.test(w)), logger.warnings.join('\n'));

    const everything = [logger.allText(), ...errors.map((e) => `${e.message}\n${JSON.stringify(e.info)}\n${e.stack ?? ''}`)].join('\n');
    for (const secret of [localSessionCredentials.secretAccessKey, localSessionCredentials.sessionToken ?? '', 'wrongSessionSecretValueXYZ0123456789abcd']) {
      assert.ok(secret.length > 0);
      assert.ok(!everything.includes(secret), `a secret appeared in the log or an error: ${secret.slice(0, 6)}…`);
    }
    assert.ok(!/Signature=|X-Amz-Security-Token|Authorization/i.test(everything), 'no auth headers or signatures');
  });

  it('keeps what the person typed out of the log when the service repeats it: a searched value, a Logs Insights query', async () => {
    const logger = new RecordingLogger();
    const settings: TransportSettings = { ...defaultTransport, maxAttempts: 1, endpointUrl: local.endpoint.url, logsEndpointUrl: local.endpoint.url };
    const caller = new AwsCaller({ env: local.home.env, transport: () => settings, logger });
    const connect = new ConnectService({ caller });
    const insights = new InsightsService({ caller, requestBudget: () => unlimitedBudget });
    const target = { profile: localProfile, region: localRegion };
    // Over SearchableContactAttributeValue's 100 characters: the service's ValidationException quotes it.
    const typed = 'customer jane.doe@example.com, phone +1 206 555 0142, card 4111-1111-1111-1111, ' + 'x'.repeat(40);
    try {
      const search = await connect.searchContacts(target, {
        instanceId: sampleIds.instanceA, start: new Date(Date.now() - 86_400_000).toISOString(), end: new Date().toISOString(),
        attributes: { criteria: [{ key: 'CustomerEmail', values: [typed] }], matchType: 'MATCH_ALL' },
      }).then(() => assert.fail('the service took the value'), (e: unknown) => e);
      assert.ok(search instanceof ConnectServiceError);
      assert.equal(search.kind, 'InvalidInput');
      // The person reads the service's words beside the field...
      assert.match(search.message, /AWS said: ".*jane\.doe@example\.com.*searchableContactAttributes/);
      // Malformed where the person typed a number: the service's message quotes the token.
      const query = 'fields @message | filter Parameters.Value = "+12065550142" 2065550142';
      const malformed = await insights.runQuery(target, { logGroupNames: [flowLogIds.logGroup], queryString: query, startTime: 1, endTime: 2 })
        .then(() => assert.fail('the query ran'), (e: unknown) => e);
      assert.ok(malformed instanceof ConnectServiceError);
      assert.equal(malformed.kind, 'InvalidInput');
      assert.match(malformed.info.queryError?.message ?? '', /"2065550142"/);
      // ...the log says which call failed, how, and the request ID for AWS support: nothing the person typed.
      const [searchEntry, queryEntry] = logger.entries;
      assert.deepEqual(logger.warnings, [
        `SearchContacts failed (InvalidInput, HTTP 400, request ID ${searchEntry.requestId})`,
        `StartQuery failed (InvalidInput, HTTP 400, request ID ${queryEntry.requestId})`,
      ]);
      const text = logger.allText();
      for (const part of ['jane.doe', '206 555', '4111-1111', '2065550142', 'AWS said', 'validation error', 'could not run the query']) assert.ok(!text.includes(part), `the log holds "${part}":\n${text}`);
    } finally {
      await caller.dispose();
    }
  });
});
