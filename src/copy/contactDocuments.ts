// Open as JSON / YAML: read-only documents named after the contact (`CHAT-8b3f4e5d.json`) under
// the `connect-contact:` scheme. Their text lives in memory only, so contact data never reaches
// the disk: an untitled document would be dirty (asking to be saved on close) and VS Code backs
// dirty documents up to disk. The person can still Save As. The URI holds the reference only
// (profile, region, instance, contact), so a document VS Code asks for again (reopened, restored)
// is fetched again, never read from a file. Compare Contacts' documents are these too; its reduced
// form (`form=reduced`: the always-differing values left out) is the same contact, shown otherwise.
// Any such address can be asked for (a link in a file, `vscode.open`), so one not held that names
// a profile other than the active one is asked about first, as a `vscode://` link is.
import * as vscode from 'vscode';
import type { ContactRef } from '../aws/types';
import { leaveOutAlwaysDiffering } from '../contact/alwaysDiffering';
import type { ContactDocument } from '../contact/contactDocument';
import { shortId } from '../contact/contactSummary';
import { contactAsText, type DocumentFormat } from './copyActions';

export const contactDocumentScheme = 'connect-contact';

const extensions: Record<DocumentFormat, string> = { json: 'json', yaml: 'yaml' };

/** The whole contact, or Compare Contacts' form without the values that always differ. */
export type DocumentForm = 'full' | 'reduced';

export interface ContactDocumentTarget {
  ref: ContactRef;
  format: DocumentFormat;
  form: DocumentForm;
}

/** Only letters, digits, `_` and `-` from contact data reach a file name. */
function namePart(text: string, maxLength: number): string {
  return text.replace(/[^A-Za-z0-9_-]/g, '').slice(0, maxLength);
}

/** `CHAT-8b3f4e5d.json`; `Contact-8b3f4e5d.yaml` when the channel is unknown. */
export function contactDocumentName(ref: ContactRef, doc: ContactDocument | undefined, format: DocumentFormat): string {
  const channel = doc && typeof doc.Contact?.Channel === 'string' ? namePart(doc.Contact.Channel, 20) : '';
  const id = namePart(shortId(ref.contactId), 12) || 'contact';
  return `${channel || 'Contact'}-${id}.${extensions[format]}`;
}

/** `connect-contact:/CHAT-8b3f4e5d.json?profile=…&region=…&instance=…&contact=…` (`&form=reduced`). */
export function contactDocumentUri(ref: ContactRef, doc: ContactDocument | undefined, format: DocumentFormat, form: DocumentForm = 'full'): vscode.Uri {
  const query = new URLSearchParams({ profile: ref.profile, region: ref.region, instance: ref.instanceId, contact: ref.contactId });
  if (form === 'reduced') query.set('form', form);
  return vscode.Uri.from({ scheme: contactDocumentScheme, path: `/${contactDocumentName(ref, doc, format)}`, query: query.toString() });
}

export function parseContactDocumentUri(uri: vscode.Uri): ContactDocumentTarget | undefined {
  if (uri.scheme !== contactDocumentScheme) return undefined;
  const q = new URLSearchParams(uri.query);
  const [profile, region, instanceId, contactId] = ['profile', 'region', 'instance', 'contact'].map((k) => q.get(k) ?? '');
  const format: DocumentFormat | undefined = uri.path.endsWith('.json') ? 'json' : uri.path.endsWith('.yaml') ? 'yaml' : undefined;
  if (!format || !profile || !region || !instanceId || !contactId) return undefined;
  return { ref: { profile, region, instanceId, contactId }, format, form: q.get('form') === 'reduced' ? 'reduced' : 'full' };
}

function documentText(doc: ContactDocument, format: DocumentFormat, form: DocumentForm): string {
  return contactAsText(form === 'reduced' ? leaveOutAlwaysDiffering(doc).doc : doc, format);
}

/** What a document shows when the person declined its address's profile: why it is empty. JSON, so valid YAML too. */
function notFetchedText(ref: ContactRef): string {
  const why = vscode.l10n.t(
    'Nothing was fetched: this address asks to read contact {0} with the AWS profile "{1}", which is not your active profile, and that was declined. Close this document and open the address again to be asked again.',
    ref.contactId,
    ref.profile,
  );
  return `${JSON.stringify({ notFetched: why }, null, 2)}\n`;
}

export class ContactDocumentProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  /** The text of each open document, by URI: in memory only, dropped when the document closes. */
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    /** The contact for a document VS Code asks for while we hold no text (reopened, restored). */
    private readonly fetch: (ref: ContactRef) => Promise<ContactDocument>,
    /** The profile to fetch such a document with (the modal when it names another); undefined when declined. */
    private readonly profileFor: (ref: ContactRef) => Promise<string | undefined>,
  ) {
    this.subscriptions = [
      this.changed,
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (d.uri.scheme === contactDocumentScheme) this.texts.delete(d.uri.toString());
      }),
    ];
  }

  dispose(): void {
    this.texts.clear();
    for (const s of this.subscriptions) s.dispose();
  }

  /** Opens (or shows again, with this text) the contact's read-only document. */
  async open(ref: ContactRef, doc: ContactDocument, format: DocumentFormat): Promise<vscode.TextEditor> {
    const uri = this.hold(ref, doc, format);
    let document = await vscode.workspace.openTextDocument(uri);
    if (document.languageId !== format) document = await vscode.languages.setTextDocumentLanguage(document, format);
    return vscode.window.showTextDocument(document, { preview: false });
  }

  /** Holds the text of the contact's document (for a diff to open) and returns its URI. */
  hold(ref: ContactRef, doc: ContactDocument, format: DocumentFormat, form: DocumentForm = 'full'): vscode.Uri {
    const uri = contactDocumentUri(ref, doc, format, form);
    const key = uri.toString();
    const text = documentText(doc, format, form);
    const previous = this.texts.get(key);
    this.texts.set(key, text);
    // An open document of an older fetch shows the new text.
    if (previous !== undefined && previous !== text) this.changed.fire(uri);
    return uri;
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const key = uri.toString();
    const held = this.texts.get(key);
    if (held !== undefined) return held;
    const parsed = parseContactDocumentUri(uri);
    if (!parsed) throw new Error(`Amazon Connect: ${uri.path} names no contact.`);
    const profile = await this.profileFor(parsed.ref);
    // Not held: the next time VS Code asks for this address, the person is asked again.
    if (profile === undefined) return notFetchedText(parsed.ref);
    const text = documentText(await this.fetch({ ...parsed.ref, profile }), parsed.format, parsed.form);
    this.texts.set(key, text);
    return text;
  }

  /** How many documents' texts are held (tests: closed documents are forgotten). */
  get heldCount(): number {
    return this.texts.size;
  }
}
