// The search results: a virtualised, sortable table (only the rows in view exist, so 10,000 rows
// cost what 30 do). A click selects and opens the contact; Ctrl/Cmd+click and Shift+click select
// several (for compare, pin). Every value is set as text.
import { formatTimestamp, type TimeZoneChoice } from '../../src/contact/format';
import { agentText, formatDuration, queueText, searchColumns, sortedOrder, type SearchColumn, type SearchRow } from '../../src/contact/searchRows';
import { el } from '../dom';

const rowHeight = 24;
const overscan = 10;

export interface ResultsActions {
  open(row: SearchRow): void;
  selectionChanged(ids: string[]): void;
}

export class ResultsTable {
  readonly element: HTMLDivElement;
  private readonly scroller: HTMLDivElement;
  private readonly spacer: HTMLDivElement;
  private readonly body: HTMLDivElement;
  private readonly headers = new Map<SearchColumn, HTMLButtonElement>();
  private rows: SearchRow[] = [];
  /** Row indexes in display order; undefined: the service's order. */
  private order: Uint32Array | undefined;
  private sort: { column: SearchColumn; descending: boolean } | undefined;
  private readonly selected = new Set<string>();
  private anchor = -1;
  private frame = 0;
  private resortTimer: ReturnType<typeof setTimeout> | undefined;
  timeZone: TimeZoneChoice = 'local';

  constructor(private readonly actions: ResultsActions) {
    this.element = el('div', 'results');
    this.element.setAttribute('role', 'grid');
    this.element.setAttribute('aria-label', 'Contacts found');
    this.element.setAttribute('aria-multiselectable', 'true');
    const head = el('div', 'results-head');
    head.setAttribute('role', 'row');
    for (const c of searchColumns) {
      const cell = el('div', `cell col-${c.id}`);
      cell.setAttribute('role', 'columnheader');
      const button = el('button', 'sort-button', c.label);
      button.type = 'button';
      button.title = `Sort by ${c.label.toLowerCase()}`;
      button.addEventListener('click', () => this.sortBy(c.id));
      cell.append(button);
      this.headers.set(c.id, button);
      head.append(cell);
    }
    this.scroller = el('div', 'results-scroller');
    this.scroller.tabIndex = 0;
    this.spacer = el('div', 'results-spacer');
    this.body = el('div', 'results-body');
    this.scroller.append(this.spacer, this.body);
    this.scroller.addEventListener('scroll', () => this.schedule());
    this.scroller.addEventListener('keydown', (e) => this.key(e));
    this.element.append(head, this.scroller);
    new ResizeObserver(() => this.schedule()).observe(this.scroller);
  }

  get size(): number {
    return this.rows.length;
  }

  clear(): void {
    this.rows = [];
    this.order = undefined;
    this.selected.clear();
    this.anchor = -1;
    this.actions.selectionChanged([]);
    this.schedule();
  }

  append(rows: SearchRow[]): void {
    for (const r of rows) this.rows.push(r);
    if (this.sort) {
      // Re-sorting on every page would cost a sort per page: once the pages pause.
      clearTimeout(this.resortTimer);
      this.resortTimer = setTimeout(() => this.applySort(), 100);
    }
    this.schedule();
  }

  setNames(queues: Record<string, string>, agents: Record<string, string>): void {
    for (const r of this.rows) {
      if (r.queueId && queues[r.queueId] !== undefined) r.queueName = queues[r.queueId];
      if (r.agentId && agents[r.agentId] !== undefined) r.agentName = agents[r.agentId];
    }
    this.schedule();
  }

  /** Sorts by a column (again: the other way); returns how long the sort took, in ms. */
  sortBy(column: SearchColumn): number {
    this.sort = this.sort?.column === column ? { column, descending: !this.sort.descending } : { column, descending: column === 'initiated' || column === 'duration' };
    const started = performance.now();
    this.applySort();
    return performance.now() - started;
  }

  private applySort(): void {
    if (!this.sort) return;
    this.order = sortedOrder(this.rows, this.sort.column, this.sort.descending);
    for (const [id, button] of this.headers) {
      const cell = button.parentElement as HTMLElement;
      cell.setAttribute('aria-sort', this.sort.column === id ? (this.sort.descending ? 'descending' : 'ascending') : 'none');
      button.dataset.sort = this.sort.column === id ? (this.sort.descending ? 'desc' : 'asc') : '';
    }
    this.render();
  }

  private rowAt(i: number): SearchRow {
    return this.rows[this.order && i < this.order.length ? this.order[i] : i];
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.render();
    });
  }

  /** Draws the rows in view now (the tests and the bench call it to measure). */
  render(): void {
    this.spacer.style.height = `${this.rows.length * rowHeight}px`;
    const top = this.scroller.scrollTop;
    const height = this.scroller.clientHeight || 600;
    const from = Math.max(0, Math.floor(top / rowHeight) - overscan);
    const to = Math.min(this.rows.length, Math.ceil((top + height) / rowHeight) + overscan);
    this.body.style.transform = `translateY(${from * rowHeight}px)`;
    const out: HTMLElement[] = [];
    for (let i = from; i < to; i++) out.push(this.rowElement(this.rowAt(i), i));
    this.body.replaceChildren(...out);
  }

  private rowElement(r: SearchRow, index: number): HTMLElement {
    const row = el('div', 'result-row');
    row.setAttribute('role', 'row');
    row.setAttribute('aria-rowindex', String(index + 2));
    row.dataset.contactId = r.id;
    const selected = this.selected.has(r.id);
    row.setAttribute('aria-selected', String(selected));
    if (selected) row.classList.add('selected');
    const cells: [SearchColumn, string][] = [
      ['channel', r.channel],
      ['initiated', r.initiated ? formatTimestamp(r.initiated, this.timeZone) : ''],
      ['duration', formatDuration(r.durationSeconds)],
      ['queue', queueText(r)],
      ['agent', agentText(r)],
      ['initiationMethod', r.initiationMethod],
      ['id', r.id],
    ];
    for (const [id, text] of cells) {
      const cell = el('div', `cell col-${id}`, text);
      cell.setAttribute('role', 'gridcell');
      cell.title = text;
      row.append(cell);
    }
    row.addEventListener('click', (e) => this.click(index, r, e));
    return row;
  }

  private click(index: number, r: SearchRow, e: MouseEvent): void {
    if (e.shiftKey && this.anchor >= 0) {
      const [a, b] = this.anchor < index ? [this.anchor, index] : [index, this.anchor];
      for (let i = a; i <= b; i++) this.selected.add(this.rowAt(i).id);
    } else if (e.ctrlKey || e.metaKey) {
      if (this.selected.has(r.id)) this.selected.delete(r.id);
      else this.selected.add(r.id);
      this.anchor = index;
    } else {
      this.selected.clear();
      this.selected.add(r.id);
      this.anchor = index;
      this.actions.open(r);
    }
    this.actions.selectionChanged([...this.selected]);
    this.render();
  }

  private key(e: KeyboardEvent): void {
    if (e.key === 'Enter' && this.anchor >= 0 && this.anchor < this.rows.length) this.actions.open(this.rowAt(this.anchor));
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    const next = Math.max(0, Math.min(this.rows.length - 1, this.anchor + (e.key === 'ArrowDown' ? 1 : -1)));
    if (next < 0 || next >= this.rows.length) return;
    this.anchor = next;
    if (!e.shiftKey) this.selected.clear();
    this.selected.add(this.rowAt(next).id);
    const top = next * rowHeight;
    if (top < this.scroller.scrollTop) this.scroller.scrollTop = top;
    else if (top + rowHeight > this.scroller.scrollTop + this.scroller.clientHeight) this.scroller.scrollTop = top + rowHeight - this.scroller.clientHeight;
    this.actions.selectionChanged([...this.selected]);
    this.render();
  }
}
