// For people with no profile yet: open (or create) the AWS config file, or look at a bundled sample
// offline; and the walkthrough's sample Lambda event, to hover a contact ID in.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { parseContactInput } from '../aws/ids';
import type { ContactDocument } from '../contact/contactDocument';
import type { ContactPanels } from '../panel/contactPanels';
import { sampleProfile } from '../protocol/messages';
import { sampleLambdaEvent } from './sampleLambdaEvent';

const configTemplate = `# AWS shared config file. A profile for Amazon Connect, for example:
#
# [profile my-connect]
# region = us-east-1
# sso_session = my-sso
# sso_account_id = 123456789012
# sso_role_name = ConnectReadOnly
#
# [sso-session my-sso]
# sso_start_url = https://my-org.awsapps.com/start
# sso_region = us-east-1
`;

export async function openAwsConfigFile(configFile: string): Promise<void> {
  try {
    await fs.access(configFile);
  } catch {
    const create = vscode.l10n.t('Create It');
    const choice = await vscode.window.showInformationMessage(vscode.l10n.t('{0} does not exist yet.', configFile), create);
    if (choice !== create) return;
    await fs.mkdir(path.dirname(configFile), { recursive: true });
    await fs.writeFile(configFile, configTemplate, { flag: 'wx' }).catch(() => undefined);
  }
  await vscode.window.showTextDocument(vscode.Uri.file(configFile));
}

/** The sample contact shipped in media/. */
export async function loadSampleContact(extensionUri: vscode.Uri): Promise<ContactDocument> {
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'media', 'sample-contact.json'));
  return JSON.parse(new TextDecoder().decode(bytes)) as ContactDocument;
}

/** Shows the panel with no AWS account at all, marked as the sample it is. */
export async function openSampleContact(extensionUri: vscode.Uri, panels: ContactPanels): Promise<void> {
  const doc = await loadSampleContact(extensionUri);
  // The sample's own ARN names its instance and region.
  const parsed = parseContactInput(typeof doc.Contact.Arn === 'string' ? doc.Contact.Arn : '');
  if (!parsed.ok || !parsed.instanceId || !parsed.arn) throw new Error(`The bundled sample contact has no valid ARN: ${parsed.ok ? 'no instance' : parsed.message}`);
  panels.show({ profile: sampleProfile, region: parsed.arn.region, instanceId: parsed.instanceId, contactId: parsed.contactId }, doc, { origin: 'sample' });
}

/**
 * An untitled JSON document holding a Lambda test event that names the sample contact, with the
 * cursor on its ContactId: where to hover, Ctrl/Cmd+click, or run Describe Contact at Cursor.
 */
export async function openSampleEvent(extensionUri: vscode.Uri): Promise<vscode.Uri> {
  const doc = await loadSampleContact(extensionUri);
  const content = sampleLambdaEvent(doc);
  const document = await vscode.workspace.openTextDocument({ language: 'json', content });
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  const at = content.indexOf('"ContactId": "');
  if (at >= 0) {
    const start = document.positionAt(at + '"ContactId": "'.length);
    editor.selection = new vscode.Selection(start, start);
    editor.revealRange(new vscode.Range(start, start));
  }
  // The URI, not the editor: a command's result crosses to the workbench, which must serialise it.
  return document.uri;
}
