// Amazon Connect: Describe Contact at Cursor — the contact ID or ARN under the cursor (or in the
// selection) opens in its panel. Ctrl/Cmd+click on a link and the card's Open Contact come here too,
// with the contact they name as the argument.
import * as vscode from 'vscode';
import type { ContactRef } from '../aws/types';
import type { MentionTarget } from '../contact/contactMentions';
import { shortId } from '../contact/contactSummary';
import { toDescribeArgs, type DescribeResult } from '../describe/describeContact';
import { targetsAtSelection } from './documentMentions';
import type { MentionRefs } from './mentionRefs';

export interface DescribeAtCursorDeps {
  refs: MentionRefs;
  /** Describe Contact's lookup: progress, history, the panel, and its fixes when not found. */
  lookup(ref: ContactRef): Promise<DescribeResult | undefined>;
}

type Target = MentionTarget & { profile?: string };

/** A link's argument; the editor menu passes the document's URI instead, which is not one. */
function givenTarget(arg: unknown): Target | undefined {
  if (arg instanceof vscode.Uri) return undefined;
  const { contactId, instanceId, region, profile } = toDescribeArgs(arg);
  return contactId ? { contactId, instanceId, region, profile } : undefined;
}

export function describeContactAtCursor(deps: DescribeAtCursorDeps): (arg?: unknown) => Promise<DescribeResult | undefined> {
  return async (arg) => {
    const target = givenTarget(arg) ?? (await pickAtCursor());
    if (!target) return undefined;
    const resolved = await deps.refs.resolve(target);
    if (!resolved.ok) {
      const describe = vscode.l10n.t('Describe Contact…');
      if ((await vscode.window.showWarningMessage(resolved.message, describe)) === describe) await vscode.commands.executeCommand('connectContacts.describeContact');
      return undefined;
    }
    return deps.lookup(resolved.ref);
  };
}

async function pickAtCursor(): Promise<Target | undefined> {
  const editor = vscode.window.activeTextEditor;
  const targets = editor ? targetsAtSelection(editor) : [];
  if (targets.length === 0) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('No contact ID at the cursor. Put the cursor on a contact ARN, or on a contact ID after a key such as ContactId or contact_id, or select one.'),
    );
    return undefined;
  }
  if (targets.length === 1) return targets[0];
  const picked = await vscode.window.showQuickPick(
    targets.map((t) => ({ label: t.contactId, description: t.instanceId ? vscode.l10n.t('instance {0}', shortId(t.instanceId)) : undefined, target: t })),
    { title: vscode.l10n.t('Describe Contact at Cursor'), placeHolder: vscode.l10n.t('The selection names {0} contacts: which one?', targets.length) },
  );
  return picked?.target;
}
