// Fault injection state: which misbehaviour the next matching requests get.
// Counts are consumed one per request that actually receives that fault; `true` never runs out.

export interface FaultSpec {
  latencyMs?: number;
  throttle?: number;
  status500?: number | true;
  /** Destroy the socket without answering. */
  reset?: number | true;
  malformedJson?: number | true;
  /** Declare a Content-Length larger than the body, send part of it, then close. */
  truncated?: number | true;
  /** Hold the request this long before answering. */
  hangMs?: number;
  /** Pad DescribeContact responses with a large attribute to about this many bytes. */
  largeBodyBytes?: number;
  /** Only requests for this operation (e.g. "DescribeContact") are affected. */
  operation?: string;
  /**
   * For long runs: the probability (0..1) that a matching request is answered ThrottlingException, drawn per
   * request from a generator seeded by `seed`, so a run repeats exactly. Applies when no counted fault did.
   */
  throttleRate?: number;
  /** Likewise for the 500 (InternalServiceException / ServiceUnavailableException). */
  status500Rate?: number;
  /** The seed of the rates' generator (default 1); setting a spec restarts the sequence. */
  seed?: number;
}

/** What to do to one request, decided once when it arrives. */
export interface FaultPlan {
  latencyMs: number;
  hangMs: number;
  kind: 'none' | 'reset' | 'throttle' | 'status500';
  malformedJson: boolean;
  truncated: boolean;
  largeBodyBytes: number;
}

/** A request the rate limit refused: answered like the `throttle` fault, with nothing else applied. */
export const rateLimitedPlan: FaultPlan = { latencyMs: 0, hangMs: 0, kind: 'throttle', malformedJson: false, truncated: false, largeBodyBytes: 0 };

/** mulberry32: a small, fast, deterministic generator of floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type CountedFault = 'reset' | 'throttle' | 'status500' | 'malformedJson' | 'truncated';

export function validateFaultSpec(value: unknown): FaultSpec {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('FaultSpec must be a JSON object');
  const spec = value as Record<string, unknown>;
  const known = new Set(['latencyMs', 'throttle', 'status500', 'reset', 'malformedJson', 'truncated', 'hangMs', 'largeBodyBytes', 'operation', 'throttleRate', 'status500Rate', 'seed']);
  for (const [k, v] of Object.entries(spec)) {
    if (!known.has(k)) throw new Error(`Unknown fault "${k}"`);
    if (k === 'throttleRate' || k === 'status500Rate') {
      if (typeof v !== 'number' || !(v >= 0 && v <= 1)) throw new Error(`${k} must be a probability from 0 to 1`);
    } else if (k === 'seed') {
      if (typeof v !== 'number' || !Number.isInteger(v)) throw new Error('seed must be a whole number');
    } else if (k === 'operation') {
      if (typeof v !== 'string') throw new Error('operation must be a string');
    } else if (k === 'throttle' || k === 'latencyMs' || k === 'hangMs' || k === 'largeBodyBytes') {
      if (typeof v !== 'number' || !(v >= 0)) throw new Error(`${k} must be a non-negative number`);
    } else if (!(v === true || (typeof v === 'number' && v >= 0))) {
      throw new Error(`${k} must be a count or true`);
    }
  }
  if ((typeof spec.throttleRate === 'number' ? spec.throttleRate : 0) + (typeof spec.status500Rate === 'number' ? spec.status500Rate : 0) > 1) {
    throw new Error('throttleRate and status500Rate together must not exceed 1');
  }
  return spec;
}

export class FaultState {
  private spec: FaultSpec = {};
  private random = seededRandom(1);

  constructor(initial?: FaultSpec) {
    if (initial) this.set(initial);
  }

  set(spec: FaultSpec): void {
    this.spec = { ...spec };
    this.random = seededRandom(spec.seed ?? 1);
  }

  clear(): void {
    this.spec = {};
    this.random = seededRandom(1);
  }

  current(): FaultSpec {
    return { ...this.spec };
  }

  private take(name: CountedFault): boolean {
    const v = this.spec[name];
    if (v === true) return true;
    if (typeof v === 'number' && v > 0) {
      this.spec[name] = v - 1;
      return true;
    }
    return false;
  }

  /** Decide (and consume) the faults for one request to `operation`. */
  plan(operation: string): FaultPlan {
    const none: FaultPlan = { latencyMs: 0, hangMs: 0, kind: 'none', malformedJson: false, truncated: false, largeBodyBytes: 0 };
    if (this.spec.operation && this.spec.operation !== operation) return none;
    const plan = { ...none, latencyMs: this.spec.latencyMs ?? 0, hangMs: this.spec.hangMs ?? 0, largeBodyBytes: this.spec.largeBodyBytes ?? 0 };
    if (this.take('reset')) plan.kind = 'reset';
    else if (this.take('throttle')) plan.kind = 'throttle';
    else if (this.take('status500')) plan.kind = 'status500';
    else if (this.take('malformedJson')) plan.malformedJson = true;
    else if (this.take('truncated')) plan.truncated = true;
    else if (this.spec.throttleRate || this.spec.status500Rate) {
      // One draw per matching request, so the shares are exact over a long run and repeat with the seed.
      const r = this.random();
      const throttleRate = this.spec.throttleRate ?? 0;
      if (r < throttleRate) plan.kind = 'throttle';
      else if (r < throttleRate + (this.spec.status500Rate ?? 0)) plan.kind = 'status500';
    }
    return plan;
  }
}
