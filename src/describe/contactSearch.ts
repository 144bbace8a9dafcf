// "Look in other instances": the same contact ID in each listed instance of a profile and region,
// one request at a time (the request scheduler paces them), stopping at the first instance that
// has it. Pure: the request is passed in, so the rules are tested in plain Node.
import type { AccountTarget, ConnectErrorInfo, InstanceSummary } from '../aws/types';
import { failsEverywhere, isRetryable, problemWords } from '../notify/errorActions';
import { instanceName } from './instanceChoices';

export interface SearchFailure {
  instance: InstanceSummary;
  error: ConnectErrorInfo;
}

export interface SearchOutcome<T> {
  /** The first instance that has the contact, and what the request returned. */
  found?: { instance: InstanceSummary; value: T };
  /** The instances asked, in order. */
  searched: InstanceSummary[];
  /** Instances that could not be asked (not "not found"). */
  failures: SearchFailure[];
  /** A failure every instance would share (no credentials, no connection, cancelled): the search stopped. */
  stopped?: ConnectErrorInfo;
}

export interface SearchOptions {
  describeError: (error: unknown) => ConnectErrorInfo;
  /** Before each request: the instance and its place (1-based) among `instances`. */
  onInstance?: (instance: InstanceSummary, index: number, total: number) => void;
  signal?: AbortSignal;
}

export async function searchInstances<T>(
  instances: InstanceSummary[],
  probe: (instance: InstanceSummary) => Promise<T>,
  options: SearchOptions,
): Promise<SearchOutcome<T>> {
  const outcome: SearchOutcome<T> = { searched: [], failures: [] };
  for (const [index, instance] of instances.entries()) {
    if (options.signal?.aborted) {
      outcome.stopped = { kind: 'Cancelled', message: 'The search was cancelled.' };
      return outcome;
    }
    options.onInstance?.(instance, index + 1, instances.length);
    outcome.searched.push(instance);
    try {
      outcome.found = { instance, value: await probe(instance) };
      return outcome;
    } catch (error) {
      const info = options.describeError(error);
      if (info.kind === 'NotFound') continue;
      if (failsEverywhere(info.kind)) {
        outcome.stopped = info;
        return outcome;
      }
      outcome.failures.push({ instance, error: info });
    }
  }
  return outcome;
}

/** The instances to search: every listed one, except the one already asked. */
export function instancesToSearch(listed: InstanceSummary[], skipInstanceId?: string): InstanceSummary[] {
  return listed.filter((i) => i.id !== skipInstanceId);
}

/**
 * The region is the likely cause of a "not found" when the instance is not one of the listed
 * instances of the profile and region (its contacts live elsewhere), or when no listed instance
 * has the contact. Unknown (no listing): not offered.
 */
export function regionIsLikelyCause(instanceId: string, listed: InstanceSummary[] | undefined): boolean {
  return listed !== undefined && !listed.some((i) => i.id === instanceId);
}

/** Retry can change a search's answer only when some instances could not be asked for a passing reason. */
export function searchCanRetry(outcome: SearchOutcome<unknown>): boolean {
  return outcome.failures.some((f) => isRetryable(f.error.kind));
}

/** The message when no instance has the contact, naming what was searched and what could not be. */
export function noneHasItMessage(contactId: string, account: AccountTarget, outcome: SearchOutcome<unknown>, skipped?: { id: string; alias?: string }): string {
  const names = outcome.searched.filter((i) => !outcome.failures.some((f) => f.instance === i)).map(instanceName);
  const asked = [...(skipped ? [instanceName(skipped)] : []), ...names];
  const where = `${account.region} (profile ${account.profile})`;
  const parts = [
    asked.length === 0
      ? `Contact ${contactId} could not be looked for in any instance of ${where}.`
      : `Contact ${contactId} is in none of the ${asked.length === 1 ? 'instance' : `${asked.length} instances`} of ${where}: ${asked.join(', ')}.`,
  ];
  if (outcome.failures.length) {
    parts.push(`Could not look in ${outcome.failures.map((f) => `${instanceName(f.instance)} (${problemWords(f.error.kind)})`).join(', ')}.`);
  }
  parts.push('Check the contact ID (contacts are kept for 24 months), or look in another region.');
  return parts.join(' ');
}
