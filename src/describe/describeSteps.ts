// The two steps of Describe Contact, as VS Code's multi-step input: "1/2" the instance (a quick
// pick), "2/2" the contact (an input box with a Back button that returns to step 1 with what was
// typed). Which rows step 1 shows, and which one Enter takes, is decided in instanceChoices.ts.
import * as vscode from 'vscode';
import { cleanInput, parseContactInput, validateContactIdLive } from '../aws/ids';
import type { AccountTarget, ContactRef, InstanceSummary } from '../aws/types';
import type { HistoryStore } from '../history/historyStore';
import { describeError, runErrorAction } from '../notify/errorNotifications';
import { instanceName, instanceStepRows, isSeparator, matchKnownInstance, type Listing, type RecentInstance, type RowAction, type StepRow } from './instanceChoices';
import type { InstanceDirectory } from './instanceDirectory';

/** What the steps use: the lookup history (step 1's recent instances) and the instances listed. */
export interface StepDeps {
  history: HistoryStore;
  instances: InstanceDirectory;
}

export const describeTitle = vscode.l10n.t('Amazon Connect: Describe Contact');

/** The instance step 2 looks in. */
export interface ChosenInstance {
  instanceId: string;
  region: string;
  alias?: string;
}

export type StepsResult =
  | { kind: 'target'; target: ContactRef }
  /** A contact ID typed at step 1: look for it in the listed instances. */
  | { kind: 'search'; account: AccountTarget; contactId: string; instances: InstanceSummary[]; typed: string };

export interface StepsStart {
  /** Start at step 2 in this instance. */
  instance?: ChosenInstance;
  /** Step 2 without step 1 (the instance came with the command): no "2/2", no Back. */
  contactOnly?: boolean;
  /** What step 1 shows typed. */
  instanceText?: string;
  /** What step 2 shows typed (Edit ID keeps the ID). */
  contactText?: string;
}

type Item = vscode.QuickPickItem & { action?: RowAction };

/** ListInstances for step 1, shared when the person goes back and forth. */
class ListingLoader implements vscode.Disposable {
  state: Listing = { state: 'loading' };
  private started = false;
  private abort = new AbortController();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly account: AccountTarget & { regionProblem?: string },
    private readonly directory: InstanceDirectory,
  ) {}

  start(): void {
    if (this.started) return;
    this.started = true;
    if (!this.account.region) {
      this.set({ state: 'noRegion', problem: this.account.regionProblem });
      return;
    }
    const abort = this.abort;
    this.directory.list(this.account, abort.signal).then(
      (instances) => !abort.signal.aborted && this.set({ state: 'listed', instances }),
      (error: unknown) => !abort.signal.aborted && this.set({ state: 'failed', error: describeError(error) }),
    );
  }

  retry(): void {
    this.abort.abort();
    this.abort = new AbortController();
    this.started = false;
    this.set({ state: 'loading' });
    this.start();
  }

  private set(state: Listing): void {
    this.state = state;
    this.changed.fire();
  }

  dispose(): void {
    this.abort.abort();
    this.changed.dispose();
  }
}

type InstanceStepResult =
  | { kind: 'instance'; instance: ChosenInstance; text: string }
  | { kind: 'contact'; target: ContactRef }
  | { kind: 'search'; contactId: string; instances: InstanceSummary[]; text: string };

type ContactStepResult = { kind: 'target'; target: ContactRef } | { kind: 'back'; text: string };

export class DescribeSteps {
  constructor(private readonly deps: StepDeps) {}

  /** Runs the steps until a contact is chosen (or a search is asked for); undefined when dismissed. */
  async run(account: AccountTarget & { regionProblem?: string }, start: StepsStart = {}): Promise<StepsResult | undefined> {
    const listing = new ListingLoader(account, this.deps.instances);
    try {
      let instanceText = start.instanceText ?? '';
      let contactText = start.contactText ?? '';
      let chosen = start.instance;
      let preferred: string | undefined;
      for (;;) {
        if (!chosen) {
          const picked = await this.instanceStep(account, listing, instanceText, preferred);
          if (!picked) return undefined;
          if (picked.kind === 'contact') return { kind: 'target', target: picked.target };
          if (picked.kind === 'search') return { kind: 'search', account, contactId: picked.contactId, instances: picked.instances, typed: picked.text };
          instanceText = picked.text;
          chosen = picked.instance;
        }
        const typed = await this.contactStep(account, chosen, contactText, !start.contactOnly);
        if (!typed) return undefined;
        if (typed.kind === 'target') return typed;
        // Back: step 1 again, with what was typed there and the instance that was chosen.
        contactText = typed.text;
        preferred = chosen.instanceId;
        chosen = undefined;
      }
    } finally {
      listing.dispose();
    }
  }

  private recent(account: AccountTarget): RecentInstance[] {
    const seen = new Set<string>();
    const out: RecentInstance[] = [];
    for (const e of this.deps.history.entries({ profile: account.profile, region: account.region })) {
      if (seen.has(e.instanceId)) continue;
      seen.add(e.instanceId);
      out.push({ id: e.instanceId, alias: this.deps.instances.alias(e.instanceId) });
    }
    return out;
  }

  /** Step 1; with nothing typed, `preferInstanceId` (the instance chosen before Back) is the active row. */
  private instanceStep(account: AccountTarget, listing: ListingLoader, text: string, preferInstanceId?: string): Promise<InstanceStepResult | undefined> {
    const quickPick = vscode.window.createQuickPick<Item>();
    quickPick.title = vscode.l10n.t('{0} — {1} · {2}', describeTitle, account.profile, account.region || vscode.l10n.t('no region'));
    quickPick.step = 1;
    quickPick.totalSteps = 2;
    quickPick.placeholder = vscode.l10n.t('Instance: pick one, or type its alias, ID or ARN (or paste a contact ARN)');
    quickPick.ignoreFocusOut = true;
    quickPick.matchOnDescription = true;
    quickPick.value = text;
    const recent = this.recent(account);
    let waitingToAccept = false;
    const disposables: vscode.Disposable[] = [];

    return new Promise<InstanceStepResult | undefined>((resolve) => {
      let settled = false;
      const finish = (result: InstanceStepResult | undefined) => {
        if (settled) return;
        settled = true;
        resolve(result);
        quickPick.hide();
      };
      const render = () => {
        const entries = instanceStepRows({ account, text: quickPick.value, recent, listing: listing.state, preferInstanceId });
        let active: Item | undefined;
        const items: Item[] = entries.map((e) => {
          if (isSeparator(e)) return { label: e.separator, kind: vscode.QuickPickItemKind.Separator };
          const item = toItem(e);
          if (e.active) active = item;
          return item;
        });
        quickPick.items = items;
        if (active) quickPick.activeItems = [active];
        quickPick.busy = listing.state.state === 'loading';
        return active;
      };
      const accept = (action: RowAction | undefined) => {
        if (!action) return;
        switch (action.kind) {
          case 'instance':
            finish({ kind: 'instance', instance: { instanceId: action.instanceId, region: action.region, alias: action.alias }, text: quickPick.value });
            return;
          case 'contact':
            finish({ kind: 'contact', target: action.target });
            return;
          case 'search':
            finish({ kind: 'search', contactId: action.contactId, instances: listing.state.state === 'listed' ? listing.state.instances : [], text: quickPick.value });
            return;
          case 'await':
            // Enter before the list came: decide when it comes (it may be a contact ID).
            waitingToAccept = true;
            return;
          case 'fix': {
            if (action.action === 'retry') {
              listing.retry();
              return;
            }
            // Select Profile, Select Region, Show Log…: their own UI takes over from here.
            const info = listing.state.state === 'failed' ? listing.state.error : { kind: 'Unknown' as const, message: '', profile: account.profile };
            finish(undefined);
            void runErrorAction(action.action, info);
            return;
          }
          case 'none':
            return;
        }
      };
      disposables.push(
        listing.onDidChange(() => {
          const active = render();
          if (!waitingToAccept || listing.state.state === 'loading') return;
          waitingToAccept = false;
          // Still a known instance after the list came: take it; otherwise the rows now explain.
          const known = listing.state.state === 'listed' ? matchKnownInstance(quickPick.value, [...recent, ...listing.state.instances], account.region) : undefined;
          if (known || listing.state.state !== 'listed') accept(active?.action);
        }),
        quickPick.onDidChangeValue(() => {
          waitingToAccept = false;
          render();
        }),
        quickPick.onDidAccept(() => accept((quickPick.selectedItems[0] ?? quickPick.activeItems[0])?.action)),
        quickPick.onDidHide(() => {
          for (const d of disposables) d.dispose();
          quickPick.dispose();
          finish(undefined);
        }),
      );
      render();
      listing.start();
      quickPick.show();
    });
  }

  private contactStep(account: AccountTarget, instance: ChosenInstance, text: string, asStep: boolean): Promise<ContactStepResult | undefined> {
    const input = vscode.window.createInputBox();
    const name = instance.alias ?? this.deps.instances.alias(instance.instanceId);
    input.title = vscode.l10n.t('{0} — {1} · {2}', describeTitle, name ?? instance.instanceId, instance.region || vscode.l10n.t('no region'));
    if (asStep) {
      input.step = 2;
      input.totalSteps = 2;
      input.buttons = [vscode.QuickInputButtons.Back];
    }
    input.prompt = name
      ? vscode.l10n.t('Contact ID in instance {0} ({1}, {2}), or a contact ARN', name, instance.instanceId, instance.region || vscode.l10n.t('no region'))
      : vscode.l10n.t('Contact ID in instance {0} ({1}), or a contact ARN', instance.instanceId, instance.region || vscode.l10n.t('no region'));
    input.placeholder = vscode.l10n.t('e.g. 8f1e2d3c-4b5a-4978-8d6c-5e4f3a2b1c0d');
    input.ignoreFocusOut = true;
    input.value = text;
    const knownInstances = () => [
      { id: instance.instanceId, alias: name },
      ...(this.deps.instances.cached({ profile: account.profile, region: instance.region }) ?? []),
    ];
    const problem = (value: string): vscode.InputBoxValidationMessage | undefined => {
      const error = validateContactIdLive(value);
      if (error) return { message: error, severity: vscode.InputBoxValidationSeverity.Error };
      const clean = cleanInput(value);
      const sameAsInstance = clean && !clean.startsWith('arn:') ? knownInstances().find((k) => k.id.toLowerCase() === clean.toLowerCase()) : undefined;
      if (sameAsInstance) {
        return { message: vscode.l10n.t('That is the ID of instance {0}, not of a contact. Enter a contact ID.', instanceName(sameAsInstance)), severity: vscode.InputBoxValidationSeverity.Error };
      }
      const parsed = parseContactInput(value);
      return parsed.ok && parsed.warning ? { message: parsed.warning, severity: vscode.InputBoxValidationSeverity.Warning } : undefined;
    };
    input.validationMessage = text ? problem(text) : undefined;
    const disposables: vscode.Disposable[] = [];
    return new Promise<ContactStepResult | undefined>((resolve) => {
      let settled = false;
      const finish = (result: ContactStepResult | undefined) => {
        if (settled) return;
        settled = true;
        resolve(result);
        input.hide();
      };
      disposables.push(
        input.onDidChangeValue((value) => {
          input.validationMessage = problem(value);
        }),
        input.onDidTriggerButton((button) => {
          if (button === vscode.QuickInputButtons.Back) finish({ kind: 'back', text: input.value });
        }),
        input.onDidAccept(() => {
          const value = input.value;
          if (cleanInput(value) === '') {
            input.validationMessage = { message: vscode.l10n.t('Enter a contact ID or a contact ARN.'), severity: vscode.InputBoxValidationSeverity.Error };
            return;
          }
          const shown = problem(value);
          if (shown?.severity === vscode.InputBoxValidationSeverity.Error) {
            input.validationMessage = shown;
            return; // the message says why; keep the box open
          }
          const contact = parseContactInput(value);
          if (!contact.ok) return;
          finish({
            kind: 'target',
            target: {
              profile: account.profile,
              region: contact.arn?.region ?? instance.region,
              instanceId: contact.instanceId ?? instance.instanceId,
              contactId: contact.contactId,
            },
          });
        }),
        input.onDidHide(() => {
          for (const d of disposables) d.dispose();
          input.dispose();
          finish(undefined);
        }),
      );
      input.show();
    });
  }
}

function toItem(row: StepRow): Item {
  return { label: row.label, description: row.description, detail: row.detail, alwaysShow: row.alwaysShow, action: row.action };
}
