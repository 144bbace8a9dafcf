// The rules that keep the account the person's choice: a link cannot pick the profile silently,
// a pick goes to the settings scope that supplies the value, sign-in commands are quoted.
import * as assert from 'node:assert/strict';
import { ssoLoginCommand } from '../../../src/aws/shellQuote';
import { redact } from '../../../src/aws/redact';
import { linkProfileQuestion } from '../../../src/describe/linkProfile';
import { scopeForPick } from '../../../src/account/settingScope';

describe('a vscode:// link and the profile', () => {
  const args = { instanceId: '11111111-1111-4111-8111-111111111111', contactId: '6f1d2c3b-4a59-4e68-9a7b-8c9d0e1f2a01', region: 'eu-west-2' };

  it('asks nothing when the link names no profile, or the active one', () => {
    assert.equal(linkProfileQuestion(args, 'work'), undefined);
    assert.equal(linkProfileQuestion({ ...args, profile: 'work' }, 'work'), undefined);
  });

  it('asks in words that name the profile, region, instance and contact', () => {
    const q = linkProfileQuestion({ ...args, profile: 'prod-admin' }, 'work');
    assert.ok(q);
    assert.match(q.message, /"prod-admin" instead of your active profile "work"/);
    for (const part of ['Contact: 6f1d2c3b-4a59-4e68-9a7b-8c9d0e1f2a01', 'Instance: 11111111-1111-4111-8111-111111111111', 'Region: eu-west-2', 'Profile asked for: prod-admin (yours is work)', 'credential_process']) {
      assert.ok(q.detail.includes(part), `${part} missing from: ${q.detail}`);
    }
    assert.deepEqual([q.useLinkProfile, q.useActiveProfile], ['Use "prod-admin"', 'Use "work"']);
  });
});

describe('where a picked profile or region is saved', () => {
  it('goes to the user settings unless the workspace sets the value', () => {
    assert.deepEqual(scopeForPick('connectContacts.region', { globalValue: 'us-east-1' }), { scope: 'user' });
    assert.deepEqual(scopeForPick('connectContacts.region', undefined), { scope: 'user' });
  });

  it('goes to the workspace settings when they supply the value, and says so', () => {
    const choice = scopeForPick('connectContacts.region', { globalValue: 'us-east-1', workspaceValue: 'eu-west-2' });
    assert.equal(choice.scope, 'workspace');
    assert.equal(choice.note, "Saved in this workspace's settings: they set connectContacts.region, which overrides your user settings here.");
    assert.equal(scopeForPick('connectContacts.profile', { workspaceValue: '' }).scope, 'workspace', 'an empty workspace value still overrides');
  });
});

describe('texts that carry names', () => {
  it('shell-quotes the profile in the aws sso login command', () => {
    assert.equal(ssoLoginCommand('dev'), 'aws sso login --profile dev');
    assert.equal(ssoLoginCommand(undefined), 'aws sso login');
    assert.equal(ssoLoginCommand('x; rm -rf ~'), "aws sso login --profile 'x; rm -rf ~'");
    assert.equal(ssoLoginCommand("it's"), "aws sso login --profile 'it'\\''s'");
  });

  it('redacts the user info of an endpoint URL in log text', () => {
    assert.equal(redact('endpoint=https://admin:hunter2@proxy.corp:8443/x status=200'), 'endpoint=https://[redacted]@proxy.corp:8443/x status=200');
    assert.equal(redact('endpoint=http://127.0.0.1:4599'), 'endpoint=http://127.0.0.1:4599');
  });
});
