// Lazy chunks and their V8 code cache: a chunk loads once, its cache is written on save,
// the next load (a new session: here, the same bytes at another path) compiles from it, and
// a stale, foreign or unwritable cache costs compile time but never a wrong or failed load.
import * as assert from 'node:assert/strict';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configureChunks, loadChunk, saveCodeCaches, type ChunkLoad } from '../../src/lazyChunk';

describe('lazy chunks with a code cache', () => {
  let dir: string;
  let cache: string;
  let loads: ChunkLoad[];
  let n = 0;

  /** A chunk file at a fresh path (require.cache is keyed by path): `chunk.js` in its own folder. */
  function chunkFile(source: string): string {
    const folder = join(dir, `session-${n++}`);
    mkdirSync(folder);
    const file = join(folder, 'chunk.js');
    writeFileSync(file, source);
    return file;
  }

  function sameChunkElsewhere(file: string): string {
    const copy = join(dir, `session-${n++}`);
    mkdirSync(copy);
    copyFileSync(file, join(copy, 'chunk.js'));
    return join(copy, 'chunk.js');
  }

  const source = `
    const path = require('node:path');
    let calls = 0;
    exports.where = () => path.basename(__dirname);
    exports.count = () => ++calls;
    exports.isModule = module.exports === exports;
  `;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cce-chunks-'));
    cache = join(dir, 'code-cache');
    loads = [];
    configureChunks({ codeCacheFolder: cache, onLoad: (l) => loads.push(l) });
  });
  afterEach(() => {
    saveCodeCaches(); // nothing left pending for the next test
    configureChunks({});
    rmSync(dir, { recursive: true, force: true });
  });

  it('without a cache folder is a plain require', () => {
    configureChunks({ onLoad: (l) => loads.push(l) });
    const file = chunkFile(source);
    const chunk = loadChunk(file) as { count(): number };
    assert.equal(chunk.count(), 1);
    assert.equal((loadChunk(file) as { count(): number }).count(), 2, 'the same module the second time');
    assert.deepEqual(loads.map((l) => l.codeCache), ['off']);
    saveCodeCaches();
    assert.equal(readdirSync(dir).includes('code-cache'), false);
  });

  it('runs the chunk as a CommonJS module, once, and registers it as required', () => {
    const file = chunkFile(source);
    const chunk = loadChunk(file) as { where(): string; count(): number; isModule: boolean };
    assert.equal(chunk.isModule, true);
    assert.match(chunk.where(), /^session-\d+$/);
    assert.equal(chunk.count(), 1);
    assert.equal((loadChunk(file) as { count(): number }).count(), 2);
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain require must get the same exports
    assert.equal((require(file) as { count(): number }).count(), 3);
    assert.deepEqual(loads.map((l) => l.codeCache), ['missing']);
  });

  it('writes the cache on save; the next session compiles from it', () => {
    const first = chunkFile(source);
    loadChunk(first);
    assert.deepEqual(readdirSync(dir).includes('code-cache') ? readdirSync(cache) : [], [], 'nothing written before the save');
    saveCodeCaches();
    const written = readdirSync(cache);
    assert.equal(written.length, 1);
    assert.match(written[0], /^chunk-[0-9a-f]{16}\.v8cache$/);

    const second = loadChunk(sameChunkElsewhere(first)) as { count(): number };
    assert.equal(second.count(), 1);
    assert.deepEqual(loads.map((l) => l.codeCache), ['missing', 'used']);
    saveCodeCaches();
    assert.deepEqual(readdirSync(cache), written, 'a used cache is not rewritten');
  });

  it('a new build of the chunk gets its own cache and the old one is removed', () => {
    loadChunk(chunkFile(source));
    saveCodeCaches();
    const [old] = readdirSync(cache);
    const changed = loadChunk(chunkFile(`${source}\nexports.version = 2;`)) as { version: number };
    assert.equal(changed.version, 2);
    assert.deepEqual(loads.map((l) => l.codeCache), ['missing', 'missing']);
    saveCodeCaches();
    const now = readdirSync(cache);
    assert.equal(now.length, 1);
    assert.notEqual(now[0], old);
  });

  it('a corrupt cache is refused by V8: the chunk still loads, and the cache is rewritten', () => {
    const first = chunkFile(source);
    loadChunk(first);
    saveCodeCaches();
    const [name] = readdirSync(cache);
    writeFileSync(join(cache, name), Buffer.alloc(4096, 7));
    const chunk = loadChunk(sameChunkElsewhere(first)) as { count(): number };
    assert.equal(chunk.count(), 1);
    assert.deepEqual(loads.map((l) => l.codeCache), ['missing', 'rejected']);
    saveCodeCaches();
    loadChunk(sameChunkElsewhere(first));
    assert.equal(loads.at(-1)?.codeCache, 'used');
  });

  it('a chunk that throws while loading is not kept: the error reaches the caller and the next load tries again', () => {
    const file = chunkFile(`if (!globalThis.__cceChunkMayLoad) throw new Error('chunk failed to load'); exports.ok = true;`);
    assert.throws(() => loadChunk(file), /chunk failed to load/);
    assert.equal(require.cache[file], undefined);
    (globalThis as { __cceChunkMayLoad?: boolean }).__cceChunkMayLoad = true;
    try {
      assert.deepEqual({ ...(loadChunk(file) as object) }, { ok: true });
    } finally {
      delete (globalThis as { __cceChunkMayLoad?: boolean }).__cceChunkMayLoad;
    }
  });

  it('an unwritable cache folder costs nothing but the cache, and leaves no partial file', () => {
    mkdirSync(cache);
    // root writes through file modes, so the cache file's own name is taken by a folder instead.
    const key = (file: string) => {
      loadChunk(file);
      saveCodeCaches();
      const [name] = readdirSync(cache);
      rmSync(join(cache, name));
      return name;
    };
    const first = chunkFile(source);
    const name = key(first);
    mkdirSync(join(cache, name));
    writeFileSync(join(cache, name, 'keep'), '');
    if (process.getuid?.() !== 0) chmodSync(cache, 0o500);

    const chunk = loadChunk(sameChunkElsewhere(first)) as { count(): number };
    assert.equal(chunk.count(), 1);
    saveCodeCaches();
    if (process.getuid?.() !== 0) chmodSync(cache, 0o700);
    assert.deepEqual(readdirSync(cache), [name], 'no cache and no .tmp file written');
    assert.deepEqual(loads.map((l) => l.codeCache), ['missing', 'missing']);
  });
});
