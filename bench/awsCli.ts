// The AWS CLI as a baseline: one command run to its end against the local endpoint's account.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fixtureEnv } from './localAccount';

/** Runs `aws <args>` (with `--output json`); resolves with its wall time and the JSON it printed. */
export function awsCli<T>(args: string[]): Promise<{ ms: number; output: T }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn('aws', args, { env: fixtureEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - t0;
      if (code !== 0) return reject(new Error(`aws ${args.slice(0, 2).join(' ')}: ${err.trim().split('\n').pop() ?? code}`));
      resolve({ ms, output: JSON.parse(out) as T });
    });
  });
}
