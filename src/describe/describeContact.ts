// Amazon Connect: Describe Contact — prompts (or arguments, or a vscode:// URI) → a ContactRef → the panel.
import * as vscode from 'vscode';
import type { AccountResolver } from '../account/accountResolver';
import { isInputError, parseContactInput, parseInstanceInput, validateContactIdLive } from '../aws/ids';
import type { AccountTarget, ContactRef, InstanceSummary } from '../aws/types';
import type { ContactDocument } from '../contact/contactDocument';
import { shortId } from '../contact/contactSummary';
import { linkProfileQuestion, type LinkProfileQuestion } from './linkProfile';
import type { ExtensionServices } from '../services';

/** Arguments for keybindings, other extensions and the URI handler. */
export interface DescribeArgs {
  instanceId?: string;
  contactId?: string;
  profile?: string;
  region?: string;
}

export interface DescribeResult {
  ref: ContactRef;
  contact: ContactDocument;
}

interface Target {
  profile: string;
  region: string;
  instanceId: string;
  contactId: string;
}

/** Reads DescribeArgs from anything a caller may pass; ignores what is not a string. */
export function toDescribeArgs(raw: unknown): DescribeArgs {
  if (typeof raw !== 'object' || raw === null) return {};
  const r = raw as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
  return { instanceId: text(r.instanceId), contactId: text(r.contactId), profile: text(r.profile), region: text(r.region) };
}

/** `vscode://PUBLISHER.connect-contact-explorer/describe?instance=…&contact=…&region=…&profile=…` */
export function describeArgsFromUri(uri: vscode.Uri): DescribeArgs | undefined {
  if (uri.path.replace(/\/+$/, '') !== '/describe') return undefined;
  const q = new URLSearchParams(uri.query);
  return toDescribeArgs({ instanceId: q.get('instance'), contactId: q.get('contact'), region: q.get('region'), profile: q.get('profile') });
}

/** Shows the question as a modal; the chosen button's text, or undefined when cancelled. */
export type ConfirmLinkProfile = (question: LinkProfileQuestion) => Thenable<string | undefined>;

const confirmInModal: ConfirmLinkProfile = (q) =>
  vscode.window.showWarningMessage(q.message, { modal: true, detail: q.detail }, q.useLinkProfile, q.useActiveProfile);

export class DescribeContactFlow {
  constructor(
    private readonly services: ExtensionServices,
    private readonly accounts: AccountResolver,
    private readonly confirm: ConfirmLinkProfile = confirmInModal,
  ) {}

  async run(rawArgs?: unknown): Promise<DescribeResult | undefined> {
    const args = toDescribeArgs(rawArgs);
    const interactive = args.contactId === undefined;
    const target = interactive ? await this.prompt(args) : await this.fromArgs(args);
    if (!target) return undefined;
    return this.lookup(target);
  }

  /** The lookup itself, with a cancellable progress notification; Retry comes back here. */
  async lookup(target: Target): Promise<DescribeResult | undefined> {
    if (!target.region) {
      this.services.showError({ kind: 'InvalidRegion', message: (await this.accounts.regionFor(target.profile)).regionProblem ?? 'No AWS region is set.', profile: target.profile });
      return undefined;
    }
    const ref: ContactRef = { ...target };
    // Already open: it is on screen at once, and refreshed there (its banner says if that fails).
    const open = this.services.revealOpenPanel(ref);
    if (open) {
      const contact = await open;
      if (!contact) return undefined;
      await this.services.history.add({ ...ref, lookedUpAt: new Date().toISOString(), ...historyFields(contact) });
      return { ref, contact };
    }
    // With no preview panel to reuse, a new panel opens now and loads its page while the call is
    // made: the two overlap instead of adding up. It closes again if the lookup fails.
    const early = this.services.openLoadingPanel(ref);
    try {
      const contact = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Amazon Connect: describing contact ${shortId(ref.contactId)}`, cancellable: true },
        (_progress, token) => {
          const abort = new AbortController();
          const cancel = token.onCancellationRequested(() => abort.abort());
          return this.services.contacts.get(ref, { force: true, signal: abort.signal }).finally(() => cancel.dispose());
        },
      );
      await this.services.history.add({ ...ref, lookedUpAt: new Date().toISOString(), ...historyFields(contact) });
      // A loading panel the person closed meanwhile stays closed.
      if (!early?.closed) await this.services.openContactPanel(ref);
      return { ref, contact };
    } catch (error) {
      early?.close();
      this.services.showError(error, () => this.lookup(target));
      return undefined;
    }
  }

  /**
   * A `vscode://` link: it may name the contact and its region, but the profile stays the
   * person's choice. A link naming another profile (which may run a credential_process or start
   * a sign-in) is asked about in a modal that names the profile, region, instance and contact.
   */
  async runFromLink(args: DescribeArgs): Promise<DescribeResult | undefined> {
    const active = this.accounts.profileName();
    const question = linkProfileQuestion(args, active);
    let profile = active;
    if (question) {
      const choice = await this.confirm(question);
      if (choice === undefined) return undefined;
      profile = choice === question.useLinkProfile ? args.profile! : active;
    }
    return this.run({ ...args, profile });
  }

  private async account(args: DescribeArgs): Promise<AccountTarget> {
    const profile = args.profile ?? this.accounts.profileName();
    return { profile, region: (await this.accounts.regionFor(profile, args.region ?? (this.services.config().region || undefined))).region };
  }

  private async fromArgs(args: DescribeArgs): Promise<Target | undefined> {
    const account = await this.account(args);
    const contact = parseContactInput(args.contactId ?? '');
    if (isInputError(contact)) return this.invalid(contact.message);
    if (contact.instanceId) {
      return { profile: account.profile, region: contact.arn?.region ?? account.region, instanceId: contact.instanceId, contactId: contact.contactId };
    }
    if (args.instanceId === undefined) return this.invalid('An instance ID is needed with a contact ID (or pass a contact ARN).');
    const instance = parseInstanceInput(args.instanceId);
    if (isInputError(instance)) return this.invalid(instance.message);
    return { profile: account.profile, region: instance.arn?.region ?? account.region, instanceId: instance.instanceId, contactId: contact.contactId };
  }

  private invalid(message: string): undefined {
    this.services.showError({ kind: 'InvalidInput', message });
    return undefined;
  }

  private async prompt(args: DescribeArgs): Promise<Target | undefined> {
    const account = await this.account(args);
    let instanceId: string;
    let region = account.region;
    if (args.instanceId) {
      const parsed = parseInstanceInput(args.instanceId);
      if (isInputError(parsed)) return this.invalid(parsed.message);
      instanceId = parsed.instanceId;
      region = parsed.arn?.region ?? region;
    } else {
      const picked = await this.pickInstance(account);
      if (!picked) return undefined;
      if ('contactId' in picked) return { profile: account.profile, ...picked };
      instanceId = picked.instanceId;
      region = picked.region ?? region;
    }
    const typed = await vscode.window.showInputBox({
      title: 'Amazon Connect: Describe Contact',
      prompt: `Contact ID in instance ${instanceId} (${region || 'no region'}), or a contact ARN`,
      placeHolder: 'e.g. 8f1e2d3c-4b5a-4978-8d6c-5e4f3a2b1c0d',
      ignoreFocusOut: true,
      validateInput: (text) => {
        const error = validateContactIdLive(text);
        if (error) return { message: error, severity: vscode.InputBoxValidationSeverity.Error };
        const parsed = parseContactInput(text);
        return parsed.ok && parsed.warning ? { message: parsed.warning, severity: vscode.InputBoxValidationSeverity.Warning } : undefined;
      },
    });
    if (typed === undefined || typed.trim() === '') return undefined;
    const contact = parseContactInput(typed);
    if (isInputError(contact)) return this.invalid(contact.message);
    return {
      profile: account.profile,
      region: contact.arn?.region ?? region,
      instanceId: contact.instanceId ?? instanceId,
      contactId: contact.contactId,
    };
  }

  /** Recent instances and ListInstances, plus free entry of an ID, an instance ARN or a contact ARN. */
  private pickInstance(
    account: AccountTarget,
  ): Promise<{ instanceId: string; region?: string } | { instanceId: string; region: string; contactId: string } | undefined> {
    type Item = vscode.QuickPickItem & { instanceId?: string; typed?: string };
    const quickPick = vscode.window.createQuickPick<Item>();
    quickPick.title = `Amazon Connect: Describe Contact (${account.profile} · ${account.region || 'no region'})`;
    quickPick.placeholder = 'Pick an instance, or type an instance ID or ARN, or paste a contact ARN';
    quickPick.ignoreFocusOut = true;
    quickPick.matchOnDescription = true;
    const recent: Item[] = [];
    const seen = new Set<string>();
    for (const e of this.services.history.entries({ profile: account.profile, region: account.region })) {
      if (seen.has(e.instanceId)) continue;
      seen.add(e.instanceId);
      recent.push({ label: `$(history) ${e.instanceId}`, description: 'recent', instanceId: e.instanceId });
    }
    let listed: Item[] = [];
    let typedItem: Item[] = [];
    const render = () => {
      const sections: Item[] = [...typedItem];
      if (recent.length) sections.push({ label: 'Recent', kind: vscode.QuickPickItemKind.Separator }, ...recent);
      const fresh = listed.filter((i) => !seen.has(i.instanceId ?? ''));
      if (fresh.length || listed.length) sections.push({ label: 'Instances', kind: vscode.QuickPickItemKind.Separator }, ...fresh);
      quickPick.items = sections;
    };
    const abort = new AbortController();
    if (account.region) {
      quickPick.busy = true;
      this.services
        .connect()
        .listInstances(account, abort.signal)
        .then((instances: InstanceSummary[]) => {
          listed = instances.map((i) => ({ label: i.alias ?? i.id, description: i.id, detail: i.status ? `status ${i.status}` : undefined, instanceId: i.id }));
          for (const item of recent) {
            const match = instances.find((i) => i.id === item.instanceId);
            if (match?.alias) {
              item.label = `$(history) ${match.alias}`;
              item.description = `${match.id} · recent`;
            }
          }
        })
        .catch((error: unknown) => {
          if (abort.signal.aborted) return;
          const info = this.services.describeError(error);
          listed = [];
          typedItem = typedItem.length ? typedItem : [];
          quickPick.placeholder = `Could not list instances: ${info.message} — type an instance ID or ARN`;
        })
        .finally(() => {
          quickPick.busy = false;
          render();
        });
    }
    quickPick.onDidChangeValue((value) => {
      const text = value.trim();
      if (!text) {
        typedItem = [];
      } else if (/:contact\//.test(text) || /\/contact\//.test(text)) {
        const parsed = parseContactInput(text);
        typedItem = [parsed.ok
          ? { label: `$(arrow-right) ${parsed.contactId}`, description: `contact ARN: instance ${parsed.instanceId}, ${parsed.arn?.region}`, typed: text, alwaysShow: true }
          : { label: `$(error) ${text}`, detail: parsed.message, typed: text, alwaysShow: true }];
      } else {
        const parsed = parseInstanceInput(text);
        typedItem = [parsed.ok
          ? { label: `$(edit) ${parsed.instanceId}`, description: parsed.arn ? `instance ARN, ${parsed.arn.region}` : 'use this instance ID', detail: parsed.warning, typed: text, alwaysShow: true }
          : { label: `$(error) ${text}`, detail: parsed.message, typed: text, alwaysShow: true }];
      }
      render();
    });
    render();
    return new Promise((resolve) => {
      quickPick.onDidAccept(() => {
        const item = quickPick.selectedItems[0] ?? typedItem[0];
        if (!item) return;
        if (item.instanceId) {
          resolve({ instanceId: item.instanceId });
        } else if (item.typed !== undefined) {
          const contact = /contact\//.test(item.typed) ? parseContactInput(item.typed) : undefined;
          if (contact?.ok && contact.instanceId) {
            resolve({ instanceId: contact.instanceId, region: contact.arn?.region ?? account.region, contactId: contact.contactId });
          } else {
            const parsed = parseInstanceInput(item.typed);
            if (!parsed.ok) return; // the item already shows why; keep the picker open
            resolve({ instanceId: parsed.instanceId, region: parsed.arn?.region });
          }
        } else {
          return;
        }
        quickPick.hide();
      });
      quickPick.onDidHide(() => {
        abort.abort();
        quickPick.dispose();
        resolve(undefined);
      });
      quickPick.show();
    });
  }
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** What the explorer's Recent lookups show without fetching the contact again. */
export function historyFields(doc: ContactDocument): { channel?: string; initiationTimestamp?: string; queue?: string; agent?: string; disconnectReason?: string } {
  const c = doc.Contact as Record<string, unknown>;
  const queue = c.QueueInfo as Record<string, unknown> | undefined;
  const agent = c.AgentInfo as Record<string, unknown> | undefined;
  return {
    channel: text(c.Channel),
    initiationTimestamp: text(c.InitiationTimestamp),
    queue: text(queue?.Name) ?? text(queue?.Id),
    agent: text(agent?.Id),
    disconnectReason: text(c.DisconnectReason),
  };
}
