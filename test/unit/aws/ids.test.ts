import * as assert from 'node:assert/strict';
import {
  cleanInput,
  instanceArn,
  parseContactInput,
  parseInstanceInput,
  validateContactIdLive,
  validateInstanceIdLive,
} from '../../../src/aws/ids';

const inst = '8f2c1a9e-3b4d-4e5f-9a6b-7c8d9e0f1a2b';
const contact = '1d7e5c3b-9a8f-4e2d-b1c0-a9f8e7d6c5b4';
const instArn = `arn:aws:connect:eu-west-2:123456789012:instance/${inst}`;
const contactArn = `${instArn}/contact/${contact}`;

function message(result: { ok: boolean; message?: string }): string {
  assert.equal(result.ok, false, 'expected the input to be rejected');
  return result.message ?? '';
}

describe('ids: instance input', () => {
  it('accepts a bare instance ID', () => {
    assert.deepEqual(parseInstanceInput(inst), { ok: true, instanceId: inst, warning: undefined });
  });

  it('accepts an instance ARN and gives region, account and partition', () => {
    assert.deepEqual(parseInstanceInput(instArn), {
      ok: true,
      instanceId: inst,
      arn: { partition: 'aws', region: 'eu-west-2', accountId: '123456789012' },
      warning: undefined,
    });
  });

  it('accepts GovCloud and China partitions', () => {
    const gov = parseInstanceInput(`arn:aws-us-gov:connect:us-gov-west-1:123456789012:instance/${inst}`);
    assert.ok(gov.ok);
    assert.deepEqual(gov.arn, { partition: 'aws-us-gov', region: 'us-gov-west-1', accountId: '123456789012' });
    const cn = parseInstanceInput(`arn:aws-cn:connect:cn-north-1:123456789012:instance/${inst}`);
    assert.ok(cn.ok && cn.arn?.region === 'cn-north-1');
  });

  it('trims whitespace, quotes and backticks', () => {
    for (const text of [`  ${inst}\n`, `"${inst}"`, `'${inst}'`, `\`${inst}\``, `"\`${inst}\`"`, `“${inst}”`, `"${inst}`]) {
      const r = parseInstanceInput(text);
      assert.ok(r.ok, text);
      assert.equal(r.instanceId, inst);
    }
  });

  it('accepts a non-UUID ID with a warning', () => {
    const r = parseInstanceInput('my-test-instance');
    assert.ok(r.ok);
    assert.equal(r.instanceId, 'my-test-instance');
    assert.match(r.warning ?? '', /"my-test-instance" is not shaped like an instance ID \(a UUID/);
  });

  it('accepts an ID of exactly 100 characters', () => {
    assert.ok(parseInstanceInput('a'.repeat(100)).ok);
  });

  const malformed: [string, string, string][] = [
    ['empty', '', 'Enter an instance ID or instance ARN.'],
    ['only whitespace and quotes', '  "" ', 'Enter an instance ID or instance ARN.'],
    ['too long', 'a'.repeat(101), 'The instance ID is 101 characters long; it can be at most 100.'],
    ['a space inside', `${inst.slice(0, 8)} ${inst.slice(9)}`, 'The instance ID contains a space at position 9. IDs contain no whitespace; paste a single ID.'],
    ['two IDs on two lines', `${inst}\n${inst}`, 'The instance ID contains a line break at position 37. IDs contain no whitespace; paste a single ID.'],
    ['an illegal character', `${inst.slice(0, 4)}#${inst.slice(5)}`, 'The instance ID contains "#" at position 5. IDs contain only letters, digits and hyphens.'],
    ['a contact ARN', contactArn, `This is a contact ARN, not an instance ARN. Paste it at the contact prompt, or enter the instance ID ${inst}.`],
    ['an S3 ARN', 'arn:aws:s3:::my-bucket', 'This is an ARN for the "s3" service, not Amazon Connect (arn:aws:connect:…).'],
    ['an ARN with too few parts', 'arn:aws:connect:us-east-1', 'This ARN is incomplete: it has 4 of the 6 colon-separated parts (arn:PARTITION:connect:REGION:ACCOUNT:instance/ID).'],
    ['a bad partition', `arn:amazon:connect:us-east-1:123456789012:instance/${inst}`, '"amazon" is not an AWS partition; expected aws, aws-cn, aws-us-gov or similar.'],
    ['no region', `arn:aws:connect::123456789012:instance/${inst}`, 'The ARN has no region; an Amazon Connect ARN names one, like us-east-1.'],
    ['a bad region', `arn:aws:connect:us-east:123456789012:instance/${inst}`, '"us-east" in the ARN is not an AWS region name (like us-east-1).'],
    ['an upper-case region', `arn:aws:connect:US-EAST-1:123456789012:instance/${inst}`, '"US-EAST-1" in the ARN is not an AWS region name (like us-east-1).'],
    ['a short account', `arn:aws:connect:us-east-1:12345:instance/${inst}`, 'The account ID in the ARN, "12345", must be exactly 12 digits.'],
    ['no account', `arn:aws:connect:us-east-1::instance/${inst}`, 'The ARN has no account ID; it goes between the region and "instance/".'],
    ['a queue ARN', `arn:aws:connect:us-east-1:123456789012:queue/${inst}`, 'This Amazon Connect ARN names a "queue" resource; expected instance/ID or instance/ID/contact/ID.'],
    ['a queue inside an instance', `${instArn}/queue/abc`, 'This ARN names a "queue" inside an instance, not the instance itself; expected …:instance/ID.'],
    ['an ARN ending at instance/', 'arn:aws:connect:us-east-1:123456789012:instance/', 'The ARN ends before the instance ID (…:instance/ID).'],
    ['an upper-case ARN prefix', `ARN:aws:connect:us-east-1:123456789012:instance/${inst}`, 'ARNs are lower case: they start with "arn:".'],
    ['a console URL', 'https://example.my.connect.aws/', 'That is a web address. Paste the instance ID or ARN instead (the console shows it on the instance overview page).'],
    ['half an ARN', `instance/${inst}`, 'This looks like the end of an ARN; paste the whole ARN, starting with "arn:".'],
    ['a space in the ARN instance ID', `arn:aws:connect:us-east-1:123456789012:instance/abc def`, 'The instance ID in the ARN contains a space at position 4. IDs contain no whitespace; paste a single ID.'],
  ];
  for (const [name, text, expected] of malformed) {
    it(`rejects ${name}`, () => {
      assert.equal(message(parseInstanceInput(text)), expected);
    });
  }
});

describe('ids: contact input', () => {
  it('accepts a bare contact ID', () => {
    assert.deepEqual(parseContactInput(contact), { ok: true, contactId: contact, warning: undefined });
  });

  it('accepts a contact ARN and gives instance, region, account and partition', () => {
    assert.deepEqual(parseContactInput(`  '${contactArn}' `), {
      ok: true,
      contactId: contact,
      instanceId: inst,
      arn: { partition: 'aws', region: 'eu-west-2', accountId: '123456789012' },
      warning: undefined,
    });
  });

  it('accepts a non-UUID contact ID with a warning', () => {
    const r = parseContactInput('contact-1');
    assert.ok(r.ok);
    assert.equal(r.warning, '"contact-1" is not shaped like a contact ID (a UUID such as 12345678-90ab-cdef-1234-567890abcdef); looking it up anyway.');
  });

  it('accepts 256 characters and rejects 257', () => {
    assert.ok(parseContactInput('c'.repeat(256)).ok);
    assert.equal(message(parseContactInput('c'.repeat(257))), 'The contact ID is 257 characters long; it can be at most 256.');
  });

  const malformed: [string, string, string][] = [
    ['empty', '``', 'Enter a contact ID or contact ARN.'],
    ['an instance ARN', instArn, 'This is an instance ARN, not a contact ARN. Enter a contact ID, or a contact ARN (…:instance/ID/contact/ID).'],
    ['an ARN ending at contact/', `${instArn}/contact/`, 'The ARN ends before the contact ID (…/contact/ID).'],
    ['an ARN with extra parts', `${contactArn}/extra`, 'The contact ARN has extra parts after the contact ID; expected …:instance/ID/contact/ID.'],
    ['an agent ARN', `${instArn}/agent/${contact}`, 'This ARN names a "agent" inside an instance, not a contact; expected …:instance/ID/contact/ID.'],
    ['a Lambda ARN', 'arn:aws:lambda:us-east-1:123456789012:function:f', 'This is an ARN for the "lambda" service, not Amazon Connect (arn:aws:connect:…).'],
    ['a tab inside', `${contact.slice(0, 3)}\t${contact.slice(3)}`, 'The contact ID contains a tab at position 4. IDs contain no whitespace; paste a single ID.'],
    ['a slash inside', 'abc/def', 'The contact ID contains "/" at position 4. IDs contain only letters, digits and hyphens.'],
    ['a bad contact ID inside the ARN', `${instArn}/contact/a.b`, 'The contact ID in the ARN contains "." at position 2. IDs contain only letters, digits and hyphens.'],
    ['a bad region inside a contact ARN', `arn:aws:connect:virginia:123456789012:instance/${inst}/contact/${contact}`, '"virginia" in the ARN is not an AWS region name (like us-east-1).'],
    ['an account with letters', `arn:aws:connect:us-east-1:12345678901x:instance/${inst}/contact/${contact}`, 'The account ID in the ARN, "12345678901x", must be exactly 12 digits.'],
    ['half a contact ARN', `contact/${contact}`, 'This looks like the end of an ARN; paste the whole ARN, starting with "arn:".'],
    ['a console URL', `https://x.my.connect.aws/contact-trace-records/details/${contact}`, 'That is a web address. Paste the contact ID or ARN instead (the console shows it on the contact details page).'],
  ];
  for (const [name, text, expected] of malformed) {
    it(`rejects ${name}`, () => {
      assert.equal(message(parseContactInput(text)), expected);
    });
  }
});

describe('ids: live validation and helpers', () => {
  it('says nothing while the box is empty, and the message once the text is wrong', () => {
    assert.equal(validateContactIdLive(''), undefined);
    assert.equal(validateContactIdLive('   '), undefined);
    assert.equal(validateContactIdLive(contact), undefined);
    assert.equal(validateContactIdLive(contactArn), undefined);
    assert.equal(validateContactIdLive(instArn), 'This is an instance ARN, not a contact ARN. Enter a contact ID, or a contact ARN (…:instance/ID/contact/ID).');
    assert.equal(validateInstanceIdLive(''), undefined);
    assert.equal(validateInstanceIdLive('a b'), 'The instance ID contains a space at position 2. IDs contain no whitespace; paste a single ID.');
  });

  it('cleans nested quotes and keeps inner text intact', () => {
    assert.equal(cleanInput(' "`abc`" '), 'abc');
    assert.equal(cleanInput('a"b'), 'a"b');
  });

  it('accepts one trailing slash, as consoles and docs show ARNs and IDs, but not two', () => {
    assert.deepEqual(parseInstanceInput(`${instArn}/`), parseInstanceInput(instArn));
    assert.deepEqual(parseInstanceInput(` "${inst}/" `), { ok: true, instanceId: inst, warning: undefined });
    assert.deepEqual(parseContactInput(`${contactArn}/`), parseContactInput(contactArn));
    assert.deepEqual(parseContactInput(`${contact}/`), { ok: true, contactId: contact, warning: undefined });
    assert.equal(validateInstanceIdLive(`${instArn}/`), undefined);
    assert.equal(validateContactIdLive(`${contactArn}/`), undefined);
    assert.equal(message(parseInstanceInput(`${inst}//`)), 'The instance ID contains "/" at position 37. IDs contain only letters, digits and hyphens.');
    assert.equal(message(parseInstanceInput('arn:aws:connect:us-east-1:123456789012:instance//')), 'The ARN ends before the instance ID (…:instance/ID).');
  });

  it('builds an instance ARN', () => {
    assert.equal(instanceArn({ partition: 'aws', region: 'eu-west-2', accountId: '123456789012' }, inst), instArn);
  });
});
