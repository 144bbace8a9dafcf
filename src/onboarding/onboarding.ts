// For people with no profile yet: open (or create) the AWS config file, or look at a bundled sample offline.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { parseContactInput } from '../aws/ids';
import type { ContactDocument } from '../contact/contactDocument';
import type { ContactPanels } from '../panel/contactPanels';
import { sampleProfile } from '../protocol/messages';

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
