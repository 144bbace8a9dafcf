// The contacts found: a virtualised, sortable table (only the rows in view exist, so 10,000 rows
// cost what 30 do). A click selects and opens the contact; Ctrl/Cmd+click and Shift+click select
// several (for compare, pin, copy). Every value is set as text. Its columns are given
// (columns.ts): the search's, or Find Contacts in Flow Logs'.
import type { TimeZoneChoice } from '../../src/contact/format';
import { sortedOrderBy } from '../../src/contact/searchRows';
import { el } from '../dom';

const rowHeight = 24;
const overscan = 10;

export interface ResultsActions<R> {
  open(row: R): void;
  selectionChanged(ids: string[]): void;
}

/** One column: its header, its CSS width (a grid track), its text and its sort key. */
export interface TableColumn<R> {
  id: string;
  label: string;
  width: string;
  text(row: R, timeZone: TimeZoneChoice): string;
  /** The cell's tooltip, when it says more than the text. */
  title?(row: R): string;
  sortKey(row: R): string | number;
  /** The first sort is newest or longest first. */
  descendingFirst?: boolean;
}

export class ResultsTable<R extends { id: string }> {
  readonly element: HTMLDivElement;
  private readonly scroller: HTMLDivElement;
  private readonly spacer: HTMLDivElement;
  private readonly body: HTMLDivElement;
  private readonly headers = new Map<string, HTMLButtonElement>();
  private rows: R[] = [];
  /** Row indexes in display order; undefined: the service's order. */
  private order: Uint32Array | undefined;
  private sort: { column: TableColumn<R>; descending: boolean } | undefined;
  private readonly selected = new Set<string>();
  /**
   * The row the keys and Shift+click start from, as a contact ID: sorts, pages and polls move rows,
   * and a position would then name another contact.
   */
  private anchor: string | undefined;
  private frame = 0;
  private resortTimer: ReturnType<typeof setTimeout> | undefined;
  timeZone: TimeZoneChoice = 'local';

  constructor(private readonly columns: readonly TableColumn<R>[], private readonly actions: ResultsActions<R>, label = 'Contacts found') {
    this.element = el('div', 'results');
    this.element.setAttribute('role', 'grid');
    this.element.setAttribute('aria-label', label);
    this.element.setAttribute('aria-multiselectable', 'true');
    // The grid's tracks from the columns (CSSOM, which the CSP allows).
    this.element.style.setProperty('--result-columns', columns.map((c) => c.width).join(' '));
    const head = el('div', 'results-head');
    head.setAttribute('role', 'row');
    for (const c of columns) {
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
    this.anchor = undefined;
    this.actions.selectionChanged([]);
    this.schedule();
  }

  /** The rows in the service's order, replacing those shown; the selection keeps the contacts still there. */
  replace(rows: R[]): void {
    this.rows = rows.slice();
    this.order = undefined;
    const ids = new Set(rows.map((r) => r.id));
    const before = this.selected.size;
    for (const id of [...this.selected]) if (!ids.has(id)) this.selected.delete(id);
    if (this.selected.size !== before) this.actions.selectionChanged([...this.selected]);
    if (this.anchor !== undefined && !ids.has(this.anchor)) this.anchor = undefined;
    if (this.sort) this.applySort();
    else this.schedule();
  }

  /** Changes rows in place (names found later), then redraws, sorted again: the sort key may be what changed. */
  update(change: (row: R) => void): void {
    for (const r of this.rows) change(r);
    if (this.sort) this.applySort();
    else this.schedule();
  }

  append(rows: R[]): void {
    for (const r of rows) this.rows.push(r);
    if (this.sort) {
      // Re-sorting on every page would cost a sort per page: once the pages pause.
      clearTimeout(this.resortTimer);
      this.resortTimer = setTimeout(() => this.applySort(), 100);
    }
    this.schedule();
  }

  /** Sorts by a column (again: the other way); returns how long the sort took, in ms. */
  sortBy(columnId: string): number {
    const column = this.columns.find((c) => c.id === columnId);
    if (!column) return 0;
    this.sort = this.sort?.column === column ? { column, descending: !this.sort.descending } : { column, descending: column.descendingFirst === true };
    const started = performance.now();
    this.applySort();
    return performance.now() - started;
  }

  private applySort(): void {
    if (!this.sort) return;
    const { column, descending } = this.sort;
    this.order = sortedOrderBy(this.rows, (r) => column.sortKey(r), descending);
    for (const [id, button] of this.headers) {
      const cell = button.parentElement as HTMLElement;
      cell.setAttribute('aria-sort', column.id === id ? (descending ? 'descending' : 'ascending') : 'none');
      button.dataset.sort = column.id === id ? (descending ? 'desc' : 'asc') : '';
    }
    this.render();
  }

  private rowAt(i: number): R {
    return this.rows[this.order && i < this.order.length ? this.order[i] : i];
  }

  /** Where a contact is shown now (display position), or -1. A scan: once per key or click. */
  private positionOf(id: string | undefined): number {
    if (id === undefined) return -1;
    for (let i = 0; i < this.rows.length; i++) if (this.rowAt(i).id === id) return i;
    return -1;
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

  private rowElement(r: R, index: number): HTMLElement {
    const row = el('div', 'result-row');
    row.setAttribute('role', 'row');
    row.setAttribute('aria-rowindex', String(index + 2));
    row.dataset.contactId = r.id;
    const selected = this.selected.has(r.id);
    row.setAttribute('aria-selected', String(selected));
    if (selected) row.classList.add('selected');
    for (const c of this.columns) {
      const text = c.text(r, this.timeZone);
      const cell = el('div', `cell col-${c.id}`, text);
      cell.setAttribute('role', 'gridcell');
      cell.title = c.title?.(r) ?? text;
      row.append(cell);
    }
    row.addEventListener('click', (e) => this.click(r, e));
    return row;
  }

  private click(r: R, e: MouseEvent): void {
    const from = e.shiftKey ? this.positionOf(this.anchor) : -1;
    if (from >= 0) {
      const to = this.positionOf(r.id);
      const [a, b] = from < to ? [from, to] : [to, from];
      for (let i = a; i <= b; i++) this.selected.add(this.rowAt(i).id);
    } else if (e.ctrlKey || e.metaKey) {
      if (this.selected.has(r.id)) this.selected.delete(r.id);
      else this.selected.add(r.id);
      this.anchor = r.id;
    } else {
      this.selected.clear();
      this.selected.add(r.id);
      this.anchor = r.id;
      this.actions.open(r);
    }
    this.actions.selectionChanged([...this.selected]);
    this.render();
  }

  private key(e: KeyboardEvent): void {
    const at = this.positionOf(this.anchor);
    if (e.key === 'Enter' && at >= 0) this.actions.open(this.rowAt(at));
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    const next = Math.max(0, Math.min(this.rows.length - 1, at + (e.key === 'ArrowDown' ? 1 : -1)));
    if (next < 0 || next >= this.rows.length) return;
    this.anchor = this.rowAt(next).id;
    if (!e.shiftKey) this.selected.clear();
    this.selected.add(this.rowAt(next).id);
    const top = next * rowHeight;
    if (top < this.scroller.scrollTop) this.scroller.scrollTop = top;
    else if (top + rowHeight > this.scroller.scrollTop + this.scroller.clientHeight) this.scroller.scrollTop = top + rowHeight - this.scroller.clientHeight;
    this.actions.selectionChanged([...this.selected]);
    this.render();
  }
}
