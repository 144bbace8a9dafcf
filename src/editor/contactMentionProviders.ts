// Hover cards and Ctrl/Cmd+click links on contact IDs in text documents, and the context key that
// puts Describe Contact at Cursor in the editor's menu. Registered at activation, idle until VS Code
// asks: recognition is pure and bounded, links need no AWS call, and the features (with the SDK)
// load only when a person hovers a recognised ID.
import * as vscode from 'vscode';
import { mentionAt, type MentionTarget } from '../contact/contactMentions';
import { shortId } from '../contact/contactSummary';
import { analyseDocument, contactLinksApply, mentionDocumentSelector, targetInDocument } from './documentMentions';

export const describeAtCursorCommand = 'connectContacts.describeContactAtCursor';
/** True while the active editor's document names a contact (the editor menu shows the command). */
export const editorHasContactIdsKey = 'connectContacts.editorHasContactIds';

export interface MentionProviderDeps {
  /** The card for a recognised contact; the features load on the first call. */
  hover(target: MentionTarget, range: vscode.Range, token: vscode.CancellationToken): Promise<vscode.Hover | undefined>;
}

/** `command:` URI that opens the contact (document links, the card's Open Contact). */
export function openContactUri(target: MentionTarget & { profile?: string }): vscode.Uri {
  return vscode.Uri.parse(`command:${describeAtCursorCommand}?${encodeURIComponent(JSON.stringify([target]))}`);
}

export function registerContactMentions(deps: MentionProviderDeps): vscode.Disposable[] {
  const hover: vscode.HoverProvider = {
    provideHover(document, position, token) {
      if (!contactLinksApply(document)) return undefined;
      const mention = mentionAt(document.lineAt(position.line).text, position.character);
      if (!mention) return undefined;
      const target = targetInDocument(document, mention, document.offsetAt(new vscode.Position(position.line, mention.start)));
      return deps.hover(target, new vscode.Range(position.line, mention.start, position.line, mention.end), token);
    },
  };
  const links: vscode.DocumentLinkProvider = {
    provideDocumentLinks(document) {
      if (!contactLinksApply(document)) return [];
      return analyseDocument(document).mentions.map((m) => {
        const link = new vscode.DocumentLink(new vscode.Range(document.positionAt(m.start), document.positionAt(m.end)), openContactUri(targetInDocument(document, m, m.start)));
        link.tooltip = vscode.l10n.t('Open contact {0} (Amazon Connect)', shortId(m.contactId));
        return link;
      });
    },
  };
  return [
    vscode.languages.registerHoverProvider(mentionDocumentSelector, hover),
    vscode.languages.registerDocumentLinkProvider(mentionDocumentSelector, links),
    trackContactIdsInEditor(),
  ];
}

/**
 * Keeps editorHasContactIdsKey for the active editor. Per document, not per cursor: a right-click
 * moves the cursor and opens the menu at once, before a cursor-based key could follow; the command
 * says so when the cursor is on no contact.
 */
function trackContactIdsInEditor(): vscode.Disposable {
  let shown: boolean | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const update = () => {
    const editor = vscode.window.activeTextEditor;
    const has = !!editor && contactLinksApply(editor.document) && analyseDocument(editor.document).mentions.length > 0;
    if (has === shown) return;
    shown = has;
    void vscode.commands.executeCommand('setContext', editorHasContactIdsKey, has);
  };
  const soon = (delayMs: number) => {
    clearTimeout(timer);
    timer = setTimeout(update, delayMs);
  };
  // Not during activation: the first look is after it, like an editor switch.
  soon(500);
  return vscode.Disposable.from(
    vscode.window.onDidChangeActiveTextEditor(() => soon(50)),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === vscode.window.activeTextEditor?.document) soon(300);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('connectContacts.contactLinks')) soon(50);
    }),
    { dispose: () => clearTimeout(timer) },
  );
}
