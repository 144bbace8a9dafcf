// Heap growth: 1,000 lookups (through the extension's contact cache, always a fresh
// DescribeContact) and 100 opened-and-closed panels' worth of models (the field tree,
// the state a panel saves, the contact message it posts), against the same after 10.
// Usage: BENCH_ENDPOINT_URL=… node --expose-gc out/bench/memory.js
import { writeSync } from 'node:fs';
import { ConnectService } from '../src/aws/connectService';
import { buildFieldTree } from '../src/contact/fieldTree';
import type { FieldNode } from '../src/contact/fieldNode';
import { ContactDocumentCache } from '../src/describe/contactDocumentCache';
import type { HostMessage, PanelState } from '../src/protocol/messages';
import { contactRef, discardingLogger, fixtureEnv, instanceAContacts, transport } from './localAccount';

export interface MemorySample {
  lookupsAtBaseline: number;
  panelsAtBaseline: number;
  lookups: number;
  panels: number;
  heapAtBaseline: number;
  heapAfter: number;
  growth: number;
  rssAfter: number;
}

declare const gc: (() => void) | undefined;

function settledHeap(): number {
  if (typeof gc !== 'function') throw new Error('run with --expose-gc');
  for (let i = 0; i < 4; i++) gc();
  return process.memoryUsage().heapUsed;
}

interface PanelModel {
  tree: FieldNode;
  state: PanelState;
  posted: string;
}

async function main(): Promise<void> {
  const service = new ConnectService({ env: fixtureEnv(), transport, logger: discardingLogger() });
  const cache = new ContactDocumentCache(() => service);
  let lookups = 0;
  let panels = 0;
  let open: PanelModel | undefined;
  let keep = 0; // something the optimiser cannot drop

  const step = async (): Promise<void> => {
    const ref = contactRef(instanceAContacts[lookups % instanceAContacts.length]);
    const doc = await cache.get(ref, { force: true });
    lookups++;
    // 10 panels in the first 10 lookups, then one every 11th: 100 panels by lookup 1,000.
    if (lookups <= 10 || (lookups - 10) % 11 === 0) {
      // Open a panel on this contact, then close it: everything it held becomes garbage.
      const fetchedAt = new Date().toISOString();
      const state: PanelState = { ref, fetchedAt, timeZone: 'local', filter: '', expanded: [] };
      const message: HostMessage = { type: 'contact', ref, contact: doc, fetchedAt, timeZone: 'local' };
      open = { tree: buildFieldTree(doc, { timeZone: 'local' }), state, posted: JSON.stringify(message) };
      keep += open.posted.length + (open.tree.children?.length ?? 0);
      open = undefined;
      panels++;
    }
  };

  // Warm-up outside the measurement: the SDK chunk, clients, sockets, JIT.
  for (let i = 0; i < 10; i++) await step();
  const heapAtBaseline = settledHeap();
  const lookupsAtBaseline = lookups;
  const panelsAtBaseline = panels;
  while (lookups < 1000) await step();
  const heapAfter = settledHeap();
  await service.dispose();
  const sample: MemorySample = {
    lookupsAtBaseline,
    panelsAtBaseline,
    lookups,
    panels: panels + (keep < 0 ? 1 : 0),
    heapAtBaseline,
    heapAfter,
    growth: heapAfter - heapAtBaseline,
    rssAfter: process.memoryUsage().rss,
  };
  writeSync(1, `BENCH_RESULT ${JSON.stringify(sample)}\n`);
  process.exit(0);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
