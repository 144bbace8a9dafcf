// What one tree row shows, by field kind. Text only: every value is set with
// textContent (via setHighlightedText) or as a title / aria / data attribute.
import type { FieldNode } from '../src/contact/fieldNode';
import { fieldIcon, relativeAge, tooltip } from './contactModel';
import { el, setHighlightedText } from './dom';

export interface RowRenderContext {
  /** Lower-cased filter text, '' when not filtering. */
  needle: string;
  /** Time the relative ages count from. */
  now: number;
}

/** Rebuilds the row's children; the row element itself (role, aria state) belongs to the tree. */
export function fillRow(row: HTMLElement, node: FieldNode, ctx: RowRenderContext): void {
  row.textContent = '';
  const twistie = el('span', 'twistie codicon');
  twistie.setAttribute('aria-hidden', 'true');
  const kindIcon = el('span', `kind-icon codicon codicon-${fieldIcon(node)}`);
  kindIcon.setAttribute('aria-hidden', 'true');
  const key = el('span', 'key');
  setHighlightedText(key, node.key, ctx.needle);
  row.append(twistie, kindIcon, key);
  if (node.children !== undefined) {
    row.append(el('span', 'count', node.display));
    // An explicit name: the row's action buttons must not become part of what is read out.
    row.setAttribute('aria-label', `${node.key}, ${node.display}`);
    return;
  }
  // Read out as "Channel, VOICE": the key, a pause, the value.
  let label = `${node.key}, ${node.display}`;
  const value = el('span', `value kind-${node.kind}`);
  setHighlightedText(value, node.display, ctx.needle);
  row.append(value);
  const raw = node.value;
  value.title = tooltip(node, ctx.now);
  switch (node.kind) {
    case 'timestamp':
      if (typeof raw === 'string') {
        const age = relativeAge(raw, ctx.now);
        if (age) {
          row.append(el('span', 'age', age));
          label += `, ${age}`;
        }
      }
      break;
    case 'contactId':
      value.classList.add('contact-link');
      value.setAttribute('role', 'link');
      value.title = `Open contact ${node.display}`;
      label += ' (link: Enter opens the contact)';
      break;
    default:
      break;
  }
  row.setAttribute('aria-label', label);
}
