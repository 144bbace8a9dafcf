// The AWS CLI installed on this machine reads each sample contact from the local endpoint; our
// formatCliJson must print the very same text. Proves the document, not just its shape.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { formatCliJson, fromWireJson, type ContactDocument, type JsonValue } from '../../../src/contact/contactDocument';
import { childSchema, rootSchema, type SchemaType } from '../../../src/contact/schema';
import { useLocalAws } from '../../integration/aws/awsHome';
import { sampleFiles } from './samples';

const run = promisify(execFile);

// What the `aws` script runs (awscli.clidriver), once per sample in a single Python process:
// a CLI start costs about a second, fifteen of them would dominate the suite.
const cliDriverScript = [
  'import json, sys',
  'from awscli.clidriver import create_clidriver',
  'for args in json.loads(sys.argv[1]):',
  '    rc = create_clidriver().main(args)',
  "    sys.stdout.write('\\0%d\\0' % rc)",
  '    sys.stdout.flush()',
].join('\n');

/** botocore drops members its model does not know; so must the expected text. */
function knownOnly(value: JsonValue, schema: SchemaType | undefined): JsonValue {
  if (Array.isArray(value)) return value.map((v, i) => knownOnly(v, childSchema(schema, i)));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, JsonValue> = {};
  for (const [k, v] of Object.entries(value)) {
    const s = childSchema(schema, k);
    if (s) out[k] = knownOnly(v, s);
  }
  return out;
}

describe('formatCliJson against the real AWS CLI', function () {
  this.timeout(120_000);
  const local = useLocalAws({
    endpoint: { rebaseTimes: false },
    config: '[profile local]\nregion = us-east-1\noutput = json\ncli_timestamp_format = iso8601\n',
  });

  it('prints every sample contact exactly as `aws connect describe-contact` does', async () => {
    const samples = sampleFiles();
    const env = {
      ...process.env,
      AWS_CONFIG_FILE: local.home.configFile,
      AWS_SHARED_CREDENTIALS_FILE: local.home.credentialsFile,
      TZ: 'UTC',
      PYTHONIOENCODING: 'utf-8',
    };
    const jobs = samples.map((s) => [
      'connect', 'describe-contact', '--endpoint-url', local.endpoint.url, '--profile', 'local',
      '--instance-id', s.instanceId, '--contact-id', s.contactId,
    ]);
    const { stdout } = await run('python3', ['-c', cliDriverScript, JSON.stringify(jobs)], { env, maxBuffer: 64 * 1024 * 1024 });
    // Output of each run, then NUL, exit code, NUL.
    const parts = stdout.split('\0');
    assert.equal(parts.length, samples.length * 2 + 1, 'one output per sample');
    const failures: string[] = [];
    samples.forEach((s, i) => {
      assert.equal(parts[i * 2 + 1], '0', `${s.contactId}: CLI exit code`);
      const doc = fromWireJson(s.body);
      const expected: ContactDocument = { Contact: knownOnly(doc.Contact, childSchema(rootSchema, 'Contact')) as ContactDocument['Contact'] };
      if (formatCliJson(expected) !== parts[i * 2]) failures.push(s.contactId);
    });
    assert.deepEqual(failures, []);
  });
});
