// Copy Value / Path / JSON, Insert into Editor, Copy as AWS CLI Command, Copy Contact ID / ARN,
// Open as JSON/YAML: from the panel's selected row, the explorer's context menu (one node or
// several), or the palette.
import * as vscode from 'vscode';
import type { ContactRef } from '../aws/types';
import type { CommandTable } from '../commands';
import type { ContactDocument } from '../contact/contactDocument';
import { selectedFieldsJson, type SelectedField } from '../contact/copyText';
import type { PathSegment } from '../contact/fieldNode';
import { toJmesPath, valueAt } from '../contact/paths';
import type { ContactDocumentProvider } from './contactDocuments';
import { cliCommandText, EditorTracker, fieldText, insertIntoEditor, multiFieldText, type DocumentFormat } from './copyActions';
import { contactKey } from '../contact/contactIdentity';
import type { ContactDocumentCache } from '../describe/contactDocumentCache';
import { contactsViewId } from '../manifestIds';
import type { ShowError } from '../notify/errorNotifications';
import type { ContactPanels } from '../panel/contactPanels';
import type { RowAction } from '../protocol/messages';

/** What the copy commands use. */
export interface CopyDeps {
  /** The contact of an explorer node (fetched once, shared with the panel and the explorer). */
  contacts: ContactDocumentCache;
  /** The panel in front: its selected row, its contact. */
  panels: ContactPanels;
  /** The explorer's selected rows, for keybindings (VS Code passes no node to them). */
  explorerSelection: () => NodeTarget[];
  /** Open as JSON / YAML: read-only documents held in memory. */
  documents: ContactDocumentProvider;
  /** The connectContacts.endpointUrl setting, which Copy as AWS CLI Command passes on. */
  endpointUrl: () => string | undefined;
  showError: ShowError;
}

/** An explorer node as the copy commands see it: a contact (no path) or one of its fields. */
export interface NodeTarget {
  ref: ContactRef;
  path?: PathSegment[];
}

function isNodeTarget(value: unknown): value is NodeTarget {
  if (typeof value !== 'object' || value === null) return false;
  const ref = (value as { ref?: Partial<ContactRef> }).ref;
  const p = (value as { path?: unknown }).path;
  return (
    typeof ref === 'object' && ref !== null &&
    typeof ref.instanceId === 'string' && typeof ref.contactId === 'string' &&
    typeof ref.profile === 'string' && typeof ref.region === 'string' &&
    (p === undefined || Array.isArray(p))
  );
}

/** VS Code passes (clicked node, all selected nodes) from a multi-select tree's context menu. */
export function targetsOf(node: unknown, selected: unknown): NodeTarget[] {
  const many = Array.isArray(selected) ? selected.filter(isNodeTarget) : [];
  if (many.length > 1) return many;
  return isNodeTarget(node) ? [node] : [];
}

/** VS Code's webview context menu passes the row's `data-vscode-context`: `{webviewSection: 'field', path}`. */
function webviewContextPath(arg: unknown): PathSegment[] | undefined {
  if (typeof arg !== 'object' || arg === null) return undefined;
  const a = arg as { webviewSection?: unknown; path?: unknown };
  if (a.webviewSection !== 'field' || !Array.isArray(a.path)) return undefined;
  const path = a.path as unknown[];
  return path.every((s) => typeof s === 'string' || (typeof s === 'number' && Number.isInteger(s) && s >= 0)) ? (path as PathSegment[]) : undefined;
}

/**
 * The explorer's copy keybindings pass `{ $treeViewId, $focusedTreeItem: true }`, the argument
 * VS Code itself gives a tree view's title actions: the extension host turns it into the focused
 * row (null when none), as the API offers no other way to know the focused row. `row` is
 * undefined when this VS Code passed the marker through unconverted.
 */
function explorerKeyArgument(node: unknown, selected: unknown): { row: unknown } | undefined {
  if (selected !== undefined) return undefined; // a context menu: (clicked node, selected nodes)
  if (node === null) return { row: null };
  if (typeof node !== 'object') return undefined;
  const n = node as { $treeViewId?: unknown; kind?: unknown; id?: unknown };
  if (n.$treeViewId === contactsViewId) return { row: undefined };
  // An explorer node (VS Code converted the marker): it has a kind and an id; a copy target from the API does not.
  return typeof n.kind === 'string' && typeof n.id === 'string' ? { row: node } : undefined;
}

const describeAction = (action: RowAction): string => {
  switch (action) {
    case 'copyValue':
      return vscode.l10n.t('Copied the value');
    case 'copyPath':
      return vscode.l10n.t('Copied the path');
    case 'copyJson':
      return vscode.l10n.t('Copied as JSON');
    case 'insert':
      return vscode.l10n.t('Inserted');
    case 'copyCli':
      return vscode.l10n.t('Copied the AWS CLI command');
  }
};

export class CopyCommands implements vscode.Disposable {
  private readonly editors = new EditorTracker();

  constructor(private readonly deps: CopyDeps) {}

  dispose(): void {
    this.editors.dispose();
  }

  /** A row action from a panel's webview, on one field of the panel's contact. Returns the text. */
  async rowAction(action: RowAction, ref: ContactRef, doc: ContactDocument, path: PathSegment[]): Promise<string> {
    const text = action === 'copyCli' ? cliCommandText(ref, path, this.deps.endpointUrl()) : fieldText(action, doc, path);
    if (action === 'insert') {
      await insertIntoEditor(text, this.editors);
    } else {
      await vscode.env.clipboard.writeText(text);
      const message =
        action === 'copyCli'
          ? vscode.l10n.t('$(check) {0}', describeAction(action))
          : vscode.l10n.t('$(check) {0} of {1}', describeAction(action), path.length ? toJmesPath(path) : vscode.l10n.t('the contact'));
      vscode.window.setStatusBarMessage(message, 3000);
    }
    return text;
  }

  /** A value the panel shows outside the tree (an ID beside its name, an attribute): copied as is, and said so. */
  async copyShown(text: string, what: string): Promise<void> {
    await vscode.env.clipboard.writeText(text);
    vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) Copied the {0}', what), 3000);
  }

  openDocument(ref: ContactRef, doc: ContactDocument, format: DocumentFormat): Promise<vscode.TextEditor> {
    return this.deps.documents.open(ref, doc, format);
  }

  commands(): CommandTable {
    const row = (action: RowAction) => (node?: unknown, selected?: unknown) => this.fromCommand(action, node, selected);
    return {
      'connectContacts.copyValue': row('copyValue'),
      'connectContacts.copyPath': row('copyPath'),
      'connectContacts.copyJson': row('copyJson'),
      'connectContacts.insertIntoEditor': row('insert'),
      'connectContacts.copyCliCommand': row('copyCli'),
      'connectContacts.openAsJson': (node?: unknown) => this.openFor(node, 'json'),
      'connectContacts.openAsYaml': (node?: unknown) => this.openFor(node, 'yaml'),
      'connectContacts.copyContactId': (node?: unknown, selected?: unknown) => this.copyContactIds(node, selected, 'id'),
      'connectContacts.copyContactArn': (node?: unknown, selected?: unknown) => this.copyContactIds(node, selected, 'arn'),
    };
  }

  /**
   * The contact ID or ARN of the clicked contact (or of each selected one, one per line); from
   * the palette, of the panel in front. The ARN is the one DescribeContact returns.
   */
  private async copyContactIds(node: unknown, selected: unknown, what: 'id' | 'arn'): Promise<string | undefined> {
    let refs = targetsOf(node, selected).map((t) => t.ref);
    if (refs.length === 0) {
      const panel = this.deps.panels.active();
      if (panel) refs = [panel.ref];
      else refs = this.deps.explorerSelection().map((t) => t.ref);
    }
    const unique = refs.filter((r, i) => refs.findIndex((o) => contactKey(o) === contactKey(r)) === i);
    if (unique.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Select a contact in the Amazon Connect explorer or open one first.'));
      return undefined;
    }
    try {
      const lines: string[] = [];
      for (const ref of unique) {
        if (what === 'id') {
          lines.push(ref.contactId);
          continue;
        }
        const doc = this.deps.panels.find(ref)?.doc ?? (await this.deps.contacts.get(ref));
        const arn = doc.Contact.Arn;
        if (typeof arn !== 'string' || arn === '') throw new Error(`DescribeContact returned no ARN for contact ${ref.contactId}.`);
        lines.push(arn);
      }
      const text = lines.join('\n');
      await vscode.env.clipboard.writeText(text);
      const label = what === 'id' ? 'ID' : 'ARN';
      vscode.window.setStatusBarMessage(`$(check) Copied the contact ${label}${unique.length > 1 ? `s of ${unique.length} contacts` : ''}`, 3000);
      return text;
    } catch (error) {
      this.deps.showError(error);
      return undefined;
    }
  }

  private async fromCommand(action: RowAction, node: unknown, selected: unknown): Promise<string | undefined> {
    const webviewPath = webviewContextPath(node);
    const panel = webviewPath ? this.deps.panels.active() : undefined;
    // Rows (and so row paths) exist only once a panel has its contact.
    if (panel?.doc && webviewPath) return this.rowAction(action, panel.ref, panel.doc, webviewPath);
    const focused = explorerKeyArgument(node, selected);
    const source = focused ? 'explorer' : (node as { source?: unknown } | undefined)?.source;
    let targets = focused ? this.focusedTargets(focused.row) : targetsOf(node, selected);
    // Keybindings say where they fired; the palette says nothing: the panel in front, else the explorer.
    if (targets.length === 0 && (source === 'explorer' || (source === undefined && !this.deps.panels.active()?.webviewPanel.active))) {
      targets = this.deps.explorerSelection();
    }
    if (targets.length === 0) {
      if (source === 'explorer' || !this.deps.panels.runOnSelection(action)) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Select a field in a contact panel or in the Amazon Connect explorer first.'));
      }
      return undefined;
    }
    try {
      if (targets.length > 1) return await this.copyMany(action, targets);
      const target = targets[0];
      if (action === 'copyCli') return await this.rowAction('copyCli', target.ref, { Contact: {} }, target.path ?? []);
      const doc = await this.deps.contacts.get(target.ref);
      return await this.rowAction(action, target.ref, doc, target.path ?? ['Contact']);
    } catch (error) {
      this.deps.showError(error);
      return undefined;
    }
  }

  /**
   * Ctrl+C in the explorer: the focused row, which the arrow keys move without selecting; the
   * whole selection when the focused row is one of several selected rows.
   */
  private focusedTargets(row: unknown): NodeTarget[] {
    const selection = this.deps.explorerSelection();
    if (row === undefined) return selection; // VS Code did not say which row has the focus
    if (!isNodeTarget(row)) return [];
    const same = (t: NodeTarget) => contactKey(t.ref) === contactKey(row.ref) && JSON.stringify(t.path ?? []) === JSON.stringify(row.path ?? []);
    return selection.length > 1 && selection.some(same) ? selection : [row];
  }

  /**
   * Several fields of one or more contacts: `path: value` lines (values, insert), one path per
   * line, one JSON object keyed by path (by contact ID, then path, across contacts), or one CLI
   * command per line.
   */
  private async copyMany(action: RowAction, targets: NodeTarget[]): Promise<string> {
    const endpointUrl = this.deps.endpointUrl();
    const lines: string[] = [];
    const fields: SelectedField[] = [];
    for (const t of targets) {
      const fieldPath = t.path ?? ['Contact'];
      if (action === 'copyCli') {
        lines.push(cliCommandText(t.ref, t.path, endpointUrl));
        continue;
      }
      if (action === 'copyPath') {
        lines.push(toJmesPath(fieldPath));
        continue;
      }
      const doc = await this.deps.contacts.get(t.ref);
      if (action === 'copyJson') fields.push({ contactId: t.ref.contactId, path: fieldPath, value: valueAt(doc, fieldPath) });
      else lines.push(multiFieldText(doc, [fieldPath]));
    }
    const text = action === 'copyJson' ? selectedFieldsJson(fields) : lines.join('\n');
    if (action === 'insert') await insertIntoEditor(text, this.editors);
    else await vscode.env.clipboard.writeText(text);
    vscode.window.setStatusBarMessage(vscode.l10n.t('$(check) {0}: {1} fields', describeAction(action), targets.length), 3000);
    return text;
  }

  private async openFor(node: unknown, format: DocumentFormat): Promise<vscode.TextEditor | undefined> {
    try {
      if (isNodeTarget(node)) return await this.openDocument(node.ref, await this.deps.contacts.get(node.ref), format);
      const panel = this.deps.panels.active();
      // A restored panel may still be fetching its contact.
      if (panel) return await this.openDocument(panel.ref, panel.doc ?? (await this.deps.contacts.get(panel.ref)), format);
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a contact first (Amazon Connect: Describe Contact).'));
      return undefined;
    } catch (error) {
      this.deps.showError(error);
      return undefined;
    }
  }
}
