// The contact mentions of an open text document, as the hover, the links, the context key and
// Describe Contact at Cursor read them: recognised once per document version, in the capped prefix.
import * as vscode from 'vscode';
import { readContactLinksConfig } from '../config';
import { findContactMentions, instanceHints, maxScannedChars, mentionsIn, mentionsWanted, mentionTarget, type ContactMention, type InstanceHint, type MentionTarget } from '../contact/contactMentions';

/** Files and untitled documents: not output channels, settings UIs or other extensions' virtual documents. */
export const mentionDocumentSelector: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }];

/** A selection spanning lines is read up to this much. */
const maxSelectionChars = 100_000;

interface Analysis {
  version: number;
  mentions: ContactMention[];
  hints: InstanceHint[];
}

const analyses = new WeakMap<vscode.TextDocument, Analysis>();

/** The setting is on, the document is a file or untitled, and its language is one of the chosen ones. */
export function contactLinksApply(document: vscode.TextDocument): boolean {
  return mentionsWanted(readContactLinksConfig(), { scheme: document.uri.scheme, languageId: document.languageId });
}

/** The document's mentions and instance hints (offsets in the document), recomputed when it changes. */
export function analyseDocument(document: vscode.TextDocument): Analysis {
  const cached = analyses.get(document);
  if (cached?.version === document.version) return cached;
  const text = document.getText(new vscode.Range(new vscode.Position(0, 0), document.positionAt(maxScannedChars)));
  const analysis = { version: document.version, mentions: findContactMentions(text), hints: instanceHints(text) };
  analyses.set(document, analysis);
  return analysis;
}

/** The target of a mention found at `offset` of the document (the instance from its ARN or the document). */
export function targetInDocument(document: vscode.TextDocument, mention: ContactMention, offset: number): MentionTarget {
  return mentionTarget(mention, mention.instanceId ? [] : analyseDocument(document).hints, offset);
}

/** The contacts under the primary selection or cursor, in order, each once. */
export function targetsAtSelection(editor: vscode.TextEditor): MentionTarget[] {
  const { document, selection } = editor;
  let base: number;
  let found: ContactMention[];
  if (selection.isSingleLine) {
    const line = document.lineAt(selection.start.line).text;
    base = document.offsetAt(new vscode.Position(selection.start.line, 0));
    found = mentionsIn(line, selection.start.character, selection.end.character);
  } else {
    base = document.offsetAt(selection.start);
    const text = document.getText(selection).slice(0, maxSelectionChars);
    found = mentionsIn(text, 0, text.length);
  }
  const seen = new Set<string>();
  const targets: MentionTarget[] = [];
  for (const m of found) {
    const target = targetInDocument(document, m, base + m.start);
    const key = JSON.stringify(target);
    if (seen.has(key)) continue;
    seen.add(key);
    targets.push(target);
  }
  return targets;
}
