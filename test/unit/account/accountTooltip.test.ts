// The status bar's words for the profile, region and endpoint: plain, and naming where each came from.
import * as assert from 'node:assert/strict';
import { describeAccount, type AccountFacts } from '../../../src/account/accountTooltip';

const base: AccountFacts = {
  profile: 'local',
  profileSetting: 'local',
  envCredentials: false,
  region: 'us-east-1',
  regionFrom: 'explicit',
  endpointSetting: 'http://127.0.0.1:4599',
  env: {},
};

describe('the status bar item for the profile and region', () => {
  it('names the profile, region and endpoint in plain words, with where each came from', () => {
    const status = describeAccount(base);
    assert.equal(status.text, '$(cloud) local · us-east-1');
    assert.equal(
      status.summary,
      'Profile local (from your settings) · region us-east-1 (from your settings) · endpoint http://127.0.0.1:4599 (connectContacts.endpointUrl)',
    );
    assert.match(status.ariaLabel, /^Amazon Connect: Profile local/);
    assert.deepEqual(status.details, ['Click to change the profile and region.']);
  });

  it('says AWS_PROFILE, AWS_REGION, the profile\'s region, the public endpoint', () => {
    const fromEnv = describeAccount({ ...base, profileSetting: '', profile: 'dev', regionFrom: 'AWS_REGION', endpointSetting: '', env: { AWS_PROFILE: 'dev', AWS_REGION: 'us-east-1' } });
    assert.equal(fromEnv.summary, 'Profile dev (AWS_PROFILE) · region us-east-1 (AWS_REGION) · endpoint https://connect.us-east-1.amazonaws.com (AWS\'s public endpoint)');
    const fromProfile = describeAccount({ ...base, profileSetting: '', profile: 'default', region: 'eu-west-2', regionFrom: 'profile', endpointSetting: '' });
    assert.match(fromProfile.summary, /^Profile default \(the default profile: none is chosen in your settings or AWS_PROFILE\) · region eu-west-2 \(from profile default in your AWS config file\) · endpoint https:\/\/connect\.eu-west-2\.amazonaws\.com/);
  });

  it('names the endpoint variable or the profile\'s endpoint_url', () => {
    assert.match(describeAccount({ ...base, endpointSetting: '', env: { AWS_ENDPOINT_URL_CONNECT: 'https://vpce.example' } }).summary, /endpoint https:\/\/vpce\.example \(AWS_ENDPOINT_URL_CONNECT\)$/);
    assert.match(describeAccount({ ...base, endpointSetting: '', profileEntry: { endpointUrl: 'https://p.example' } }).summary, /endpoint https:\/\/p\.example \(endpoint_url of profile local\)$/);
  });

  it('never says "explicit", and never shows a password in an endpoint URL', () => {
    const status = describeAccount({ ...base, endpointSetting: 'https://user:hunter22@proxy.example' });
    assert.doesNotMatch(status.summary + status.ariaLabel, /explicit/i);
    assert.doesNotMatch(status.summary, /hunter22/);
  });

  it('a missing region or a bad endpoint says what to fix', () => {
    const noRegion = describeAccount({ ...base, region: '', regionFrom: undefined, regionProblem: 'No region is set for profile local.', endpointSetting: '' });
    assert.equal(noRegion.text, '$(cloud) local · no region');
    assert.equal(noRegion.summary, 'Profile local (from your settings) · no region');
    assert.equal(noRegion.details[0], 'No region is set for profile local.');
    const badEndpoint = describeAccount({ ...base, endpointSetting: 'not a url' });
    assert.match(badEndpoint.details[0], /connectContacts\.endpointUrl is not valid/);
  });

  it('environment keys with no profile chosen', () => {
    assert.match(describeAccount({ ...base, profileSetting: '', envCredentials: true, profile: 'default' }).summary, /^No profile: the access keys in AWS_ACCESS_KEY_ID/);
  });
});
