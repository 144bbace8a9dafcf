// A profile that assumes a role (role_arn, source_profile) whose source identity may not call
// sts:AssumeRole. The real SDK's credential chain asks STS before any Connect request: here a stand-in
// that answers as STS does (its awsQuery XML error, HTTP 403), so the refusal travels the real path
// (fromIni, the shared credential provider, the Connect client) and must name sts:AssumeRole on the
// role and the source profile, not the Connect action that never went out.
import * as assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConnectServiceError } from '../../../src/aws/errors';
import { localProfile, localRegion } from '../../endpoint/localCredentials';
import { sampleIds } from '../../endpoint/sampleIds';
import { makeService, useLocalAws } from './awsHome';

const roleArn = 'arn:aws:iam::123456789012:role/ConnectReader';
const stsRequestId = '5d0c3e4f-1a2b-4c3d-8e9f-0a1b2c3d4e5f';
const stsMessage = `User: arn:aws:iam::123456789012:user/local is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`;

describe('assume-role profiles', function () {
  this.timeout(20_000);
  const local = useLocalAws();
  const stsActions: string[] = [];
  let sts: Server;
  const saved = process.env.AWS_ENDPOINT_URL_STS;

  before(async () => {
    sts = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        stsActions.push(new URLSearchParams(body).get('Action') ?? '');
        res.writeHead(403, { 'content-type': 'text/xml', 'x-amzn-requestid': stsRequestId });
        res.end(`<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>${stsMessage}</Message></Error><RequestId>${stsRequestId}</RequestId></ErrorResponse>`);
      });
    });
    await new Promise<void>((resolve) => sts.listen(0, '127.0.0.1', resolve));
    // The SDK's STS client takes its endpoint from the process's environment, not from our settings.
    process.env.AWS_ENDPOINT_URL_STS = `http://127.0.0.1:${(sts.address() as AddressInfo).port}`;
    local.home.addConfig(`[profile connect-reader]\nrole_arn = ${roleArn}\nsource_profile = ${localProfile}\nregion = ${localRegion}`);
  });

  after(async () => {
    if (saved === undefined) delete process.env.AWS_ENDPOINT_URL_STS;
    else process.env.AWS_ENDPOINT_URL_STS = saved;
    await new Promise<void>((resolve) => sts.close(() => resolve()));
  });

  it('a denied sts:AssumeRole names that action on the role and the source profile, not connect:DescribeContact', async () => {
    const { service } = makeService(local.home, { endpointUrl: local.endpoint.url, maxAttempts: 1 });
    try {
      const error = await service.describeContact({ profile: 'connect-reader', region: localRegion, instanceId: sampleIds.instanceA, contactId: sampleIds.voice })
        .then(() => assert.fail('the role was assumed'), (e: unknown) => e);
      assert.ok(error instanceof ConnectServiceError);
      assert.equal(error.kind, 'AccessDenied');
      assert.equal(error.message, `Profile connect-reader could not assume its role ${roleArn}: the identity of source profile local is not allowed to call sts:AssumeRole on it. AWS said: "${stsMessage}" (Request ID: ${stsRequestId})`);
      assert.equal(error.info.hint, `Ask your AWS administrator to allow sts:AssumeRole on ${roleArn} for the identity of source profile local (its IAM policy), and to trust that identity in the role's trust policy.`);
      assert.ok(!/connect:/.test(`${error.message} ${error.info.hint}`), error.message);
      assert.deepEqual(stsActions, ['AssumeRole']);
      assert.deepEqual(local.endpoint.requests, [], 'no Connect request without credentials');
    } finally {
      await service.dispose();
    }
  });
});
