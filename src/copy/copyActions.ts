// Copy fields into the editor: what lands on the clipboard or in the editor is exactly the value.
import * as vscode from 'vscode';
import type { ContactRef } from '../aws/types';
import type { ContactDocument } from '../contact/contactDocument';
import { buildCliCommand, copyJsonText, copyValueText, pathValueLines } from '../contact/copyText';
import { formatCliJson } from '../contact/contactDocument';
import type { PathSegment } from '../contact/fieldNode';
import { toJmesPath, valueAt } from '../contact/paths';
import type { RowAction } from '../protocol/messages';

export type DocumentFormat = 'json' | 'yaml';

/** Remembers the last text editor, since a focused webview or tree leaves `activeTextEditor` empty. */
export class EditorTracker implements vscode.Disposable {
  private last: vscode.TextEditor | undefined = vscode.window.activeTextEditor;
  private readonly subscription = vscode.window.onDidChangeActiveTextEditor((e) => {
    if (e) this.last = e;
  });

  lastEditor(): vscode.TextEditor | undefined {
    const editor = vscode.window.activeTextEditor ?? this.last;
    if (!editor || editor.document.isClosed) return undefined;
    // The editor object may be stale after its tab moved: prefer a visible one for the same document.
    return vscode.window.visibleTextEditors.find((e) => e.document === editor.document) ?? editor;
  }

  dispose(): void {
    this.subscription.dispose();
  }
}

export function fieldText(action: Exclude<RowAction, 'copyCli'>, doc: ContactDocument, path: PathSegment[]): string {
  const value = valueAt(doc, path);
  switch (action) {
    case 'copyValue':
    case 'insert':
      return copyValueText(value);
    case 'copyPath':
      return toJmesPath(path);
    case 'copyJson':
      return copyJsonText(path.length ? path[path.length - 1] : 'Contact', value);
  }
}

/** The `aws connect describe-contact` command for the contact (and `--query` for one field). */
export function cliCommandText(ref: ContactRef, path?: PathSegment[], endpointUrl?: string): string {
  return buildCliCommand({ ...ref, endpointUrl }, path && path.length > 0 ? toJmesPath(path) : undefined);
}

export function multiFieldText(doc: ContactDocument, paths: PathSegment[][]): string {
  return pathValueLines(paths.map((path) => ({ path, value: valueAt(doc, path) })));
}

/** Inserts at every cursor of the last text editor, replacing selections; else into a new untitled document. */
export async function insertIntoEditor(text: string, editors: EditorTracker): Promise<vscode.TextEditor> {
  const editor = editors.lastEditor();
  if (editor) {
    const target = await vscode.window.showTextDocument(editor.document, editor.viewColumn, false);
    const selections = editor.selections.length ? editor.selections : target.selections;
    const ok = await target.edit((b) => {
      for (const s of selections) b.replace(s, text);
    });
    if (!ok) throw new Error('The editor refused the edit (is it read-only?).');
    return target;
  }
  const document = await vscode.workspace.openTextDocument({ language: /^\s*[[{]/.test(text) ? 'json' : 'plaintext', content: text });
  return vscode.window.showTextDocument(document);
}

export function contactAsText(doc: ContactDocument, format: DocumentFormat): string {
  if (format === 'json') return formatCliJson(doc);
  // dist/yaml.js: the YAML library loads only when asked for (build.mjs keeps it a file of its own).
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberate lazy load
  const { toCliYaml } = require('../contact/yamlChunk') as typeof import('../contact/yamlChunk');
  return toCliYaml(doc);
}
