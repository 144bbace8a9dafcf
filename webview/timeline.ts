// The Timeline view: what the flows did on the contact. Its actions (this contact or the whole
// chain; Copy as Logs Insights query, open the log group, export the events), what stopped the
// flow logs and what to do about it, the picture in words, the picture, the events table and the
// selected event's details (with the Lambda function's own log lines on demand). The host reads
// the flow logs the first time the view is shown.
import type { JsonObject } from '../src/contact/contactDocument';
import { formatTimestamp } from '../src/contact/format';
import type { TimeZoneChoice } from '../src/protocol/messages';
import { buildTimeline, tickLabel } from '../src/timeline/timelineModel';
import { flowArnPattern, rowExternalResults, rowParameters, type LambdaLogLines, type TimelineMode, type TimelineNotice, type TimelineRow, type TimelineState } from '../src/timeline/timelineState';
import { el, icon, svgEl } from './dom';
import { EventsTable, rowCopyText } from './eventsTable';
import { TimelinePicture } from './timelinePicture';

export interface TimelineActions {
  load(mode: TimelineMode, force: boolean): void;
  action(action: 'copyInsightsQuery' | 'openLogGroup' | 'exportEvents'): void;
  openFlow(flowArn: string): void;
  lambdaLogs(eventId: string): void;
  copy(text: string, what: string): void;
  openContact(contactId: string): void;
}

const noticeIcons: Record<TimelineNotice['kind'], string> = {
  loading: 'loading',
  noLogGroup: 'warning',
  unknownLogGroup: 'warning',
  accessDenied: 'lock',
  noEvents: 'info',
  truncated: 'info',
  failed: 'error',
  sample: 'beaker',
};

export class TimelineView {
  readonly element: HTMLDivElement;
  private readonly modeButtons = new Map<TimelineMode, HTMLButtonElement>();
  private readonly copyQuery: HTMLButtonElement;
  private readonly openGroup: HTMLButtonElement;
  private readonly exportButton: HTMLButtonElement;
  private readonly reload: HTMLButtonElement;
  private readonly source: HTMLSpanElement;
  private readonly notices: HTMLDivElement;
  private readonly summary: HTMLParagraphElement;
  private readonly picture: TimelinePicture;
  private readonly table: EventsTable;
  private readonly details: HTMLDivElement;
  private state: TimelineState | undefined;
  private rowsById = new Map<string, TimelineRow>();
  private lambda = new Map<string, LambdaLogLines | 'loading'>();
  private selected: TimelineRow | undefined;
  private timeZone: TimeZoneChoice = 'local';
  private mode: TimelineMode = 'contact';
  /** The contact the view is for, and whether the host has been asked for its flow logs. */
  private contactId: string | undefined;
  private requested = false;
  private visible = false;
  private chainSize = 0;

  constructor(private readonly actions: TimelineActions) {
    this.element = el('div', 'timeline');
    const bar = el('div', 'timeline-bar');
    const modes = el('div', 'timeline-modes');
    modes.setAttribute('role', 'group');
    modes.setAttribute('aria-label', 'Contacts shown');
    for (const [mode, label] of [['contact', 'This contact'], ['chain', 'Whole chain']] as const) {
      const b = el('button', 'mode-button', label);
      b.type = 'button';
      b.dataset.mode = mode;
      b.addEventListener('click', () => this.setMode(mode));
      this.modeButtons.set(mode, b);
      modes.append(b);
    }
    this.copyQuery = actionButton('copy', 'Copy Logs Insights query', () => actions.action('copyInsightsQuery'));
    this.openGroup = actionButton('link-external', 'Open log group', () => actions.action('openLogGroup'));
    this.exportButton = actionButton('json', 'Export events as JSON', () => actions.action('exportEvents'));
    this.reload = actionButton('refresh', 'Read again', () => {
      this.requested = true;
      actions.load(this.mode, true);
    });
    this.source = el('span', 'timeline-source');
    bar.append(modes, this.copyQuery, this.openGroup, this.exportButton, this.reload, this.source);

    this.notices = el('div', 'timeline-notices');
    this.notices.setAttribute('role', 'status');
    this.summary = el('p', 'timeline-summary');
    this.picture = new TimelinePicture({
      select: (eventId) => this.select(eventId, true),
      describe: (eventId) => this.describe(eventId),
      openContact: (contactId) => actions.openContact(contactId),
    });
    const zoom = el('div', 'timeline-zoom');
    zoom.append(
      actionButton('zoom-in', 'Zoom in', () => this.picture.zoom(0.8)),
      actionButton('zoom-out', 'Zoom out', () => this.picture.zoom(1.25)),
      actionButton('screen-full', 'Whole contact', () => this.picture.fit()),
      el('span', 'timeline-keys muted', 'Wheel or + / − to zoom, drag or ← → to pan, 0 for the whole contact.'),
    );
    const legend = el('div', 'timeline-legend');
    legend.setAttribute('aria-hidden', 'true'); // the table's Block column says the same in words
    for (const [kind, label] of legendItems) legend.append(legendItem(kind, label));
    zoom.append(legend);
    this.table = new EventsTable({ select: (row) => this.showDetails(row), copy: (text, what) => actions.copy(text, what) });
    this.details = el('div', 'event-details');
    this.details.setAttribute('aria-live', 'polite');
    this.element.append(bar, this.notices, this.summary, zoom, this.picture.element, this.table.element, this.details);
    this.applyButtons();
  }

  /** The panel shows a contact: a new one starts over (its flow logs are read when the view is shown). */
  setContact(contact: JsonObject, contactId: string, timeZone: TimeZoneChoice, same: boolean): void {
    this.timeZone = timeZone;
    if (!same || contactId !== this.contactId) {
      this.contactId = contactId;
      this.mode = 'contact';
      this.state = undefined;
      this.rowsById.clear();
      this.lambda.clear();
      this.selected = undefined;
      this.details.replaceChildren();
      // The contact lane needs no logs: drawn now, the events follow.
      const model = buildTimeline(contact, [], { now: Date.now() });
      this.summary.textContent = model.summary;
      this.picture.setModel(model);
      this.table.setRows([], timeZone);
    }
    // A refreshed contact is read again too (the host dropped what it had).
    this.requested = false;
    this.applyButtons();
    if (this.visible) this.request();
  }

  /** The chain the story found: whole-chain mode needs more than one contact. */
  setChainSize(size: number): void {
    this.chainSize = size;
    this.applyButtons();
  }

  setVisible(visible: boolean): void {
    this.visible = visible;
    if (visible) this.request();
  }

  setTimeZone(timeZone: TimeZoneChoice): void {
    this.timeZone = timeZone;
    this.picture.setTimeZone(timeZone);
    this.table.setTimeZone(timeZone);
    if (this.selected) this.showDetails(this.selected);
  }

  /** Draws the Timeline the host sent (held in memory only: the saved panel state never holds it). */
  show(state: TimelineState): void {
    if (state.contactId !== this.contactId || state.mode !== this.mode) return;
    const first = !this.state || this.state.mode !== state.mode || this.state.rows.length === 0;
    this.state = state;
    this.rowsById = new Map(state.rows.map((r) => [r.id, r]));
    this.summary.textContent = state.model.summary;
    this.picture.setModel(state.model, !first);
    this.table.setRows(state.rows, this.timeZone);
    this.renderNotices(state);
    this.source.textContent = state.logGroup
      ? `${state.logGroup.name}${state.logGroup.source === 'setting' ? ' (from connectContacts.flowLogGroups)' : ''}${!state.loading ? ` · ${state.pages} page${state.pages === 1 ? '' : 's'}${state.fetchMs !== undefined ? `, ${(state.fetchMs / 1000).toFixed(1)} s` : ''}${state.duplicates ? ` · ${state.duplicates} repeated line${state.duplicates === 1 ? '' : 's'} dropped` : ''}` : ''}`
      : '';
    if (this.selected && !this.rowsById.has(this.selected.id)) {
      this.selected = undefined;
      this.details.replaceChildren();
    }
    this.applyButtons();
  }

  setLambdaLogs(logs: LambdaLogLines): void {
    this.lambda.set(logs.eventId, logs);
    if (this.selected?.id === logs.eventId) this.showDetails(this.selected);
  }

  focusFilter(): void {
    this.table.filterInput.focus();
  }

  private request(): void {
    if (this.requested || this.contactId === undefined) return;
    this.requested = true;
    this.actions.load(this.mode, false);
  }

  private setMode(mode: TimelineMode): void {
    if (mode === this.mode) return;
    this.mode = mode;
    this.state = undefined;
    this.selected = undefined;
    this.details.replaceChildren();
    this.requested = true;
    this.actions.load(mode, false);
    this.applyButtons();
  }

  private applyButtons(): void {
    for (const [mode, b] of this.modeButtons) {
      b.setAttribute('aria-pressed', mode === this.mode ? 'true' : 'false');
      b.classList.toggle('selected', mode === this.mode);
    }
    const chain = this.modeButtons.get('chain');
    if (chain) {
      chain.disabled = this.chainSize < 2 && this.mode !== 'chain';
      chain.title = chain.disabled ? 'This contact has no linked contacts (or the chain is still being read).' : `The ${this.chainSize} contacts of the chain on one time axis`;
    }
    const s = this.state;
    this.copyQuery.disabled = !s?.insightsQuery;
    this.openGroup.disabled = !s?.logGroup?.consoleUrl;
    this.exportButton.disabled = !s || s.loading || s.rows.length === 0;
    this.reload.disabled = !s || s.loading;
  }

  private renderNotices(state: TimelineState): void {
    this.notices.replaceChildren(...state.notices.map((n) => {
      const box = el('div', `timeline-notice notice-${n.kind}`);
      box.append(icon(noticeIcons[n.kind], n.kind === 'loading' ? 'codicon-modifier-spin' : ''), el('span', 'notice-message', n.message));
      if (n.hint) box.append(el('span', 'notice-hint', n.hint));
      return box;
    }));
  }

  /** The hover text of a mark: its block, when, parameters and results. */
  private describe(eventId: string): string {
    const r = this.rowsById.get(eventId);
    if (!r) return '';
    const lines = [`${r.blockLabel}${r.identifier ? ` · ${r.identifier}` : ''}`, `${tickLabel(r.axisT)} · ${formatTimestamp(r.timestamp, this.timeZone)}`];
    if (r.flowName) lines.push(`Flow: ${r.flowName}`);
    if (r.parametersJson) lines.push(`Parameters: ${clipText(r.parametersJson, 400)}`);
    if (r.results) lines.push(`Results: ${clipText(r.results, 200)}`);
    if (r.externalResultsJson) lines.push(`Returned: ${clipText(r.externalResultsJson, 400)}`);
    if (r.raw !== undefined && r.shape === 'raw') lines.push(clipText(r.raw, 400));
    return lines.join('\n');
  }

  private select(eventId: string, fromPicture: boolean): void {
    const row = this.rowsById.get(eventId);
    if (!row) return;
    this.table.select(eventId);
    this.showDetails(row);
    if (fromPicture) this.table.focus();
  }

  private showDetails(row: TimelineRow): void {
    this.selected = row;
    this.picture.setSelected(row.id);
    const d = this.details;
    d.replaceChildren();
    const head = el('div', 'event-details-head');
    head.append(el('strong', '', `${row.blockLabel}${row.isError ? ' — error' : ''}`), el('span', 'muted', ` ${tickLabel(row.axisT)} · ${formatTimestamp(row.timestamp, this.timeZone)}`));
    const copy = actionButton('copy', 'Copy event', () => this.actions.copy(rowCopyText(row), `flow-log event at ${tickLabel(row.axisT)}`));
    head.append(copy);
    if (row.flowId && flowArnPattern.test(row.flowId)) {
      const flowId = row.flowId;
      head.append(actionButton('link-external', 'Open flow in the Connect console', () => this.actions.openFlow(flowId)));
    }
    d.append(head);
    const facts = el('dl', 'event-facts');
    const fact = (label: string, value: string | undefined, pre = false) => {
      if (value === undefined || value === '') return;
      facts.append(el('dt', '', label), el(pre ? 'pre' : 'dd', pre ? 'event-json' : '', value));
    };
    fact('Flow', row.flowName ?? row.flowId);
    fact('Block type', row.moduleType);
    fact('Identifier', row.identifier);
    const parameters = rowParameters(row);
    if (parameters) fact('Parameters', JSON.stringify(parameters, null, 2), true);
    fact('Results', row.results);
    const returned = rowExternalResults(row);
    if (returned) fact('Returned attributes', JSON.stringify(returned, null, 2), true);
    if (row.shape === 'raw') fact('Log line (not JSON)', row.raw, true);
    d.append(facts);
    if (row.kind === 'lambda') d.append(this.lambdaPart(row));
  }

  private lambdaPart(row: TimelineRow): HTMLElement {
    const part = el('div', 'lambda-logs');
    const logs = this.lambda.get(row.id);
    if (logs === undefined) {
      part.append(actionButton('output', 'Show the function\'s log lines', () => {
        this.lambda.set(row.id, 'loading');
        this.actions.lambdaLogs(row.id);
        this.showDetails(row);
      }));
      return part;
    }
    if (logs === 'loading') {
      part.append(icon('loading', 'codicon-modifier-spin'), el('span', '', ' Reading the function\'s log lines…'));
      return part;
    }
    part.append(el('div', 'lambda-logs-head', `${logs.logGroup ?? logs.functionName ?? 'Lambda'}: ${logs.lines.length} line${logs.lines.length === 1 ? '' : 's'} within 30 s${logs.truncated ? ' (more not shown)' : ''}`));
    if (logs.notice) {
      const n = el('div', `timeline-notice notice-${logs.notice.kind}`);
      n.append(icon(noticeIcons[logs.notice.kind]), el('span', 'notice-message', logs.notice.message));
      if (logs.notice.hint) n.append(el('span', 'notice-hint', logs.notice.hint));
      part.append(n);
    }
    if (logs.lines.length) {
      const pre = el('pre', 'lambda-lines');
      pre.textContent = logs.lines.map((l) => `${formatTimestamp(l.timestamp, this.timeZone)}  ${l.message.replace(/\s+$/, '')}`).join('\n');
      part.append(pre);
    }
    return part;
  }
}

/** The mark colours, named: kinds of block, then the error colour. */
const legendItems: [string, string][] = [
  ['kind-lambda lambda', 'Lambda'],
  ['kind-queue', 'Queue, hours'],
  ['kind-input', 'Input'],
  ['kind-prompt', 'Prompt'],
  ['kind-attribute', 'Attributes'],
  ['kind-transfer', 'Transfer'],
  ['kind-other', 'Other'],
  ['error', 'Error'],
];

function legendItem(classes: string, label: string): HTMLElement {
  const item = el('span', 'legend-item');
  const swatch = svgEl('svg', { width: 10, height: 10 });
  const lambda = classes.includes('lambda');
  swatch.append(lambda
    ? svgEl('rect', { x: 2, y: 2, width: 6, height: 6, transform: 'rotate(45 5 5)' }, `mark ${classes}`)
    : svgEl('circle', { cx: 5, cy: 5, r: 4 }, `mark ${classes}`));
  item.append(swatch, label);
  return item;
}

function actionButton(iconName: string, label: string, run: () => void): HTMLButtonElement {
  const b = el('button', 'timeline-action');
  b.type = 'button';
  b.title = label;
  b.append(icon(iconName), el('span', 'action-label', label));
  b.addEventListener('click', run);
  return b;
}

function clipText(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
