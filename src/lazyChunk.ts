// The lazy chunks (dist/sdk.js, dist/features.js, dist/yaml.js) load on first use. Given a
// cache folder (the extension's global storage), a chunk is compiled with a V8 code cache,
// as VS Code does for its own code: the first lookup of a session then skips most of the
// SDK's compile (see the cold lookup in `npm run bench`). Without one it is a plain require.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { createRequire, Module } from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';

/** How a chunk was compiled: from its code cache, or without one (none yet, or V8 refused it). */
export interface ChunkLoad {
  file: string;
  ms: number;
  codeCache: 'used' | 'missing' | 'rejected' | 'off';
}

let cacheFolder: string | undefined;
let onLoad: ((load: ChunkLoad) => void) | undefined;
/** Chunks compiled without a usable cache: their cache is written by saveCodeCaches(). */
const unsaved = new Map<string, vm.Script>();
let saveTimer: NodeJS.Timeout | undefined;
/** Long enough for the first call through a chunk to finish, so its functions are in the cache (deactivation saves sooner). */
const saveDelayMs = 5000;

export interface ChunkOptions {
  codeCacheFolder?: string;
  onLoad?: (load: ChunkLoad) => void;
}

export function configureChunks(options: ChunkOptions): void {
  cacheFolder = options.codeCacheFolder;
  onLoad = options.onLoad;
}

/** Loads the chunk at `file` (an absolute path) once; later calls return the same exports. */
export function loadChunk(file: string): unknown {
  const loaded = require.cache[file];
  if (loaded) return loaded.exports;
  const started = performance.now();
  if (!cacheFolder) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the chunk is only known at run time
    const exports: unknown = require(file);
    onLoad?.({ file, ms: performance.now() - started, codeCache: 'off' });
    return exports;
  }

  const source = fs.readFileSync(file, 'utf8');
  // The key covers the chunk's bytes and the V8 build: V8 itself checks little more than the length.
  const key = createHash('sha256').update(process.versions.v8).update('\0').update(source).digest('hex').slice(0, 16);
  const cacheFile = path.join(cacheFolder, `${path.basename(file, '.js')}-${key}.v8cache`);
  const cachedData = readIfPresent(cacheFile);
  const script = new vm.Script(Module.wrap(source), { filename: file, ...(cachedData ? { cachedData } : {}) });

  // Registered like a required module, so a later require of the same file gets these exports.
  const mod = new Module(file, module);
  mod.filename = file;
  require.cache[file] = mod;
  try {
    (script.runInThisContext() as ModuleWrapper)(mod.exports, createRequire(file), mod, file, path.dirname(file));
  } catch (error) {
    delete require.cache[file];
    throw error;
  }
  mod.loaded = true;
  const codeCache = !cachedData ? 'missing' : script.cachedDataRejected ? 'rejected' : 'used';
  if (codeCache !== 'used') {
    unsaved.set(cacheFile, script);
    saveTimer ??= setTimeout(saveCodeCaches, saveDelayMs).unref();
  }
  onLoad?.({ file, ms: performance.now() - started, codeCache });
  return mod.exports;
}

/** Writes the code cache of every chunk loaded without one; never throws (a cache is optional). */
export function saveCodeCaches(): void {
  if (saveTimer) clearTimeout(saveTimer);
  saveTimer = undefined;
  for (const [cacheFile, script] of unsaved) {
    unsaved.delete(cacheFile);
    // Written then renamed, so another window never reads half a file.
    const partial = `${cacheFile}.${process.pid}.tmp`;
    try {
      const folder = path.dirname(cacheFile);
      fs.mkdirSync(folder, { recursive: true });
      fs.writeFileSync(partial, script.createCachedData());
      fs.renameSync(partial, cacheFile);
      removeStale(folder, path.basename(cacheFile));
    } catch {
      // A read-only or full disk costs the next session some compile time, nothing else.
      fs.rmSync(partial, { force: true });
    }
  }
}

type ModuleWrapper = (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;

function readIfPresent(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Caches of other builds of the same chunk. (Two windows on different builds of the extension
 * replace each other's cache; each still loads correctly, one just compiles.)
 */
function removeStale(folder: string, current: string): void {
  const chunk = current.slice(0, current.lastIndexOf('-') + 1);
  for (const name of fs.readdirSync(folder)) {
    if (name !== current && name.startsWith(chunk) && name.endsWith('.v8cache')) fs.rmSync(path.join(folder, name), { force: true });
  }
}
