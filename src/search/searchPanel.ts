// The search panel: criteria on top, results below, filled page by page in the background. The
// host runs the search (searchRun.ts) and sends rows as text data; the webview (webview/search/)
// draws them. Nothing of the contacts is saved: the panel is not restored after a reload.
// The same panel shows a Logs Insights query's contacts (Find Contacts in Flow Logs): an
// InsightsJob runs the query and says what to show; the panel carries it to the same table.
import * as vscode from 'vscode';
import { ConnectServiceError } from '../aws/connectServiceError';
import type { AccountTarget, ContactRef, ContactSummary, NamedResourceSummary, RequestPriority, SearchContactsPage, SearchContactsQuery } from '../aws/types';
import { toSearchRow } from '../contact/searchRows';
import { defaultCriteria, fieldOfServiceMessage, validateCriteria, type ContactSearchCriteria, type FieldMessage } from '../contact/searchWindows';
import { bundlePageOptions, renderPanelHtml } from '../panel/webviewHtml';
import {
  parseSearchWebviewMessage,
  type InsightsAction,
  type InsightsHeading,
  type InsightsRunStatus,
  type SearchHostMessage,
  type SearchStatus,
  type SearchWebviewMessage,
} from '../protocol/searchMessages';
import type { InsightsTableRow } from '../timeline/insightsRows';
import { watchedSearchPages } from './searchRun';

export const searchPanelViewType = 'connectContacts.search';

export type SearchTarget = AccountTarget & { instanceId: string };

export interface SearchPanelDeps {
  extensionUri: vscode.Uri;
  timeZone: () => 'local' | 'utc';
  /** One SearchContacts page, at the priority watchedSearchPages gives it. */
  search: (target: SearchTarget, query: SearchContactsQuery, signal: AbortSignal, priority: RequestPriority) => Promise<SearchContactsPage>;
  listQueues: (target: SearchTarget) => Promise<NamedResourceSummary[]>;
  listUsers: (target: SearchTarget) => Promise<NamedResourceSummary[]>;
  /** A queue's or user's name (cached), at 'visible' priority. */
  name: (target: SearchTarget, kind: 'queue' | 'user', id: string, signal: AbortSignal) => Promise<string | undefined>;
  openContact: (ref: ContactRef) => Promise<void>;
  pin: (ref: ContactRef) => Promise<void>;
  exportContacts: (target: SearchTarget, criteria: ContactSearchCriteria, format: 'csv' | 'jsonl') => Promise<void>;
  instanceLabel: (target: SearchTarget) => string;
}

/** What a Logs Insights query shows in the panel: the rows found so far (all of them, each time) and the status. */
export interface InsightsUpdate {
  rows?: InsightsTableRow[];
  status: Omit<InsightsRunStatus, 'searchId'>;
}

/** One Logs Insights query for the panel (src/insights/insightsJob.ts makes them). */
export interface InsightsJob {
  heading: InsightsHeading;
  /** The tab's title: the template and the time range. */
  title: string;
  /** Runs the query, showing rows and status as GetQueryResults returns them; resolves when it has ended, failed or was cancelled. */
  run(signal: AbortSignal, show: (update: InsightsUpdate) => void): Promise<void>;
  /** Asks for the query again (the service's words beside it after a failure): the next job to run here, or undefined. */
  edit(): Promise<InsightsJob | undefined>;
}

/** What the panel shows: a search (criteria, when a command gave them) or a Logs Insights query. */
export type SearchPanelSource = { criteria?: ContactSearchCriteria } | { insights: InsightsJob };

/** Rows are posted in batches of about this many, so the table fills without flooding the channel. */
const postBatch = 500;

export class SearchPanel implements vscode.Disposable {
  private readonly panel: vscode.WebviewPanel;
  private readonly disposables: vscode.Disposable[] = [];
  private searchId = 0;
  private running?: AbortController;
  private readonly namesAbort = new AbortController();
  /** The criteria of the search on screen: what Export from the results uses. */
  criteria: ContactSearchCriteria;
  private readonly knownNames = { queue: new Map<string, string | undefined>(), user: new Map<string, string | undefined>() };
  /** The last status and field messages posted (the tests read them). */
  lastStatus?: SearchStatus;
  lastFieldErrors: FieldMessage[] = [];
  /** A Logs Insights panel: its query, the rows and status on screen (sent again when the webview asks). */
  private insights?: { job: InsightsJob; rows: InsightsTableRow[]; status?: InsightsRunStatus; done: Promise<void> };
  /**
   * The last message of each type the page was sent once it said ready (the tests read it). One of
   * each, not a history: an Insights query re-sends all its rows at every poll.
   */
  readonly lastSent: { [T in SearchHostMessage['type']]?: Extract<SearchHostMessage, { type: T }> } = {};
  private ready = false;
  private disposed = false;
  private readonly onDidDisposeEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.onDidDisposeEmitter.event;

  constructor(readonly target: SearchTarget, private readonly deps: SearchPanelDeps, source: SearchPanelSource = {}) {
    this.criteria = ('criteria' in source ? source.criteria : undefined) ?? defaultCriteria();
    const dist = vscode.Uri.joinPath(deps.extensionUri, 'dist');
    const title = 'insights' in source ? source.insights.title : vscode.l10n.t('Search: {0}', deps.instanceLabel(target));
    this.panel = vscode.window.createWebviewPanel(searchPanelViewType, title, vscode.ViewColumn.Active, {
      enableScripts: true,
      retainContextWhenHidden: true,
      localResourceRoots: [dist],
    });
    const w = this.panel.webview;
    w.html = renderPanelHtml(bundlePageOptions('search', w.cspSource, (file) => w.asWebviewUri(vscode.Uri.joinPath(dist, file)).toString(), 'Search Contacts'));
    this.disposables.push(
      w.onDidReceiveMessage((raw) => {
        const message = parseSearchWebviewMessage(raw);
        if (message) void this.handle(message);
      }),
      this.panel.onDidDispose(() => this.dispose()),
    );
    if ('insights' in source) void this.runInsights(source.insights);
  }

  reveal(): void {
    this.panel.reveal();
  }

  get active(): boolean {
    return this.panel.active;
  }

  private post(message: SearchHostMessage): void {
    // A search or query ending after the panel closed (its Cancelled) has nowhere to go.
    if (this.disposed) return;
    if (message.type === 'status') this.lastStatus = message.status;
    if (message.type === 'fieldErrors') this.lastFieldErrors = message.errors;
    if (this.ready) (this.lastSent as Record<string, SearchHostMessage>)[message.type] = message;
    void this.panel.webview.postMessage(message);
  }

  /** Whether the panel shows a Logs Insights query's contacts rather than a search. */
  get showsInsights(): boolean {
    return this.insights !== undefined;
  }

  /** The Logs Insights status on screen (the tests read it). */
  get insightsStatus(): InsightsRunStatus | undefined {
    return this.insights?.status;
  }

  /** The Logs Insights rows on screen. */
  get insightsRows(): readonly InsightsTableRow[] {
    return this.insights?.rows ?? [];
  }

  /** Resolves when the Logs Insights query on screen has ended (however it ended). */
  get insightsDone(): Promise<void> {
    return this.insights?.done ?? Promise.resolve();
  }

  /** The Cancel button: stops the search, or the Logs Insights query (StopQuery). */
  cancel(): void {
    this.running?.abort();
  }

  /** Runs a Logs Insights query in this panel, replacing the one on screen. */
  runInsights(job: InsightsJob): Promise<void> {
    this.running?.abort();
    const controller = new AbortController();
    this.running = controller;
    const searchId = ++this.searchId;
    this.panel.title = job.title;
    const state: NonNullable<SearchPanel['insights']> = { job, rows: [], done: Promise.resolve() };
    this.insights = state;
    if (this.ready) this.post({ type: 'insightsInit', heading: job.heading, timeZone: this.deps.timeZone() });
    state.done = job.run(controller.signal, (update) => {
      if (this.insights !== state) return;
      if (update.rows) {
        state.rows = update.rows;
        if (this.ready) this.post({ type: 'insightsRows', searchId, rows: update.rows });
      }
      state.status = { ...update.status, searchId };
      if (this.ready) this.post({ type: 'insightsStatus', status: state.status });
    }).finally(() => {
      if (this.running === controller) this.running = undefined;
    });
    return state.done;
  }

  private async handle(m: SearchWebviewMessage): Promise<void> {
    const ref = (contactId: string): ContactRef => ({ ...this.target, contactId });
    switch (m.type) {
      case 'ready': {
        this.ready = true;
        const insights = this.insights;
        if (insights) {
          // What the query has shown so far: the webview (re)loaded after the run began.
          this.post({ type: 'insightsInit', heading: insights.job.heading, timeZone: this.deps.timeZone() });
          if (insights.rows.length) this.post({ type: 'insightsRows', searchId: this.searchId, rows: insights.rows });
          if (insights.status) this.post({ type: 'insightsStatus', status: insights.status });
          return;
        }
        this.post({ type: 'init', title: this.deps.instanceLabel(this.target), criteria: this.criteria, timeZone: this.deps.timeZone() });
        void this.loadOptions();
        return;
      }
      case 'search':
        await this.run(m.criteria);
        return;
      case 'cancel':
        this.cancel();
        return;
      case 'open':
        await this.deps.openContact(ref(m.contactId));
        return;
      case 'compare':
        await vscode.commands.executeCommand('connectContacts.compareContacts', { contacts: m.contactIds.map(ref) });
        return;
      case 'pin':
        for (const id of m.contactIds) await this.deps.pin(ref(id));
        void vscode.window.showInformationMessage(vscode.l10n.t('Pinned {0} contacts in the Amazon Connect explorer.', m.contactIds.length));
        return;
      case 'export':
        await this.deps.exportContacts(this.target, this.criteria, m.format);
        return;
      case 'copyIds':
        await vscode.env.clipboard.writeText(m.contactIds.join('\n'));
        void vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0} contact IDs', m.contactIds.length), 3000);
        return;
      case 'insightsAction':
        await this.insightsAction(m.action);
        return;
    }
  }

  /** A button of the Insights panel: edit the query, run it again, or open the log-group setting. */
  async insightsAction(action: InsightsAction): Promise<void> {
    const job = this.insights?.job;
    if (!job) return;
    switch (action) {
      case 'rerun':
        await this.runInsights(job);
        return;
      case 'editQuery': {
        const next = await job.edit();
        if (next) await this.runInsights(next);
        return;
      }
      case 'flowLogSettings':
        await vscode.commands.executeCommand('workbench.action.openSettings', 'connectContacts.flowLogGroups');
        return;
    }
  }

  private async loadOptions(): Promise<void> {
    const [queues, agents] = await Promise.allSettled([this.deps.listQueues(this.target), this.deps.listUsers(this.target)]);
    const why = (r: PromiseSettledResult<unknown>) => (r.status === 'rejected' ? (r.reason instanceof Error ? r.reason.message : String(r.reason)) : undefined);
    const sorted = (r: PromiseSettledResult<NamedResourceSummary[]>) => (r.status === 'fulfilled' ? [...r.value].sort((a, b) => a.name.localeCompare(b.name)) : []);
    const queuesError = why(queues);
    const agentsError = why(agents);
    this.post({ type: 'options', queues: sorted(queues), agents: sorted(agents), ...(queuesError ? { queuesError } : {}), ...(agentsError ? { agentsError } : {}) });
  }

  /** Runs a search, replacing the one on screen; resolves when it ends, is cancelled or fails. */
  async run(criteria: ContactSearchCriteria): Promise<void> {
    this.running?.abort();
    const controller = new AbortController();
    this.running = controller;
    const searchId = ++this.searchId;
    this.criteria = criteria;
    const errors = validateCriteria(criteria, Date.now());
    this.post({ type: 'fieldErrors', errors });
    if (errors.length > 0) {
      this.post({ type: 'status', status: { searchId, loaded: 0, totalComplete: false, running: false } });
      return;
    }
    let loaded = 0;
    let status: SearchStatus = { searchId, loaded, totalComplete: false, running: true };
    this.post({ type: 'status', status });
    try {
      let batch: ContactSummary[] = [];
      for await (const page of watchedSearchPages((q, s, priority) => this.deps.search(this.target, q, s ?? controller.signal, priority), this.target.instanceId, criteria, Date.now(), controller.signal)) {
        loaded += page.contacts.length;
        batch.push(...page.contacts);
        status = { searchId, loaded, total: page.total, totalComplete: page.totalComplete, running: true, ...(page.note ? { note: page.note } : status.note ? { note: status.note } : {}) };
        if (batch.length >= postBatch || loaded === page.contacts.length) {
          this.postRows(searchId, batch);
          batch = [];
        }
        this.post({ type: 'status', status });
      }
      this.postRows(searchId, batch);
      this.post({ type: 'status', status: { ...status, total: loaded, totalComplete: true, running: false } });
    } catch (error) {
      if (controller.signal.aborted) {
        if (this.searchId === searchId) this.post({ type: 'status', status: { ...status, running: false, cancelled: true } });
        return;
      }
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof ConnectServiceError && error.kind === 'InvalidInput') {
        this.post({ type: 'fieldErrors', errors: [{ field: fieldOfServiceMessage(message), message }] });
      }
      this.post({ type: 'status', status: { ...status, running: false, error: message } });
    } finally {
      if (this.running === controller) this.running = undefined;
    }
  }

  private postRows(searchId: number, contacts: ContactSummary[]): void {
    if (contacts.length === 0 || searchId !== this.searchId) return;
    this.post({ type: 'rows', searchId, rows: contacts.map((c) => toSearchRow(c)) });
    void this.resolveNames(contacts);
  }

  /** Names for IDs not seen before: one DescribeQueue or DescribeUser each (cached by the caller). */
  private async resolveNames(contacts: ContactSummary[]): Promise<void> {
    const wanted: { kind: 'queue' | 'user'; id: string }[] = [];
    for (const c of contacts) {
      for (const [kind, id] of [['queue', c.queueId], ['user', c.agentId]] as const) {
        if (id && !this.knownNames[kind].has(id)) {
          this.knownNames[kind].set(id, undefined);
          wanted.push({ kind, id });
        }
      }
    }
    if (wanted.length === 0) return;
    const found = await Promise.all(wanted.map(async (w) => ({ ...w, name: await this.deps.name(this.target, w.kind, w.id, this.namesAbort.signal).catch(() => undefined) })));
    const queues: Record<string, string> = {};
    const agents: Record<string, string> = {};
    for (const f of found) {
      if (!f.name) continue;
      this.knownNames[f.kind].set(f.id, f.name);
      (f.kind === 'queue' ? queues : agents)[f.id] = f.name;
    }
    if (Object.keys(queues).length + Object.keys(agents).length > 0) this.post({ type: 'names', queues, agents });
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.running?.abort();
    this.namesAbort.abort();
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
    this.onDidDisposeEmitter.fire();
    this.onDidDisposeEmitter.dispose();
  }
}
