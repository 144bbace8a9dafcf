// Token buckets like the service's API throttling: a steady rate with a burst allowance, shared by
// every operation of one account and region (CONNECT-FACTS.md: by default about 2 per second, burst 5).

export interface RateLimit {
  /** Tokens added per second. */
  rate: number;
  /** Bucket size: how many requests may arrive at once after a quiet spell. */
  burst: number;
}

/** The burst when only a rate is given: one second's worth, at least 1. */
export function defaultBurst(rate: number): number {
  return Math.max(1, Math.ceil(rate));
}

export function validateRateLimit(limit: RateLimit): RateLimit {
  if (!(Number.isFinite(limit.rate) && limit.rate > 0)) throw new Error(`rate must be a positive number of requests per second, got ${limit.rate}`);
  if (!(Number.isInteger(limit.burst) && limit.burst >= 1)) throw new Error(`burst must be a whole number of at least 1, got ${limit.burst}`);
  return limit;
}

export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly limit: RateLimit,
    /** Milliseconds, monotonic; injectable for tests. */
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = limit.burst;
    this.last = now();
  }

  /** Take one token if there is one. */
  take(): boolean {
    const t = this.now();
    this.tokens = Math.min(this.limit.burst, this.tokens + ((t - this.last) / 1000) * this.limit.rate);
    this.last = t;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** One bucket per key (account and region), made full on first use. */
export class RateLimiter {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    private readonly limit: RateLimit,
    private readonly now?: () => number,
  ) {}

  take(key: string): boolean {
    let bucket = this.buckets.get(key);
    if (!bucket) this.buckets.set(key, (bucket = new TokenBucket(this.limit, this.now)));
    return bucket.take();
  }
}
