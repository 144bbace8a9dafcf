// Keeps one panel per contact and brings panels back after a window reload. Like VS Code's preview
// editor (workbench.editor.enablePreview), a lookup shows its contact in the current preview panel,
// reusing its webview so only a message crosses (a new webview costs ~1 s after the first in
// code-server); a panel the person keeps stays, and the next lookup opens a new preview beside it.
import * as vscode from 'vscode';
import type { ContactRef } from '../aws/types';
import type { ContactDocument } from '../contact/contactDocument';
import { contactKey } from '../contact/contactIdentity';
import type { ContactDocumentCache } from '../describe/contactDocumentCache';
import { parsePanelState, type ContactOrigin, type RowAction } from '../protocol/messages';
import { contactPanelViewType } from '../manifestIds';
import { ContactPanel, contactPanelOptions, type ContactPanelHost } from './contactPanel';

export class ContactPanels implements vscode.WebviewPanelSerializer {
  private readonly panels = new Map<string, ContactPanel>();
  private lastActive: ContactPanel | undefined;
  private previewPanel: ContactPanel | undefined;

  constructor(private readonly host: ContactPanelHost & { previewEnabled(): boolean }) {}

  /** Shows a contact: its own panel if open, else the preview panel, else a new panel. */
  show(ref: ContactRef, doc: ContactDocument, meta: { fetchedAt?: string; origin?: ContactOrigin } = {}): ContactPanel {
    const existing = this.panels.get(contactKey(ref));
    if (existing) {
      existing.update(doc, meta);
      existing.reveal();
      return existing;
    }
    const preview = this.previewPanel;
    if (preview && this.host.previewEnabled()) {
      this.panels.delete(preview.key);
      preview.retarget(ref, doc, meta);
      this.panels.set(preview.key, preview);
      preview.reveal();
      return preview;
    }
    return this.create(ref, doc, meta);
  }

  /**
   * Brings an open contact's panel to the front at once and fetches it again behind the scenes;
   * resolves with the fresh contact (undefined if the refresh failed: the panel shows why).
   * Undefined when no panel is open for the contact.
   */
  revealAndRefresh(ref: ContactRef): Promise<ContactDocument | undefined> | undefined {
    const panel = this.find(ref);
    if (!panel) return undefined;
    panel.reveal();
    return panel.refresh().then(() => (panel.failed ? undefined : panel.doc));
  }

  /**
   * A panel for a contact still being fetched, when showing it will need a new panel (no panel
   * for it, no preview to reuse): its page loads while the call is made. Undefined otherwise.
   */
  openLoading(ref: ContactRef): ContactPanel | undefined {
    if (this.panels.has(contactKey(ref)) || (this.previewPanel && this.host.previewEnabled())) return undefined;
    return this.create(ref, undefined);
  }

  private create(ref: ContactRef, doc: ContactDocument | undefined, meta: { fetchedAt?: string; origin?: ContactOrigin } = {}): ContactPanel {
    const webviewPanel = vscode.window.createWebviewPanel(
      contactPanelViewType,
      vscode.l10n.t('Contact'),
      vscode.ViewColumn.Active,
      // Kept alive while hidden: bringing a panel back to the front is then instant, not a reload
      // (a handful of panels at most, thanks to the preview panel).
      { ...contactPanelOptions(this.host.extensionUri), retainContextWhenHidden: true },
    );
    const panel = this.track(new ContactPanel(webviewPanel, ref, undefined, this.host, (p) => this.forget(p), undefined, { fetch: false }));
    if (doc) panel.update(doc, meta);
    if (this.host.previewEnabled()) this.makePreview(panel);
    return panel;
  }

  /** The panel the next lookup reuses, if any. */
  preview(): ContactPanel | undefined {
    return this.previewPanel;
  }

  /** Keep Open: the panel stays; the next lookup opens a new one. */
  keep(panel: ContactPanel | undefined = this.active()): void {
    panel?.setPreview(false);
  }

  find(ref: ContactRef): ContactPanel | undefined {
    return this.panels.get(contactKey(ref));
  }

  all(): ContactPanel[] {
    return [...this.panels.values()];
  }

  /** The panel the user is looking at, else the one they looked at last. */
  active(): ContactPanel | undefined {
    return this.all().find((p) => p.webviewPanel.active) ?? this.lastActive;
  }

  /** A keybinding or palette action for the panel in front: false when there is none. */
  runOnSelection(action: RowAction): boolean {
    const panel = this.active();
    panel?.runOnSelection(action).catch((error: unknown) => this.host.showError(error));
    return panel !== undefined;
  }

  /**
   * Restores a panel from the state its webview saved (checked: it is the webview's word). The
   * state names the contact, never holds it: the panel fetches it again, showing that it does.
   */
  deserializeWebviewPanel(webviewPanel: vscode.WebviewPanel, raw: unknown): Promise<void> {
    const state = parsePanelState(raw);
    if (!state) {
      webviewPanel.dispose();
      return Promise.resolve();
    }
    this.track(new ContactPanel(webviewPanel, state.ref, undefined, this.host, (p) => this.forget(p), state.timeZone));
    return Promise.resolve();
  }

  dispose(): void {
    for (const p of this.all()) p.webviewPanel.dispose();
  }

  private track(panel: ContactPanel): ContactPanel {
    this.panels.set(panel.key, panel);
    this.lastActive = panel;
    panel.webviewPanel.onDidChangeViewState((e) => {
      if (e.webviewPanel.active) this.lastActive = panel;
    });
    return panel;
  }

  private makePreview(panel: ContactPanel): void {
    this.previewPanel?.setPreview(false);
    this.previewPanel = panel;
    panel.onKept = () => {
      if (this.previewPanel === panel) this.previewPanel = undefined;
    };
    panel.setPreview(true);
  }

  private forget(panel: ContactPanel): void {
    if (this.previewPanel === panel) this.previewPanel = undefined;
    if (this.panels.get(panel.key) === panel) this.panels.delete(panel.key);
    if (this.lastActive === panel) this.lastActive = undefined;
  }
}

/** Opens (or focuses) the contact's panel. From the cache, the panel says so, with the time it was really fetched. */
export async function openContactPanel(panels: ContactPanels, contacts: ContactDocumentCache, ref: ContactRef): Promise<void> {
  const wasCached = contacts.peek(ref) !== undefined;
  const doc = await contacts.get(ref);
  panels.show(ref, doc, wasCached ? { origin: 'cache', fetchedAt: contacts.fetchedAt(doc) } : {});
}
