// What one tree row shows, by field kind. Text only: every value is set with
// textContent (via setHighlightedText) or as a title / aria / data attribute. Tooltips end
// with what the field means (the service model's description, its values and constraints).
import type { FieldNode } from '../src/contact/fieldNode';
import { fieldIcon, relativeAge, tooltip, withDescription } from './contactModel';
import { el, setHighlightedText } from './dom';

export interface RowRenderContext {
  /** Lower-cased filter text, '' when not filtering. */
  needle: string;
  /** Time the relative ages count from. */
  now: number;
  /** The name the story knows for the row's value (a queue's name beside its ID), if any. */
  nameOf?: (node: FieldNode) => string | undefined;
}

type LabelledRow = HTMLElement & { _label?: string };

/** Rebuilds the row's children; the row element itself (role, aria state) belongs to the tree. */
export function fillRow(row: HTMLElement, node: FieldNode, ctx: RowRenderContext): void {
  (row as LabelledRow)._label = undefined;
  row.textContent = '';
  const twistie = el('span', 'twistie codicon');
  twistie.setAttribute('aria-hidden', 'true');
  const kindIcon = el('span', `kind-icon codicon codicon-${fieldIcon(node)}`);
  kindIcon.setAttribute('aria-hidden', 'true');
  const key = el('span', 'key');
  setHighlightedText(key, node.key, ctx.needle);
  key.title = withDescription('', node);
  row.append(twistie, kindIcon, key);
  if (node.children !== undefined) {
    const count = el('span', 'count', node.display);
    count.title = withDescription(node.display, node);
    row.append(count);
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
  value.title = withDescription(tooltip(node, ctx.now), node);
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
      value.title = withDescription(`Open contact ${node.display}`, node);
      label += ' (link: Enter opens the contact)';
      break;
    default:
      break;
  }
  (row as LabelledRow)._label = label;
  row.setAttribute('aria-label', label);
  const name = ctx.nameOf?.(node);
  if (name) setRowName(row, name);
}

/**
 * Shows (or clears) the name beside a leaf row's value, in place: a muted "· Escalations" after
 * the value, also read out ("Id, b0b1…, Escalations"). Rows of containers have no label to extend.
 */
export function setRowName(row: HTMLElement, name: string | undefined): void {
  const base = (row as LabelledRow)._label;
  if (base === undefined) return;
  let suffix = row.querySelector<HTMLElement>(':scope > .resolved-name');
  if (!name) {
    suffix?.remove();
    row.setAttribute('aria-label', base);
    return;
  }
  const text = `· ${name}`;
  if (!suffix) {
    suffix = el('span', 'resolved-name');
    suffix.setAttribute('aria-hidden', 'true');
    row.querySelector(':scope > .value')?.after(suffix);
  }
  if (suffix.textContent !== text) suffix.textContent = text;
  suffix.title = name;
  row.setAttribute('aria-label', `${base}, ${name}`);
}
