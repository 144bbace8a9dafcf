// The panel's view tabs (WAI-ARIA tabs pattern): a tablist with one tab per view, each
// controlling its tabpanel. Left/Right (and Home/End) move between tabs and select as they
// go (the views are already built, so showing one is cheap); one tab is in the tab order.
import type { PanelView } from '../src/protocol/messages';
import { el } from './dom';

export interface ViewTab {
  view: PanelView;
  label: string;
  /** The view's panel: labelled by its tab, shown only while its tab is selected. */
  panel: HTMLElement;
}

export class ViewTabs {
  readonly element: HTMLDivElement;
  private readonly tabs = new Map<PanelView, HTMLButtonElement>();
  private current: PanelView;

  constructor(
    private readonly views: readonly ViewTab[],
    initial: PanelView,
    private readonly on: {
      /** The view is about to be hidden (its panel still shows: read its scroll position now). */
      beforeChange(from: PanelView): void;
      /** The selected view changed (by the person or by `select`), after its panel is shown. */
      change(view: PanelView, previous: PanelView): void;
    },
  ) {
    this.element = el('div', 'view-tabs');
    this.element.setAttribute('role', 'tablist');
    this.element.setAttribute('aria-label', 'Contact views');
    this.current = initial;
    for (const { view, label, panel } of views) {
      const tab = el('button', 'view-tab', label);
      tab.type = 'button';
      tab.id = `tab-${view}`;
      tab.dataset.view = view;
      tab.setAttribute('role', 'tab');
      panel.id = `panel-${view}`;
      panel.setAttribute('role', 'tabpanel');
      panel.setAttribute('aria-labelledby', tab.id);
      tab.setAttribute('aria-controls', panel.id);
      tab.addEventListener('click', () => this.select(view));
      this.tabs.set(view, tab);
      this.element.append(tab);
    }
    this.element.addEventListener('keydown', (e) => this.onKeyDown(e));
    this.apply();
  }

  get view(): PanelView {
    return this.current;
  }

  /** Shows a view; `focusTab` moves the keyboard to its tab (arrow keys do). */
  select(view: PanelView, focusTab = false): void {
    const previous = this.current;
    if (previous !== view) this.on.beforeChange(previous);
    this.current = view;
    this.apply();
    if (focusTab) this.tabs.get(view)?.focus();
    if (previous !== view) this.on.change(view, previous);
  }

  focusSelected(): void {
    this.tabs.get(this.current)?.focus();
  }

  private apply(): void {
    for (const { view, panel } of this.views) {
      const selected = view === this.current;
      const tab = this.tabs.get(view);
      tab?.setAttribute('aria-selected', selected ? 'true' : 'false');
      tab?.classList.toggle('selected', selected);
      if (tab) tab.tabIndex = selected ? 0 : -1;
      panel.hidden = !selected;
    }
  }

  private onKeyDown(e: KeyboardEvent): void {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const order = this.views.map((v) => v.view);
    const at = order.indexOf(this.current);
    let next: number;
    switch (e.key) {
      case 'ArrowRight':
        next = (at + 1) % order.length;
        break;
      case 'ArrowLeft':
        next = (at - 1 + order.length) % order.length;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = order.length - 1;
        break;
      default:
        return;
    }
    e.preventDefault();
    this.select(order[next], true);
  }
}
