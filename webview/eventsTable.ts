// The Timeline's events table: every flow-log event as a row (time, T+, flow, block, identifier,
// parameters, results), the accessible form of the picture. Virtualised: only the rows in view
// exist, so 5,000 events cost what 20 do. Filters: text, flow, block type, errors only; each
// keystroke filters precomputed lower-case text, nothing is re-parsed. Up/Down move the selection,
// Ctrl/Cmd+C copies the selected row. Log text is set as text only.
import { formatTimestamp } from '../src/contact/format';
import type { TimeZoneChoice } from '../src/protocol/messages';
import { shortFlowId, tickLabel } from '../src/timeline/timelineModel';
import { rowExternalResults, rowParameters, type TimelineRow } from '../src/timeline/timelineState';
import { el, icon } from './dom';

const rowHeight = 24;
const overscan = 8;
const cellChars = 300;

/** One line of text for a cell: JSON for objects, cut to a bound. */
export function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > cellChars ? `${text.slice(0, cellChars)}…` : text;
}

/** A row as copied (Ctrl+C, the row's Copy button): the line's fields, as JSON. */
export function rowCopyText(row: TimelineRow): string {
  if (row.raw !== undefined && row.shape === 'raw') return row.raw;
  const out: Record<string, unknown> = { Timestamp: row.timestamp, ContactId: row.contactId ?? row.groupContactId };
  if (row.flowName !== undefined) out.ContactFlowName = row.flowName;
  if (row.flowId !== undefined) out.ContactFlowId = row.flowId;
  if (row.moduleType !== undefined) out.ContactFlowModuleType = row.moduleType;
  if (row.identifier !== undefined) out.Identifier = row.identifier;
  const parameters = rowParameters(row);
  if (parameters !== undefined) out.Parameters = parameters;
  if (row.results !== undefined) out.Results = row.results;
  const returned = rowExternalResults(row);
  if (returned !== undefined) out.ExternalResults = returned;
  return JSON.stringify(out, null, 2);
}

export interface EventsFilter {
  text: string;
  flow: string;
  kind: string;
  errorsOnly: boolean;
}

export interface EventsTableActions {
  select(row: TimelineRow): void;
  copy(text: string, what: string): void;
}

const columns = ['Time', 'T+', 'Flow', 'Block', 'Identifier', 'Parameters', 'Results'] as const;

export class EventsTable {
  readonly element: HTMLDivElement;
  readonly filterInput: HTMLInputElement;
  private readonly flowSelect: HTMLSelectElement;
  private readonly kindSelect: HTMLSelectElement;
  private readonly errorsBox: HTMLInputElement;
  private readonly countEl: HTMLSpanElement;
  private readonly scroller: HTMLDivElement;
  private readonly spacer: HTMLDivElement;
  private readonly body: HTMLDivElement;
  private rows: TimelineRow[] = [];
  /** Each row's text, lower-cased once per state: a keystroke only compares. */
  private haystacks: string[] = [];
  private visible: number[] = [];
  private selectedId: string | undefined;
  private timeZone: TimeZoneChoice = 'local';
  private frame = 0;
  private rendered = { from: -1, to: -1 };
  private haystackTimer: ReturnType<typeof setTimeout> | undefined;
  private haystackFrame = 0;
  private listsFilled = false;

  constructor(private readonly actions: EventsTableActions) {
    this.element = el('div', 'events');
    const bar = el('div', 'events-filters');
    this.filterInput = el('input', 'events-filter');
    this.filterInput.type = 'search';
    this.filterInput.placeholder = 'Filter events';
    this.filterInput.setAttribute('aria-label', 'Filter events by text');
    this.flowSelect = el('select', 'events-flow');
    this.flowSelect.setAttribute('aria-label', 'Flow');
    this.kindSelect = el('select', 'events-kind');
    this.kindSelect.setAttribute('aria-label', 'Block type');
    const errorsLabel = el('label', 'events-errors');
    this.errorsBox = el('input');
    this.errorsBox.type = 'checkbox';
    errorsLabel.append(this.errorsBox, ' Errors only');
    this.countEl = el('span', 'events-count');
    this.countEl.setAttribute('role', 'status');
    bar.append(this.filterInput, this.flowSelect, this.kindSelect, errorsLabel, this.countEl);

    const head = el('div', 'events-row events-head');
    head.setAttribute('role', 'row');
    for (const c of columns) {
      const cell = el('div', 'events-cell', c);
      cell.setAttribute('role', 'columnheader');
      head.append(cell);
    }
    head.append(el('div', 'events-cell events-actions'));
    this.scroller = el('div', 'events-scroller');
    this.scroller.tabIndex = 0;
    this.scroller.setAttribute('role', 'table');
    this.scroller.setAttribute('aria-label', 'Flow-log events');
    this.spacer = el('div', 'events-spacer');
    this.body = el('div', 'events-body');
    this.body.setAttribute('role', 'rowgroup');
    this.spacer.append(this.body);
    this.scroller.append(head, this.spacer);
    this.element.append(bar, this.scroller);

    this.filterInput.addEventListener('input', () => this.applyFilter());
    for (const select of [this.flowSelect, this.kindSelect]) {
      select.addEventListener('pointerdown', () => this.ensureLists());
      select.addEventListener('focus', () => this.ensureLists());
    }
    this.flowSelect.addEventListener('change', () => this.applyFilter());
    this.kindSelect.addEventListener('change', () => this.applyFilter());
    this.errorsBox.addEventListener('change', () => this.applyFilter());
    this.scroller.addEventListener('scroll', () => this.schedule());
    this.scroller.addEventListener('keydown', (e) => this.onKeyDown(e));
  }

  setRows(rows: TimelineRow[], timeZone: TimeZoneChoice): void {
    const sameRows = rows.length === this.rows.length && rows.every((r, i) => r.id === this.rows[i]?.id);
    this.rows = rows;
    this.timeZone = timeZone;
    if (!sameRows) {
      // Built as soon as the rows are painted (or by the first keystroke, if sooner): the rows
      // show first, and a keystroke soon after finds the lower-cased text ready.
      this.haystacks = [];
      this.listsFilled = false;
      cancelAnimationFrame(this.haystackFrame);
      clearTimeout(this.haystackTimer);
      this.haystackFrame = requestAnimationFrame(() => {
        this.haystackTimer = setTimeout(() => {
          this.ensureLists();
          this.ensureHaystacks();
        }, 0);
      });
    }
    this.applyFilter();
  }

  setTimeZone(timeZone: TimeZoneChoice): void {
    this.timeZone = timeZone;
    this.rendered = { from: -1, to: -1 };
    this.renderRows();
  }

  get filter(): EventsFilter {
    return { text: this.filterInput.value, flow: this.flowSelect.value, kind: this.kindSelect.value, errorsOnly: this.errorsBox.checked };
  }

  /** The rows the filters let through, in order (tests read them). */
  get shownCount(): number {
    return this.visible.length;
  }

  /** Selects the row (from a click on the picture) and scrolls it into view, clearing filters that hide it. */
  select(eventId: string): void {
    let at = this.visible.findIndex((i) => this.rows[i].id === eventId);
    if (at < 0 && this.rows.some((r) => r.id === eventId)) {
      this.filterInput.value = '';
      this.flowSelect.value = '';
      this.kindSelect.value = '';
      this.errorsBox.checked = false;
      this.applyFilter();
      at = this.visible.findIndex((i) => this.rows[i].id === eventId);
    }
    if (at < 0) return;
    this.selectedId = eventId;
    const top = at * rowHeight;
    const viewTop = this.scroller.scrollTop;
    const viewHeight = this.scroller.clientHeight - rowHeight;
    if (top < viewTop || top > viewTop + viewHeight - rowHeight) this.scroller.scrollTop = Math.max(0, top - viewHeight / 2);
    this.rendered = { from: -1, to: -1 };
    this.renderRows();
  }

  focus(): void {
    this.scroller.focus();
  }

  /** The flow and block-type choices, filled after the first paint (or as soon as a list is opened). */
  private ensureLists(): void {
    if (this.listsFilled) return;
    this.listsFilled = true;
    fillSelect(this.flowSelect, 'All flows', uniqueSorted(this.rows.map((r) => flowLabel(r))));
    fillSelect(this.kindSelect, 'All block types', uniqueSorted(this.rows.map((r) => r.blockLabel)));
  }

  private ensureHaystacks(): void {
    if (this.haystacks.length === this.rows.length) return;
    this.haystacks = this.rows.map((r) => [r.flowName ?? '', r.blockLabel, r.moduleType ?? '', r.identifier ?? '', r.parametersJson ?? '', r.results ?? '', r.externalResultsJson ?? '', r.raw ?? ''].join('\u0001').toLowerCase());
  }

  applyFilter(): void {
    const needle = this.filterInput.value.trim().toLowerCase();
    if (needle) this.ensureHaystacks();
    const flow = this.flowSelect.value;
    const kind = this.kindSelect.value;
    const errorsOnly = this.errorsBox.checked;
    const out: number[] = [];
    for (let i = 0; i < this.rows.length; i++) {
      const r = this.rows[i];
      if (errorsOnly && !r.isError) continue;
      if (kind && r.blockLabel !== kind) continue;
      if (flow && flowLabel(r) !== flow) continue;
      if (needle && !this.haystacks[i].includes(needle)) continue;
      out.push(i);
    }
    this.visible = out;
    this.spacer.style.height = `${out.length * rowHeight}px`;
    const filtered = out.length !== this.rows.length;
    this.countEl.textContent = filtered ? `${out.length.toLocaleString('en-US')} of ${this.rows.length.toLocaleString('en-US')} events` : `${this.rows.length.toLocaleString('en-US')} event${this.rows.length === 1 ? '' : 's'}`;
    this.scroller.setAttribute('aria-rowcount', String(out.length + 1));
    this.rendered = { from: -1, to: -1 };
    this.renderRows();
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.renderRows();
    });
  }

  private renderRows(): void {
    const height = this.scroller.clientHeight || 320;
    const from = Math.max(0, Math.floor(this.scroller.scrollTop / rowHeight) - overscan);
    const to = Math.min(this.visible.length, Math.ceil((this.scroller.scrollTop + height) / rowHeight) + overscan);
    if (from === this.rendered.from && to === this.rendered.to) return;
    this.rendered = { from, to };
    const nodes: HTMLElement[] = [];
    for (let at = from; at < to; at++) nodes.push(this.rowElement(this.rows[this.visible[at]], at));
    this.body.style.transform = `translateY(${from * rowHeight}px)`;
    this.body.replaceChildren(...nodes);
  }

  private rowElement(row: TimelineRow, at: number): HTMLElement {
    const selected = row.id === this.selectedId;
    const tr = el('div', `events-row${row.isError ? ' error' : ''}${selected ? ' selected' : ''} kind-${row.kind}`);
    tr.setAttribute('role', 'row');
    tr.setAttribute('aria-rowindex', String(at + 2));
    if (selected) tr.setAttribute('aria-selected', 'true');
    tr.dataset.eventId = row.id;
    const when = formatTimestamp(row.timestamp, this.timeZone);
    const cells = [
      // The time of day (the date is the contact's); the whole timestamp on hover.
      when.slice(11).replace(/ \S+$/, '') || when,
      tickLabel(row.axisT),
      row.flowName ?? (row.flowId ? shortFlowId(row.flowId) : ''),
      row.blockLabel,
      row.identifier ?? '',
      row.shape === 'raw' ? cellText(row.raw) : cellText(row.parametersJson),
      [row.results, row.externalResultsJson ? cellText(row.externalResultsJson) : undefined].filter(Boolean).join(' · '),
    ];
    cells.forEach((text, i) => {
      const cell = el('div', `events-cell col-${i}`, text);
      cell.setAttribute('role', 'cell');
      cell.title = i === 0 ? when : text;
      tr.append(cell);
    });
    if (row.isError) tr.children[3]?.prepend(icon('error', 'error-icon'));
    const actions = el('div', 'events-cell events-actions');
    const copy = el('button', 'icon-button row-copy');
    copy.type = 'button';
    copy.title = 'Copy this event';
    copy.setAttribute('aria-label', `Copy event at ${tickLabel(row.axisT)}`);
    copy.append(icon('copy'));
    copy.addEventListener('click', (e) => {
      e.stopPropagation();
      this.actions.copy(rowCopyText(row), `flow-log event at ${tickLabel(row.axisT)}`);
    });
    actions.append(copy);
    tr.append(actions);
    tr.addEventListener('click', () => this.choose(row));
    return tr;
  }

  private choose(row: TimelineRow): void {
    this.selectedId = row.id;
    this.rendered = { from: -1, to: -1 };
    this.renderRows();
    this.actions.select(row);
  }

  private onKeyDown(e: KeyboardEvent): void {
    const at = this.visible.findIndex((i) => this.rows[i].id === this.selectedId);
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'c' && at >= 0 && String(window.getSelection() ?? '') === '') {
      const row = this.rows[this.visible[at]];
      this.actions.copy(rowCopyText(row), `flow-log event at ${tickLabel(row.axisT)}`);
      e.preventDefault();
      return;
    }
    let next: number;
    switch (e.key) {
      case 'ArrowDown':
        next = Math.min(this.visible.length - 1, at + 1);
        break;
      case 'ArrowUp':
        next = Math.max(0, at - 1);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = this.visible.length - 1;
        break;
      case 'PageDown':
        next = Math.min(this.visible.length - 1, at + 10);
        break;
      case 'PageUp':
        next = Math.max(0, at - 10);
        break;
      default:
        return;
    }
    e.preventDefault();
    if (next < 0 || this.visible.length === 0) return;
    const row = this.rows[this.visible[next]];
    this.select(row.id);
    this.actions.select(row);
  }
}

/** The flow a row belongs to, as the flow filter lists it. */
function flowLabel(r: TimelineRow): string {
  return r.flowName ?? (r.flowId ? shortFlowId(r.flowId) : '(no flow)');
}

function uniqueSorted(values: string[]): string[] {
  return [...new Set(values.filter((v) => v !== ''))].sort((a, b) => a.localeCompare(b));
}

function fillSelect(select: HTMLSelectElement, allLabel: string, values: string[]): void {
  const current = select.value;
  const all = el('option', '', allLabel);
  all.value = '';
  select.replaceChildren(all, ...values.map((v) => {
    const o = el('option', '', v);
    o.value = v;
    return o;
  }));
  select.value = values.includes(current) ? current : '';
}
