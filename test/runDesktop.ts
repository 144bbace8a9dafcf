// The extension-host suite under desktop VS Code via @vscode/test-electron (`npm run test:desktop`),
// for machines that can download VS Code. Same suite, same env file and settings as the
// code-server runner (test/runner/runExtensionHostTests.ts); see test/suite/README.md.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { startEndpoint } from './endpoint/server';
import { testEnvSettings, testEnvVariable, writeTestEnv } from './suite/testEnv';

const repoRoot = path.resolve(__dirname, '..', '..');

async function main(): Promise<number> {
  const artifacts = path.join(repoRoot, 'test-artifacts');
  const resultsFile = path.join(artifacts, 'results', 'ext-host-desktop.json');
  fs.mkdirSync(path.dirname(resultsFile), { recursive: true });
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'cce-desktop-'));
  const workspaceFolder = path.join(temp, 'workspace');
  const userDataDir = path.join(temp, 'user-data');
  const awsDir = path.join(temp, 'aws');
  for (const dir of [workspaceFolder, path.join(userDataDir, 'User'), awsDir]) fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(workspaceFolder, 'notes.md'), '# Notes\n\n');
  for (const name of ['config', 'credentials']) {
    fs.copyFileSync(path.join(repoRoot, 'test', 'fixtures', 'aws', name), path.join(awsDir, name));
  }

  const endpoint = await startEndpoint({ quiet: true });
  try {
    const envFile = path.join(artifacts, 'ext-host-desktop-env.json');
    const env = writeTestEnv(envFile, endpoint.url, {
      repoRoot,
      workspaceFolder,
      resultsFile,
      logFile: path.join(artifacts, 'ext-host-desktop-tests.log'),
    });
    fs.writeFileSync(
      path.join(userDataDir, 'User', 'settings.json'),
      JSON.stringify({
        ...testEnvSettings(env),
        'security.workspace.trust.enabled': false,
        'workbench.startupEditor': 'none',
      }),
    );
    // The caller's AWS identity must not leak into the tests.
    for (const key of Object.keys(process.env)) if (key.startsWith('AWS_')) delete process.env[key];

    const code = await runTests({
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(repoRoot, 'out', 'test', 'suite', 'index.js'),
      launchArgs: [workspaceFolder, '--user-data-dir', userDataDir, '--disable-extensions', '--disable-workspace-trust'],
      extensionTestsEnv: {
        [testEnvVariable]: envFile,
        AWS_CONFIG_FILE: path.join(awsDir, 'config'),
        AWS_SHARED_CREDENTIALS_FILE: path.join(awsDir, 'credentials'),
        AWS_EC2_METADATA_DISABLED: 'true',
      },
    }).catch((error: unknown) => {
      console.error(`[desktop] ${error instanceof Error ? error.message : String(error)}`);
      return 1;
    });
    if (fs.existsSync(resultsFile)) {
      const { stats } = JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as { stats: { passes: number; failures: number } };
      console.log(`${stats.passes} passed, ${stats.failures} failed`);
    }
    return code;
  } finally {
    await endpoint.close();
    fs.rmSync(temp, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
