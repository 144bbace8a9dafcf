// A stand-in for the `vscode` module, for the activation benchmark only: every property
// is a callable, constructible Proxy that records what the extension registers. A few
// members return real values where the extension reads them (configuration defaults,
// mementos). Installed by hooking Module._resolveFilename / Module._load for 'vscode'.
import { readFileSync } from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';

export interface Registrations {
  /** Call counts by dotted name, e.g. `vscode.commands.registerCommand`. */
  calls: Record<string, number>;
  /** Ids given to commands.registerCommand. */
  commands: string[];
  /** Their handlers, so a bench can run the first command as a person would. */
  handlers: Map<string, (...args: unknown[]) => unknown>;
}

type Overrides = Record<string, unknown>;

const fakeFileName = path.join(__dirname, '__fake_vscode__.js');

function disposable(): { dispose(): void } {
  return { dispose: () => undefined };
}

/** In-memory Memento (globalState / workspaceState). */
export function memento(): Record<string, unknown> {
  const data = new Map<string, unknown>();
  return {
    get: (key: string, fallback?: unknown) => (data.has(key) ? data.get(key) : fallback),
    update: (key: string, value: unknown) => {
      if (value === undefined) data.delete(key);
      else data.set(key, value);
      return Promise.resolve();
    },
    keys: () => [...data.keys()],
    setKeysForSync: () => undefined,
  };
}

function configuration(): Record<string, unknown> {
  return {
    get: (_key: string, fallback?: unknown) => fallback,
    has: () => false,
    inspect: () => undefined,
    update: () => Promise.resolve(),
  };
}

export function createFakeVscode(apiNames: readonly string[]): { module: unknown; registrations: Registrations } {
  const registrations: Registrations = { calls: {}, commands: [], handlers: new Map() };
  const overrides: Overrides = {
    'vscode.workspace.getConfiguration': () => configuration(),
    'vscode.workspace.workspaceFolders': undefined,
    'vscode.version': '1.95.0',
    'vscode.env.language': 'en',
    'vscode.env.appName': 'Visual Studio Code',
    'vscode.env.uriScheme': 'vscode',
  };

  function record(name: string): void {
    registrations.calls[name] = (registrations.calls[name] ?? 0) + 1;
  }

  function universal(name: string): unknown {
    const members = new Map<PropertyKey, unknown>();
    const target = function fake(): void {
      /* callable */
    };
    const proxy: unknown = new Proxy(target, {
      get(_t, prop) {
        if (members.has(prop)) return members.get(prop);
        if (prop === 'then') return undefined; // not a thenable: `await fake` must not hang
        if (prop === Symbol.toPrimitive) return (hint: string) => (hint === 'number' ? 0 : `[fake ${name}]`);
        if (prop === Symbol.iterator) return function* empty() {
          /* nothing */
        };
        if (prop === 'toString' || prop === 'toJSON') return () => `[fake ${name}]`;
        if (prop === 'dispose') return () => undefined;
        if (typeof prop === 'symbol') return undefined;
        const full = `${name}.${prop}`;
        const value = full in overrides ? overrides[full] : universal(full);
        members.set(prop, value);
        return value;
      },
      set(_t, prop, value) {
        members.set(prop, value);
        return true;
      },
      has(_t, prop) {
        return members.has(prop);
      },
      apply(_t, _this, args: unknown[]) {
        record(name);
        if (name === 'vscode.commands.registerCommand' && typeof args[0] === 'string') {
          registrations.commands.push(args[0]);
          if (typeof args[1] === 'function') registrations.handlers.set(args[0], args[1] as (...a: unknown[]) => unknown);
        }
        if (/\.(register\w*|on\w+|event)$/.test(name)) return disposable();
        if (/\.get$/.test(name)) return args[1];
        return universal(`${name}()`);
      },
      construct(_t, _args, newTarget) {
        record(`new ${name}`);
        // `class X extends vscode.TreeItem`: the instance gets the subclass's prototype chain.
        if (newTarget !== proxy) return Object.create((newTarget as { prototype: object }).prototype) as object;
        return universal(`new ${name}`) as object;
      },
    });
    return proxy;
  }

  // The module object: a plain object with one own property per top-level API name,
  // because bundlers' ESM interop (`import * as vscode`) copies the own properties.
  const root: Record<string, unknown> = {};
  for (const name of apiNames) {
    let value: unknown;
    let made = false;
    Object.defineProperty(root, name, {
      enumerable: true,
      configurable: true,
      get: () => {
        if (!made) {
          const full = `vscode.${name}`;
          value = full in overrides ? overrides[full] : universal(full);
          made = true;
        }
        return value;
      },
    });
  }
  return { module: root, registrations };
}

/** The top-level names of the `vscode` API (namespaces, classes, enums, constants), read from @types/vscode. */
export function vscodeApiNames(repoRoot: string): string[] {
  const dts = readFileSync(path.join(repoRoot, 'node_modules', '@types', 'vscode', 'index.d.ts'), 'utf8');
  const names = new Set<string>();
  for (const m of dts.matchAll(/^\texport (?:namespace|class|enum|const|let|function) (\w+)/gm)) names.add(m[1]);
  return [...names];
}

type ModuleInternals = {
  _resolveFilename: (request: string, ...rest: unknown[]) => string;
  _load: (request: string, ...rest: unknown[]) => unknown;
};

/** Makes `require('vscode')` return `fake` in this process. */
export function installFakeVscode(fake: unknown): void {
  const m = Module as unknown as ModuleInternals;
  const resolve = m._resolveFilename;
  const load = m._load;
  m._resolveFilename = function (request: string, ...rest: unknown[]) {
    if (request === 'vscode') return fakeFileName;
    return resolve.call(this, request, ...rest);
  };
  m._load = function (request: string, ...rest: unknown[]) {
    if (request === 'vscode' || request === fakeFileName) return fake;
    return load.call(this, request, ...rest);
  };
}

/** A fake ExtensionContext: real subscriptions and mementos, a Uri-like extensionUri, the rest universal. */
export function fakeExtensionContext(vscode: unknown, extensionPath: string): Record<string, unknown> {
  const uri = (vscode as { Uri: { file(p: string): unknown } }).Uri.file(extensionPath);
  const storage = path.join(extensionPath, '.bench-storage');
  const known: Record<string, unknown> = {
    subscriptions: [] as { dispose(): unknown }[],
    globalState: memento(),
    workspaceState: memento(),
    extensionUri: uri,
    extensionPath,
    asAbsolutePath: (p: string) => path.join(extensionPath, p),
    storagePath: undefined,
    globalStoragePath: storage,
    globalStorageUri: { scheme: 'file', path: storage, fsPath: storage },
    // Activation registers the commands the manifest declares.
    extension: { packageJSON: JSON.parse(readFileSync(path.join(extensionPath, 'package.json'), 'utf8')) as unknown, extensionUri: uri, extensionPath },
    logPath: storage,
    extensionMode: 1,
  };
  return new Proxy(known, {
    get(t, prop) {
      if (prop in t) return t[prop as string];
      if (typeof prop === 'symbol' || prop === 'then') return undefined;
      return ((vscode as Record<string, unknown>).extensionContextMember as Record<string, unknown>)[prop];
    },
  });
}
