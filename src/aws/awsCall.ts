// The one call path every AWS service of the extension shares: resolve the client, send with the
// caller's AbortSignal, log one summary line (and wire details at trace), and turn any failure
// into a ConnectServiceError. ConnectService and FlowLogService hold one each, or share one.
//
// Every HTTP attempt, the SDK's retries included, first waits for a token from the request
// scheduler (scheduler.ts) at the call's priority: a middleware inside the SDK's retry loop and
// before signing (so a long wait never outlives the signature). The SDK keeps its own retry
// rules and `maxAttempts`: a throttled attempt halves the budget's rate and empties its bucket,
// so the retry (first in its line) waits for the slowed budget after the SDK's backoff. Waiting
// in the queue is not an attempt, and the read timeout starts only when the request is sent.
// Each service draws from its own budget (`connect|…`, `logs|…`): their quotas are separate.
import type { DeserializeHandlerArguments, HandlerExecutionContext, MetadataBearer } from '@smithy/types';
import { ClientCache, type CachedClient } from './clientCache';
import { connectError, failureLogLine, toConnectError, type ConnectServiceError, type ErrorContext } from './errors';
import { ProfileCatalog } from './profiles';
import { redact, redactUrlUserInfo } from './redact';
import { isValidRegionName } from './region';
import { budgetKey, priorityNow, RequestScheduler, type BudgetState, type RequestOutcome } from './scheduler';
import { loadSdk, type Sdk } from './sdkLoader';
import type { AccountTarget, AwsService, CallLogger, RaisablePriority, RequestBudget, RequestPriority, TransportSettings } from './types';

export interface AwsCallerOptions {
  env?: NodeJS.ProcessEnv;
  /** Read on every call, so setting changes apply to the next call. */
  transport: () => TransportSettings;
  /** The one shared profile listing; a private one when absent (tests). */
  profiles?: ProfileCatalog;
  /** The profile chosen in settings ('' for none: environment keys then win over the files). */
  chosenProfile?: () => string;
  /** Risky transport (plain http to another host, TLS off), told once per distinct warning. */
  onTransportWarning?: (warning: string) => void;
  logger?: CallLogger;
  now?: () => Date;
  /** Backoff between retries in ms; the SDK's standard backoff when absent. Tests make it short. */
  retryDelayMs?: number | ((attempt: number) => number);
  /** Another SDK loader (tests); the lazy dist/sdk.js chunk by default. */
  loadSdk?: () => Promise<Sdk>;
  /** The scheduler every AWS service of the extension shares; a private one when absent. */
  scheduler?: RequestScheduler;
}

/** A service's call path: its own, built from these options, or one shared with another service. */
export type CallPathOptions = AwsCallerOptions | { caller: AwsCaller };

/** The shared caller, or a new one the service owns (and disposes). */
export function callerFor(options: CallPathOptions): { caller: AwsCaller; owned: boolean } {
  return 'caller' in options ? { caller: options.caller, owned: false } : { caller: new AwsCaller(options), owned: true };
}

export interface CallContext extends Partial<ErrorContext> {
  operation: string;
}

export interface AwsCallRequest {
  service: AwsService;
  ctx: CallContext;
  target: AccountTarget;
  makeCommand: (sdk: Sdk) => unknown;
  signal?: AbortSignal;
  priority: RequestPriority | RaisablePriority;
  /** This service's rate and burst for the target's profile and region, read for this call. */
  budget: RequestBudget;
}

export interface AwsCallResult {
  /** As the SDK returns it, without $metadata. */
  output: Record<string, unknown>;
  requestId?: string;
}

interface Sendable {
  middlewareStack: {
    add: (mw: unknown, options: Record<string, unknown>) => void;
    addRelativeTo: (mw: unknown, options: Record<string, unknown>) => void;
  };
}

/** How the service answered one attempt, as the scheduler adapts to it. */
function outcomeOf(error: unknown): RequestOutcome {
  if (toConnectError(error).kind === 'Throttling') return 'throttled';
  const e = error as { $metadata?: { httpStatusCode?: number }; $response?: { statusCode?: number } };
  return e.$metadata?.httpStatusCode !== undefined || e.$response?.statusCode !== undefined ? 'answered' : 'unanswered';
}

function perSecond(n: number): string {
  return `${Number(n.toFixed(2))}/s`;
}

interface WireState {
  attempts: number;
  /** Where the last attempt actually went (scheme, host, port), from the signed request itself. */
  endpoint?: string;
  httpStatus?: number;
  requestId?: string;
}

function headerValue(headers: Record<string, string> | undefined, pattern: RegExp): string | undefined {
  if (!headers) return undefined;
  return Object.entries(headers).find(([k]) => pattern.test(k))?.[1];
}

export class AwsCaller {
  readonly profiles: ProfileCatalog;
  private readonly env: NodeJS.ProcessEnv;
  private readonly cache: ClientCache;
  private readonly now: () => Date;
  private readonly load: () => Promise<Sdk>;
  private readonly scheduler: RequestScheduler;

  constructor(private readonly options: AwsCallerOptions) {
    this.env = options.env ?? process.env;
    this.scheduler = options.scheduler ?? new RequestScheduler();
    this.now = options.now ?? (() => new Date());
    this.load = options.loadSdk ?? loadSdk;
    this.profiles = options.profiles ?? new ProfileCatalog(this.env);
    this.cache = new ClientCache({
      env: this.env,
      profiles: this.profiles,
      chosenProfile: options.chosenProfile ?? (() => ''),
      onTransportWarning: (warning) => {
        options.logger?.warn(warning);
        options.onTransportWarning?.(warning);
      },
      loadSdk: this.load,
      retryDelayMs: options.retryDelayMs,
    });
  }

  async call(request: AwsCallRequest): Promise<AwsCallResult> {
    const { service, ctx, target, signal, priority, budget } = request;
    const logger = this.options.logger;
    const started = this.now().getTime();
    const wire: WireState = { attempts: 0 };
    let cached: CachedClient<AwsService> | undefined;
    const settings = this.options.transport();
    const errorContext = (): ErrorContext => ({
      service,
      ...ctx,
      profile: target.profile,
      profileKind: cached?.profileEntry?.kind,
      roleArn: cached?.profileEntry?.roleArn,
      sourceProfile: cached?.profileEntry?.sourceProfile,
      region: target.region,
      endpoint: wire.endpoint ?? cached?.endpoint,
      maxAttempts: cached?.transport.maxAttempts ?? settings.maxAttempts,
      connectTimeoutSeconds: cached?.transport.connectTimeoutSeconds ?? settings.connectTimeoutSeconds,
      readTimeoutSeconds: cached?.transport.readTimeoutSeconds ?? settings.readTimeoutSeconds,
      knownSecrets: cached?.knownSecrets,
    });
    try {
      if (signal?.aborted) throw connectError('Cancelled', `${ctx.operation} was cancelled.`, { operation: ctx.operation, profile: target.profile });
      if (!isValidRegionName(target.region)) {
        throw connectError('InvalidRegion', target.region
          ? `"${target.region}" is not a region name; region names look like us-east-1.`
          : 'No region is chosen.', { hint: 'Pick a region with Amazon Connect: Select Region.', operation: ctx.operation, profile: target.profile });
      }
      cached = await this.cache.get(target.profile, target.region, settings, service);
      const sdk = await this.load();
      const command = request.makeCommand(sdk) as Sendable;
      command.middlewareStack.addRelativeTo(this.gate(service, ctx.operation, target, budget, priority, signal), { relation: 'before', toMiddleware: 'httpSigningMiddleware', name: 'connectExplorerScheduler' });
      command.middlewareStack.add(this.wireLogger(wire, () => cached?.knownSecrets), { step: 'deserialize', priority: 'low', name: 'connectExplorerWireLog' });
      const client = cached.client as unknown as { send: (c: unknown, o: { abortSignal?: AbortSignal }) => Promise<MetadataBearer & Record<string, unknown>> };
      const result = await client.send(command, { abortSignal: signal });
      const { $metadata, ...output } = result;
      const requestId = $metadata?.requestId ?? wire.requestId;
      logger?.info({
        operation: ctx.operation,
        profile: target.profile,
        region: target.region,
        endpoint: wire.endpoint ?? redactUrlUserInfo(cached.endpoint),
        httpStatus: $metadata?.httpStatusCode ?? wire.httpStatus,
        requestId,
        durationMs: this.now().getTime() - started,
        attempts: $metadata?.attempts ?? wire.attempts,
      });
      return { output, requestId };
    } catch (error) {
      const mapped: ConnectServiceError = toConnectError(error, errorContext());
      // The wire saw the service answer even when the error object does not say so.
      if (mapped.info.requestId === undefined && wire.requestId && mapped.info.httpStatus !== undefined) mapped.info.requestId = wire.requestId;
      if (mapped.info.operation === undefined) mapped.info.operation = ctx.operation;
      if (mapped.info.profile === undefined) mapped.info.profile = target.profile;
      logger?.info({
        operation: ctx.operation,
        profile: target.profile,
        region: target.region,
        endpoint: wire.endpoint ?? (cached ? redactUrlUserInfo(cached.endpoint) : ''),
        httpStatus: mapped.info.httpStatus ?? wire.httpStatus,
        requestId: mapped.info.requestId ?? wire.requestId,
        durationMs: this.now().getTime() - started,
        attempts: wire.attempts || undefined,
        error: mapped.kind,
      });
      logger?.warn(failureLogLine(mapped.info));
      throw mapped;
    }
  }

  /** Each service·profile·region budget: rate in force, tokens, queued requests per priority (for logs and status). */
  budgets(): BudgetState[] {
    return this.scheduler.snapshots();
  }

  /** Drop cached clients, credentials and profiles: the AWS files or the settings changed. */
  invalidate(): void {
    this.profiles.invalidate();
    this.cache.invalidate();
  }

  /** Destroys every client and cancels queued requests of a private scheduler (deactivation). */
  dispose(): Promise<void> {
    if (!this.options.scheduler) this.scheduler.dispose();
    return this.cache.dispose();
  }

  /**
   * Each attempt waits here for its service·profile·region budget (a retry keeps its first place in
   * line), then tells the scheduler how the service answered: a 429 slows the budget, an answer recovers it.
   */
  private gate(service: AwsService, operation: string, target: AccountTarget, budget: RequestBudget, priority: RequestPriority | RaisablePriority, signal?: AbortSignal) {
    const logger = this.options.logger;
    const key = budgetKey(service, target.profile, target.region);
    // Connect's lines read as before; another service's budget says which it is.
    const which = service === 'connect' ? `the ${target.region} budget` : `the ${service} ${target.region} budget`;
    let order: number | undefined;
    let attempt = 0;
    return (next: (args: unknown) => Promise<unknown>) => async (args: unknown) => {
      attempt += 1;
      const grant = await this.scheduler.acquire({ key, budget, priority, signal, operation, order });
      order = grant.order;
      const { state } = grant;
      const slowed = state.requestsPerSecond < state.configured.requestsPerSecond;
      if (grant.waitedMs >= 1) {
        logger?.trace(`${operation} waited ${Math.round(grant.waitedMs)} ms for ${which} (profile ${target.profile}, ${priorityNow(priority)}` +
          `${attempt > 1 ? `, attempt ${attempt}` : ''}, ${grant.queuedAhead} ahead; ${perSecond(state.requestsPerSecond)}${slowed ? ` of ${perSecond(state.configured.requestsPerSecond)} after throttling` : ''})`);
      }
      let outcome: RequestOutcome = 'answered';
      try {
        return await next(args);
      } catch (error) {
        outcome = outcomeOf(error);
        throw error;
      } finally {
        const before = outcome === 'throttled' ? this.scheduler.snapshot(key)?.requestsPerSecond : undefined;
        const after = grant.settle(outcome);
        if (before !== undefined && after.requestsPerSecond < before) {
          logger?.trace(`${operation} was throttled: ${which} (profile ${target.profile}) slows to ${perSecond(after.requestsPerSecond)}`);
        }
      }
    };
  }

  /** Per-attempt wire log: method, path, status, request ID, size. Never headers, so never a signature or token. */
  private wireLogger(wire: WireState, secrets: () => Set<string> | undefined) {
    const logger = this.options.logger;
    return (next: (args: DeserializeHandlerArguments<object>) => Promise<{ response: unknown }>, _context: HandlerExecutionContext) =>
      async (args: DeserializeHandlerArguments<object>) => {
        wire.attempts += 1;
        const req = args.request as { method?: string; protocol?: string; hostname?: string; port?: number; path?: string };
        // The host the signed request goes to, as sent: what logs and messages name.
        if (req.hostname) wire.endpoint = `${req.protocol ?? 'https:'}//${req.hostname}${req.port ? `:${req.port}` : ''}`;
        const t0 = Date.now();
        const line = `${req.method ?? '?'} ${wire.endpoint ?? ''}${req.path ?? ''} (attempt ${wire.attempts})`;
        try {
          const result = await next(args);
          const res = result.response as { statusCode?: number; headers?: Record<string, string> };
          wire.httpStatus = res.statusCode;
          wire.requestId = headerValue(res.headers, /^x-amzn?-request-?id$/i) ?? wire.requestId;
          const size = headerValue(res.headers, /^content-length$/i);
          logger?.trace(redact(`${line} → HTTP ${res.statusCode ?? '?'}${wire.requestId ? ` request-id ${wire.requestId}` : ''}${size ? ` ${size} bytes` : ''} in ${Date.now() - t0} ms`, secrets()));
          return result;
        } catch (error) {
          const e = error as { name?: string; code?: string };
          logger?.trace(redact(`${line} → failed after ${Date.now() - t0} ms: ${e.name ?? 'Error'}${e.code ? ` ${e.code}` : ''}`, secrets()));
          throw error;
        }
      };
  }
}
