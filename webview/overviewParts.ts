// Pieces every Overview section uses: the section frame that re-renders in place (keeping the
// keyboard where it was), the "Loading…" line, missing-part notes, copy buttons and links.
// Text only: contact data enters the DOM through textContent and title/aria attributes.
import type { JsonObject } from '../src/contact/contactDocument';
import type { PathSegment } from '../src/contact/fieldNode';
import type { ContactStory, MissingPart } from '../src/contact/story';
import { isWebUrl, type TimeZoneChoice } from '../src/protocol/messages';
import { el, icon } from './dom';

/** What the Overview can ask of the panel. */
export interface OverviewActions {
  copy(text: string, what: string): void;
  /** Only ever called with an http(s) URL. */
  openExternal(url: string): void;
  openContact(contactId: string): void;
  /** Switch to Fields and show this field. */
  revealField(path: PathSegment[]): void;
}

/** The sections a missing part can belong to; 'other' goes to "What could not be loaded". */
export type SectionId = 'names' | 'attributes' | 'chain' | 'evaluations' | 'recordings' | 'references' | 'other';

export interface OverviewInput {
  /** DescribeContact's Contact. */
  contact: JsonObject;
  /** Bumped for each contact message: a section keyed on it redraws for a new document. */
  contactVersion: number;
  contactId: string;
  instanceId: string;
  story: ContactStory | undefined;
  timeZone: TimeZoneChoice;
  missing: ReadonlyMap<SectionId, MissingPart[]>;
  actions: OverviewActions;
}

/** Which section a missing part is shown in (by what the host calls the part). */
export function sectionOfMissing(part: MissingPart): SectionId {
  const p = part.part.toLowerCase();
  if (p.includes('attribute')) return 'attributes';
  if (/linked|chain|associated|related/.test(p)) return 'chain';
  if (p.includes('evaluation')) return 'evaluations';
  if (p.includes('reference')) return 'references';
  if (p.includes('recording')) return 'recordings';
  if (/queue|agent|user|hierarch|group|routing|instance|flow|name/.test(p)) return 'names';
  return 'other';
}

/** Sorts the story's missing parts into their sections, each part once. */
export function missingBySection(story: ContactStory | undefined): Map<SectionId, MissingPart[]> {
  const out = new Map<SectionId, MissingPart[]>();
  const seen = new Set<string>();
  for (const part of story?.missing ?? []) {
    const key = `${part.part}\u0000${part.action}\u0000${part.kind}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const id = sectionOfMissing(part);
    const list = out.get(id) ?? [];
    list.push(part);
    out.set(id, list);
  }
  return out;
}

/** "Agent name: needs connect:DescribeUser", or what else happened to the part. */
export function missingHeadline(part: MissingPart): string {
  switch (part.kind) {
    case 'AccessDenied':
      return `${part.part}: needs ${part.action}`;
    case 'NotFound':
      return `${part.part}: not found`;
    case 'Throttled':
      return `${part.part}: throttled (${part.action})`;
    default:
      return `${part.part}: could not be loaded (${part.action})`;
  }
}

/** One missing part, inline where it belongs: what, the IAM action, and the host's explanation. */
export function missingNote(part: MissingPart): HTMLElement {
  const note = el('div', `missing-note missing-${part.kind}`);
  note.append(icon(part.kind === 'AccessDenied' ? 'lock' : 'warning', 'missing-icon'));
  const body = el('span', 'missing-body');
  body.append(el('span', 'missing-what', missingHeadline(part)));
  if (part.message) body.append(el('span', 'missing-message', part.message));
  note.append(body);
  return note;
}

export function missingNotes(parts: readonly MissingPart[] | undefined): HTMLElement[] {
  return (parts ?? []).map(missingNote);
}

export function loadingLine(text = 'Loading…'): HTMLElement {
  const line = el('div', 'loading-line', text);
  line.setAttribute('aria-busy', 'true');
  return line;
}

export function emptyLine(text: string): HTMLElement {
  return el('div', 'empty-line', text);
}

/** Contact-derived text: as is (textContent), isolated so bidi controls cannot reorder what is around it. */
export function rawText<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text: string): HTMLElementTagNameMap[K] {
  return el(tag, `raw ${className}`.trim(), text);
}

/** Marks an element so that focus comes back to it (its replacement) after a re-render. */
export function focusKey<T extends Element>(element: T, key: string): T {
  element.setAttribute('data-focus-key', key);
  return element;
}

/** A small icon button that copies `text` (through the host, which confirms what it copied). */
export function copyButton(text: string, what: string, label: string, key: string, actions: OverviewActions): HTMLButtonElement {
  const button = el('button', 'icon-button copy-button');
  button.type = 'button';
  button.title = label;
  button.setAttribute('aria-label', label);
  button.append(icon('copy'));
  button.addEventListener('click', () => actions.copy(text, clipWhat(what)));
  return focusKey(button, key);
}

/** The protocol takes at most 128 characters of "what was copied". */
export function clipWhat(what: string): string {
  return what.length <= 128 ? what : `${what.slice(0, 127)}…`;
}

/**
 * A link that opens an http(s) URL through the host (VS Code asks before opening), never by
 * navigating the panel. Anything else is not a link: the same text, plain.
 */
export function externalLink(text: string, url: string | undefined, key: string, actions: OverviewActions, title?: string): HTMLElement {
  if (url === undefined || !isWebUrl(url)) return rawText('span', 'not-link', text);
  const link = el('button', 'link-button raw', text);
  link.type = 'button';
  link.setAttribute('role', 'link');
  link.title = title ?? url;
  link.addEventListener('click', () => actions.openExternal(url));
  return focusKey(link, key);
}

/** A button-looking link to another contact (its panel opens). */
export function contactLink(text: string, contactId: string, key: string, actions: OverviewActions, label?: string): HTMLElement {
  const link = el('button', 'link-button', text);
  link.type = 'button';
  link.setAttribute('role', 'link');
  link.title = `Open contact ${contactId}`;
  if (label) link.setAttribute('aria-label', label);
  link.addEventListener('click', () => actions.openContact(contactId));
  return focusKey(link, key);
}

/**
 * One section of the Overview: a heading and a body that is rebuilt only when what it shows
 * changes (its key). The section element stays, so its place on the page does not move; the
 * focused control is found again by its focus key and gets the keyboard back.
 */
export class SectionFrame {
  readonly element: HTMLElement;
  private body: HTMLElement;
  private key: string | undefined;

  constructor(id: string, title: string, headingIcon?: string) {
    this.element = el('section', `overview-section section-${id}`);
    const heading = el('h2', 'section-heading');
    heading.id = `overview-${id}-heading`;
    if (headingIcon) heading.append(icon(headingIcon));
    heading.append(el('span', '', title));
    this.element.setAttribute('aria-labelledby', heading.id);
    this.body = el('div', 'section-body');
    this.body.append(loadingLine());
    this.element.append(heading, this.body);
  }

  /** Forgets the key: the next render draws, whatever its key. */
  invalidate(): void {
    this.key = undefined;
  }

  /** Rebuilds the body when `key` differs from the last one drawn; true when it did. */
  render(key: string, fill: (body: HTMLElement) => void): boolean {
    if (key === this.key) return false;
    this.key = key;
    const active = document.activeElement;
    // Only when the panel has the keyboard: the page keeps an activeElement while the person types
    // in the command palette, and focusing it then would take the keyboard from the palette.
    const restore = document.hasFocus() && active && this.body.contains(active) ? active.getAttribute('data-focus-key') : null;
    const fresh = el('div', 'section-body');
    fill(fresh);
    this.body.replaceWith(fresh);
    this.body = fresh;
    if (restore !== null) {
      const again = [...fresh.querySelectorAll('[data-focus-key]')].find((e) => e.getAttribute('data-focus-key') === restore);
      if (again instanceof HTMLElement || again instanceof SVGElement) again.focus({ preventScroll: true });
    }
    return true;
  }

  get bodyElement(): HTMLElement {
    return this.body;
  }
}

/** A definition-list style row: label, then content. */
export function factRow(label: string, ...content: (Node | string)[]): HTMLElement {
  const row = el('div', 'fact-row');
  row.append(el('span', 'fact-label', label));
  const value = el('span', 'fact-value');
  value.append(...content);
  row.append(value);
  return row;
}

/** `…2a01`: the end of an ID, where the contacts of one chain differ. */
export function shortContactId(id: string): string {
  const chars = Array.from(id);
  return chars.length <= 8 ? id : `…${chars.slice(-4).join('')}`;
}
