// Each Lambda call a contact's flows made, read from the flow-log events of the Invoke AWS Lambda
// function block (InvokeExternalResource, and the older InvokeLambdaFunction): which function,
// its time limit, and what came back: the attributes it returned (ExternalResults), or an error
// or a timeout (Results). Pure.
import { lambdaModuleTypes } from './blockTypes';
import type { FlowLogEvent, FlowLogObject } from './flowLogEvents';

export type LambdaOutcome = 'success' | 'error' | 'timeout';

export interface LambdaInvocation {
  /** The flow-log event of the block (FlowLogEvent.id). */
  eventId: string;
  timestamp: string;
  t: number;
  contactId?: string;
  flowId?: string;
  flowName?: string;
  identifier?: string;
  /** The function as the block names it: an ARN (with a version or alias) or a name. */
  functionArn?: string;
  /** Its name alone, when the text is a well-formed ARN or name: what its log group is named after. */
  functionName?: string;
  /** The block's time limit (TimeLimit), in milliseconds. */
  timeLimitMs?: number;
  outcome: LambdaOutcome;
  /** Results, as logged: why it failed. */
  result?: string;
  /** The attributes the function returned. */
  returned?: FlowLogObject;
  /**
   * Time to the same flow's next block: the call and Connect's own step around it, an upper bound
   * of the function's duration. Absent when the flow logged nothing after it.
   */
  durationMs?: number;
}

/** Parameter names the function has been logged under. */
const functionKeys = ['FunctionArn', 'LambdaFunctionARN', 'LambdaFunctionArn', 'FunctionARN', 'FunctionName'];

/** Lambda function names: letters, digits, '-' and '_', at most 64 (the Lambda API's rule). */
const functionNamePattern = /^[A-Za-z0-9_-]{1,64}$/;
const functionArnPattern = /^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:([A-Za-z0-9_-]{1,64})(:[A-Za-z0-9$_-]{1,129})?$/;

/** The function's name from its ARN (a version or alias dropped) or a bare name; undefined for anything else. */
export function lambdaFunctionName(arnOrName: string): string | undefined {
  const text = arnOrName.trim();
  if (functionNamePattern.test(text)) return text;
  return functionArnPattern.exec(text)?.[1];
}

/** Where Lambda writes a function's own log lines by default. */
export function lambdaLogGroupName(functionName: string): string {
  return `/aws/lambda/${functionName}`;
}

/**
 * TimeLimit in milliseconds. The block logs it in milliseconds ("3000"); a value of 8 or less can
 * only be seconds (Connect waits at most 8 seconds for a function).
 */
function timeLimitMs(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (!Number.isFinite(n) || n <= 0) return undefined;
  return n <= 8 ? n * 1000 : Math.round(n);
}

const timeoutResult = /time ?out|timed out/i;

/** Every Lambda call in the events (in their order), with its outcome and, where known, its duration. */
export function lambdaInvocations(events: readonly FlowLogEvent[]): LambdaInvocation[] {
  const out: LambdaInvocation[] = [];
  // The next event of each (contact, flow) after a call gives the call's duration.
  const open = new Map<string, LambdaInvocation>();
  for (const event of events) {
    const flowKey = `${event.contactId ?? ''}\u0000${event.flowId ?? event.flowName ?? ''}`;
    const waiting = open.get(flowKey);
    if (waiting && event.shape !== 'raw') {
      const gap = event.t - waiting.t;
      if (gap >= 0) waiting.durationMs = gap;
      open.delete(flowKey);
    }
    if (event.moduleType === undefined || !lambdaModuleTypes.has(event.moduleType)) continue;
    const params = event.parameters ?? {};
    const fnKey = functionKeys.find((k) => typeof params[k] === 'string' && params[k] !== '');
    const functionArn = fnKey ? (params[fnKey] as string) : undefined;
    const name = functionArn !== undefined ? lambdaFunctionName(functionArn) : undefined;
    const limit = timeLimitMs(params.TimeLimit);
    const failed = event.isError || (event.results !== undefined && event.results !== '' && event.externalResults === undefined);
    const outcome: LambdaOutcome = !failed ? 'success' : timeoutResult.test(event.results ?? '') ? 'timeout' : 'error';
    const call: LambdaInvocation = { eventId: event.id, timestamp: event.timestamp, t: event.t, outcome };
    const optional: Partial<LambdaInvocation> = {
      contactId: event.contactId,
      flowId: event.flowId,
      flowName: event.flowName,
      identifier: event.identifier,
      functionArn,
      functionName: name,
      timeLimitMs: limit,
      result: event.results,
      returned: outcome === 'success' ? event.externalResults : undefined,
    };
    for (const [key, value] of Object.entries(optional)) if (value !== undefined) Object.assign(call, { [key]: value });
    out.push(call);
    open.set(flowKey, call);
  }
  return out;
}
