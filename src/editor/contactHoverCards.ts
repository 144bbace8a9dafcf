// The hover card of a contact ID in a text document: what a person looks for first (channel, how
// it began, when and how long, queue and agent by name, why it ended) and where to go next. Fetched
// only on hover, at background priority through the scheduler, cancelled when the hover goes away.
// Contact data and names are untrusted: they go in as text (escaped); only our commands are trusted.
import * as vscode from 'vscode';
import type { ContactRef } from '../aws/types';
import { toErrorInfo } from '../aws/errors';
import type { MentionTarget } from '../contact/contactMentions';
import type { ContactDocument } from '../contact/contactDocument';
import { fieldDocSummary, type FieldDocsTable } from '../contact/fieldDocs';
import type { PathSegment } from '../contact/fieldNode';
import { shortId, summarizeContact } from '../contact/contactSummary';
import { displayText } from '../contact/format';
import type { TimeZoneChoice } from '../protocol/messages';
import type { ContactDocumentCache } from '../describe/contactDocumentCache';
import { consoleContactUrl } from '../story/enrichContact';
import type { ResourceNames } from '../story/resourceNames';
import { openContactUri } from './contactMentionProviders';
import type { MentionRefs } from './mentionRefs';

export interface HoverCardDeps {
  /** The contact, shared with the panel (a hovered contact opens at once). */
  contacts: ContactDocumentCache;
  /** Queue and agent names, the instance's console address: the panel's cache. */
  names: ResourceNames;
  /** Where the mention is: the active profile, its region, an instance. */
  refs: MentionRefs;
  timeZone: () => TimeZoneChoice;
  /** What each shown field means, from the service model: read on the first card that has one. */
  fieldDocs?: () => FieldDocsTable | undefined;
}

/** Commands the card's links may run: nothing else in it is trusted. */
const cardCommands = ['connectContacts.describeContactAtCursor', 'connectContacts.copyCliCommand', 'connectContacts.describeContact'];
/** A failed card is not asked again on every hover for this long. */
const failureTtlMs = 60_000;
const maxFailures = 200;

export class ContactHoverCards {
  private readonly failures = new Map<string, { at: number; line: string }>();

  constructor(private readonly deps: HoverCardDeps) {}

  async hover(target: MentionTarget, range: vscode.Range, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const where = await this.deps.refs.resolve(target);
    if (!where.ok) return new vscode.Hover(this.problemCard(target, where.message), range);
    const { ref } = where;
    const key = JSON.stringify(ref);
    const failed = this.failures.get(key);
    if (failed && Date.now() - failed.at < failureTtlMs) return new vscode.Hover(this.errorCard(ref, failed.line), range);
    const abort = new AbortController();
    const cancel = token.onCancellationRequested(() => abort.abort());
    try {
      const options = { signal: abort.signal, priority: 'background' as const };
      const instance = this.deps.names.instance(ref, abort.signal, 'background').catch(() => undefined);
      const doc = await this.deps.contacts.get(ref, options);
      const [queue, agent, details] = await Promise.all([
        this.name(ref, 'queue', idOf(doc, 'QueueInfo'), abort.signal),
        this.name(ref, 'user', idOf(doc, 'AgentInfo'), abort.signal),
        instance,
      ]);
      if (token.isCancellationRequested) return undefined;
      return new vscode.Hover(this.card(ref, doc, { queue, agent, consoleUrl: consoleContactUrl(details?.accessUrl, ref.contactId), alias: details?.alias }), range);
    } catch (error) {
      const info = toErrorInfo(error, { operation: 'DescribeContact', profile: ref.profile });
      if (info.kind === 'Cancelled' || token.isCancellationRequested) return undefined;
      const line = this.errorLine(ref, info.kind, info.message);
      this.remember(key, line);
      return new vscode.Hover(this.errorCard(ref, line), range);
    } finally {
      cancel.dispose();
    }
  }

  private async name(ref: ContactRef, kind: 'queue' | 'user', id: string | undefined, signal: AbortSignal): Promise<string | undefined> {
    if (!id) return undefined;
    try {
      return (await this.deps.names.describe(ref, kind, id, { signal, priority: 'background' })).name.name;
    } catch {
      return undefined; // the ID stands in for the name
    }
  }

  private card(ref: ContactRef, doc: ContactDocument, extra: { queue?: string; agent?: string; consoleUrl?: string; alias?: string }): vscode.MarkdownString {
    const s = summarizeContact(doc, { timeZone: this.deps.timeZone() });
    const md = header(ref);
    // The rows holding one of the service's codes (VOICE, INBOUND): what the model says of the field
    // goes under the card. Two lines at most: the hover is capped at 250 px, and a third made it
    // scroll in code-server. (The disconnect reason's model text only repeats its label.)
    const documented: [label: string, path: readonly PathSegment[]][] = [];
    const row = (label: string, value: string | undefined, field?: string) => {
      if (!value) return;
      md.appendMarkdown(`  \n${label}: `);
      appendData(md, displayText(value, 200));
      if (field) documented.push([label, ['Contact', field]]);
    };
    row(vscode.l10n.t('Channel'), s.channel, 'Channel');
    row(vscode.l10n.t('Initiation method'), s.initiationMethod, 'InitiationMethod');
    if (s.initiated) {
      const span = s.disconnected ? `${s.initiated} → ${s.disconnected}${s.duration ? ` (${s.duration})` : ''}` : s.initiated;
      row(vscode.l10n.t('Initiated'), span);
    }
    row(vscode.l10n.t('Queue'), extra.queue ?? s.queue);
    row(vscode.l10n.t('Agent'), extra.agent ?? s.agent);
    row(vscode.l10n.t('Disconnect reason'), s.disconnectReason);
    row(vscode.l10n.t('Instance'), `${extra.alias ?? ref.instanceId} · ${ref.region} · ${ref.profile}`);
    md.appendMarkdown('\n\n---\n\n');
    const links = [link(vscode.l10n.t('Open Contact'), openContactUri(ref).toString())];
    if (extra.consoleUrl) links.push(link(vscode.l10n.t('Open in Connect Console'), safeUrl(extra.consoleUrl)));
    links.push(link(vscode.l10n.t('Copy as AWS CLI Command'), commandUri('connectContacts.copyCliCommand', { ref })));
    md.appendMarkdown(links.join(' · '));
    this.appendFieldNotes(md, documented);
    return md;
  }

  /**
   * Below the links, one short line per coded field saying what it means (the model's first
   * sentence), as the panel's and the explorer's tooltips do at length. Nothing when the table is missing.
   */
  private appendFieldNotes(md: vscode.MarkdownString, fields: readonly [string, readonly PathSegment[]][]): void {
    const table = this.deps.fieldDocs?.();
    if (!table) return;
    const notes = fields.flatMap(([label, path]) => {
      const text = fieldDocSummary(table, path);
      return text ? [`_${label}_ — ${modelText(text)}`] : [];
    });
    if (notes.length) md.appendMarkdown(`\n\n---\n\n${notes.join('  \n')}`);
  }

  private errorLine(ref: ContactRef, kind: string, message: string): string {
    switch (kind) {
      case 'NotFound':
        return vscode.l10n.t('Not found in instance {0} ({1}).', ref.instanceId, ref.region);
      case 'AccessDenied':
        return vscode.l10n.t('No permission: connect:DescribeContact (profile {0}).', ref.profile);
      default:
        // The first sentence: one short line.
        return displayText(/^[^\n]*?[.!?](?=\s|$)/.exec(message)?.[0] ?? message, 200);
    }
  }

  private errorCard(ref: ContactRef, line: string): vscode.MarkdownString {
    const md = header(ref);
    md.appendMarkdown('  \n$(warning) ');
    appendData(md, line);
    md.appendMarkdown(`\n\n---\n\n${link(vscode.l10n.t('Open Contact'), openContactUri(ref).toString())}`);
    return md;
  }

  private problemCard(target: MentionTarget, message: string): vscode.MarkdownString {
    const md = new vscode.MarkdownString('', true);
    md.isTrusted = { enabledCommands: cardCommands };
    md.appendMarkdown(`**${vscode.l10n.t('Amazon Connect contact')}** `);
    md.appendText(shortId(target.contactId));
    md.appendMarkdown('  \n$(info) ');
    appendData(md, message);
    md.appendMarkdown(`\n\n---\n\n${link(vscode.l10n.t('Describe Contact…'), commandUri('connectContacts.describeContact'))}`);
    return md;
  }

  private remember(key: string, line: string): void {
    this.failures.delete(key);
    this.failures.set(key, { at: Date.now(), line });
    while (this.failures.size > maxFailures) {
      const oldest = this.failures.keys().next().value;
      if (oldest === undefined) break;
      this.failures.delete(oldest);
    }
  }

  /** A fresh look: after a lookup or Refresh, a failure is not repeated from memory. */
  clear(): void {
    this.failures.clear();
  }
}

function idOf(doc: ContactDocument, member: 'QueueInfo' | 'AgentInfo'): string | undefined {
  const info = (doc.Contact as Record<string, unknown>)[member] as Record<string, unknown> | undefined;
  return typeof info?.Id === 'string' && info.Id !== '' ? info.Id : undefined;
}

function header(ref: ContactRef): vscode.MarkdownString {
  // supportThemeIcons for $(warning); trusted for our commands only.
  const md = new vscode.MarkdownString('', true);
  md.isTrusted = { enabledCommands: cardCommands };
  md.appendMarkdown(`**${vscode.l10n.t('Amazon Connect contact')}** `);
  md.appendText(ref.contactId);
  return md;
}

/**
 * Untrusted text as text: appendText escapes markdown (links, emphasis, `$(icon)`) but leaves `<`
 * and `&`; HTML is off in the card anyway, and entities keep a tag from even reaching the renderer.
 */
function appendData(md: vscode.MarkdownString, text: string): void {
  md.appendText(text.replace(/&/g, '&amp;').replace(/</g, '&lt;'));
}

/**
 * The model's text (ours, generated at build time) as markdown that wraps: appendText would make
 * every space a non-breaking one. Markup characters are escaped all the same, `$(` included.
 */
function modelText(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>|~$&!]/g, '\\$&');
}

function link(label: string, uri: string): string {
  return `[${label}](${uri})`;
}

function commandUri(command: string, ...args: unknown[]): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;
}

/** An https address the service gave, made safe inside a markdown link: nothing that ends it or breaks out. */
export function safeUrl(url: string): string {
  return url.replace(/[^A-Za-z0-9\-._~:/?#@!$&*+,;=%]/g, (c) =>
    Array.from(new TextEncoder().encode(c), (b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  );
}
