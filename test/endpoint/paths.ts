// Finds the repository's bundled endpoint data whether running from test/ (ts-node), out/test/ (tsc) or out/endpoint/ (esbuild).
import { existsSync } from 'node:fs';
import * as path from 'node:path';

export function findRepoRoot(start: string = __dirname): string {
  let dir = path.resolve(start);
  for (;;) {
    if (existsSync(path.join(dir, 'test', 'endpoint', 'data', 'instances.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`Cannot find test/endpoint/data above ${start}`);
    dir = parent;
  }
}

export function bundledDataDir(): string {
  return path.join(findRepoRoot(), 'test', 'endpoint', 'data');
}
