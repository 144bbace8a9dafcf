// The fake keys of test/fixtures/aws/{config,credentials}, as constants so tests needn't parse the files.
// The local endpoint accepts exactly these by default. They are not, and never were, real AWS keys.
import * as path from 'node:path';

export interface LocalCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** Profile `local`: static keys. */
export const localProfile = 'local';
export const localRegion = 'us-east-1';
export const localCredentials: LocalCredentials = {
  accessKeyId: 'AKIALOCALCONNECT0001',
  secretAccessKey: 'localConnectSecretKeyDoNotUseAnywhere0001',
};

/** Profile `local-session`: temporary-style keys with a session token. */
export const localSessionProfile = 'local-session';
export const localSessionCredentials: LocalCredentials = {
  accessKeyId: 'ASIALOCALCONNECT0002',
  secretAccessKey: 'localConnectSessionSecretDoNotUse0002',
  sessionToken: 'localConnectSessionTokenFAKE0002',
};

export const defaultLocalCredentials: LocalCredentials[] = [localCredentials, localSessionCredentials];

/** Absolute paths of the fixture files, for AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE. */
export function localAwsFiles(repoRoot: string): { configFile: string; credentialsFile: string } {
  const dir = path.join(repoRoot, 'test', 'fixtures', 'aws');
  return { configFile: path.join(dir, 'config'), credentialsFile: path.join(dir, 'credentials') };
}
