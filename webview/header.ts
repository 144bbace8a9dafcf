// The panel header: what kind of contact this is and how it went, at a glance.
import type { ContactOrigin, PanelContactRef, TimeZoneChoice } from '../src/protocol/messages';
import { relativeAge, type ContactSummary } from './contactModel';
import { el, icon } from './dom';

export class Header {
  readonly element: HTMLElement;
  /** The queue and agent facts, so their names can be put beside the IDs when the story brings them. */
  private queueFact: HTMLElement | undefined;
  private agentFact: HTMLElement | undefined;

  constructor() {
    this.element = el('header', 'contact-header');
    this.element.setAttribute('aria-label', 'Contact summary');
  }

  /** Before the contact arrives (a restored panel): which contact, nothing about it. */
  showRef(ref: PanelContactRef): void {
    const title = el('div', 'header-title');
    title.append(contactIdElement(ref));
    this.element.replaceChildren(title);
  }

  setNames(names: { queue?: string; agent?: string }): void {
    nameFact(this.queueFact, names.queue);
    nameFact(this.agentFact, names.agent);
  }

  show(ref: PanelContactRef, s: ContactSummary, status?: { fetchedAt: string; origin: ContactOrigin; timeZone: TimeZoneChoice }): void {
    const title = el('div', 'header-title');
    if (s.channel) title.append(el('span', 'tag channel', s.channel));
    if (s.initiationMethod) title.append(el('span', 'initiation', s.initiationMethod));
    title.append(contactIdElement(ref));

    const times = el('div', 'header-times');
    times.append(icon('history'));
    times.append(el('span', 'initiated', s.initiated ?? 'Start time unknown'));
    times.append(el('span', 'arrow', '→'));
    times.append(el('span', 'disconnected', s.disconnected ?? 'not disconnected'));
    if (s.duration) times.append(el('span', 'duration', `(${s.duration})`));

    const facts = el('dl', 'header-facts');
    this.queueFact = addFact(facts, 'Queue', s.queue);
    this.agentFact = addFact(facts, 'Agent', s.agent);
    addFact(facts, 'Disconnect reason', s.disconnectReason);

    this.element.replaceChildren(title, times, facts, ...(status ? [statusLine(status)] : []));
  }
}

function contactIdElement(ref: PanelContactRef): HTMLElement {
  const id = el('span', 'contact-id', ref.contactId);
  id.title = `Instance ${ref.instanceId} · ${ref.region} · profile ${ref.profile}`;
  return id;
}

function addFact(list: HTMLElement, label: string, value: string | undefined): HTMLElement | undefined {
  if (!value) return undefined;
  const item = el('div', 'fact');
  const dd = el('dd', '', value);
  item.append(el('dt', '', label), dd);
  list.append(item);
  return dd;
}

/** "Renewals" for the queue's ID once known, the ID on hover; back to the ID alone when unknown. */
function nameFact(dd: HTMLElement | undefined, name: string | undefined): void {
  if (!dd) return;
  const id = dd.dataset.id ?? dd.textContent ?? '';
  dd.dataset.id = id;
  dd.textContent = name ?? id;
  dd.title = name ? id : '';
}

/** Where the data came from and when: "Fetched 14:02", "Cached · fetched 14:02", or the sample. Relative on hover. */
function statusLine(status: { fetchedAt: string; origin: ContactOrigin; timeZone: TimeZoneChoice }): HTMLElement {
  const line = el('div', `header-status origin-${status.origin}`);
  if (status.origin === 'sample') {
    line.append(icon('beaker'), el('span', 'status-text', 'Sample contact, offline: bundled with the extension, not from an AWS account'));
    return line;
  }
  const at = clockTime(status.fetchedAt, status.timeZone);
  const text = status.origin === 'cache' ? `Cached · fetched ${at}` : `Fetched ${at}`;
  line.append(icon(status.origin === 'cache' ? 'database' : 'cloud-download'), el('span', 'status-text', text));
  const describe = () =>
    `${status.origin === 'cache' ? 'From the explorer\'s cache: f' : 'F'}etched ${relativeAge(status.fetchedAt, Date.now()) || 'just now'} (${status.fetchedAt})`;
  line.title = describe();
  // Relative to the moment of hovering, not of drawing.
  line.addEventListener('mouseenter', () => (line.title = describe()));
  return line;
}

/** "14:02", or "Nov 28, 14:02" when not today, in the panel's time zone. */
function clockTime(iso: string, timeZone: TimeZoneChoice): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return 'at an unknown time';
  const zone = timeZone === 'utc' ? 'UTC' : undefined;
  const day = (d: Date) => d.toLocaleDateString('en-CA', { timeZone: zone });
  const time = date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: zone });
  const suffix = timeZone === 'utc' ? ' UTC' : '';
  return day(date) === day(new Date()) ? `${time}${suffix}` : `${date.toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: zone })}, ${time}${suffix}`;
}
