// Names of queues, users, hierarchy groups, routing profiles, flows and instances, cached in memory
// per profile·region·instance so a second contact in the same queue costs no DescribeQueue call.
// One call per name at a time (callers asking together share it, at the most urgent of their
// priorities); a failure is not kept (the next panel asks again); entries expire after a while
// (renames happen) and Refresh clears them. Nothing here is written to disk.
import { SharedPriority } from './scheduler';
import type { RaisablePriority, RequestPriority } from './types';

export interface NameCacheOptions {
  /** How long a name is kept, in ms (default 15 minutes). */
  ttlMs?: number;
  /** At most this many entries; the oldest go first (default 5,000). */
  maxEntries?: number;
  /** Failures kept like values (a deleted queue stays deleted); others are asked again next time. */
  keepFailure?: (error: unknown) => boolean;
  now?: () => number;
}

interface Entry<T> {
  value: Promise<T>;
  /** The value once loaded, for readers that must not wait (tree labels). */
  loaded?: { value: T };
  settledAt?: number;
  /** Cancels the load when every caller waiting for it has gone (their panels closed). */
  controller: AbortController;
  /** The load's priority: a more urgent caller joining raises it. */
  priority: SharedPriority;
  waiting: number;
}

export class NameCache {
  private readonly entries = new Map<string, Entry<unknown>>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;
  private readonly keepFailure: (error: unknown) => boolean;
  /** Calls made (misses), for the bench and the tests: what a second contact costs. */
  misses = 0;

  constructor(options: NameCacheOptions = {}) {
    this.ttlMs = options.ttlMs ?? 15 * 60_000;
    this.maxEntries = options.maxEntries ?? 5_000;
    this.now = options.now ?? Date.now;
    this.keepFailure = options.keepFailure ?? (() => false);
  }

  /**
   * The cached value for `key`, or `load(signal, priority)`'s. A caller's cancellation stops its
   * own wait; the load itself is cancelled only when no caller waits for it any more. A caller
   * more urgent than the load's raises it (a panel joining the explorer's background load would
   * otherwise wait behind every background label).
   */
  get<T>(key: string, load: (signal: AbortSignal, priority: RaisablePriority) => Promise<T>, signal?: AbortSignal, priority: RequestPriority = 'visible'): Promise<T> {
    const now = this.now();
    let entry = this.entries.get(key) as Entry<T> | undefined;
    if (entry && entry.settledAt !== undefined && now - entry.settledAt > this.ttlMs) {
      this.entries.delete(key);
      entry = undefined;
    }
    if (!entry) {
      this.misses += 1;
      const controller = new AbortController();
      const shared = new SharedPriority(priority);
      const created: Entry<T> = { value: load(controller.signal, shared), controller, priority: shared, waiting: 0 };
      entry = created;
      this.entries.set(key, created);
      created.value.then(
        (value) => {
          created.settledAt = this.now();
          created.loaded = { value };
        },
        (error: unknown) => {
          if (this.keepFailure(error) && !created.controller.signal.aborted) created.settledAt = this.now();
          else if (this.entries.get(key) === created) this.entries.delete(key);
        },
      );
      this.trim();
    } else {
      // Most recently used last, so trimming drops the least recently used.
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    if (entry.settledAt !== undefined) return entry.value;
    entry.priority.join(priority);
    if (!signal) {
      entry.waiting += 1; // a caller that cannot cancel keeps the load alive
      return entry.value;
    }
    return this.wait(key, entry, signal);
  }

  private wait<T>(key: string, entry: Entry<T>, signal: AbortSignal): Promise<T> {
    entry.waiting += 1;
    const left = () => {
      entry.waiting -= 1;
      if (entry.waiting === 0 && entry.settledAt === undefined) {
        entry.controller.abort();
        if (this.entries.get(key) === entry) this.entries.delete(key);
      }
    };
    return untilAborted(entry.value, signal, left);
  }

  /** The loaded, unexpired value for `key`, without loading it. */
  peek<T>(key: string): T | undefined {
    const entry = this.entries.get(key) as Entry<T> | undefined;
    if (!entry?.loaded || entry.settledAt === undefined || this.now() - entry.settledAt > this.ttlMs) return undefined;
    return entry.loaded.value;
  }

  /** Refresh: names are read again. */
  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  private trim(): void {
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) return;
      this.entries.delete(oldest);
    }
  }
}

/** `value`, or an AbortError as soon as `signal` aborts (then `onGiveUp` runs). */
function untilAborted<T>(value: Promise<T>, signal: AbortSignal, onGiveUp: () => void): Promise<T> {
  if (signal.aborted) {
    onGiveUp();
    return Promise.reject(abortError());
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      onGiveUp();
      reject(abortError());
    };
    signal.addEventListener('abort', onAbort, { once: true });
    value.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

function abortError(): Error {
  const error = new Error('The request was cancelled.');
  error.name = 'AbortError';
  return error;
}
