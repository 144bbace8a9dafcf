// Amazon Connect: Describe Contact — prompts (or arguments, or a vscode:// URI) → a ContactRef → the panel.
import * as vscode from 'vscode';
import type { AccountResolver } from '../account/accountResolver';
import { isInputError, parseContactInput, parseInstanceInput } from '../aws/ids';
import type { AccountTarget, ContactRef } from '../aws/types';
import type { ContactDocument } from '../contact/contactDocument';
import { shortId } from '../contact/contactSummary';
import type { HistoryStore } from '../history/historyStore';
import type { ShowError } from '../notify/errorNotifications';
import { openContactPanel, type ContactPanels } from '../panel/contactPanels';
import type { ContactDocumentCache } from './contactDocumentCache';
import { DescribePrompts } from './describePrompts';
import type { InstanceDirectory } from './instanceDirectory';
import { linkProfileQuestion, type LinkArgs, type LinkProfileQuestion } from './linkProfile';

/** What Describe Contact uses; its prompts (describePrompts.ts) are handed the same. */
export interface DescribeDeps {
  /** The profile, and its region, when the command names none. */
  accounts: AccountResolver;
  /** Fetches the contact (forced: a lookup is always fresh) and looks in each instance for a bare contact ID. */
  contacts: ContactDocumentCache;
  /** Each lookup goes to the top of Recent lookups; step 1 lists the recent instances. */
  history: HistoryStore;
  /** The instances of a profile and region (step 1) and their aliases. */
  instances: InstanceDirectory;
  /** An open contact is refreshed in its panel; another shows in the preview panel or a new one. */
  panels: ContactPanels;
  showError: ShowError;
  /** The connectContacts.region setting ('' when unset). */
  regionSetting: () => string;
  /** Asks about a link that names another profile; a modal unless given. */
  confirmLinkProfile?: ConfirmLinkProfile;
}

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

/**
 * The profile a link, or a `connect-contact:` document's address, may use: the active one, or the
 * one it names once the person says so in the modal; undefined when they dismiss the modal.
 */
export async function profileForLink(args: LinkArgs, activeProfile: string, confirm: ConfirmLinkProfile = confirmInModal): Promise<string | undefined> {
  const question = linkProfileQuestion(args, activeProfile);
  if (!question) return activeProfile;
  const choice = await confirm(question);
  if (choice === undefined) return undefined;
  return choice === question.useLinkProfile ? (args.profile ?? activeProfile) : activeProfile;
}

export class DescribeContactFlow {
  constructor(private readonly deps: DescribeDeps) {}

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
      this.deps.showError({ kind: 'InvalidRegion', message: (await this.deps.accounts.regionFor(target.profile)).regionProblem ?? vscode.l10n.t('No AWS region is set.'), profile: target.profile });
      return undefined;
    }
    const ref: ContactRef = { ...target };
    // Already open: it is on screen at once, and refreshed there (its banner says if that fails).
    const open = this.deps.panels.revealAndRefresh(ref);
    if (open) {
      const contact = await open;
      if (!contact) return undefined;
      await this.deps.history.add({ ...ref, lookedUpAt: new Date().toISOString(), ...historyFields(contact) });
      return { ref, contact };
    }
    // With no preview panel to reuse, a new panel opens now and loads its page while the call is
    // made: the two overlap instead of adding up. It closes again if the lookup fails.
    const early = this.deps.panels.openLoading(ref);
    try {
      const contact = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Amazon Connect: describing contact {0}', shortId(ref.contactId)), cancellable: true },
        (_progress, token) => {
          const abort = new AbortController();
          const cancel = token.onCancellationRequested(() => abort.abort());
          return this.deps.contacts.get(ref, { force: true, signal: abort.signal }).finally(() => {
            cancel.dispose();
          });
        },
      );
      await this.deps.history.add({ ...ref, lookedUpAt: new Date().toISOString(), ...historyFields(contact) });
      // A loading panel the person closed meanwhile stays closed.
      if (!early?.closed) await openContactPanel(this.deps.panels, this.deps.contacts, ref);
      return { ref, contact };
    } catch (error) {
      early?.webviewPanel.dispose();
      // Not found: Edit ID, Look in other instances (and Select Region when the region is the likely cause).
      await this.prompts.failed(target, error, () => this.lookup(target));
      return undefined;
    }
  }

  /**
   * A `vscode://` link: it may name the contact and its region, but the profile stays the
   * person's choice. A link naming another profile (which may run a credential_process or start
   * a sign-in) is asked about in a modal that names the profile, region, instance and contact.
   */
  async runFromLink(args: DescribeArgs): Promise<DescribeResult | undefined> {
    const profile = await profileForLink(args, this.deps.accounts.profileName(), this.deps.confirmLinkProfile);
    if (profile === undefined) return undefined;
    return this.run({ ...args, profile });
  }

  private async account(args: DescribeArgs): Promise<AccountTarget> {
    const profile = args.profile ?? this.deps.accounts.profileName();
    return { profile, region: (await this.deps.accounts.regionFor(profile, args.region ?? (this.deps.regionSetting() || undefined))).region };
  }

  private async fromArgs(args: DescribeArgs): Promise<Target | undefined> {
    const account = await this.account(args);
    const contact = parseContactInput(args.contactId ?? '');
    if (isInputError(contact)) return this.invalid(contact.message);
    if (contact.instanceId) {
      return { profile: account.profile, region: contact.arn?.region ?? account.region, instanceId: contact.instanceId, contactId: contact.contactId };
    }
    if (args.instanceId === undefined) return this.invalid(vscode.l10n.t('An instance ID is needed with a contact ID (or pass a contact ARN).'));
    const instance = parseInstanceInput(args.instanceId);
    if (isInputError(instance)) return this.invalid(instance.message);
    return { profile: account.profile, region: instance.arn?.region ?? account.region, instanceId: instance.instanceId, contactId: contact.contactId };
  }

  private invalid(message: string): undefined {
    this.deps.showError({ kind: 'InvalidInput', message });
    return undefined;
  }

  private promptsCache?: DescribePrompts;

  /** The prompts and the fixes of a failed lookup (describePrompts.ts); made on first use. */
  private get prompts(): DescribePrompts {
    return (this.promptsCache ??= new DescribePrompts(this.deps, (target) => this.lookup(target)));
  }

  /** Steps 1 and 2, or step 2 alone when the command came with an instance (the explorer's instance). */
  private async prompt(args: DescribeArgs): Promise<Target | undefined> {
    const account = await this.account(args);
    if (!args.instanceId) return this.prompts.ask(account);
    const parsed = parseInstanceInput(args.instanceId);
    if (isInputError(parsed)) return this.invalid(parsed.message);
    const region = parsed.arn?.region ?? account.region;
    return this.prompts.ask({ ...account, region }, { instance: this.prompts.instance({ instanceId: parsed.instanceId, region }), contactOnly: true });
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
