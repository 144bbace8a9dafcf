// Compare Contacts: two contacts side by side in VS Code's diff editor, as the AWS CLI prints them,
// or without the values that always differ (IDs, ARNs, timestamps) to see what really does. The
// sides are the read-only, in-memory `connect-contact:` documents of Open as JSON: no temp files.
// From the palette (pick both), a panel (Compare with…: the panel's contact first), the explorer
// (two selected contacts, or one and pick the other) and the editor title of a comparison (the toggle).
import * as vscode from 'vscode';
import type { AccountTarget, ContactRef } from '../aws/types';
import type { CommandTable } from '../commands';
import { contactKey } from '../contact/contactIdentity';
import type { ContactDocument } from '../contact/contactDocument';
import { contactPanelTitle, type PanelTitleContext } from '../contact/panelTitle';
import { typedContactRef } from '../contact/typedContact';
import { parseContactDocumentUri, type ContactDocumentProvider, type ContactDocumentTarget, type DocumentForm } from '../copy/contactDocuments';
import { targetsOf } from '../copy/copyCommands';
import type { ContactDocumentCache } from '../describe/contactDocumentCache';
import type { HistoryStore } from '../history/historyStore';
import { describeError, type ShowError } from '../notify/errorNotifications';
import type { ContactPanels } from '../panel/contactPanels';
import { sampleProfile } from '../protocol/messages';
import { pickContact, recentPickable, type PickableContact } from './comparePick';

export interface CompareDeps {
  /** Both contacts are fetched through it (and so the request scheduler). */
  contacts: ContactDocumentCache;
  /** The diff's two sides. */
  documents: ContactDocumentProvider;
  /** Open panels are offered first; a panel's contact is used as shown (the offline sample too). */
  panels: ContactPanels;
  history: HistoryStore;
  /** The active profile and region, which a typed ID or ARN is looked up with. */
  account: () => Promise<AccountTarget>;
  /** The panels' title context, so a side is named as its panel is. */
  titleContext: (ref: ContactRef) => PanelTitleContext;
  showError: ShowError;
}

/** `full` or `reduced` while a comparison is the active editor, else empty: the toggle's menus. */
export const compareFormContextKey = 'connectContacts.compareForm';

export interface Comparison {
  original: vscode.Uri;
  modified: vscode.Uri;
  title: string;
}

/** A comparison as its diff tab holds it. */
interface OpenComparison {
  tab: vscode.Tab;
  original: ContactDocumentTarget;
  modified: ContactDocumentTarget;
}

function activeComparison(): OpenComparison | undefined {
  const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
  const input = tab?.input;
  if (!tab || !(input instanceof vscode.TabInputTextDiff)) return undefined;
  const original = parseContactDocumentUri(input.original);
  const modified = parseContactDocumentUri(input.modified);
  return original && modified ? { tab, original, modified } : undefined;
}

/** `{ contacts: [a, b] }`, each a ContactRef or a contact ID or ARN: Compare Contacts with arguments. */
function compareArgs(arg: unknown): [ContactRef | string, ContactRef | string] | undefined {
  const contacts = typeof arg === 'object' && arg !== null ? (arg as { contacts?: unknown }).contacts : undefined;
  if (!Array.isArray(contacts) || contacts.length !== 2) return undefined;
  const usable = (c: unknown) => typeof c === 'string' || targetsOf({ ref: c }, undefined).length === 1;
  return contacts.every(usable) ? [contacts[0] as ContactRef | string, contacts[1] as ContactRef | string] : undefined;
}

export class CompareContacts implements vscode.Disposable {
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly deps: CompareDeps) {
    const update = () => void vscode.commands.executeCommand('setContext', compareFormContextKey, activeComparison()?.modified.form ?? '');
    this.subscriptions = [vscode.window.tabGroups.onDidChangeTabs(update), vscode.window.tabGroups.onDidChangeTabGroups(update)];
    update();
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }

  commands(): CommandTable {
    return {
      'connectContacts.compareContacts': (node?: unknown, selected?: unknown) => this.fromCommand(node, selected),
      'connectContacts.compareWith': () => this.compareWithPanel(),
      'connectContacts.compareLeaveOutAlwaysDiffering': () => this.reopen('reduced'),
      'connectContacts.compareShowAllFields': () => this.reopen('full'),
    };
  }

  /** Opens the diff of the two contacts, fetching what no panel shows; undefined when a fetch failed (and said why). */
  async compare(first: ContactRef, second: ContactRef, form: DocumentForm = 'full', viewColumn?: vscode.ViewColumn): Promise<Comparison | undefined> {
    const refs = [first, second];
    const fetched = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Amazon Connect: fetching the contacts to compare') },
      () => Promise.allSettled(refs.map((ref) => this.contact(ref))),
    );
    const docs: ContactDocument[] = [];
    fetched.forEach((result, i) => {
      if (result.status === 'fulfilled') docs.push(result.value);
      else this.deps.showError(this.namedError(refs[i], result.reason), () => this.compare(first, second, form, viewColumn));
    });
    if (docs.length !== 2) return undefined;
    const [a, b] = docs;
    const original = this.deps.documents.hold(first, a, 'json', form);
    const modified = this.deps.documents.hold(second, b, 'json', form);
    const sides = [contactPanelTitle(first, a, this.deps.titleContext(first)), contactPanelTitle(second, b, this.deps.titleContext(second))];
    const title = form === 'reduced' ? vscode.l10n.t('{0} ↔ {1} (IDs and times left out)', ...sides) : vscode.l10n.t('{0} ↔ {1}', ...sides);
    await vscode.commands.executeCommand('vscode.diff', original, modified, title, { preview: false, viewColumn });
    return { original, modified, title };
  }

  private contact(ref: ContactRef): Promise<ContactDocument> {
    const shown = this.deps.panels.find(ref)?.doc;
    return shown ? Promise.resolve(shown) : this.deps.contacts.get(ref);
  }

  /** The failure, naming the contact when the service's message does not. */
  private namedError(ref: ContactRef, error: unknown) {
    const info = describeError(error);
    if (info.kind === 'Cancelled' || info.message.includes(ref.contactId)) return info;
    return { ...info, message: vscode.l10n.t('Contact {0} could not be fetched to compare: {1}', ref.contactId, info.message) };
  }

  private async fromCommand(node: unknown, selected: unknown): Promise<Comparison | undefined> {
    const args = compareArgs(node);
    if (args) return this.compareTyped(args);
    const refs = targetsOf(node, selected).map((t) => t.ref).filter((r, i, all) => all.findIndex((o) => contactKey(o) === contactKey(r)) === i);
    if (refs.length > 2) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Select two contacts to compare ({0} are selected).', refs.length));
      return undefined;
    }
    if (refs.length === 2) return this.compare(refs[0], refs[1]);
    return this.pickAndCompare(refs[0]);
  }

  /** "Compare with…" on a panel: its contact first, then the other is picked. */
  private compareWithPanel(): Promise<Comparison | undefined> {
    return this.pickAndCompare(this.deps.panels.active()?.ref);
  }

  private async pickAndCompare(first: ContactRef | undefined): Promise<Comparison | undefined> {
    const chosen = first ?? (await this.pick(1));
    if (!chosen) return undefined;
    const second = await this.pick(2, chosen);
    return second ? this.compare(chosen, second) : undefined;
  }

  private async pick(step: 1 | 2, first?: ContactRef): Promise<ContactRef | undefined> {
    const base = await this.typedBase(first);
    const panels: PickableContact[] = this.deps.panels.all().map((p) => ({ ref: p.ref, label: this.label(p.ref), description: p.ref.contactId }));
    const title = first ? vscode.l10n.t('Compare {0} with…', this.label(first)) : vscode.l10n.t('Compare Contacts: the first contact');
    return pickContact({ title, step, panels, recent: this.deps.history.entries().map(recentPickable), exclude: first, base });
  }

  private label(ref: ContactRef): string {
    return contactPanelTitle(ref, this.deps.panels.find(ref)?.doc ?? this.deps.contacts.peek(ref), this.deps.titleContext(ref));
  }

  /** Where a typed bare ID is looked up: the other contact's instance, else the latest lookup's in the active account. */
  private async typedBase(other?: ContactRef): Promise<AccountTarget & { instanceId?: string }> {
    if (other && other.profile !== sampleProfile) return other;
    const account = await this.deps.account();
    const latest = this.deps.history.entries({ profile: account.profile, region: account.region })[0];
    return { ...account, instanceId: latest?.instanceId };
  }

  private async compareTyped(args: [ContactRef | string, ContactRef | string]): Promise<Comparison | undefined> {
    const refs: ContactRef[] = [];
    for (const arg of args) {
      if (typeof arg !== 'string') {
        refs.push(arg);
        continue;
      }
      const typed = typedContactRef(arg, await this.typedBase(refs[0] ?? (typeof args[1] === 'string' ? undefined : args[1])));
      if (!typed.ok) {
        this.deps.showError({ kind: 'InvalidInput', message: vscode.l10n.t('Compare Contacts: {0}', typed.message) });
        return undefined;
      }
      refs.push(typed.ref);
    }
    return this.compare(refs[0], refs[1]);
  }

  /** The toggle: the comparison in front, again in the other form, in place of this one. */
  private async reopen(form: DocumentForm): Promise<Comparison | undefined> {
    const open = activeComparison();
    if (!open) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a comparison first (Amazon Connect: Compare Contacts).'));
      return undefined;
    }
    if (open.modified.form === form) return undefined;
    const comparison = await this.compare(open.original.ref, open.modified.ref, form, open.tab.group.viewColumn);
    // The tab object may be stale once the new one opened: close what still shows the old pair.
    const old = open.tab.input as vscode.TabInputTextDiff;
    const isOld = (t: vscode.Tab) =>
      t.input instanceof vscode.TabInputTextDiff && t.input.original.toString() === old.original.toString() && t.input.modified.toString() === old.modified.toString();
    const stale = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter(isOld);
    if (comparison && stale.length) await vscode.window.tabGroups.close(stale);
    return comparison;
  }
}
