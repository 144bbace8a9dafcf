// The cold lookup, as one whole process: load the project's core the way the extension does
// (the lazy chunk dist/sdk.js, through src/lazyChunk.ts with its V8 code cache in
// BENCH_CODE_CACHE), describe one contact on the local endpoint, print it as the CLI would
// (JSON), exit. The runner times the process from spawn to exit.
// Usage: BENCH_ENDPOINT_URL=… BENCH_CODE_CACHE=folder node .cache/bench/coldLookup.js <instanceId> <contactId>
import { loadServiceModule } from '../src/aws/serviceLoader';
import { formatCliJson, toContactDocument } from '../src/contact/contactDocument';
import { configureChunks, saveCodeCaches } from '../src/lazyChunk';
import { contactRef, fixtureEnv, transport } from './localAccount';

async function main(): Promise<void> {
  const [instanceId, contactId] = process.argv.slice(2);
  configureChunks({ codeCacheFolder: process.env.BENCH_CODE_CACHE });
  const service = new (loadServiceModule().ConnectService)({ env: fixtureEnv(), transport });
  try {
    const { output } = await service.describeContact(contactRef(contactId, instanceId));
    process.stdout.write(`${formatCliJson(toContactDocument(output))}\n`);
  } finally {
    service.dispose();
  }
  // The extension writes a missing cache a few seconds after the first call; this process
  // exits first, so it writes it now (a no-op when the cache was there).
  saveCodeCaches();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
