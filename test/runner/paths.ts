// Where things are, for the runners, the UI harness and the bench (compiled to out/test/runner/
// or bundled into .cache/bench/: the root is found, not counted up to).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findRepoRoot } from '../endpoint/paths';

export const repoRoot = findRepoRoot(__dirname);
export const artifactsDir = path.join(repoRoot, 'test-artifacts');
export const codeServerBin = path.join(repoRoot, '.cache', 'code-server', 'node_modules', '.bin', 'code-server');
export const awsFixturesDir = path.join(repoRoot, 'test', 'fixtures', 'aws');
export const vsixPath = path.join(repoRoot, 'dist-vsix', 'connect-contact-explorer.vsix');
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function ensureArtifactsDir(): string {
  fs.mkdirSync(artifactsDir, { recursive: true });
  return artifactsDir;
}

/** A file-system-safe name for an artifact (test titles contain spaces and slashes). */
export function artifactName(title: string): string {
  return title.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 120) || 'artifact';
}
