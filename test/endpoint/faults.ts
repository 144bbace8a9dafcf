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

type CountedFault = 'reset' | 'throttle' | 'status500' | 'malformedJson' | 'truncated';

export function validateFaultSpec(value: unknown): FaultSpec {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('FaultSpec must be a JSON object');
  const spec = value as Record<string, unknown>;
  const known = new Set(['latencyMs', 'throttle', 'status500', 'reset', 'malformedJson', 'truncated', 'hangMs', 'largeBodyBytes', 'operation']);
  for (const [k, v] of Object.entries(spec)) {
    if (!known.has(k)) throw new Error(`Unknown fault "${k}"`);
    if (k === 'operation') {
      if (typeof v !== 'string') throw new Error('operation must be a string');
    } else if (k === 'throttle' || k === 'latencyMs' || k === 'hangMs' || k === 'largeBodyBytes') {
      if (typeof v !== 'number' || !(v >= 0)) throw new Error(`${k} must be a non-negative number`);
    } else if (!(v === true || (typeof v === 'number' && v >= 0))) {
      throw new Error(`${k} must be a count or true`);
    }
  }
  return spec;
}

export class FaultState {
  private spec: FaultSpec = {};

  constructor(initial?: FaultSpec) {
    if (initial) this.set(initial);
  }

  set(spec: FaultSpec): void {
    this.spec = { ...spec };
  }

  clear(): void {
    this.spec = {};
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
    return plan;
  }
}
