// The top of the Overview: what deserves attention (each badge jumps to its field in Fields)
// and, in a few sentences, where the contact came from and where it went.
import { attentionBadges } from '../src/contact/attention';
import type { JsonObject } from '../src/contact/contactDocument';
import { originLines } from '../src/contact/contactOrigin';
import type { ResourceName } from '../src/contact/story';
import { el, icon } from './dom';
import { emptyLine, focusKey, type OverviewActions } from './overviewParts';

/** The badges; none draws nothing (the section then hides). */
export function fillAttention(body: HTMLElement, contact: JsonObject, actions: OverviewActions): void {
  const badges = attentionBadges(contact);
  if (badges.length === 0) return;
  const list = el('div', 'attention-badges');
  badges.forEach((badge, i) => {
    const button = el('button', `attention-badge severity-${badge.severity} kind-${badge.kind}`);
    button.type = 'button';
    button.append(icon(badge.severity === 'error' ? 'error' : 'warning', 'badge-icon'), el('span', 'badge-text', badge.text));
    button.title = `${badge.detail}\nShow ${badge.path.join('.')} in Fields`;
    button.setAttribute('aria-label', `${badge.severity === 'error' ? 'Error' : 'Warning'}: ${badge.text}. ${badge.detail} Shows the field in Fields.`);
    button.addEventListener('click', () => actions.revealField([...badge.path]));
    list.append(focusKey(button, `badge:${i}:${badge.kind}`));
  });
  body.append(list);
}

export function fillOrigin(body: HTMLElement, contact: JsonObject, names: Record<string, ResourceName>): void {
  const lines = originLines(contact, names);
  if (lines.length === 0) {
    body.append(emptyLine('Nothing says where this contact came from or went.'));
    return;
  }
  const list = el('ul', 'origin-lines');
  for (const line of lines) list.append(el('li', 'origin-line', line));
  body.append(list);
}
