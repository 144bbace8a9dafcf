// What Describe Contact asks, and what it offers when a lookup fails: the two steps
// (describeSteps.ts), the search of the listed instances for a contact ID, and the fixes of a
// "not found" (Edit ID, Look in other instances, Select Region when the region is the likely cause).
import * as vscode from 'vscode';
import type { AccountTarget, ContactRef, InstanceSummary } from '../aws/types';
import { shortId } from '../contact/contactSummary';
import type { HistoryStore } from '../history/historyStore';
import { describeError, type ErrorFix, type ShowError } from '../notify/errorNotifications';
import type { ContactDocumentCache } from './contactDocumentCache';
import { instancesToSearch, noneHasItMessage, regionIsLikelyCause, searchCanRetry, searchInstances } from './contactSearch';
import { DescribeSteps, type StepsStart } from './describeSteps';
import { instanceName } from './instanceChoices';
import type { InstanceDirectory } from './instanceDirectory';

/** What the prompts use, and hand on to the steps (history, instances). */
export interface PromptDeps {
  /** Looks for a contact ID in each listed instance. */
  contacts: ContactDocumentCache;
  history: HistoryStore;
  instances: InstanceDirectory;
  /** A failed lookup's notification, with the fixes that fit. */
  showError: ShowError;
}

export const editIdTitle = vscode.l10n.t('Edit ID');
export const lookElsewhereTitle = vscode.l10n.t('Look in other instances');
/** How long a failed lookup waits for ListInstances to tell whether the region is the cause. */
const listingWaitMs = 3_000;

/** Looks a contact up (and opens it): the flow's own lookup, so every path opens contacts one way. */
export type Lookup = (target: ContactRef) => Promise<unknown>;

interface SearchRequest {
  account: AccountTarget;
  contactId: string;
  instances: InstanceSummary[];
  /** The instance already asked (it is named in "none has it"). */
  skipped?: { id: string; alias?: string };
  /** "Edit ID" on the "none has it" message. */
  editId: () => unknown;
  /** The same search again, when some instances could not be asked for a passing reason. */
  retry: () => unknown;
}

export class DescribePrompts {
  private readonly steps: DescribeSteps;

  constructor(
    private readonly deps: PromptDeps,
    private readonly lookup: Lookup,
  ) {
    this.steps = new DescribeSteps(deps);
  }

  /**
   * Steps 1 and 2 (or step 2 alone when `start.instance` is set): the contact to look up. A contact
   * ID typed at step 1 is looked for in the listed instances; undefined when dismissed or when no
   * instance has it (which is then said).
   */
  async ask(account: AccountTarget & { regionProblem?: string }, start: StepsStart = {}): Promise<ContactRef | undefined> {
    const result = await this.steps.run(account, start);
    if (!result) return undefined;
    if (result.kind === 'target') return result.target;
    const request: SearchRequest = {
      account: result.account,
      contactId: result.contactId,
      instances: result.instances,
      // "Edit ID" after a search from step 1: step 1 again, the text still typed.
      editId: () => this.askAndLookUp(result.account, { instanceText: result.typed }),
      retry: () => this.searchAndLookUp(request),
    };
    return this.search(request);
  }

  /** The instance step 2 names: the given instance, with the alias it was last listed under. */
  instance(target: { instanceId: string; region: string }): NonNullable<StepsStart['instance']> {
    return { instanceId: target.instanceId, region: target.region, alias: this.deps.instances.alias(target.instanceId) };
  }

  /**
   * A lookup failed: the notification, with the fixes that fit. Not found: "Edit ID" and "Look in
   * other instances" (when there are others, or the list is unknown); "Select Region" only when
   * the instance is not listed in the profile and region. Rejected ID: "Edit ID". Retry only
   * where repeating can change the answer (errorActions.ts).
   */
  async failed(target: ContactRef, error: unknown, retry: () => unknown): Promise<void> {
    const info = describeError(error);
    if (info.kind === 'NotFound') {
      const listed = await this.listedSoon(target);
      const others = listed ? instancesToSearch(listed, target.instanceId) : undefined;
      const fixes: ErrorFix[] = [{ title: editIdTitle, run: () => this.editId(target) }];
      if (others === undefined || others.length > 0) fixes.push({ title: lookElsewhereTitle, run: () => this.lookElsewhere(target) });
      // The instance by its alias too: "in instance 1111… (acme-support, us-east-1, profile local)".
      const alias = listed?.find((i) => i.id === target.instanceId)?.alias ?? this.deps.instances.alias(target.instanceId);
      const named = alias ? { ...info, message: info.message.replace(`instance ${target.instanceId} (`, `instance ${target.instanceId} (${alias}, `) } : info;
      this.deps.showError(named, { fixes, selectRegion: regionIsLikelyCause(target.instanceId, listed) || others?.length === 0 });
      return;
    }
    if (info.kind === 'InvalidInput') {
      this.deps.showError(error, { fixes: [{ title: editIdTitle, run: () => this.editId(target) }] });
      return;
    }
    this.deps.showError(error, retry);
  }

  /** "Edit ID": step 2 again in the same instance, the ID still typed; Back goes to step 1. */
  async editId(target: ContactRef): Promise<void> {
    const account = { profile: target.profile, region: target.region };
    await this.askAndLookUp(account, { instance: this.instance(target), contactText: target.contactId });
  }

  /** "Look in other instances": the same ID in every other listed instance of the profile and region. */
  async lookElsewhere(target: ContactRef): Promise<void> {
    const account = { profile: target.profile, region: target.region };
    let listed: InstanceSummary[];
    try {
      listed = this.deps.instances.cached(account) ?? (await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Amazon Connect: listing the instances of {0}', account.region) },
        () => this.deps.instances.list(account),
      ));
    } catch (error) {
      this.deps.showError(error, () => this.lookElsewhere(target));
      return;
    }
    await this.searchAndLookUp({
      account,
      contactId: target.contactId,
      instances: instancesToSearch(listed, target.instanceId),
      skipped: { id: target.instanceId, alias: listed.find((i) => i.id === target.instanceId)?.alias ?? this.deps.instances.alias(target.instanceId) },
      editId: () => this.editId(target),
      retry: () => this.lookElsewhere(target),
    });
  }

  private async askAndLookUp(account: AccountTarget, start: StepsStart): Promise<void> {
    const target = await this.ask(account, start);
    if (target) await this.lookup(target);
  }

  private async searchAndLookUp(request: SearchRequest): Promise<void> {
    const found = await this.search(request);
    if (found) await this.lookup(found);
  }

  /**
   * One instance after another, stopping at the first that has the contact, with a cancellable
   * progress notification naming the instance being asked. Says clearly when none has it.
   */
  private async search(request: SearchRequest): Promise<ContactRef | undefined> {
    const { account, contactId, instances } = request;
    const outcome = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Amazon Connect: looking for contact {0}', shortId(contactId)), cancellable: true },
      (progress, token) => {
        const abort = new AbortController();
        const cancel = token.onCancellationRequested(() => abort.abort());
        return searchInstances(
          instances,
          (instance) => this.deps.contacts.get({ ...account, instanceId: instance.id, contactId }, { force: true, signal: abort.signal }),
          {
            describeError,
            signal: abort.signal,
            onInstance: (instance, index, total) =>
              progress.report({ message: `in ${instanceName(instance)} (${index} of ${total})`, increment: index === 1 ? 0 : 100 / total }),
          },
        ).finally(() => {
          cancel.dispose();
        });
      },
    );
    if (outcome.found) {
      const { instance } = outcome.found;
      vscode.window.setStatusBarMessage(`$(check) Contact ${shortId(contactId)} found in ${instanceName(instance)}`, 10_000);
      return { ...account, instanceId: instance.id, contactId };
    }
    if (outcome.stopped) {
      if (outcome.stopped.kind !== 'Cancelled') this.deps.showError(outcome.stopped, request.retry);
      return undefined;
    }
    const fixes: ErrorFix[] = [{ title: editIdTitle, run: request.editId }];
    if (searchCanRetry(outcome)) fixes.push({ title: vscode.l10n.t('Retry'), run: request.retry });
    // No listed instance has it: another region is now the likely place (or the ID is wrong).
    this.deps.showError(
      { kind: 'NotFound', message: noneHasItMessage(contactId, account, outcome, request.skipped), profile: account.profile },
      { fixes, selectRegion: true },
    );
    return undefined;
  }

  /** The listing of the target's profile and region: a recent one, else one that answers within a few seconds. */
  private async listedSoon(target: ContactRef): Promise<InstanceSummary[] | undefined> {
    const account = { profile: target.profile, region: target.region };
    const cached = this.deps.instances.cached(account);
    if (cached) return cached;
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), listingWaitMs);
    try {
      return await this.deps.instances.list(account, abort.signal);
    } catch {
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }
}
