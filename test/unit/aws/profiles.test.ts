import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { awsFilePaths, defaultProfileName, hasNoProfiles, loadProfiles, ProfileCatalog } from '../../../src/aws/profiles';

const config = `# comment
[default]
region = us-east-1

[profile dev]
region = eu-west-2 ; inline comment
endpoint_url = http://127.0.0.1:4566
ca_bundle = /etc/ssl/dev.pem

[profile sso-user]
sso_session = corp
sso_account_id = 123456789012
sso_role_name = ReadOnly
region = us-west-2

[profile legacy-sso]
sso_start_url = https://corp.awsapps.com/start
sso_region = us-east-1

[profile admin]
role_arn = arn:aws:iam::123456789012:role/Admin
source_profile = default
s3 =
  max_concurrent_requests = 20

[profile proc]
credential_process = /usr/local/bin/get-creds --json
services = local-connect
endpoint_url = http://global.example:1

[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = us-east-1

[services local-connect]
connect =
  endpoint_url = http://127.0.0.1:9999

[notaprofile]
region = ap-south-1
`;

const credentials = `[default]
aws_access_key_id = AKIAEXAMPLEDEFAULT01
aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY

[ci]
aws_access_key_id = AKIAEXAMPLECI0000001
aws_secret_access_key = je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY
aws_session_token = FwoGZXIvYXdzEXAMPLESESSIONTOKEN
`;

describe('profiles', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cce-profiles-'));
    mkdirSync(join(dir, '.aws'));
    env = { HOME: dir };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function write(name: string, text: string): string {
    const p = join(dir, '.aws', name);
    writeFileSync(p, text);
    return p;
  }

  it('lists every profile from both files with its kind, region and endpoint', async () => {
    write('config', config);
    write('credentials', credentials);
    const listing = await loadProfiles(env);
    assert.deepEqual(listing.warnings, [`[notaprofile] in ${join(dir, '.aws', 'config')} is not listed: the config file names profiles [profile NAME] (only [default] is bare).`]);
    assert.equal(listing.configFile, join(dir, '.aws', 'config'));
    assert.equal(listing.credentialsFile, join(dir, '.aws', 'credentials'));
    const summary = listing.profiles.map((p) => [p.name, p.kind, p.region ?? '-', p.endpointUrl ?? '-', p.source.join('+')]);
    assert.deepEqual(summary, [
      ['default', 'static', 'us-east-1', '-', 'config+credentials'],
      ['admin', 'assume-role', '-', '-', 'config'],
      ['ci', 'static', '-', '-', 'credentials'],
      ['dev', 'unknown', 'eu-west-2', 'http://127.0.0.1:4566', 'config'],
      ['legacy-sso', 'sso', '-', '-', 'config'],
      ['proc', 'credential-process', '-', 'http://127.0.0.1:9999', 'config'],
      ['sso-user', 'sso', 'us-west-2', '-', 'config'],
    ]);
    const dev = listing.profiles.find((p) => p.name === 'dev');
    assert.equal(dev?.caBundle, '/etc/ssl/dev.pem');
    assert.equal(listing.profiles.find((p) => p.name === 'sso-user')?.ssoSession, 'corp');
    assert.equal(listing.profiles.find((p) => p.name === 'admin')?.sourceProfile, 'default');
  });

  it('never keeps a secret value', async () => {
    write('credentials', credentials);
    const text = JSON.stringify(await loadProfiles(env));
    assert.ok(!text.includes('wJalrXUtnFEMI'), text);
    assert.ok(!text.includes('FwoGZXIvYXdz'), text);
  });

  it('honours AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE and AWS_PROFILE', async () => {
    const cfg = join(dir, 'elsewhere.ini');
    const creds = join(dir, 'creds.ini');
    writeFileSync(cfg, '[profile other]\nregion = ca-central-1\n');
    writeFileSync(creds, '[keys]\naws_access_key_id = AKIA\naws_secret_access_key = x\n');
    write('config', config); // ignored: the env vars point elsewhere
    const listing = await loadProfiles({ ...env, AWS_CONFIG_FILE: cfg, AWS_SHARED_CREDENTIALS_FILE: creds, AWS_PROFILE: 'other' });
    assert.deepEqual(listing.profiles.map((p) => p.name), ['keys', 'other']);
    assert.equal(listing.defaultProfile, 'other');
    assert.equal(listing.configFile, cfg);
    assert.equal(listing.credentialsFile, creds);
  });

  it('expands ~ in AWS_CONFIG_FILE against HOME', () => {
    assert.equal(awsFilePaths({ HOME: '/home/u', AWS_CONFIG_FILE: '~/cfg/aws' }).configFile, '/home/u/cfg/aws');
    assert.equal(awsFilePaths({ HOME: '/home/u' }).ssoCacheDir, '/home/u/.aws/sso/cache');
  });

  it('defaults to the profile named default', () => {
    assert.equal(defaultProfileName({}), 'default');
    assert.equal(defaultProfileName({ AWS_PROFILE: ' work ' }), 'work');
  });

  it('returns an empty list and a warning when neither file exists', async () => {
    const listing = await loadProfiles(env);
    assert.deepEqual(listing.profiles, []);
    assert.equal(listing.warnings.length, 1);
    assert.match(listing.warnings[0], /^No AWS config or credentials file: neither .*\.aws\/config nor .*\.aws\/credentials exists\. Run "aws configure" or "aws configure sso" to create a profile\.$/);
  });

  it('warns when AWS_CONFIG_FILE names a missing file', async () => {
    const listing = await loadProfiles({ ...env, AWS_CONFIG_FILE: join(dir, 'nope') });
    assert.deepEqual(listing.profiles, []);
    assert.deepEqual(listing.warnings, [`${join(dir, 'nope')} does not exist (set by AWS_CONFIG_FILE).`]);
  });

  it('warns about a config path that is a directory instead of throwing', async () => {
    const listing = await loadProfiles({ ...env, AWS_CONFIG_FILE: dir });
    assert.deepEqual(listing.warnings, [`${dir} is a directory, not a file.`]);
  });

  it('keeps readable profiles from a malformed file, as the SDK reads it', async () => {
    write('config', '[profile ok]\nregion = us-east-1\nthis line is junk\n[broken\n');
    const listing = await loadProfiles(env);
    assert.deepEqual(listing.profiles.map((p) => p.name), ['ok']);
    assert.equal(listing.profiles[0].region, 'us-east-1');
  });

  it('lists nothing from a binary file, and does not throw', async () => {
    write('config', Buffer.from([0, 1, 2, 255, 10, 3, 4, 10, 5, 10, 6, 10, 7, 10]).toString('latin1'));
    const listing = await loadProfiles(env);
    assert.deepEqual(listing.profiles, []);
  });

  it('does not offer a profile the SDK cannot load, and says why', async () => {
    write('config', '[profile with space]\nregion = us-east-1\n[profile fine]\nregion = eu-west-2\n[profile "quoted"]\nregion = us-west-2\n');
    const listing = await loadProfiles(env);
    assert.deepEqual(listing.profiles.map((p) => p.name), ['fine', 'quoted']);
    assert.deepEqual(listing.warnings, [`[profile with space] in ${join(dir, '.aws', 'config')} is not listed: the AWS SDK cannot load a profile name with spaces or those characters.`]);
  });

  it('has one rule for "no profiles": none in the files and no keys in the environment', async () => {
    assert.equal(hasNoProfiles(await loadProfiles(env)), true);
    assert.equal(hasNoProfiles(await loadProfiles({ ...env, AWS_ACCESS_KEY_ID: 'AKIAENV', AWS_SECRET_ACCESS_KEY: 'secret' })), false);
    assert.equal(hasNoProfiles(await loadProfiles({ ...env, AWS_ACCESS_KEY_ID: 'AKIAENV' })), true, 'a key ID without its secret signs nothing');
    write('credentials', credentials);
    assert.equal(hasNoProfiles(await loadProfiles(env)), false);
  });

  it('shares one cached listing until invalidated', async () => {
    write('config', '[profile a]\nregion = us-east-1\n');
    const catalog = new ProfileCatalog(env);
    const [first, second] = await Promise.all([catalog.listing(), catalog.listing()]);
    assert.equal(first, second);
    write('config', '[profile a]\nregion = us-east-1\n[profile b]\nregion = us-east-1\n');
    assert.equal(await catalog.listing(), first, 'cached until invalidated');
    catalog.invalidate();
    assert.deepEqual((await catalog.listing()).profiles.map((p) => p.name), ['a', 'b']);
    assert.deepEqual(catalog.latest()?.profiles.map((p) => p.name), ['a', 'b']);
  });
});
