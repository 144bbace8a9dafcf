// Sizes of what ships: the extension bundle, the SDK file it requires on the first call, the webview bundle and the VSIX.
// The metafile that scripts/build.mjs wrote for the same production build says which packages
// the bytes come from, so a missed target names its cause.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface Contributor {
  /** A package (`@aws-sdk/client-connect`) or a project folder (`src/aws`). */
  name: string;
  bytes: number;
}

export interface BundleSize {
  files: string[];
  bytes: number;
  gzipBytes: number;
  /** Biggest contributors to the minified output, largest first. */
  contributors: Contributor[];
}

export interface SizeResults {
  extension: BundleSize;
  /** No target of its own: it loads on first use, like sdk.js. */
  sdk: BundleSize;
  webview: BundleSize;
  vsix: { file: string; bytes: number; largestEntries: { name: string; bytes: number }[] } | undefined;
}

function packageOf(input: string): string {
  const i = input.lastIndexOf('node_modules/');
  if (i >= 0) {
    const parts = input.slice(i + 'node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  const parts = input.split('/');
  return parts.length > 2 ? `${parts[0]}/${parts[1]}` : input;
}

interface BuildMeta {
  production: boolean;
  outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }>;
}

function contributors(meta: BuildMeta | undefined, output: string): Contributor[] {
  const out = meta && Object.entries(meta.outputs).find(([file]) => file.endsWith(`dist/${output}`));
  if (!out) return [];
  const byPackage = new Map<string, number>();
  for (const [input, info] of Object.entries(out[1].inputs)) {
    byPackage.set(packageOf(input), (byPackage.get(packageOf(input)) ?? 0) + info.bytesInOutput);
  }
  return [...byPackage.entries()].map(([name, bytes]) => ({ name, bytes })).sort((a, b) => b.bytes - a.bytes).slice(0, 10);
}

function fileBytes(paths: string[]): { bytes: number; gzipBytes: number } {
  let bytes = 0;
  let gzipBytes = 0;
  for (const p of paths) {
    if (!existsSync(p)) return { bytes: Number.NaN, gzipBytes: Number.NaN };
    bytes += statSync(p).size;
    gzipBytes += gzipSync(readFileSync(p)).length;
  }
  return { bytes, gzipBytes };
}

function vsixEntries(file: string): { name: string; bytes: number }[] {
  // The VSIX is a zip: read its central directory for compressed entry sizes.
  const buf = readFileSync(file);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) return [];
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const entries: { name: string; bytes: number }[] = [];
  for (let i = 0; i < count && buf.readUInt32LE(at) === 0x02014b50; i++) {
    const compressed = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    entries.push({ name: buf.toString('utf8', at + 46, at + 46 + nameLength), bytes: compressed });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries.sort((a, b) => b.bytes - a.bytes).slice(0, 10);
}

export function measureSizes(root: string, dist: string, vsixFile: string): SizeResults {
  const metaFile = join(root, '.cache', 'build-meta.json');
  const meta = existsSync(metaFile) ? (JSON.parse(readFileSync(metaFile, 'utf8')) as BuildMeta) : undefined;
  const production = meta?.production ? meta : undefined;
  const extFiles = [join(dist, 'extension.js')];
  const sdkFiles = [join(dist, 'sdk.js')];
  const webFiles = [join(dist, 'webview.js'), join(dist, 'webview.css')];
  return {
    extension: { files: extFiles, ...fileBytes(extFiles), contributors: contributors(production, 'extension.js') },
    sdk: { files: sdkFiles, ...fileBytes(sdkFiles), contributors: contributors(production, 'sdk.js') },
    webview: { files: webFiles, ...fileBytes(webFiles), contributors: contributors(production, 'webview.js') },
    vsix: existsSync(vsixFile) ? { file: vsixFile, bytes: statSync(vsixFile).size, largestEntries: vsixEntries(vsixFile) } : undefined,
  };
}
