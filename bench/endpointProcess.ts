// A local endpoint of its own for one bench part, in its own process (the bundled
// .cache/bench/endpoint.js, as scripts/bench.sh starts the shared one): its rate limit and
// contacts are that part's, and its CPU and memory are not counted in the part's process.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { RequestLogEntry } from '../test/endpoint/server';

export interface EndpointProcess {
  url: string;
  /** The endpoint's request log since it started or was last cleared. */
  requests(): Promise<RequestLogEntry[]>;
  clearRequests(): Promise<void>;
  stop(): Promise<void>;
}

/** `args`: the endpoint's own options (`--rate 2 --burst 5`, `--contacts DIR`, `--synthetic N`). */
export function startEndpointProcess(benchDir: string, args: string[]): Promise<EndpointProcess> {
  const child = spawn(process.execPath, [join(benchDir, 'endpoint.js'), '--port', '0', '--quiet', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`the endpoint did not start in 60 s: ${output.slice(-500)}`)), 60_000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill();
      reject(error);
    };
    child.stderr.on('data', (d: Buffer) => (output += d.toString('utf8')));
    const onExit = (code: number | null) => fail(new Error(`the endpoint exited (${code}): ${output.slice(-500)}`));
    child.on('exit', onExit);
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString('utf8');
      const url = /Local Amazon Connect endpoint: (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      if (!url) return;
      clearTimeout(timer);
      child.off('exit', onExit);
      child.stdout.removeAllListeners('data');
      child.stdout.resume();
      const control = async (method: 'GET' | 'DELETE') => {
        const r = await fetch(`${url}/__control/requests`, { method });
        return ((await r.json()) as { requests: RequestLogEntry[] }).requests;
      };
      resolve({
        url,
        requests: () => control('GET'),
        clearRequests: async () => void (await control('DELETE')),
        stop: async () => {
          child.kill('SIGTERM');
          await exited;
        },
      });
    });
  });
}
