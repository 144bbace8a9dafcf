// The contact panel: one webview panel per contact, speaking src/protocol.ts.
import * as vscode from 'vscode';
import { failureLogLine, toErrorInfo } from '../aws/errors';
import type { ContactRef } from '../aws/types';
import type { ContactDocument } from '../contact/contactDocument';
import type { PathSegment } from '../contact/fieldNode';
import { contactPanelTitle, type PanelTitleContext } from '../contact/panelTitle';
import { contactKey } from '../contact/contactIdentity';
import type { ContactStory } from '../contact/story';
import { buildTimeline } from '../timeline/timelineModel';
import type { LambdaLogLines, TimelineMode, TimelineRow, TimelineState } from '../timeline/timelineState';
import { packTimeline } from '../timeline/timelineWire';
import {
  parseWebviewMessage,
  sampleProfile,
  type ContactOrigin,
  type HostMessage,
  type PanelError,
  type RowAction,
  type TimeZoneChoice,
  type WebviewMessage,
} from '../protocol/messages';
import { bundlePageOptions, renderPanelHtml } from './webviewHtml';

/** Scripts on; local resources limited to the built assets. For new and restored panels alike. */
export function contactPanelOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist')] };
}

/** What a panel needs from the rest of the extension. */
export interface ContactPanelHost {
  extensionUri: vscode.Uri;
  timeZone(): TimeZoneChoice;
  /** Fetches the contact again (refresh, restore), cancelled through `signal`. Throws on failure. */
  refetch(ref: ContactRef, signal: AbortSignal): Promise<ContactDocument>;
  /** Reduces any failure to what the panel shows. */
  describeError(error: unknown): PanelError;
  openRelated(ref: ContactRef): Promise<void>;
  rowAction(action: RowAction, ref: ContactRef, doc: ContactDocument, path: (string | number)[]): Promise<void>;
  openAsDocument(ref: ContactRef, doc: ContactDocument): Promise<void>;
  /** A failed action (an editor that refuses the insert, a lookup that fails) becomes a notification. */
  showError(error: unknown): void;
  /** Where the person is (active profile, region), so a tab can name another account's contact. */
  titleContext?(ref: ContactRef): PanelTitleContext;
  /** Refresh (or a restore) of the offline sample: shows the bundled contact again and says it is a sample. */
  showSample(panel: ContactPanel): Promise<void>;
  /**
   * Fills in the contact's story (names, attributes, chain, …), calling `onStory` with the whole
   * story so far as each part arrives; cancelled through `signal` when the panel shows another
   * contact or closes. Never throws: what cannot be had is in `story.missing`.
   */
  enrich?(ref: ContactRef, doc: ContactDocument, signal: AbortSignal, onStory: (story: ContactStory) => void): Promise<void>;
  /** Copies text the panel shows outside the tree, confirming what was copied. */
  copyText(text: string, what: string): Promise<void>;
  /** Opens an http(s) link through VS Code (which asks before opening an untrusted domain). */
  openExternal(url: string): Promise<void>;
  /**
   * The Timeline: reads the flow logs of the contact (or of its whole chain) and reports the whole
   * state as it fills in; cancelled through `signal`. Never throws for a failed call: it is a notice.
   */
  timeline?(ref: ContactRef, doc: ContactDocument, request: { mode: TimelineMode; chain?: ContactStory['chain'] }, signal: AbortSignal, onState: (state: TimelineState) => void): Promise<void>;
  /** A Lambda function's own log lines around one invocation the Timeline shows. */
  lambdaLogs?(ref: ContactRef, row: TimelineRow, signal: AbortSignal): Promise<LambdaLogLines>;
  /** Export the Timeline's events as JSON, in an untitled document. */
  exportEvents?(ref: ContactRef, rows: readonly TimelineRow[]): Promise<void>;
  /** Opens a flow in the Connect console's flow designer. */
  openFlow?(ref: ContactRef, flowArn: string): Promise<void>;
  log: vscode.LogOutputChannel;
}

export class ContactPanel {
  private ready = false;
  private disposed = false;
  private pending: HostMessage[] = [];
  private timeZone: TimeZoneChoice;
  private fetchedAt = '';
  private origin: ContactOrigin = 'fetched';
  /** The failure the panel shows until a fetch succeeds: sent again to a reloaded webview. */
  private error: PanelError | undefined;
  private refreshing: { controller: AbortController; done: Promise<void> } | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  /** The preview panel shows the next lookup's contact (only a message crosses); a kept one stays. */
  private previewing = false;
  /** The focused row, as the webview tells it; none until it does. */
  private selection: PathSegment[] | undefined;
  /** The story of the contact shown (resent to a reloaded webview), and the enrichment filling it. */
  private story: { contactId: string; story: ContactStory } | undefined;
  private enriching: AbortController | undefined;
  /** Settles when the story of the contact shown is complete (whole-chain mode waits for the chain). */
  private enriched: Promise<void> = Promise.resolve();
  /** The Timeline of the contact shown: read when the person first opens it, then kept (memory only). */
  private timeline: { mode: TimelineMode; controller: AbortController; state?: TimelineState } | undefined;
  private lambdaLoads = new Map<string, AbortController>();
  /** Told when the person keeps the preview (Keep Open, filter, sections). */
  onKept: (() => void) | undefined;

  /**
   * `doc` is the contact just fetched; a restored panel has none (its saved state holds only
   * the reference) and fetches it: until then it shows that it is loading.
   */
  constructor(
    readonly webviewPanel: vscode.WebviewPanel,
    public ref: ContactRef,
    public doc: ContactDocument | undefined,
    private readonly host: ContactPanelHost,
    private readonly onDispose: (panel: ContactPanel) => void,
    timeZone?: TimeZoneChoice,
    /** fetch: false for a panel whose lookup is fetching the contact already (it just shows loading). */
    options: { fetch: boolean } = { fetch: true },
  ) {
    this.timeZone = timeZone ?? host.timeZone();
    const dist = vscode.Uri.joinPath(host.extensionUri, 'dist');
    webviewPanel.webview.options = contactPanelOptions(host.extensionUri);
    webviewPanel.iconPath = vscode.Uri.joinPath(host.extensionUri, 'media', 'connect.svg');
    this.setTitle();
    const webview = webviewPanel.webview;
    webview.html = renderPanelHtml(bundlePageOptions('webview', webview.cspSource, (file) => webview.asWebviewUri(vscode.Uri.joinPath(dist, file)).toString(), webviewPanel.title));
    this.disposables.push(
      webview.onDidReceiveMessage((raw) => {
        const message = parseWebviewMessage(raw);
        if (!message) {
          host.log.warn('Contact panel: dropped a malformed message from the webview.');
          return;
        }
        this.handle(message).catch((error: unknown) => host.showError(error));
      }),
      webviewPanel.onDidDispose(() => this.dispose()),
    );
    if (doc) this.update(doc);
    else if (options.fetch) void this.refresh();
    else this.post({ type: 'loading', loading: true });
  }

  get key(): string {
    return contactKey(this.ref);
  }

  get closed(): boolean {
    return this.disposed;
  }

  /** The last fetch failed (the banner says why). */
  get failed(): boolean {
    return this.error !== undefined;
  }

  get preview(): boolean {
    return this.previewing;
  }

  setPreview(preview: boolean): void {
    if (this.previewing === preview) return;
    this.previewing = preview;
    this.post({ type: 'preview', preview });
    if (!preview) this.onKept?.();
  }

  /** The preview shows another contact: only a message crosses to the webview it already has. */
  retarget(ref: ContactRef, doc: ContactDocument, meta: { fetchedAt?: string; origin?: ContactOrigin } = {}): void {
    if (this.disposed) return;
    this.refreshing?.controller.abort();
    this.refreshing = undefined;
    this.ref = ref;
    this.selection = undefined;
    this.update(doc, meta);
  }

  reveal(): void {
    this.webviewPanel.reveal(undefined, false);
  }

  /** Shows a freshly fetched document. */
  /** `fetchedAt` for a contact from the explorer's cache (its own fetch time); now otherwise. */
  update(doc: ContactDocument, meta: { fetchedAt?: string; origin?: ContactOrigin } = {}): void {
    if (this.disposed) return;
    const wasLoading = this.doc === undefined && !this.refreshing;
    this.doc = doc;
    this.error = undefined;
    this.fetchedAt = meta.fetchedAt ?? new Date().toISOString();
    this.origin = meta.origin ?? (this.ref.profile === sampleProfile ? 'sample' : 'fetched');
    this.setTitle();
    this.queueContact();
    if (wasLoading) this.post({ type: 'loading', loading: false });
    this.startEnrichment(doc);
  }

  /** The story of the contact now shown; the previous contact's enrichment stops (its calls are cancelled). */
  private startEnrichment(doc: ContactDocument): void {
    this.enriching?.abort();
    this.enriching = undefined;
    this.story = undefined;
    this.stopTimeline();
    if (!this.host.enrich || this.ref.profile === sampleProfile) return;
    const controller = new AbortController();
    this.enriching = controller;
    const contactId = this.ref.contactId;
    this.enriched = this.host.enrich(this.ref, doc, controller.signal, (story) => {
      if (controller.signal.aborted || this.disposed) return;
      this.story = { contactId, story };
      this.post({ type: 'story', contactId, story });
    }).catch(() => undefined);
  }

  /** Reads the Timeline for the contact shown, unless it is read (or being read) in that mode already. */
  private loadTimeline(mode: TimelineMode, force: boolean): void {
    const doc = this.doc;
    if (!doc || this.disposed) return;
    const current = this.timeline;
    if (current && current.mode === mode && !force) {
      if (current.state) this.post({ type: 'timeline', contactId: current.state.contactId, timeline: packTimeline(current.state) });
      return;
    }
    this.stopTimeline();
    const controller = new AbortController();
    const entry: { mode: TimelineMode; controller: AbortController; state?: TimelineState } = { mode, controller };
    this.timeline = entry;
    const contactId = this.ref.contactId;
    const onState = (state: TimelineState) => {
      if (controller.signal.aborted || this.disposed) return;
      entry.state = state;
      this.post({ type: 'timeline', contactId, timeline: packTimeline(state) });
    };
    if (this.ref.profile === sampleProfile) {
      // The offline sample is in no account: its contact lane, and why there are no lines.
      onState({
        contactId, mode, loading: false, model: buildTimeline(doc.Contact, [], { now: Date.now() }), rows: [], pages: 0, duplicates: 0,
        notices: [{ kind: 'sample', message: 'This is the offline sample contact: it has no flow logs to read.', hint: 'Look up one of your own contacts with Describe Contact to see what its flows did.' }],
      });
      return;
    }
    const host = this.host;
    if (!host.timeline) return;
    const ref = this.ref;
    void (async () => {
      // The whole chain is the story's: wait for the walk if it is still under way.
      if (mode === 'chain' && !this.story?.story.chain) await this.enriched;
      if (controller.signal.aborted) return;
      await host.timeline?.(ref, doc, { mode, chain: this.story?.story.chain }, controller.signal, onState);
    })().catch((error: unknown) => {
      // The kind and request ID only: a message can quote a flow-log line or the service's words.
      if (!controller.signal.aborted) this.host.log.warn(`Timeline: ${failureLogLine(toErrorInfo(error), 'Loading the flow logs')}`);
    });
  }

  private stopTimeline(): void {
    this.timeline?.controller.abort();
    this.timeline = undefined;
    for (const c of this.lambdaLoads.values()) c.abort();
    this.lambdaLoads.clear();
  }

  /** The Timeline as last sent (tests read it). */
  get currentTimeline(): TimelineState | undefined {
    return this.timeline?.state;
  }

  private async timelineAction(action: 'copyInsightsQuery' | 'openLogGroup' | 'exportEvents'): Promise<void> {
    const state = this.timeline?.state;
    if (!state) return;
    switch (action) {
      case 'copyInsightsQuery':
        if (state.insightsQuery) await this.host.copyText(state.insightsQuery, vscode.l10n.t('Logs Insights query for {0}', state.logGroup?.name ?? 'the flow logs'));
        return;
      case 'openLogGroup':
        if (state.logGroup?.consoleUrl) await this.host.openExternal(state.logGroup.consoleUrl);
        return;
      case 'exportEvents':
        await this.host.exportEvents?.(this.ref, state.rows);
        return;
    }
  }

  private async loadLambdaLogs(eventId: string): Promise<void> {
    const state = this.timeline?.state;
    const row = state?.rows.find((r) => r.id === eventId);
    if (!state || !row || !this.host.lambdaLogs || this.lambdaLoads.has(eventId)) return;
    const controller = new AbortController();
    this.lambdaLoads.set(eventId, controller);
    try {
      const logs = await this.host.lambdaLogs(this.ref, row, controller.signal);
      if (!controller.signal.aborted) this.post({ type: 'lambdaLogs', contactId: state.contactId, logs });
    } finally {
      if (this.lambdaLoads.get(eventId) === controller) this.lambdaLoads.delete(eventId);
    }
  }

  /** The story as last sent (tests and the explorer's labels read it). */
  get currentStory(): ContactStory | undefined {
    return this.story?.story;
  }

  setTimeZone(timeZone: TimeZoneChoice): void {
    this.timeZone = timeZone;
    this.post({ type: 'timeZone', timeZone });
  }

  /** Keyboard shortcuts and the palette act on the row the webview last said is focused. */
  async runOnSelection(action: RowAction): Promise<void> {
    if (this.doc && this.selection) await this.host.rowAction(action, this.ref, this.doc, this.selection);
  }

  /**
   * Fetches the contact again. One fetch at a time (a second Retry joins the first); closing
   * the panel cancels it, and its result, good or bad, is then dropped.
   */
  refresh(): Promise<void> {
    if (this.disposed) return Promise.resolve();
    // The offline sample has no account to fetch from: say so rather than fail on its profile.
    if (this.ref.profile === sampleProfile) return this.host.showSample(this);
    if (this.refreshing) return this.refreshing.done;
    const controller = new AbortController();
    const done = this.fetch(controller.signal).finally(() => {
      if (this.refreshing?.controller === controller) this.refreshing = undefined;
    });
    this.refreshing = { controller, done };
    return done;
  }

  private async fetch(signal: AbortSignal): Promise<void> {
    this.post({ type: 'loading', loading: true });
    try {
      const doc = await this.host.refetch(this.ref, signal);
      if (!signal.aborted) this.update(doc);
    } catch (error) {
      if (signal.aborted) return;
      // The tree (if any) stays; the error shows inside the panel.
      this.error = this.host.describeError(error);
      this.post({ type: 'error', error: this.error });
    } finally {
      this.post({ type: 'loading', loading: false });
    }
  }

  private setTitle(): void {
    // Before the contact arrives, the title says which one it will be ("Contact · 6f1d2c3b"). The
    // offline sample is in no account, so it names none.
    const context = this.ref.profile === sampleProfile ? undefined : this.host.titleContext?.(this.ref);
    this.webviewPanel.title = contactPanelTitle(this.ref, this.doc, context);
  }

  private queueContact(): void {
    if (!this.doc) return;
    this.post({ type: 'contact', ref: this.ref, contact: this.doc, fetchedAt: this.fetchedAt, timeZone: this.timeZone, origin: this.origin });
  }

  private post(message: HostMessage): void {
    // A closed panel's webview is gone: nothing reaches it, nothing throws.
    if (this.disposed) return;
    if (!this.ready) {
      // A contact replaces any contact still waiting; other messages keep their order.
      if (message.type === 'contact') this.pending = this.pending.filter((m) => m.type !== 'contact' && m.type !== 'story');
      if (message.type === 'contact') this.pending = this.pending.filter((m) => m.type !== 'timeline' && m.type !== 'lambdaLogs');
      if (message.type === 'story') this.pending = this.pending.filter((m) => m.type !== 'story');
      if (message.type === 'timeline') this.pending = this.pending.filter((m) => m.type !== 'timeline');
      this.pending.push(message);
      return;
    }
    void this.webviewPanel.webview.postMessage(message);
  }

  private async handle(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready': {
        this.ready = true;
        // The webview reloads when it is hidden and shown again: always resend what it showed.
        if (!this.pending.some((m) => m.type === 'contact')) this.queueContact();
        if (this.error && !this.pending.some((m) => m.type === 'error')) this.pending.push({ type: 'error', error: this.error });
        if (this.refreshing && !this.pending.some((m) => m.type === 'loading')) this.pending.push({ type: 'loading', loading: true });
        if (!this.pending.some((m) => m.type === 'preview')) this.pending.push({ type: 'preview', preview: this.previewing });
        if (this.story && !this.pending.some((m) => m.type === 'story')) this.pending.push({ type: 'story', ...this.story });
        const timeline = this.timeline?.state;
        if (timeline && !this.pending.some((m) => m.type === 'timeline')) this.pending.push({ type: 'timeline', contactId: timeline.contactId, timeline: packTimeline(timeline) });
        const queued = this.pending;
        this.pending = [];
        for (const m of queued) void this.webviewPanel.webview.postMessage(m);
        return;
      }
      case 'rowAction':
        // Rows exist only once the contact has arrived.
        if (this.doc) await this.host.rowAction(message.action, this.ref, this.doc, message.path);
        return;
      case 'openContact':
        await this.host.openRelated({ ...this.ref, contactId: message.contactId });
        return;
      case 'refresh':
        await this.refresh();
        return;
      case 'openJson':
        if (this.doc) await this.host.openAsDocument(this.ref, this.doc);
        return;
      case 'setTimeZone':
        this.timeZone = message.timeZone;
        return;
      case 'keep':
        this.setPreview(false);
        return;
      case 'selection':
        this.selection = message.path ?? undefined;
        return;
      case 'copyText':
        await this.host.copyText(message.text, message.what);
        return;
      case 'openExternal':
        await this.host.openExternal(message.url);
        return;
      case 'loadTimeline':
        this.loadTimeline(message.mode, message.force === true);
        return;
      case 'timelineAction':
        await this.timelineAction(message.action);
        return;
      case 'openFlow':
        await this.host.openFlow?.(this.ref, message.flowArn);
        return;
      case 'lambdaLogs':
        await this.loadLambdaLogs(message.eventId);
        return;
      default:
        assertNever(message);
    }
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.refreshing?.controller.abort();
    this.enriching?.abort();
    this.stopTimeline();
    this.pending = [];
    this.onDispose(this);
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

export function assertNever(value: never): never {
  throw new Error(`Unexpected message: ${JSON.stringify(value)}`);
}
