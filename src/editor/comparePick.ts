// Compare Contacts' picker: one quick pick with the open panels and the recent lookups as
// sections, where a typed contact ID or ARN is accepted too.
import * as vscode from 'vscode';
import type { AccountTarget, ContactRef } from '../aws/types';
import { contactKey } from '../contact/contactIdentity';
import { shortId } from '../contact/contactSummary';
import { displayText } from '../contact/format';
import { typedContactRef } from '../contact/typedContact';
import type { HistoryEntry } from '../history/historyStore';

/** A contact to offer: a panel's, or a lookup's. */
export interface PickableContact {
  ref: ContactRef;
  label: string;
  description?: string;
}

export interface ComparePickOptions {
  title: string;
  step: number;
  panels: PickableContact[];
  recent: PickableContact[];
  /** Not offered (the contact already chosen). */
  exclude?: ContactRef;
  /** The profile and region (and instance) a typed ID is taken to be in. */
  base: AccountTarget & { instanceId?: string };
}

type Item = vscode.QuickPickItem & { ref?: ContactRef; problem?: string };

/** Contact data reaches labels: `$(…)` would render as an icon. */
const plain = (text: string) => displayText(text, 80).replace(/\$\(/g, '$\u200b(');

export function recentPickable(entry: HistoryEntry): PickableContact {
  const channel = entry.channel ? plain(entry.channel) : vscode.l10n.t('Contact');
  const where = [entry.queue, entry.agent].filter((s): s is string => !!s).map(plain).join(' · ');
  return { ref: entry, label: `${channel} · ${shortId(entry.contactId)}`, description: [entry.contactId, where].filter(Boolean).join('  ') };
}

/** The chosen contact; undefined when dismissed. */
export function pickContact(options: ComparePickOptions): Promise<ContactRef | undefined> {
  const quickPick = vscode.window.createQuickPick<Item>();
  quickPick.title = options.title;
  quickPick.step = options.step;
  quickPick.totalSteps = 2;
  quickPick.placeholder = vscode.l10n.t('Pick a contact, or type a contact ID or ARN');
  quickPick.matchOnDescription = true;
  quickPick.ignoreFocusOut = true;
  const excluded = options.exclude ? contactKey(options.exclude) : undefined;
  const seen = new Set<string>(excluded ? [excluded] : []);
  const section = (title: string, icon: string, contacts: PickableContact[]): Item[] => {
    const rows = contacts.filter((c) => !seen.has(contactKey(c.ref)));
    for (const c of rows) seen.add(contactKey(c.ref));
    if (rows.length === 0) return [];
    return [
      { label: title, kind: vscode.QuickPickItemKind.Separator },
      ...rows.map((c) => ({ label: plain(c.label), description: c.description, iconPath: new vscode.ThemeIcon(icon), ref: c.ref })),
    ];
  };
  const listed = [...section(vscode.l10n.t('Open panels'), 'preview', options.panels), ...section(vscode.l10n.t('Recent lookups'), 'history', options.recent)];
  const render = () => {
    const text = quickPick.value.trim();
    if (!text) {
      quickPick.items = listed;
      return;
    }
    const typed = typedContactRef(text, options.base);
    const item: Item = typed.ok
      ? { label: plain(typed.ref.contactId), description: vscode.l10n.t('contact ID or ARN'), detail: typed.warning, iconPath: new vscode.ThemeIcon('arrow-right'), ref: typed.ref, alwaysShow: true }
      : { label: plain(text), detail: typed.message, iconPath: new vscode.ThemeIcon('error'), problem: typed.message, alwaysShow: true };
    quickPick.items = [item, ...listed];
  };
  render();

  return new Promise((resolve) => {
    const disposables: vscode.Disposable[] = [
      quickPick.onDidChangeValue(render),
      quickPick.onDidAccept(() => {
        const [chosen] = quickPick.selectedItems;
        // A typed text that is no contact stays in the box, its problem shown under it.
        if (!chosen?.ref) return;
        resolve(chosen.ref);
        quickPick.hide();
      }),
      quickPick.onDidHide(() => {
        resolve(undefined);
        for (const d of disposables) d.dispose();
        quickPick.dispose();
      }),
    ];
    quickPick.show();
  });
}
