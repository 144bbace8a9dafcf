// The cold lookup, as one whole process: load the project's core (the same lazy SDK chunk
// the extension ships, dist/sdk.js), describe one contact on the local endpoint, print it
// as the CLI would (JSON), exit. The runner times the process from spawn to exit.
// Usage: BENCH_ENDPOINT_URL=… node out/bench/coldLookup.js <instanceId> <contactId>
import { ConnectService } from '../src/aws/connectService';
import { formatCliJson, toContactDocument } from '../src/contact/contactDocument';
import { contactRef, fixtureEnv, transport } from './localAccount';

async function main(): Promise<void> {
  const [instanceId, contactId] = process.argv.slice(2);
  const service = new ConnectService({ env: fixtureEnv(), transport });
  try {
    const { output } = await service.describeContact(contactRef(contactId, instanceId));
    process.stdout.write(`${formatCliJson(toContactDocument(output))}\n`);
  } finally {
    service.dispose();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
