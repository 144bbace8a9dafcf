// The panel header: what kind of contact this is and how it went, at a glance.
import type { PanelContactRef } from '../src/protocol/messages';
import type { ContactSummary } from './contactModel';
import { el, icon } from './dom';

export class Header {
  readonly element: HTMLElement;

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

  show(ref: PanelContactRef, s: ContactSummary): void {
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
    addFact(facts, 'Queue', s.queue);
    addFact(facts, 'Agent', s.agent);
    addFact(facts, 'Disconnect reason', s.disconnectReason);

    this.element.replaceChildren(title, times, facts);
  }
}

function contactIdElement(ref: PanelContactRef): HTMLElement {
  const id = el('span', 'contact-id', ref.contactId);
  id.title = `Instance ${ref.instanceId} · ${ref.region} · profile ${ref.profile}`;
  return id;
}

function addFact(list: HTMLElement, label: string, value: string | undefined): void {
  if (!value) return;
  const item = el('div', 'fact');
  item.append(el('dt', '', label), el('dd', '', value));
  list.append(item);
}
