// The one gate every AWS request passes (DESIGN rule 2): a token bucket per budget key, strict
// priorities, cancellation while queued, and a rate that backs off when the service throttles.
// Amazon Connect's default quota is per account and region, shared by every API: about 2 requests
// per second, burst 5, HTTP 429 beyond (docs.aws.amazon.com/connect/latest/APIReference/
// best-practices-connect-apis.html; adminguide/amazon-connect-service-limits.html).
// Pure: time comes from an injectable clock, so tests run on a fake one without sleeping.
import { connectError } from './errors';
import type { RaisablePriority, RequestBudget, RequestPriority } from './types';

/** Dequeue order: a later priority is served only when every earlier one is empty. */
export const priorities: readonly RequestPriority[] = ['interactive', 'visible', 'background'];

/** The priority a request has now. */
export function priorityNow(priority: RequestPriority | RaisablePriority): RequestPriority {
  return typeof priority === 'string' ? priority : priority.current;
}

/**
 * The priority of one request several callers wait for (a name the explorer's labels and a panel
 * both ask for): the most urgent of theirs. A caller joining while the request is queued moves it
 * up its queues; one leaving does not move it down (others may still be waiting).
 */
export class SharedPriority implements RaisablePriority {
  private level: RequestPriority;
  private readonly listeners = new Set<() => void>();

  constructor(first: RequestPriority) {
    this.level = first;
  }

  get current(): RequestPriority {
    return this.level;
  }

  /** Another caller waits at `priority`: raises the request to it if that is more urgent. */
  join(priority: RequestPriority): void {
    if (priorities.indexOf(priority) >= priorities.indexOf(this.level)) return;
    this.level = priority;
    for (const listener of [...this.listeners]) listener();
  }

  onRaise(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** A throttled answer multiplies the rate by this... */
export const slowdownFactor = 0.5;
/** ...down to this many requests per second (or the configured rate, if lower). */
export const minimumRate = 0.2;
/**
 * After a slowdown the rate climbs back by this share of the configured rate per second of
 * answers: each answer adds recoveryStep × configured ÷ current rate (at most doubling it).
 * Adding a fixed step per answer climbed back too fast: at 10/s configured and 5/s left, the
 * retries of one throttled wave were throttled again within a second (the integration test).
 */
export const recoveryStep = 0.1;

/**
 * The bucket keeps this much time's worth of tokens in hand (at most, all but one of the burst):
 * the service counts a request when it arrives, and the first of a wave arrives later after its
 * grant (credentials, a new connection) than those that follow it. Without the margin the request
 * after a burst reached the service 0.49 s after the first at 2/s, and was throttled.
 */
export const arrivalMarginMs = 150;

/** The most tokens a bucket holds: its burst, less the arrival margin. */
export function tokenCap(budget: RequestBudget, marginMs: number = arrivalMarginMs): number {
  if (!Number.isFinite(budget.requestsPerSecond) || !Number.isFinite(budget.burst)) return budget.burst;
  return budget.burst - Math.min(budget.burst - 1, (budget.requestsPerSecond * marginMs) / 1000);
}

/** No client-side pacing: for callers that configure none (tests and benchmarks against the local endpoint). */
export const unlimitedBudget: RequestBudget = { requestsPerSecond: Number.POSITIVE_INFINITY, burst: Number.POSITIVE_INFINITY };

export interface SchedulerClock {
  /** Milliseconds on a monotonic clock. */
  now(): number;
  /** Runs `fn` after `ms`; returns what cancels it. */
  later(fn: () => void, ms: number): () => void;
}

export const systemClock: SchedulerClock = {
  now: () => performance.now(),
  later: (fn, ms) => {
    const timer = setTimeout(fn, ms);
    return () => clearTimeout(timer);
  },
};

export type BudgetService = 'connect' | 'logs';

/**
 * The bucket a request draws from. The quota is per account, but the account is only known after
 * a call answers, so the profile stands in for it: two profiles of one account get two buckets,
 * and the service's own 429s (see `settle`) slow each of them down.
 */
export function budgetKey(service: BudgetService, profile: string, region: string): string {
  return `${service}|${profile}|${region}`;
}

export interface AcquireRequest {
  key: string;
  /** Read by the caller for each request, so a settings change applies to the next one. */
  budget: RequestBudget;
  /** A raisable one moves up the queues when it rises while the request waits. */
  priority: RequestPriority | RaisablePriority;
  signal?: AbortSignal;
  /** Named in the Cancelled error. */
  operation: string;
  /** A retry passes its first grant's `order`, keeping its place in line. */
  order?: number;
}

export interface BudgetState {
  key: string;
  configured: RequestBudget;
  /** The rate in force: below the configured one after throttling. */
  requestsPerSecond: number;
  tokens: number;
  queued: Record<RequestPriority, number>;
}

/** How the service answered a granted request: what adapts the rate. */
export type RequestOutcome = 'answered' | 'throttled' | 'unanswered';

export interface Grant {
  order: number;
  waitedMs: number;
  /** Requests that were to go first when this one joined the queue. */
  queuedAhead: number;
  /** The bucket just after this grant. */
  state: BudgetState;
  /** Reports the answer; returns the bucket after adapting to it. Later calls are ignored. */
  settle(outcome: RequestOutcome): BudgetState;
}

interface Waiter {
  priority: RequestPriority;
  order: number;
  queuedAt: number;
  queuedAhead: number;
  grant(): void;
  cancel(): void;
}

interface Bucket {
  key: string;
  configured: RequestBudget;
  rate: number;
  tokens: number;
  updatedAt: number;
  /** Bumped by every slowdown; a grant remembers the epoch it was sent in. */
  epoch: number;
  queues: Record<RequestPriority, Waiter[]>;
  cancelTimer?: () => void;
}

export interface RequestSchedulerOptions {
  /** Tokens kept in hand for arrival jitter, as time at the budget's rate (arrivalMarginMs by default; 0 = exact bucket). */
  arrivalMarginMs?: number;
  /** Tokens kept for interactive requests (2 by default; 0 = every priority may take the last token). */
  interactiveReserve?: number;
  clock?: SchedulerClock;
}

export class RequestScheduler {
  private readonly clock: SchedulerClock;
  private readonly marginMs: number;
  private readonly interactiveReserve: number;
  private readonly buckets = new Map<string, Bucket>();
  private nextOrder = 0;

  constructor(options: RequestSchedulerOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.marginMs = options.arrivalMarginMs ?? arrivalMarginMs;
    this.interactiveReserve = options.interactiveReserve ?? 2;
  }

  /** Resolves when the request may be sent; rejects with a Cancelled ConnectServiceError when its signal aborts first. */
  acquire(request: AcquireRequest): Promise<Grant> {
    const cancelled = () => connectError('Cancelled', `${request.operation} was cancelled.`, { operation: request.operation });
    if (request.signal?.aborted) return Promise.reject(cancelled());
    const order = request.order ?? this.nextOrder++;
    const b = this.bucket(request.key, request.budget);
    if (!Number.isFinite(b.rate)) return Promise.resolve(this.makeGrant(b, order, 0, 0));

    return new Promise<Grant>((resolve, reject) => {
      const priority = priorityNow(request.priority);
      const ahead = priorities.slice(0, priorities.indexOf(priority)).reduce((n, p) => n + b.queues[p].length, 0);
      let stopRaise = () => {};
      const onAbort = () => {
        stopRaise();
        const queue = b.queues[waiter.priority];
        const i = queue.indexOf(waiter);
        if (i >= 0) queue.splice(i, 1);
        if (this.isIdle(b)) this.stopTimer(b);
        reject(cancelled());
      };
      const waiter: Waiter = {
        priority,
        order,
        queuedAt: this.clock.now(),
        queuedAhead: 0,
        grant: () => {
          stopRaise();
          request.signal?.removeEventListener('abort', onAbort);
          resolve(this.makeGrant(b, order, this.clock.now() - waiter.queuedAt, waiter.queuedAhead));
        },
        cancel: () => {
          stopRaise();
          request.signal?.removeEventListener('abort', onAbort);
          reject(cancelled());
        },
      };
      waiter.queuedAhead = ahead + enqueue(b.queues[priority], waiter);
      request.signal?.addEventListener('abort', onAbort, { once: true });
      const raisable = request.priority;
      if (typeof raisable !== 'string') stopRaise = raisable.onRaise(() => this.raise(b, waiter, raisable.current));
      this.pump(b);
    });
  }

  /** A queued request whose priority rose: into the new line at its place by order, then what the tokens allow. */
  private raise(b: Bucket, waiter: Waiter, priority: RequestPriority): void {
    const from = b.queues[waiter.priority];
    const i = from.indexOf(waiter);
    if (i < 0 || priority === waiter.priority) return;
    from.splice(i, 1);
    waiter.priority = priority;
    enqueue(b.queues[priority], waiter);
    this.pump(b);
  }

  /** The bucket as it is now (for logs and tests); undefined before its first request. */
  snapshot(key: string): BudgetState | undefined {
    const b = this.buckets.get(key);
    if (!b) return undefined;
    this.refill(b);
    return this.stateOf(b);
  }

  /** Every bucket, for logs. */
  snapshots(): BudgetState[] {
    return [...this.buckets.keys()].map((key) => this.snapshot(key)!);
  }

  /** Deactivation: every queued request is cancelled and every timer stopped. */
  dispose(): void {
    for (const b of this.buckets.values()) {
      this.stopTimer(b);
      for (const p of priorities) for (const w of b.queues[p].splice(0)) w.cancel();
    }
  }

  private bucket(key: string, budget: RequestBudget): Bucket {
    const rate = budget.requestsPerSecond > 0 ? budget.requestsPerSecond : minimumRate;
    const burst = Math.max(1, Math.floor(budget.burst));
    let b = this.buckets.get(key);
    if (!b) {
      b = { key, configured: { requestsPerSecond: rate, burst }, rate, tokens: tokenCap({ requestsPerSecond: rate, burst }, this.marginMs), updatedAt: this.clock.now(), epoch: 0, queues: { interactive: [], visible: [], background: [] } };
      this.buckets.set(key, b);
      return b;
    }
    if (rate === b.configured.requestsPerSecond && burst === b.configured.burst) return b;
    // A settings change: tokens so far accrued at the old rate; a slowdown in force stays one.
    this.refill(b);
    const slowed = b.rate < b.configured.requestsPerSecond;
    b.rate = slowed && Number.isFinite(rate) ? Math.min(b.rate, rate) : rate;
    b.configured = { requestsPerSecond: rate, burst };
    b.tokens = Math.min(Number.isFinite(b.tokens) ? b.tokens : burst, tokenCap(b.configured, this.marginMs));
    this.pump(b);
    return b;
  }

  private makeGrant(b: Bucket, order: number, waitedMs: number, queuedAhead: number): Grant {
    const epoch = b.epoch;
    let settled = false;
    return {
      order,
      waitedMs,
      queuedAhead,
      state: this.stateOf(b),
      settle: (outcome) => {
        if (!settled && Number.isFinite(b.rate)) {
          if (outcome === 'throttled') this.slowDown(b, epoch);
          else if (outcome === 'answered') this.recover(b, epoch);
        }
        settled = true;
        return this.snapshot(b.key)!;
      },
    };
  }

  /**
   * The service says its bucket is empty, whatever we counted: halve the rate, and owe one token,
   * so the next request (the retry, first in line) goes when the service has refilled a whole token
   * with room for network jitter, not on the edge of its refill.
   */
  private slowDown(b: Bucket, epoch: number): void {
    // Requests sent before the last slowdown were all sent too fast: one slowdown per wave of them.
    if (epoch !== b.epoch) return;
    this.refill(b);
    b.rate = Math.max(Math.min(minimumRate, b.configured.requestsPerSecond), b.rate * slowdownFactor);
    b.tokens = Math.min(b.tokens, -1);
    b.epoch += 1;
    this.pump(b);
  }

  /** Only an answer to a request sent at the slowed rate says that rate is safe. */
  private recover(b: Bucket, epoch: number): void {
    if (epoch !== b.epoch || b.rate >= b.configured.requestsPerSecond) return;
    this.refill(b);
    const step = Math.min(b.rate, (recoveryStep * b.configured.requestsPerSecond) / b.rate);
    b.rate = Math.min(b.configured.requestsPerSecond, b.rate + step);
    this.pump(b);
  }

  private refill(b: Bucket): void {
    const now = this.clock.now();
    b.tokens = Number.isFinite(b.rate) ? Math.min(tokenCap(b.configured, this.marginMs), b.tokens + ((now - b.updatedAt) * b.rate) / 1000) : b.configured.burst;
    b.updatedAt = now;
  }

  /** Grants what the tokens allow, highest priority first, then sleeps until the next token. */
  private pump(b: Bucket): void {
    this.stopTimer(b);
    this.refill(b);
    for (;;) {
      const next = priorities.map((p) => b.queues[p][0]).find((w) => w !== undefined);
      if (!next) return;
      // The timer rounds up, but floating point may still leave a hair under one token.
      if (b.tokens < 1 + this.reserveFor(b, next.priority) - 1e-9) break;
      b.tokens = Math.max(0, b.tokens - 1);
      b.queues[next.priority].shift();
      next.grant();
    }
    const waiting = priorities.map((p) => b.queues[p][0]).find((w) => w !== undefined);
    const needed = 1 + (waiting ? this.reserveFor(b, waiting.priority) : 0);
    const ms = Math.max(1, Math.ceil(((needed - b.tokens) * 1000) / b.rate));
    b.cancelTimer = this.clock.later(() => {
      b.cancelTimer = undefined;
      this.pump(b);
    }, ms);
  }

  /**
   * Tokens only a person's own requests may take: a panel's enrichment or a background listing
   * leaves them, so the lookup a person waits for does not wait for a token. Two, because a lookup
   * from the palette is two calls (the instance list as the picker opens, then the contact); fewer
   * when the burst has no room for them.
   */
  private reserveFor(b: Bucket, priority: RequestPriority): number {
    if (priority === 'interactive' || !Number.isFinite(b.configured.burst)) return 0;
    return Math.min(this.interactiveReserve, Math.max(0, b.configured.burst - 2));
  }

  private stopTimer(b: Bucket): void {
    b.cancelTimer?.();
    b.cancelTimer = undefined;
  }

  private isIdle(b: Bucket): boolean {
    return priorities.every((p) => b.queues[p].length === 0);
  }

  private stateOf(b: Bucket): BudgetState {
    return {
      key: b.key,
      configured: { ...b.configured },
      requestsPerSecond: b.rate,
      tokens: b.tokens,
      queued: { interactive: b.queues.interactive.length, visible: b.queues.visible.length, background: b.queues.background.length },
    };
  }
}

/** Puts `waiter` in `queue` by order (a retry keeps its place in line); returns how many are ahead of it there. */
function enqueue(queue: Waiter[], waiter: Waiter): number {
  let at = queue.findIndex((w) => w.order > waiter.order);
  if (at < 0) at = queue.length;
  queue.splice(at, 0, waiter);
  return at;
}
