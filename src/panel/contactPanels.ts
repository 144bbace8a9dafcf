// Keeps one panel per contact and brings panels back after a window reload.
import * as vscode from 'vscode';
import type { ContactRef } from '../aws/types';
import type { ContactDocument } from '../contact/contactDocument';
import { contactKey } from '../contactCache';
import { parsePanelState, type RowAction } from '../protocol';
import { contactPanelViewType } from '../manifestIds';
import { ContactPanel, contactPanelOptions, type ContactPanelHost } from './contactPanel';

export class ContactPanels implements vscode.WebviewPanelSerializer {
  private readonly panels = new Map<string, ContactPanel>();
  private lastActive: ContactPanel | undefined;

  constructor(private readonly host: ContactPanelHost) {}

  /** Opens the panel for a contact, or focuses it and shows the new document. */
  show(ref: ContactRef, doc: ContactDocument): ContactPanel {
    const existing = this.panels.get(contactKey(ref));
    if (existing) {
      existing.update(doc);
      existing.reveal();
      return existing;
    }
    const webviewPanel = vscode.window.createWebviewPanel(
      contactPanelViewType,
      'Contact',
      vscode.ViewColumn.Active,
      contactPanelOptions(this.host.extensionUri),
    );
    return this.track(new ContactPanel(webviewPanel, ref, doc, this.host, (p) => this.forget(p)));
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

  runOnSelection(action: RowAction): boolean {
    const panel = this.active();
    panel?.runOnSelection(action);
    return panel !== undefined;
  }

  /**
   * Restores a panel from the state its webview saved (checked: it is the webview's word). The
   * state names the contact, never holds it: the panel fetches it again, showing that it does.
   */
  async deserializeWebviewPanel(webviewPanel: vscode.WebviewPanel, raw: unknown): Promise<void> {
    const state = parsePanelState(raw);
    if (!state) {
      webviewPanel.dispose();
      return;
    }
    this.track(new ContactPanel(webviewPanel, state.ref, undefined, this.host, (p) => this.forget(p), state.timeZone));
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

  private forget(panel: ContactPanel): void {
    if (this.panels.get(panel.key) === panel) this.panels.delete(panel.key);
    if (this.lastActive === panel) this.lastActive = undefined;
  }
}
