// The AWS CLI v1 on this machine (botocore's own restJson1 parser and SigV4 signer) against the local
// endpoint: proof that the endpoint speaks the service's wire format, not just what our SDK accepts.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { localAwsFiles, localCredentials } from '../../endpoint/localCredentials';
import { findRepoRoot } from '../../endpoint/paths';
import { sampleIds } from '../../endpoint/sampleIds';
import { startEndpoint, type RunningEndpoint } from '../../endpoint/server';
import { signRequest, signatureMismatchMessage } from '../../endpoint/sigv4';

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

describe('AWS CLI against the local endpoint', function () {
  // The CLI is a Python program: each run starts an interpreter and loads botocore.
  this.timeout(60_000);

  let endpoint: RunningEndpoint;
  let dir: string;
  let configFile: string;
  const fixtures = localAwsFiles(findRepoRoot());

  before(async () => {
    endpoint = await startEndpoint();
    dir = mkdtempSync(path.join(os.tmpdir(), 'connect-endpoint-cli-'));
    // Timestamps exactly as received (epoch seconds), so the CLI's output compares with the wire body.
    configFile = path.join(dir, 'config');
    writeFileSync(configFile, readFileSync(fixtures.configFile, 'utf8').replace('[profile local]\n', '[profile local]\ncli_timestamp_format = none\n'));
  });
  after(async () => {
    await endpoint.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Run `aws` with only the fixture files for configuration: no AWS_* variables from the environment. */
  function aws(args: string[], credentialsFile = fixtures.credentialsFile, profile = 'local'): Promise<CliResult> {
    const env: NodeJS.ProcessEnv = {};
    for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('AWS_')) env[k] = v;
    Object.assign(env, { AWS_CONFIG_FILE: configFile, AWS_SHARED_CREDENTIALS_FILE: credentialsFile, AWS_EC2_METADATA_DISABLED: 'true', AWS_PAGER: '' });
    return new Promise((resolve) => {
      execFile('aws', [...args, '--profile', profile, '--endpoint-url', endpoint.url, '--output', 'json'], { env, maxBuffer: 32 * 1024 * 1024 }, (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
        resolve({ code, stdout, stderr });
      });
    });
  }

  /** What the endpoint sends for a request, fetched raw (signed here) to compare with the CLI's output. */
  async function served(pathAndQuery: string, method = 'GET', body = ''): Promise<unknown> {
    const url = new URL(pathAndQuery, endpoint.url);
    const amzDate = new Date().toISOString().replace(/[-:]|\.\d{3}/g, '');
    const headers = signRequest({ method, url: url.pathname + url.search, headers: { host: url.host }, body: Buffer.from(body) }, localCredentials, 'us-east-1', amzDate);
    delete headers.host;
    const res = await fetch(url, { method, headers, body: method === 'GET' ? undefined : body });
    assert.equal(res.status, 200, await res.clone().text());
    return res.json();
  }

  function parse(result: CliResult): Record<string, unknown> {
    assert.equal(result.code, 0, result.stderr);
    return JSON.parse(result.stdout) as Record<string, unknown>;
  }

  it('describe-contact prints exactly the contact the endpoint serves', async () => {
    const out = parse(await aws(['connect', 'describe-contact', '--instance-id', sampleIds.instanceA, '--contact-id', sampleIds.voice]));
    assert.deepEqual(out, await served(`/contacts/${sampleIds.instanceA}/${sampleIds.voice}`));
    assert.equal((out.Contact as { Channel: string }).Channel, 'VOICE');
  });

  it('describe-contact reads the hostile contact unchanged: scripts, bidi, control characters, 50-deep maps', async () => {
    const out = parse(await aws(['connect', 'describe-contact', '--instance-id', sampleIds.instanceB, '--contact-id', sampleIds.hostile]));
    assert.deepEqual(out, await served(`/contacts/${sampleIds.instanceB}/${sampleIds.hostile}`));
  });

  it('describe-contact reads the maximal contact; botocore drops only the members its model lacks', async () => {
    const out = parse(await aws(['connect', 'describe-contact', '--instance-id', sampleIds.instanceA, '--contact-id', sampleIds.maximal]));
    const wire = (await served(`/contacts/${sampleIds.instanceA}/${sampleIds.maximal}`)) as { Contact: { AgentInfo: Record<string, unknown> } };
    // AgentInfo.ActiveRegion is in the newer JS SDK model but not in this CLI's botocore.
    delete wire.Contact.AgentInfo.ActiveRegion;
    assert.deepEqual(out, wire);
  });

  it('list-instances follows NextToken across pages', async () => {
    const before = endpoint.requests.length;
    const out = parse(await aws(['connect', 'list-instances', '--page-size', '1']));
    const list = out.InstanceSummaryList as { InstanceAlias: string }[];
    assert.deepEqual(list.map((i) => i.InstanceAlias), ['acme-support', 'acme-sales', 'acme-lab']);
    const calls = endpoint.requests.slice(before).filter((r) => r.operation === 'ListInstances');
    assert.deepEqual(calls.map((r) => r.status), [200, 200, 200]);
  });

  it('search-contacts finds the recent voice contacts', async () => {
    const end = Math.floor(Date.now() / 1000);
    const start = end - 24 * 3600;
    const out = parse(
      await aws([
        'connect', 'search-contacts',
        '--instance-id', sampleIds.instanceA,
        '--time-range', `Type=INITIATION_TIMESTAMP,StartTime=${start},EndTime=${end}`,
        '--search-criteria', 'Channels=VOICE',
        '--sort', 'FieldName=INITIATION_TIMESTAMP,Order=ASCENDING',
      ]),
    );
    const contacts = out.Contacts as { Id: string; Channel: string; InitiationTimestamp: number }[];
    assert.ok(contacts.length >= 3, JSON.stringify(contacts.map((c) => c.Id)));
    assert.ok(contacts.every((c) => c.Channel === 'VOICE' && c.InitiationTimestamp >= start && c.InitiationTimestamp <= end));
    for (const id of sampleIds.transferChain) assert.ok(contacts.some((c) => c.Id === id), id);
    const times = contacts.map((c) => c.InitiationTimestamp);
    assert.deepEqual(times, [...times].sort((a, b) => a - b));
  });

  it('signs with a session token from the local-session profile', async () => {
    const out = parse(await aws(['connect', 'describe-instance', '--instance-id', sampleIds.instanceB], fixtures.credentialsFile, 'local-session'));
    assert.equal((out.Instance as { InstanceAlias: string }).InstanceAlias, 'acme-sales');
  });

  it('get-contact-attributes returns the user-defined attributes', async () => {
    const out = parse(await aws(['connect', 'get-contact-attributes', '--instance-id', sampleIds.instanceA, '--initial-contact-id', sampleIds.voice]));
    assert.deepEqual(out, await served(`/contact/attributes/${sampleIds.instanceA}/${sampleIds.voice}`));
  });

  it('reports an unknown contact as the service’s ResourceNotFoundException', async () => {
    const result = await aws(['connect', 'describe-contact', '--instance-id', sampleIds.instanceA, '--contact-id', sampleIds.missingContact]);
    assert.notEqual(result.code, 0);
    assert.match(result.stderr, /An error occurred \(ResourceNotFoundException\) when calling the DescribeContact operation: Contact not found/);
  });

  it('a wrong secret gets 403 InvalidSignatureException', async () => {
    const wrong = path.join(dir, 'credentials-wrong');
    writeFileSync(wrong, `[local]\naws_access_key_id = ${localCredentials.accessKeyId}\naws_secret_access_key = definitely-not-the-secret\n`);
    const before = endpoint.requests.length;
    const result = await aws(['connect', 'describe-contact', '--instance-id', sampleIds.instanceA, '--contact-id', sampleIds.voice], wrong);
    assert.notEqual(result.code, 0);
    assert.ok(result.stderr.includes(`An error occurred (InvalidSignatureException) when calling the DescribeContact operation: ${signatureMismatchMessage}`), result.stderr);
    assert.deepEqual(endpoint.requests.slice(before).map((r) => r.status), [403]);
  });
});
