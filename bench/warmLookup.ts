// Warm lookups in one process: the project's ConnectService.describeContact against a bare
// SDK client.send(new DescribeContactCommand(…)), same SDK build (dist/sdk.js), same
// endpoint, same fixture credentials, interleaved call by call.
// Usage: BENCH_ENDPOINT_URL=… node out/bench/warmLookup.js <iterations>
import { writeSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { ConnectService } from '../src/aws/connectService';
import { ConnectClient, DescribeContactCommand, fromIni } from '../src/aws/sdk';
import { toContactDocument } from '../src/contact/contactDocument';
import { contactRef, discardingLogger, endpointUrl, fixtureEnv, localProfile, localRegion, transport } from './localAccount';

export interface WarmSample {
  iterations: number;
  projectMs: number[];
  sdkMs: number[];
  /** describeContact plus toContactDocument: what a panel waits for. */
  projectWithDocumentMs: number[];
}

async function main(): Promise<void> {
  const iterations = Number(process.argv[2] ?? 300);
  const env = fixtureEnv();
  const ref = contactRef();
  const service = new ConnectService({ env, transport, logger: discardingLogger() });
  const client = new ConnectClient({
    region: localRegion,
    endpoint: endpointUrl(),
    credentials: fromIni({ profile: localProfile, filepath: env.AWS_SHARED_CREDENTIALS_FILE, configFilepath: env.AWS_CONFIG_FILE }),
  });
  const project = async () => service.describeContact(ref);
  const bare = async () => client.send(new DescribeContactCommand({ InstanceId: ref.instanceId, ContactId: ref.contactId }));
  const withDocument = async () => toContactDocument((await service.describeContact(ref)).output);

  // Warm-up: load the SDK chunk, resolve credentials, open keep-alive sockets, let V8 optimise.
  for (let i = 0; i < 40; i++) {
    await project();
    await bare();
    await withDocument();
  }
  const sample: WarmSample = { iterations, projectMs: [], sdkMs: [], projectWithDocumentMs: [] };
  const time = async (fn: () => Promise<unknown>, into: number[]) => {
    const t0 = performance.now();
    await fn();
    into.push(performance.now() - t0);
  };
  for (let i = 0; i < iterations; i++) {
    // Alternate the order so neither side always runs right after the other.
    if (i % 2 === 0) {
      await time(project, sample.projectMs);
      await time(bare, sample.sdkMs);
    } else {
      await time(bare, sample.sdkMs);
      await time(project, sample.projectMs);
    }
    await time(withDocument, sample.projectWithDocumentMs);
  }
  await service.dispose();
  client.destroy();
  writeSync(1, `BENCH_RESULT ${JSON.stringify(sample)}\n`);
  process.exit(0);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
