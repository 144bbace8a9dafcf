// "Attributes": the contact's attributes from GetContactAttributes, beside Contact.Attributes
// (when the document has it) and Contact.SegmentAttributes, each list sorted by key, all
// filtered by one box, each value with a copy button. Long values (up to 32 KB) are clamped
// with "Show all" so they never blow up the layout.
import type { JsonObject, JsonValue } from '../src/contact/contactDocument';
import { customEl, el, icon } from './dom';
import {
  SectionFrame,
  copyButton,
  emptyLine,
  focusKey,
  loadingLine,
  missingNotes,
  rawText,
  type OverviewInput,
} from './overviewParts';
import { labelTextField, setTextFieldValue, textFieldValue } from './toolkit';

interface AttributeEntry {
  key: string;
  value: string;
}

interface AttributeGroup {
  id: 'story' | 'contact' | 'segment';
  source: string;
  /** Undefined while it is on its way. */
  entries: AttributeEntry[] | undefined;
  /** What its copy confirms: "attribute <key>". */
  what: (key: string) => string;
}

/** Values longer than this (or with more lines) are clamped until "Show all". */
const clampChars = 300;
const clampLines = 4;
/** A clamped value keeps this much text in the DOM. */
const previewChars = 1200;
/** The protocol's copy limit (an attribute value is at most 32 KB). */
const maxCopy = 64 * 1024;

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

function byKey(a: AttributeEntry, b: AttributeEntry): number {
  return collator.compare(a.key, b.key) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

function obj(value: JsonValue | undefined): JsonObject | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
}

/** A SegmentAttributes value ({ValueString: …}, {ValueInteger: …}, {ValueMap: …}) as text. */
export function segmentValueText(value: JsonValue): string {
  const o = obj(value);
  if (o) {
    const keys = Object.keys(o);
    if (keys.length === 1) {
      const only = o[keys[0]];
      if (typeof only === 'string') return only;
      if (typeof only === 'number' || typeof only === 'boolean') return String(only);
    }
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function entriesOf(map: JsonObject | Record<string, string>, text: (v: JsonValue) => string): AttributeEntry[] {
  return Object.keys(map)
    .map((key) => ({ key, value: text(map[key]) }))
    .sort(byKey);
}

export class AttributesSection {
  readonly frame = new SectionFrame('attributes', 'Attributes', 'symbol-key');
  private readonly filterField: HTMLElement;
  private readonly count: HTMLElement;
  private needle = '';
  /** Values shown in full ("Show all" was pressed): group and key. */
  private readonly shownInFull = new Set<string>();
  private input: OverviewInput | undefined;
  private groupsKey = '';
  private groups: AttributeGroup[] = [];

  constructor() {
    const tools = el('div', 'attributes-tools');
    this.filterField = customEl('vscode-text-field', 'attributes-filter');
    this.filterField.setAttribute('placeholder', 'Filter attributes');
    this.filterField.append(Object.assign(icon('filter'), { slot: 'start' }));
    this.filterField.addEventListener('input', () => this.setNeedle(textFieldValue(this.filterField)));
    this.filterField.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && textFieldValue(this.filterField)) {
        setTextFieldValue(this.filterField, '');
        this.setNeedle('');
        e.preventDefault();
        e.stopPropagation();
      }
    });
    this.count = el('span', 'attributes-count');
    this.count.setAttribute('role', 'status');
    this.count.setAttribute('aria-live', 'polite');
    tools.append(this.filterField, this.count);
    this.frame.element.insertBefore(tools, this.frame.bodyElement);
  }

  get element(): HTMLElement {
    return this.frame.element;
  }

  /** Once in the page (the toolkit names its fields when they connect). */
  connected(): void {
    labelTextField(this.filterField, 'Filter attributes');
  }

  focusFilter(): void {
    this.filterField.focus();
  }

  update(input: OverviewInput): void {
    this.input = input;
    const { story, contact } = input;
    const key = JSON.stringify([input.contactVersion, story?.attributes ?? null, story?.complete ?? false, input.missing.get('attributes') ?? []]);
    if (key !== this.groupsKey) {
      this.groupsKey = key;
      this.groups = this.collect(contact, input);
    }
    this.draw();
  }

  private collect(contact: JsonObject, input: OverviewInput): AttributeGroup[] {
    const { story } = input;
    const missing = (input.missing.get('attributes') ?? []).length > 0;
    const groups: AttributeGroup[] = [
      {
        id: 'story',
        source: 'from GetContactAttributes',
        entries: story?.attributes ? entriesOf(story.attributes, (v) => (typeof v === 'string' ? v : JSON.stringify(v))) : story?.complete || missing ? [] : undefined,
        what: (k) => `attribute ${k}`,
      },
    ];
    const attributes = obj(contact.Attributes);
    if (attributes) groups.push({ id: 'contact', source: 'Contact.Attributes', entries: entriesOf(attributes, (v) => (typeof v === 'string' ? v : JSON.stringify(v))), what: (k) => `attribute ${k}` });
    const segments = obj(contact.SegmentAttributes);
    if (segments) groups.push({ id: 'segment', source: 'SegmentAttributes', entries: entriesOf(segments, segmentValueText), what: (k) => `segment attribute ${k}` });
    return groups;
  }

  private setNeedle(text: string): void {
    const needle = text.trim().toLowerCase();
    if (needle === this.needle) return;
    this.needle = needle;
    this.draw();
  }

  private draw(): void {
    const input = this.input;
    if (!input) return;
    const key = `${this.groupsKey}\u0000${this.needle}\u0000${[...this.shownInFull].join('\u0001')}`;
    let shown = 0;
    let total = 0;
    for (const group of this.groups) {
      total += group.entries?.length ?? 0;
      shown += (this.needle ? group.entries?.filter((e) => matches(e, this.needle)) : group.entries)?.length ?? 0;
    }
    this.frame.render(key, (body) => {
      for (const group of this.groups) {
        const block = el('div', `attribute-group group-${group.id}`);
        const heading = el('h3', 'attribute-source');
        heading.append(el('span', 'source-name', group.source));
        block.append(heading);
        if (group.id === 'story') block.append(...missingNotes(input.missing.get('attributes')));
        if (group.entries === undefined) {
          block.append(loadingLine());
          body.append(block);
          continue;
        }
        const matching = this.needle ? group.entries.filter((e) => matches(e, this.needle)) : group.entries;
        if (group.entries.length > 0) heading.append(el('span', 'source-count', `${matching.length === group.entries.length ? '' : `${matching.length} of `}${group.entries.length}`));
        if (group.entries.length === 0) {
          if (group.id !== 'story' || !(input.missing.get('attributes') ?? []).length) block.append(emptyLine('No attributes.'));
        } else if (matching.length === 0) {
          block.append(emptyLine('None match the filter.'));
        } else {
          block.append(this.table(group, matching, input));
        }
        body.append(block);
      }
    });
    this.count.textContent = this.needle ? (shown === 1 ? '1 match' : shown === 0 ? 'No matches' : `${shown} matches`) : total ? `${total} attributes` : '';
  }

  private table(group: AttributeGroup, entries: AttributeEntry[], input: OverviewInput): HTMLTableElement {
    const table = el('table', 'attribute-table');
    table.setAttribute('aria-label', `Attributes ${group.source}`);
    const rows = el('tbody');
    for (const entry of entries) {
      const tr = el('tr', 'attribute');
      const key = rawText('th', 'attribute-key', entry.key);
      key.scope = 'row';
      key.title = entry.key;
      const valueCell = el('td', 'attribute-value-cell');
      const full = this.shownInFull.has(`${group.id}\u0000${entry.key}`);
      const long = entry.value.length > clampChars || entry.value.split('\n', clampLines + 2).length > clampLines;
      const value = rawText('div', `attribute-value${long && !full ? ' clamped' : ''}`, long && !full ? entry.value.slice(0, previewChars) : entry.value);
      if (entry.value === '') value.append(el('span', 'empty-value', '(empty)'));
      valueCell.append(value);
      if (long) valueCell.append(this.moreButton(group, entry, full));
      const actions = el('td', 'attribute-actions');
      if (entry.value.length <= maxCopy) {
        actions.append(copyButton(entry.value, group.what(entry.key), `Copy the value of ${entry.key}`, `copy:${group.id}:${entry.key}`, input.actions));
      }
      tr.append(key, valueCell, actions);
      rows.append(tr);
    }
    table.append(rows);
    return table;
  }

  private moreButton(group: AttributeGroup, entry: AttributeEntry, full: boolean): HTMLButtonElement {
    const id = `${group.id}\u0000${entry.key}`;
    const button = el('button', 'link-button show-all', full ? 'Show less' : `Show all (${entry.value.length.toLocaleString('en-US')} characters)`);
    button.type = 'button';
    button.setAttribute('aria-expanded', full ? 'true' : 'false');
    button.addEventListener('click', () => {
      if (full) this.shownInFull.delete(id);
      else this.shownInFull.add(id);
      this.draw();
    });
    return focusKey(button, `more:${group.id}:${entry.key}`);
  }
}

function matches(entry: AttributeEntry, needle: string): boolean {
  return entry.key.toLowerCase().includes(needle) || entry.value.toLowerCase().includes(needle);
}
