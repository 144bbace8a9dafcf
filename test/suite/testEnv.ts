// What the runner tells the extension-host suite: where the local Amazon Connect endpoint is,
// where to write results. The runner writes it as JSON and points CCE_TEST_ENV_FILE at it
// (code-server's extension host inherits code-server's environment). See README.md here.
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface ExtHostTestEnv {
  /** Base URL of the local Connect endpoint (also in settings as connectContacts.endpointUrl). */
  endpointUrl: string;
  /** `${endpointUrl}/__control`: requests log, faults. Empty when no endpoint was started. */
  controlUrl: string;
  /** The profile and region the settings select (`local`, `us-east-1`). */
  profile: string;
  region: string;
  repoRoot: string;
  /** The folder the workbench opened (a temp dir the tests may write to). */
  workspaceFolder: string;
  /** Mocha results in mocha's JSON reporter shape, and the live spec-style log. */
  resultsFile: string;
  logFile: string;
  /** Optional mocha --grep. */
  grep?: string;
}

export const testEnvVariable = 'CCE_TEST_ENV_FILE';

/** Where a runner's suite writes, besides the endpoint it started. */
export type TestRunPaths = Pick<ExtHostTestEnv, 'repoRoot' | 'workspaceFolder' | 'resultsFile' | 'logFile' | 'grep'>;

/**
 * What both runners (code-server and desktop VS Code) tell the suite: their endpoint, the
 * `local` profile in us-east-1 and where to write; saved as JSON in `envFile`.
 */
export function writeTestEnv(envFile: string, endpointUrl: string, paths: TestRunPaths): ExtHostTestEnv {
  const env: ExtHostTestEnv = {
    endpointUrl,
    controlUrl: `${endpointUrl.replace(/\/$/, '')}/__control`,
    profile: 'local',
    region: 'us-east-1',
    ...paths,
  };
  fs.writeFileSync(envFile, JSON.stringify(env, null, 2));
  return env;
}

/** The settings that point the extension at the suite's endpoint, profile and region. */
export function testEnvSettings(env: ExtHostTestEnv): Record<string, string> {
  return {
    'connectContacts.endpointUrl': env.endpointUrl,
    'connectContacts.logsEndpointUrl': env.endpointUrl,
    'connectContacts.profile': env.profile,
    'connectContacts.region': env.region,
  };
}

const repoRoot = path.resolve(__dirname, '..', '..', '..');

export function readTestEnv(): ExtHostTestEnv {
  const file = process.env[testEnvVariable] ?? path.join(repoRoot, 'test-artifacts', 'ext-host-env.json');
  if (!fs.existsSync(file)) {
    // Run without a runner (e.g. F5 "Extension Tests"): no endpoint, results beside the repo.
    const artifacts = path.join(repoRoot, 'test-artifacts');
    return {
      endpointUrl: '',
      controlUrl: '',
      profile: 'local',
      region: 'us-east-1',
      repoRoot,
      workspaceFolder: '',
      resultsFile: path.join(artifacts, 'results', 'ext-host.json'),
      logFile: path.join(artifacts, 'ext-host-tests.log'),
    };
  }
  return JSON.parse(fs.readFileSync(file, 'utf8')) as ExtHostTestEnv;
}
