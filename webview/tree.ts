// The field tree: an ARIA tree drawn as a flat, virtualised list of rows (the pattern
// VS Code's own trees use). Only the rows in view exist in the DOM; each carries
// aria-level / aria-setsize / aria-posinset so assistive technology still hears the
// hierarchy. Expanding, filtering and "expand all" work on typed arrays over the flat
// model and then touch at most a screenful of rows, whatever the size of the contact.
import type { FieldNode, PathSegment } from '../src/contact/fieldNode';
import type { RowAction } from '../src/protocol/messages';
import { el, icon } from './dom';
import { matchesFieldName, runFilter, type FilterResult } from './filter';
import { flatten, pathKey, type FlatTree } from './flatTree';
import { fillRow, setRowName } from './rowContent';

export const rowHeight = 22;
const overscan = 12;

export interface TreeCallbacks {
  onRowAction(action: RowAction, node: FieldNode): void;
  onOpenContact(contactId: string): void;
  /** Expansion or focus changed: worth saving state. */
  onViewChange(): void;
  /** The person opened or closed sections (not focus moves): the panel is being worked in. */
  onSectionsChange?(): void;
}

export const rowActions: readonly { action: RowAction; label: string; icon: string }[] = [
  { action: 'copyValue', label: 'Copy Value', icon: 'copy' },
  { action: 'copyPath', label: 'Copy Path', icon: 'symbol-field' },
  { action: 'copyJson', label: 'Copy as JSON', icon: 'json' },
  { action: 'insert', label: 'Insert into Editor', icon: 'insert' },
  { action: 'copyCli', label: 'Copy as AWS CLI Command', icon: 'terminal' },
];

interface RowState {
  pos: number;
  expanded: number;
  gen: number;
  focused: boolean;
  setsize: number;
}

type RowElement = HTMLDivElement & { _row?: RowState };

export class TreeView {
  /** The scrolling viewport; add it to the page. */
  readonly element: HTMLDivElement;
  private readonly tree: HTMLDivElement;
  private readonly actionsBar: HTMLDivElement;
  private readonly empty: HTMLDivElement;
  private flat: FlatTree = flatten({ path: [], key: '', kind: 'structure', value: {}, display: '', children: [] });
  private expanded = new Uint8Array(0);
  /** While a filter is on, expansion is its own (ancestors of matches open) and the user's returns after. */
  private filterExpanded: Uint8Array | undefined;
  private filterResult: FilterResult | undefined;
  private visible = new Int32Array(0);
  private visibleCount = 0;
  private posOf = new Int32Array(0);
  private posinset = new Int32Array(0);
  private setsizeOfParent = new Int32Array(0);
  private focusedNode = -1;
  private rows = new Map<number, RowElement>();
  /** Bumped whenever row content must be redrawn (new tree, new filter text). */
  private gen = 0;
  private now = Date.now();
  /** The name shown beside a row's value (from the contact's story), if any. */
  private nameOf: ((node: FieldNode) => string | undefined) | undefined;

  constructor(private readonly callbacks: TreeCallbacks) {
    this.element = el('div', 'tree-scroll');
    this.tree = el('div', 'tree');
    this.tree.setAttribute('role', 'tree');
    this.tree.setAttribute('aria-label', 'Contact fields');
    this.empty = el('div', 'tree-empty');
    this.empty.hidden = true;
    this.element.append(this.tree, this.empty);
    this.actionsBar = this.buildActionsBar();
    this.element.addEventListener('scroll', () => this.render());
    this.tree.addEventListener('click', (e) => this.onClick(e));
    this.tree.addEventListener('focusin', (e) => this.onFocusIn(e));
    new ResizeObserver(() => this.render()).observe(this.element);
    // VS Code draws the context menu outside the webview; when it closes, focus comes back to the
    // page but not to the row: put it back on the row the menu was opened for.
    this.tree.addEventListener('contextmenu', (e) => {
      const row = (e.target as Element | null)?.closest<RowElement>('.row');
      this.menuRow = row ? Number(row.dataset.index) : -1;
    });
    addEventListener('focus', () => {
      if (this.menuRow < 0) return;
      const node = this.menuRow;
      this.menuRow = -1;
      if (node < this.flat.nodes.length && this.posOf[node] >= 0) this.focusNode(node);
    });
  }

  /** The row a context menu was opened on, until focus comes back. */
  private menuRow = -1;

  // ---- model ----

  /**
   * Shows a new field tree. `expandedKeys` (paths as pathKey) restores a saved or previous
   * expansion; `sameShape` keeps the current expansion by index (same document, new display).
   */
  setTree(root: FieldNode, now: number, opts: { expandedKeys?: Iterable<string>; sameShape?: boolean } = {}): void {
    const hadFocus = this.hasDomFocus();
    const focusKey = this.focusedKey();
    const previousCount = this.flat.nodes.length;
    this.flat = flatten(root);
    this.now = now;
    const n = this.flat.nodes.length;
    // Row elements carry per-node attributes: start from fresh ones.
    for (const row of this.rows.values()) row.remove();
    this.rows.clear();
    if (opts.sameShape && previousCount === n) {
      // The same document redrawn (time zone): indices are stable, keep expansion and focus.
      if (this.filterResult) this.refilter();
    } else {
      this.expanded = new Uint8Array(n);
      if (opts.expandedKeys) {
        const wanted = new Set(opts.expandedKeys);
        for (let i = 0; i < n; i++) if (this.flat.container[i] && wanted.has(pathKey(this.flat.nodes[i]))) this.expanded[i] = 1;
      } else {
        for (let i = 0; i < n; i++) if (this.flat.level[i] === 1 && this.flat.container[i]) this.expanded[i] = 1;
      }
      this.focusedNode = focusKey !== undefined && opts.expandedKeys ? this.indexOfKey(focusKey) : -1;
      if (this.filterResult) this.applyFilter(this.filterResult.needle, false);
      this.element.scrollTop = opts.expandedKeys ? this.element.scrollTop : 0;
    }
    this.gen++;
    this.refresh(hadFocus);
  }

  get nodeCount(): number {
    return this.flat.nodes.length;
  }

  /** Applies the filter; returns the number of matching fields. */
  setFilter(query: string): number {
    const needle = query.trim().toLowerCase();
    if ((this.filterResult?.needle ?? '') === needle) return this.filterResult?.count ?? 0;
    this.applyFilter(needle, true);
    this.gen++;
    this.refresh(undefined, true);
    return this.filterResult?.count ?? 0;
  }

  get filterNeedle(): string {
    return this.filterResult?.needle ?? '';
  }

  get matchCount(): number {
    return this.filterResult?.count ?? 0;
  }

  private applyFilter(needle: string, moveFocus: boolean): void {
    if (!needle) {
      if (this.filterResult && this.focusedNode >= 0) this.revealInUserExpansion(this.focusedNode);
      this.filterResult = undefined;
      this.filterExpanded = undefined;
      return;
    }
    const result = runFilter(this.flat, needle);
    this.filterResult = result;
    this.filterExpanded = result.hasMatchBelow.slice();
    if (moveFocus || (this.focusedNode >= 0 && !result.shown[this.focusedNode])) {
      const first = result.match.indexOf(1);
      if (first >= 0) this.focusedNode = first;
      else if (this.focusedNode >= 0 && !result.shown[this.focusedNode]) this.focusedNode = -1;
    }
  }

  /**
   * The same filter over values written anew (another time zone): what matches changes. Where a
   * section's having matches below changed, it opens or closes as for a filter typed afresh; the
   * sections the person opened or closed under the filter otherwise stay as they were.
   */
  private refilter(): void {
    if (!this.filterResult) return;
    const before = this.filterResult.hasMatchBelow;
    this.filterResult = runFilter(this.flat, this.filterResult.needle);
    const after = this.filterResult.hasMatchBelow;
    const expanded = this.filterExpanded;
    if (expanded) for (let i = 0; i < after.length; i++) if (after[i] !== before[i]) expanded[i] = after[i];
    // A focused field that no longer matches is hidden: the focus goes to the first match, as in applyFilter.
    if (this.focusedNode >= 0 && !this.filterResult.shown[this.focusedNode]) this.focusedNode = this.filterResult.match.indexOf(1);
  }

  private revealInUserExpansion(node: number): void {
    for (let a = this.flat.parent[node]; a >= 0; a = this.flat.parent[a]) this.expanded[a] = 1;
  }

  private get expansion(): Uint8Array {
    return this.filterExpanded ?? this.expanded;
  }

  /** The filter as saved state may keep it: only text from the field names (see matchesFieldName). */
  savableFilter(query: string): string {
    return matchesFieldName(this.flat, query) ? query : '';
  }

  /** Paths (pathKey) of the containers the user opened, for saved state. Not the filter's. */
  expandedKeys(): string[] {
    const keys: string[] = [];
    for (let i = 0; i < this.expanded.length; i++) if (this.expanded[i]) keys.push(pathKey(this.flat.nodes[i]));
    return keys;
  }

  focusedKey(): string | undefined {
    return this.focusedNode >= 0 ? pathKey(this.flat.nodes[this.focusedNode]) : undefined;
  }

  focusedField(): FieldNode | undefined {
    return this.focusedNode >= 0 ? this.flat.nodes[this.focusedNode] : undefined;
  }

  private indexOfKey(key: string): number {
    for (let i = 0; i < this.flat.nodes.length; i++) if (pathKey(this.flat.nodes[i]) === key) return i;
    return -1;
  }

  expandAll(): void {
    const exp = this.expansion;
    const { container } = this.flat;
    for (let i = 0; i < exp.length; i++) exp[i] = container[i];
    this.refresh();
    this.callbacks.onViewChange();
    this.callbacks.onSectionsChange?.();
  }

  /** Opens several sections with one redraw (`*` on a row opens all its siblings). */
  expandMany(nodes: readonly number[]): void {
    const exp = this.expansion;
    for (const n of nodes) if (this.flat.container[n]) exp[n] = 1;
    this.refresh();
    this.callbacks.onViewChange();
    this.callbacks.onSectionsChange?.();
  }

  collapseAll(): void {
    this.expansion.fill(0);
    // The focused row may now be hidden: move focus to its level-1 ancestor.
    if (this.focusedNode >= 0) {
      let a = this.focusedNode;
      while (this.flat.parent[a] >= 0) a = this.flat.parent[a];
      this.focusedNode = a;
    }
    this.refresh();
    this.callbacks.onViewChange();
    this.callbacks.onSectionsChange?.();
  }

  isExpanded(node: number): boolean {
    return this.expansion[node] === 1;
  }

  setExpanded(node: number, open: boolean): void {
    if (!this.flat.container[node] || this.isExpanded(node) === open) return;
    this.expansion[node] = open ? 1 : 0;
    this.refresh();
    this.callbacks.onViewChange();
    this.callbacks.onSectionsChange?.();
  }

  toggle(node: number): void {
    this.setExpanded(node, !this.isExpanded(node));
  }

  /**
   * Names beside values (a queue's name beside its ID). Rows in the DOM are updated in place:
   * nothing is redrawn, moved or scrolled, and focus stays where it is; rows drawn later use it too.
   */
  setNameLookup(nameOf: ((node: FieldNode) => string | undefined) | undefined): void {
    this.nameOf = nameOf;
    for (const [node, row] of this.rows) {
      const field = this.flat.nodes[node];
      if (field.children === undefined) setRowName(row, nameOf?.(field));
    }
  }

  /**
   * Shows the field at `path` (or its nearest ancestor the tree has): opens its ancestors,
   * scrolls it into view and focuses its row. False when the filter hides it (clear the filter
   * and ask again) or the tree has no such field.
   */
  revealPath(path: readonly PathSegment[]): boolean {
    let node = -1;
    for (let len = path.length; len > 0 && node < 0; len--) node = this.indexOfKey(JSON.stringify(path.slice(0, len)));
    if (node < 0) return false;
    if (this.filterResult && !this.filterResult.shown[node]) return false;
    const exp = this.expansion;
    let opened = false;
    for (let a = this.flat.parent[node]; a >= 0; a = this.flat.parent[a]) {
      if (!exp[a]) {
        exp[a] = 1;
        opened = true;
      }
    }
    if (opened) this.refresh(false);
    this.focusNode(node);
    this.scrollToPos(this.posOf[node], true);
    if (opened) this.callbacks.onViewChange();
    return true;
  }

  // ---- visible list ----

  private computeVisible(): void {
    const { parent, end, container } = this.flat;
    const n = this.flat.nodes.length;
    const exp = this.expansion;
    const shown = this.filterResult?.shown;
    if (this.visible.length !== n) {
      this.visible = new Int32Array(n);
      this.posOf = new Int32Array(n);
      this.posinset = new Int32Array(n);
      this.setsizeOfParent = new Int32Array(n + 1);
    }
    this.posOf.fill(-1);
    const counts = this.setsizeOfParent;
    counts.fill(0);
    let count = 0;
    let i = 0;
    while (i < n) {
      if (shown && !shown[i]) {
        i = end[i];
        continue;
      }
      this.visible[count] = i;
      this.posOf[i] = count;
      this.posinset[i] = ++counts[parent[i] + 1];
      count++;
      i = container[i] && !exp[i] ? end[i] : i + 1;
    }
    this.visibleCount = count;
  }

  /**
   * Recomputes what is visible and redraws, keeping keyboard focus in the tree if it was
   * there; `reveal` scrolls the focused row into view (the first match of a new filter).
   */
  private refresh(hadFocus = this.hasDomFocus(), reveal = false): void {
    this.computeVisible();
    if (this.focusedNode >= 0 && this.posOf[this.focusedNode] < 0) this.focusedNode = this.nearestVisibleAncestor(this.focusedNode);
    if (hadFocus && this.focusedNode < 0 && this.visibleCount > 0) this.focusedNode = this.visible[0];
    this.tree.style.height = `${this.visibleCount * rowHeight}px`;
    this.empty.hidden = this.visibleCount > 0 || this.flat.nodes.length === 0;
    this.empty.textContent = this.filterResult ? 'No fields match the filter.' : 'This contact has no fields.';
    if (reveal && this.focusedNode >= 0) this.scrollToPos(this.posOf[this.focusedNode]);
    this.render();
    if (hadFocus && !this.hasDomFocus()) this.focusRowElement();
  }

  private nearestVisibleAncestor(node: number): number {
    for (let a = this.flat.parent[node]; a >= 0; a = this.flat.parent[a]) if (this.posOf[a] >= 0) return a;
    return this.visibleCount > 0 ? this.visible[0] : -1;
  }

  // ---- rendering ----

  /** Draws the rows in (and just around) the viewport, plus the focused row. */
  render(): void {
    const viewTop = this.element.scrollTop;
    const viewHeight = this.element.clientHeight || 800;
    const first = Math.max(0, Math.floor(viewTop / rowHeight) - overscan);
    const last = Math.min(this.visibleCount - 1, Math.ceil((viewTop + viewHeight) / rowHeight) + overscan);
    const wanted: number[] = [];
    for (let p = first; p <= last; p++) wanted.push(this.visible[p]);
    const focusPos = this.focusedNode >= 0 ? this.posOf[this.focusedNode] : -1;
    // Roving tabindex: the focused row stays in the DOM even when scrolled away.
    if (focusPos >= 0 && (focusPos < first || focusPos > last)) wanted.push(this.focusedNode);
    const tabStop = focusPos >= 0 ? this.focusedNode : this.visibleCount > 0 ? this.visible[0] : -1;
    const keep = new Set(wanted);
    for (const [node, row] of this.rows) {
      if (!keep.has(node)) {
        row.remove();
        this.rows.delete(node);
      }
    }
    // Preorder index order is visual order, so rows already in the DOM are already in
    // order: only new rows are inserted (moving a focused element would drop its focus).
    wanted.sort((a, b) => a - b);
    let cursor: ChildNode | null = this.tree.firstChild;
    for (const node of wanted) {
      let row = this.rows.get(node);
      if (!row) {
        row = this.createRow(node);
        this.rows.set(node, row);
      }
      this.updateRow(row, node, node === tabStop);
      if (row === cursor) cursor = cursor.nextSibling;
      else this.tree.insertBefore(row, cursor);
    }
    this.placeActionsBar();
  }

  private createRow(node: number): RowElement {
    const row = el('div', 'row') as RowElement;
    row.setAttribute('role', 'treeitem');
    row.dataset.index = String(node);
    const field = this.flat.nodes[node];
    row.setAttribute('aria-level', String(this.flat.level[node]));
    row.style.paddingLeft = `${(this.flat.level[node] - 1) * 16 + 4}px`;
    row.dataset.vscodeContext = JSON.stringify({
      webviewSection: 'field',
      preventDefaultContextMenuItems: true,
      fieldKind: field.kind,
      path: field.path,
    });
    return row;
  }

  private updateRow(row: RowElement, node: number, tabStop: boolean): void {
    const state = row._row;
    const pos = this.posOf[node];
    const isBox = this.flat.container[node] === 1;
    const expanded = isBox ? this.expansion[node] : -1;
    const parentCount = this.setsizeOfParent[this.flat.parent[node] + 1];
    const focused = node === this.focusedNode;
    if (!state || state.gen !== this.gen) {
      fillRow(row, this.flat.nodes[node], { needle: this.filterResult?.needle ?? '', now: this.now, nameOf: this.nameOf });
      row.classList.toggle('match', this.filterResult?.match[node] === 1);
    }
    if (!state || state.pos !== pos) row.style.transform = `translateY(${pos * rowHeight}px)`;
    if (!state || state.expanded !== expanded || state.gen !== this.gen) {
      if (isBox) row.setAttribute('aria-expanded', expanded ? 'true' : 'false');
      const twistie = row.firstElementChild;
      if (twistie) twistie.className = `twistie codicon ${isBox ? (expanded ? 'codicon-chevron-down' : 'codicon-chevron-right') : 'codicon-blank'}`;
    }
    if (!state || state.setsize !== parentCount || state.pos !== pos) {
      row.setAttribute('aria-setsize', String(parentCount));
      row.setAttribute('aria-posinset', String(this.posinset[node]));
    }
    if (!state || state.focused !== focused) {
      row.setAttribute('aria-selected', focused ? 'true' : 'false');
      row.classList.toggle('focused', focused);
    }
    row.tabIndex = tabStop ? 0 : -1;
    row._row = { pos, expanded, gen: this.gen, focused, setsize: parentCount };
  }

  private buildActionsBar(): HTMLDivElement {
    const bar = el('div', 'row-actions');
    bar.setAttribute('role', 'toolbar');
    bar.setAttribute('aria-label', 'Field actions');
    for (const a of rowActions) {
      const button = el('button', 'row-action');
      button.type = 'button';
      button.tabIndex = -1;
      button.dataset.action = a.action;
      button.title = a.label;
      button.setAttribute('aria-label', a.label);
      button.append(icon(a.icon));
      bar.append(button);
    }
    // Keep keyboard focus on the row when an action is clicked.
    bar.addEventListener('mousedown', (e) => e.preventDefault());
    return bar;
  }

  private placeActionsBar(): void {
    const row = this.focusedNode >= 0 ? this.rows.get(this.focusedNode) : undefined;
    if (!row) {
      this.actionsBar.remove();
      return;
    }
    if (this.actionsBar.parentElement !== row || row.lastElementChild !== this.actionsBar) row.append(this.actionsBar);
  }

  // ---- focus ----

  /** The tree has the keyboard: the page has focus (not the workbench around it) and a row of the tree is active. */
  private hasDomFocus(): boolean {
    const active = document.activeElement;
    return document.hasFocus() && active !== null && this.tree.contains(active);
  }

  private focusRowElement(): void {
    const row = this.focusedNode >= 0 ? this.rows.get(this.focusedNode) : undefined;
    row?.focus({ preventScroll: true });
  }

  /** Moves the focus to a node (expanding nothing), scrolls it into view and focuses its row. */
  focusNode(node: number, domFocus = true): void {
    if (node < 0 || this.posOf[node] < 0) return;
    const changed = node !== this.focusedNode;
    this.focusedNode = node;
    this.scrollToPos(this.posOf[node]);
    this.render();
    if (domFocus) this.focusRowElement();
    if (changed) this.callbacks.onViewChange();
  }

  /** Focus the tree: the focused row, else the first. */
  focus(): void {
    if (this.focusedNode < 0 && this.visibleCount > 0) this.focusedNode = this.visible[0];
    this.focusNode(this.focusedNode);
  }

  /** Scrolls a position into view: just enough, or to the middle of the view (`center`). */
  private scrollToPos(pos: number, center = false): void {
    const top = pos * rowHeight;
    const viewHeight = this.element.clientHeight;
    if (center && viewHeight > 0) {
      this.element.scrollTop = Math.max(0, top - Math.floor((viewHeight - rowHeight) / 2));
      this.render();
      return;
    }
    if (top < this.element.scrollTop) this.element.scrollTop = top;
    else if (viewHeight > 0 && top + rowHeight > this.element.scrollTop + viewHeight) this.element.scrollTop = top + rowHeight - viewHeight;
  }

  get focused(): number {
    return this.focusedNode;
  }

  get visibleRowCount(): number {
    return this.visibleCount;
  }

  /** Node at a visible position (0-based), or -1. */
  nodeAt(pos: number): number {
    return pos >= 0 && pos < this.visibleCount ? this.visible[pos] : -1;
  }

  positionOf(node: number): number {
    return node >= 0 ? this.posOf[node] : -1;
  }

  pageSize(): number {
    return Math.max(1, Math.floor((this.element.clientHeight || rowHeight * 10) / rowHeight) - 1);
  }

  parentOf(node: number): number {
    return this.flat.parent[node];
  }

  isContainer(node: number): boolean {
    return this.flat.container[node] === 1;
  }

  field(node: number): FieldNode {
    return this.flat.nodes[node];
  }

  keyLower(node: number): string {
    return this.flat.keyLower[node];
  }

  // ---- pointer ----

  private onClick(e: MouseEvent): void {
    const target = e.target as Element | null;
    const row = target?.closest<RowElement>('.row');
    if (!row) return;
    const node = Number(row.dataset.index);
    const actionButton = target?.closest<HTMLButtonElement>('.row-action');
    if (actionButton) {
      this.callbacks.onRowAction(actionButton.dataset.action as RowAction, this.flat.nodes[node]);
      return;
    }
    this.focusNode(node);
    if (target?.closest('.contact-link')) {
      this.openContactAt(node);
      return;
    }
    if (this.isContainer(node)) this.toggle(node);
  }

  private onFocusIn(e: FocusEvent): void {
    const row = (e.target as Element | null)?.closest<RowElement>('.row');
    if (!row) return;
    const node = Number(row.dataset.index);
    if (node !== this.focusedNode) {
      this.focusedNode = node;
      this.render();
      this.callbacks.onViewChange();
    }
  }

  /** Opens the related contact a contact-ID row names; false when the row is not one. */
  openContactAt(node: number): boolean {
    const field = this.flat.nodes[node];
    if (field.kind !== 'contactId' || typeof field.value !== 'string' || field.value.length === 0) return false;
    this.callbacks.onOpenContact(field.value);
    return true;
  }
}
