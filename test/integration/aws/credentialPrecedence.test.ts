// Which keys sign a request, as the AWS CLI decides: with no profile chosen in settings, keys in
// the environment win over the default profile's keys in the files; a chosen profile uses its own.
// The local endpoint accepts only the fixture's keys, so the wrong choice is a rejected signature.
import * as assert from 'node:assert/strict';
import { ConnectService } from '../../../src/aws/connectService';
import { ConnectServiceError } from '../../../src/aws/errors';
import { defaultTransport } from '../../../src/aws/types';
import { localCredentials, localRegion } from '../../endpoint/localCredentials';
import { sampleIds } from '../../endpoint/sampleIds';
import { useLocalAws } from './awsHome';

describe('credential precedence', function () {
  this.timeout(20_000);
  const local = useLocalAws();

  before(() => {
    // [default] in the files holds keys the endpoint rejects.
    local.home.addCredentials('[default]\naws_access_key_id = AKIAFILEDEFAULT00001\naws_secret_access_key = fileDefaultSecretTheEndpointRejects000001');
  });

  const envKeys = { AWS_ACCESS_KEY_ID: localCredentials.accessKeyId, AWS_SECRET_ACCESS_KEY: localCredentials.secretAccessKey };
  const ref = { profile: 'default', region: localRegion, instanceId: sampleIds.instanceA, contactId: sampleIds.voice };

  function service(chosenProfile: string): ConnectService {
    return new ConnectService({
      env: { ...local.home.env, ...envKeys },
      chosenProfile: () => chosenProfile,
      transport: () => ({ ...defaultTransport, endpointUrl: local.endpoint.url, maxAttempts: 1 }),
    });
  }

  it('signs with the environment keys when no profile is chosen, though [default] has file keys', async () => {
    const s = service('');
    const result = await s.describeContact(ref);
    assert.equal(result.output.Contact.Id, sampleIds.voice);
    await s.dispose();
  });

  it('signs with the file keys of a profile the person chose, even when it is "default"', async () => {
    const s = service('default');
    const error = await s.describeContact(ref).then(() => undefined, (e: unknown) => e);
    assert.ok(error instanceof ConnectServiceError);
    assert.equal(error.kind, 'SignatureRejected');
    await s.dispose();
  });
});
