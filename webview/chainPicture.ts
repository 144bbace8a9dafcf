// "Chain": the contacts linked to this one, drawn as an SVG picture (boxes left to right by
// time, arrows labelled with how one led to the next) and, below it, the same as a list for
// screen readers and keyboards. A node opens its contact in a panel; the current one is marked
// by colour and by text. SVG is built with createElementNS, its text set with textContent.
import { formatTimestamp } from '../src/contact/format';
import { nameKey, type ChainEdge, type ChainNode, type ChainRelation, type ContactChain, type ContactStory } from '../src/contact/story';
import type { TimeZoneChoice } from '../src/protocol/messages';
import { el, svgEl as svg } from './dom';
import { contactLink, emptyLine, focusKey, loadingLine, missingNotes, rawText, shortContactId, type OverviewInput } from './overviewParts';

const boxWidth = 200;
const boxHeight = 104;
const gap = 110;
const padX = 12;
const lineHeight = 16;
const maxLineChars = 29;
/** Beyond this many, the picture stops (the host bounds chains far lower; the list has them all). */
const maxDrawn = 500;

export const relationWords: Record<ChainRelation, string> = {
  transfer: 'transfer',
  queueTransfer: 'queue transfer',
  callback: 'callback',
  related: 'related',
  monitor: 'monitor',
  external: 'external',
  associated: 'associated',
};

function relationText(relation: string): string {
  return Object.prototype.hasOwnProperty.call(relationWords, relation) ? relationWords[relation as ChainRelation] : relation;
}

function clip(text: string, max = maxLineChars): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

interface NodeFacts {
  node: ChainNode;
  title: string;
  time: string | undefined;
  queue: string | undefined;
  agent: string | undefined;
  short: string;
  incoming: string[];
  outgoing: string[];
}

function factsOf(chain: ContactChain, story: ContactStory, timeZone: TimeZoneChoice): NodeFacts[] {
  const names = story.names;
  const nameOf = (kind: 'queue' | 'user', id: string | undefined) => {
    if (!id) return undefined;
    const key = nameKey(kind, id);
    return Object.prototype.hasOwnProperty.call(names, key) ? names[key].name : undefined;
  };
  const short = new Map(chain.nodes.map((n) => [n.contactId, shortContactId(n.contactId)]));
  const incoming = new Map<string, string[]>();
  const outgoing = new Map<string, string[]>();
  for (const e of chain.edges) {
    const words = relationText(e.relation);
    incoming.set(e.to, [...(incoming.get(e.to) ?? []), `${words} from ${short.get(e.from) ?? shortContactId(e.from)}`]);
    outgoing.set(e.from, [...(outgoing.get(e.from) ?? []), `${words} to ${short.get(e.to) ?? shortContactId(e.to)}`]);
  }
  return chain.nodes.map((node) => ({
    node,
    title: [node.channel, node.initiationMethod].filter(Boolean).join(' · ') || 'Contact',
    time: node.initiatedAt ? formatTimestamp(node.initiatedAt, timeZone) : undefined,
    queue: nameOf('queue', node.queueId) ?? (node.queueId ? shortContactId(node.queueId) : undefined),
    agent: nameOf('user', node.agentId) ?? (node.agentId ? shortContactId(node.agentId) : undefined),
    short: short.get(node.contactId) ?? node.contactId,
    incoming: incoming.get(node.contactId) ?? [],
    outgoing: outgoing.get(node.contactId) ?? [],
  }));
}

/** What a node says to a screen reader (and the list item's text). */
function describe(f: NodeFacts): string {
  const parts = [
    `Contact ${f.short}${f.node.current ? ' (this contact)' : ''}`,
    f.title,
    f.time ? `initiated ${f.time}` : undefined,
    f.queue ? `queue ${f.queue}` : undefined,
    f.agent ? `agent ${f.agent}` : undefined,
    f.node.problem ? `could not be described: ${f.node.problem}` : undefined,
    ...f.incoming,
    ...f.outgoing,
  ];
  return parts.filter(Boolean).join(', ');
}

export function fillChain(body: HTMLElement, input: OverviewInput): void {
  const { story } = input;
  const notes = missingNotes(input.missing.get('chain'));
  const chain = story?.chain;
  if (!story || !chain) {
    body.append(...notes);
    if (notes.length === 0) body.append(story?.complete ? emptyLine('No linked contacts.') : loadingLine());
    return;
  }
  const nodes = chain.nodes;
  if (nodes.length <= 1) {
    body.append(emptyLine('No linked contacts.'), ...notes);
    if (chain.truncated) body.append(el('div', 'chain-truncated', 'More linked contacts than shown.'));
    return;
  }
  const facts = factsOf(chain, story, input.timeZone);
  if (chain.truncated || nodes.length > maxDrawn) body.append(el('div', 'chain-truncated', 'More linked contacts than shown.'));
  const scroll = el('div', 'chain-scroll');
  scroll.append(picture(facts.slice(0, maxDrawn), chain.edges, input));
  body.append(scroll, ...notes, list(facts, input));
}

function picture(facts: NodeFacts[], edges: readonly ChainEdge[], input: OverviewInput): SVGSVGElement {
  const index = new Map(facts.map((f, i) => [f.node.contactId, i]));
  const drawn = edges.filter((e) => index.has(e.from) && index.has(e.to) && e.from !== e.to);
  const arcHeight = (span: number) => Math.min(28 + 18 * (span - 1), 120);
  const maxArc = Math.max(0, ...drawn.map((e) => Math.abs((index.get(e.to) as number) - (index.get(e.from) as number))).filter((s) => s > 1).map(arcHeight));
  const top = maxArc > 0 ? maxArc + 22 : 12;
  // Backward arrows between neighbours run below the middle, and their labels below them.
  const height = top + boxHeight + 24;
  const width = padX * 2 + facts.length * boxWidth + (facts.length - 1) * gap;
  const root = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'group', 'aria-label': `Linked contacts: ${facts.length}, left to right by time` }, 'chain-svg');
  const defs = svg('defs');
  const marker = svg('marker', { id: 'chain-arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 8, markerHeight: 8, orient: 'auto-start-reverse' });
  marker.append(svg('path', { d: 'M 0 0 L 10 5 L 0 10 z' }, 'chain-arrowhead'));
  defs.append(marker);
  root.append(defs);

  const x = (i: number) => padX + i * (boxWidth + gap);
  const edgeLayer = svg('g', { 'aria-hidden': 'true' }, 'chain-edges');
  const perPair = new Map<string, number>();
  for (const e of drawn) {
    const from = index.get(e.from) as number;
    const to = index.get(e.to) as number;
    const span = Math.abs(to - from);
    const pair = `${Math.min(from, to)}:${Math.max(from, to)}`;
    const nth = perPair.get(pair) ?? 0;
    perPair.set(pair, nth + 1);
    const words = relationText(e.relation);
    const group = svg('g', { 'data-relation': e.relation }, `chain-edge relation-${e.relation}`);
    let labelX: number;
    let labelY: number;
    if (span === 1) {
      const forward = to > from;
      const y = top + boxHeight / 2 + (forward ? -8 - nth * 18 : 18 + nth * 18);
      const x1 = forward ? x(from) + boxWidth : x(from);
      const x2 = forward ? x(to) : x(to) + boxWidth;
      group.append(svg('line', { x1, y1: y, x2, y2: y, 'marker-end': 'url(#chain-arrow)' }, 'chain-line'));
      labelX = (x1 + x2) / 2;
      labelY = forward ? y - 5 : y + 13;
    } else {
      const h = arcHeight(span) + nth * 10;
      const x1 = x(from) + boxWidth / 2 + (to > from ? 12 : -12);
      const x2 = x(to) + boxWidth / 2 + (to > from ? -12 : 12);
      group.append(svg('path', { d: `M ${x1} ${top} C ${x1} ${top - h}, ${x2} ${top - h}, ${x2} ${top}`, 'marker-end': 'url(#chain-arrow)' }, 'chain-line'));
      labelX = (x1 + x2) / 2;
      labelY = top - h * 0.75 - 4;
    }
    const label = svg('text', { x: labelX, y: labelY, 'text-anchor': 'middle' }, 'chain-edge-label');
    label.textContent = words;
    group.append(label);
    edgeLayer.append(group);
  }
  root.append(edgeLayer);

  const nodeLayer = svg('g', {}, 'chain-nodes');
  const tabStop = Math.max(0, facts.findIndex((f) => f.node.current));
  facts.forEach((f, i) => {
    const g = svg('g', { transform: `translate(${x(i)} ${top})`, tabindex: i === tabStop ? 0 : -1, role: 'link', 'aria-label': describe(f) + (f.node.current ? '' : '. Opens the contact') }, `chain-node${f.node.current ? ' current' : ''}${f.node.problem ? ' problem' : ''}`);
    g.setAttribute('data-contact-id', f.node.contactId);
    if (f.node.current) g.setAttribute('aria-current', 'page');
    focusKey(g, `chain:${f.node.contactId}`);
    g.append(svg('rect', { width: boxWidth, height: boxHeight, rx: 4, ry: 4 }, 'chain-box'));
    const lines: [string, string][] = [
      [f.title, 'chain-title'],
      [f.time ?? 'time unknown', 'chain-time'],
      [f.node.problem ? `⚠ ${f.node.problem}` : `Queue: ${f.queue ?? '—'}`, f.node.problem ? 'chain-problem' : 'chain-queue'],
      [f.node.problem ? '' : `Agent: ${f.agent ?? '—'}`, 'chain-agent'],
      [`${f.short}${f.node.current ? ' · this contact' : ''}`, 'chain-id'],
    ];
    lines.forEach(([text, cls], l) => {
      if (!text) return;
      const t = svg('text', { x: 10, y: 20 + l * lineHeight + (l === lines.length - 1 ? 4 : 0) }, cls);
      t.textContent = clip(text);
      g.append(t);
    });
    nodeLayer.append(g);
  });
  root.append(nodeLayer);

  const nodesOf = () => [...nodeLayer.querySelectorAll<SVGGElement>('.chain-node')];
  const open = (g: SVGGElement | null) => {
    const id = g?.getAttribute('data-contact-id');
    if (g && id && !g.classList.contains('current')) input.actions.openContact(id);
  };
  nodeLayer.addEventListener('click', (e) => open((e.target as Element).closest<SVGGElement>('.chain-node')));
  // Roving tabindex: one stop in the picture, arrows move between contacts.
  nodeLayer.addEventListener('focusin', (e) => {
    const g = (e.target as Element).closest<SVGGElement>('.chain-node');
    if (!g) return;
    for (const n of nodesOf()) n.setAttribute('tabindex', n === g ? '0' : '-1');
  });
  nodeLayer.addEventListener('keydown', (e) => {
    const g = (e.target as Element).closest<SVGGElement>('.chain-node');
    if (!g || e.altKey || e.ctrlKey || e.metaKey) return;
    const all = nodesOf();
    const at = all.indexOf(g);
    let next = -1;
    switch (e.key) {
      case 'Enter':
      case ' ':
        open(g);
        e.preventDefault();
        return;
      case 'ArrowRight':
      case 'ArrowDown':
        next = Math.min(at + 1, all.length - 1);
        break;
      case 'ArrowLeft':
      case 'ArrowUp':
        next = Math.max(at - 1, 0);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = all.length - 1;
        break;
      default:
        return;
    }
    e.preventDefault();
    all[next]?.focus();
  });
  return root;
}

/** The same contacts as a list: the picture's accessible alternative, and a quick read. */
function list(facts: NodeFacts[], input: OverviewInput): HTMLElement {
  const wrap = el('div', 'chain-list-wrap');
  const heading = el('h3', 'chain-list-heading', 'Linked contacts, in order');
  heading.id = 'chain-list-heading';
  const ol = el('ol', 'chain-list');
  ol.setAttribute('aria-labelledby', heading.id);
  for (const f of facts) {
    const li = el('li', `chain-item${f.node.current ? ' current' : ''}`);
    if (f.node.current) {
      const here = rawText('span', 'chain-item-id', `${f.short} (this contact)`);
      li.append(here);
    } else {
      li.append(contactLink(`Contact ${f.short}`, f.node.contactId, `chain-list:${f.node.contactId}`, input.actions, `Open contact ${f.node.contactId}`));
    }
    const details = [f.title, f.time, f.queue ? `queue ${f.queue}` : undefined, f.agent ? `agent ${f.agent}` : undefined, f.node.problem ? `⚠ ${f.node.problem}` : undefined, ...f.incoming, ...f.outgoing]
      .filter(Boolean)
      .join(' · ');
    li.append(rawText('span', 'chain-item-details', ` — ${details}`));
    ol.append(li);
  }
  wrap.append(heading, ol);
  return wrap;
}
