// The toolbar: expand/collapse all, the filter box and its match count, the time-zone
// toggle, a loading ring, refresh and open-as-JSON.
import type { PanelView, TimeZoneChoice } from '../src/protocol/messages';
import { customEl, el, icon } from './dom';
import { labelTextField, setTextFieldValue, textFieldValue } from './toolkit';

// Made once at load: the first Intl number format starts ICU, which would land on the first keystroke.
const matchCountFormat = new Intl.NumberFormat('en-US');

export interface ToolbarCallbacks {
  expandAll(this: void): void;
  collapseAll(this: void): void;
  filter(text: string): void;
  /** Enter or ArrowDown in the filter box: go to the tree. */
  focusTree(): void;
  toggleTimeZone(this: void): void;
  refresh(this: void): void;
  openJson(this: void): void;
  /** Keep Open: this panel stops being the preview that the next lookup reuses. */
  keep(this: void): void;
}

export class Toolbar {
  readonly element: HTMLDivElement;
  readonly filterField: HTMLElement;
  private readonly count: HTMLSpanElement;
  private readonly timeZoneButton: HTMLElement;
  private readonly refreshButton: HTMLElement;
  private readonly ring: HTMLElement;
  private readonly keepButton: HTMLElement;
  /** Expand/collapse all, the filter and its count: they act on the Fields view only. */
  private readonly fieldsOnly: HTMLElement[];

  constructor(cb: ToolbarCallbacks) {
    this.element = el('div', 'toolbar');
    this.filterField = customEl('vscode-text-field', 'filter');
    this.filterField.setAttribute('placeholder', 'Filter fields and values');
    this.filterField.append(Object.assign(icon('filter'), { slot: 'start' }));
    this.filterField.addEventListener('input', () => cb.filter(textFieldValue(this.filterField)));
    this.filterField.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && textFieldValue(this.filterField)) {
        this.setFilterText('');
        cb.filter('');
        e.preventDefault();
      } else if (e.key === 'Enter' || e.key === 'ArrowDown') {
        cb.focusTree();
        e.preventDefault();
      }
    });
    this.count = el('span', 'match-count');
    this.count.setAttribute('role', 'status');
    this.count.setAttribute('aria-live', 'polite');
    this.timeZoneButton = button('tz-toggle', 'Local time', 'Times are shown in local time; show them in UTC', cb.toggleTimeZone, 'secondary');
    this.ring = customEl('vscode-progress-ring', 'loading');
    this.ring.setAttribute('aria-label', 'Loading');
    this.ring.hidden = true;
    this.refreshButton = iconButton('refresh', 'refresh', 'Refresh (DescribeContact again)', cb.refresh);
    this.keepButton = iconButton('keep-open', 'pin', 'Keep Open (the next lookup opens its own panel)', cb.keep);
    this.keepButton.hidden = true;
    this.fieldsOnly = [
      iconButton('expand-all', 'expand-all', 'Expand All', cb.expandAll),
      iconButton('collapse-all', 'collapse-all', 'Collapse All', cb.collapseAll),
      this.filterField,
      this.count,
    ];
    this.element.append(
      ...this.fieldsOnly,
      el('span', 'spacer'),
      this.timeZoneButton,
      this.keepButton,
      this.ring,
      this.refreshButton,
      iconButton('open-json', 'json', 'Open as JSON', cb.openJson),
    );
  }

  /** Once the toolbar is in the page (the toolkit relabels its fields when they connect). */
  connected(): void {
    labelTextField(this.filterField, 'Filter fields and values');
  }

  filterText(): string {
    return textFieldValue(this.filterField);
  }

  setFilterText(text: string): void {
    setTextFieldValue(this.filterField, text);
  }

  setMatchCount(needle: string, count: number): void {
    this.count.textContent = needle ? (count === 0 ? 'No matches' : count === 1 ? '1 match' : `${matchCountFormat.format(count)} matches`) : '';
    this.count.classList.toggle('none', needle !== '' && count === 0);
  }

  setTimeZone(tz: TimeZoneChoice): void {
    this.timeZoneButton.textContent = tz === 'utc' ? 'UTC' : 'Local time';
    this.timeZoneButton.title = tz === 'utc' ? 'Times are shown in UTC; show them in local time' : 'Times are shown in local time; show them in UTC';
  }

  /** The Fields view's own controls show only with the Fields view. */
  setView(view: PanelView): void {
    for (const control of this.fieldsOnly) control.hidden = view !== 'fields';
  }

  /** A preview panel offers Keep Open; a kept one does not. */
  setPreview(preview: boolean): void {
    this.keepButton.hidden = !preview;
  }

  setLoading(loading: boolean): void {
    this.ring.hidden = !loading;
    if (loading) this.refreshButton.setAttribute('disabled', '');
    else this.refreshButton.removeAttribute('disabled');
  }
}

function button(className: string, text: string, title: string, onClick: () => void, appearance: string): HTMLElement {
  const b = customEl('vscode-button', className, text);
  b.setAttribute('appearance', appearance);
  b.title = title;
  b.addEventListener('click', onClick);
  return b;
}

function iconButton(className: string, codicon: string, label: string, onClick: () => void): HTMLElement {
  const b = customEl('vscode-button', className);
  b.setAttribute('appearance', 'icon');
  b.setAttribute('aria-label', label);
  b.title = label;
  b.append(icon(codicon));
  b.addEventListener('click', onClick);
  return b;
}
