// "Who and where, by name": the queue, the agent, the agent's hierarchy groups, the routing
// profile and the instance, each name beside its ID. The IDs come from the contact (and, for
// the routing profile and the agent's own group, from the names the host found after
// DescribeUser); the names from the story. A name on its way shows "…"; one that cannot be had
// shows the ID alone and, once, what is missing.
import type { JsonObject, JsonValue } from '../src/contact/contactDocument';
import { nameKey, type MissingPart, type NamedKind, type ResourceName } from '../src/contact/story';
import { el } from './dom';
import { clipWhat, emptyLine, focusKey, missingNote, rawText, type OverviewActions, type OverviewInput } from './overviewParts';
import { idFromArn } from './valueNames';

export interface NameRowSpec {
  kind: NamedKind;
  label: string;
  id: string;
  arn?: string;
  /** What a copy of the ID is called in the host's confirmation: "queue ID". */
  what: string;
  name: ResourceName | undefined;
  /** Nothing more will come for this row, story complete or not. */
  settled?: boolean;
}

type NameState = 'known' | 'pending' | 'unavailable';

const levels = ['Level1', 'Level2', 'Level3', 'Level4', 'Level5'] as const;

function obj(value: JsonValue | undefined): JsonObject | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
}

function text(value: JsonValue | undefined): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Which names row a missing part is about, by what the host calls the part. */
function rowOfMissing(part: MissingPart): NamedKind | undefined {
  const p = part.part.toLowerCase();
  if (p.includes('queue')) return 'queue';
  if (p.includes('agent') || p.includes('user')) return 'user';
  if (p.includes('hierarch') || p.includes('group')) return 'hierarchyGroup';
  if (p.includes('routing')) return 'routingProfile';
  if (p.includes('instance')) return 'instance';
  return undefined;
}

/** The rows the section shows for this contact and story, in order. */
export function nameRows(input: OverviewInput): NameRowSpec[] {
  const { contact, story } = input;
  const names = story?.names ?? {};
  const rows: NameRowSpec[] = [];
  const lookup = (kind: NamedKind, id: string): ResourceName | undefined => {
    const key = nameKey(kind, id);
    return Object.prototype.hasOwnProperty.call(names, key) ? names[key] : undefined;
  };

  const queueId = text(obj(contact.QueueInfo)?.Id);
  if (queueId) rows.push({ kind: 'queue', label: 'Queue', id: queueId, what: 'queue ID', name: lookup('queue', queueId) });

  const agent = obj(contact.AgentInfo);
  const agentId = text(agent?.Id);
  if (agentId) rows.push({ kind: 'user', label: 'Agent', id: agentId, what: 'agent ID', name: lookup('user', agentId) });

  const groupIds = new Set<string>();
  const groups = obj(agent?.HierarchyGroups);
  levels.forEach((level, i) => {
    const arn = text(obj(groups?.[level])?.Arn);
    if (!arn) return;
    const id = idFromArn(arn);
    groupIds.add(id);
    rows.push({ kind: 'hierarchyGroup', label: `Hierarchy level ${i + 1}`, id, arn, what: 'hierarchy group ID', name: lookup('hierarchyGroup', id) });
  });
  // The host adds the agent's own group and routing profile after DescribeUser: whatever of
  // those kinds the story names, for this contact.
  for (const name of Object.values(names)) {
    if (name.kind === 'hierarchyGroup' && !groupIds.has(name.id)) {
      groupIds.add(name.id);
      rows.push({ kind: 'hierarchyGroup', label: 'Agent hierarchy group', id: name.id, arn: name.arn, what: 'hierarchy group ID', name });
    }
  }
  const profiles = Object.values(names).filter((n) => n.kind === 'routingProfile');
  for (const name of profiles) rows.push({ kind: 'routingProfile', label: 'Routing profile', id: name.id, arn: name.arn, what: 'routing profile ID', name });
  // The agent's routing profile comes with the agent (DescribeUser): its row waits in place.
  const agentMissing = (input.missing.get('names') ?? []).some((p) => rowOfMissing(p) === 'user');
  if (agentId && profiles.length === 0 && !story?.complete && !agentMissing) {
    rows.push({ kind: 'routingProfile', label: 'Routing profile', id: '', what: 'routing profile ID', name: undefined });
  }

  const instanceName = lookup('instance', input.instanceId);
  const alias = story?.instance?.alias ?? instanceName?.name;
  rows.push({
    kind: 'instance',
    label: 'Instance',
    id: input.instanceId,
    arn: instanceName?.arn,
    what: 'instance ID',
    name: alias ? { kind: 'instance', id: input.instanceId, name: alias, arn: instanceName?.arn } : undefined,
    // The alias comes with the instance's description: once that is in (a console link) or
    // failed, there is no alias to wait for.
    settled: story?.instance !== undefined,
  });
  return rows;
}

/** Draws the section's body. */
export function fillNames(body: HTMLElement, input: OverviewInput): void {
  const { story } = input;
  const missing = input.missing.get('names') ?? [];
  const byRow = new Map<NamedKind, MissingPart[]>();
  const general: MissingPart[] = [];
  for (const part of missing) {
    const row = rowOfMissing(part);
    if (row) byRow.set(row, [...(byRow.get(row) ?? []), part]);
    else general.push(part);
  }
  const rows = nameRows(input);
  const list = el('div', 'names-list');
  const noted = new Set<NamedKind>();
  for (const spec of rows) {
    const parts = byRow.get(spec.kind) ?? [];
    // Known → the name; missing or the story done → the ID alone; else still on its way.
    const state = spec.name ? 'known' : parts.length > 0 || story?.complete || spec.settled ? 'unavailable' : 'pending';
    const row = nameRow(spec, state, input.actions);
    list.append(row);
    // Each missing part once: under the first row it is about.
    if (parts.length > 0 && !spec.name && !noted.has(spec.kind)) {
      noted.add(spec.kind);
      for (const part of parts) list.append(missingNote(part));
    }
  }
  // Missing parts about rows this contact does not have (or that all have names) still show once.
  for (const [kind, parts] of byRow) if (!noted.has(kind)) general.push(...parts);
  body.append(list);
  if (rows.length === 0) body.append(emptyLine('This contact names no queue or agent.'));
  for (const part of general) body.append(missingNote(part));
}

/** Label, name (and detail), then the ID: a click on the ID copies it; hover gives ID and ARN. */
function nameRow(spec: NameRowSpec, state: NameState, actions: OverviewActions): HTMLElement {
  const row = el('div', `name-row name-${spec.kind} ${state}`);
  row.setAttribute('data-kind', spec.kind);
  const arn = spec.arn ?? spec.name?.arn;
  const hover = `ID: ${spec.id}${arn ? `\nARN: ${arn}` : ''}`;
  row.append(el('span', 'name-label', spec.label));
  const value = el('span', 'name-value');
  if (state === 'known' && spec.name) {
    const name = rawText('span', 'resolved', spec.name.name);
    name.title = hover;
    value.append(name);
    if (spec.name.detail) value.append(rawText('span', 'name-detail', spec.name.detail));
  } else if (state === 'pending') {
    const wait = el('span', 'name-pending', '…');
    wait.title = 'Looking up the name…';
    wait.setAttribute('aria-hidden', 'true');
    value.append(wait, el('span', 'visually-hidden', 'name loading'));
  }
  row.append(value);
  // A row waiting for its ID too (the routing profile, until DescribeUser answers).
  if (!spec.id) return row;
  const id = el('button', 'id-button raw', spec.id);
  id.type = 'button';
  id.title = `${hover}\nClick to copy the ID`;
  id.setAttribute('aria-label', `Copy ${spec.what} ${spec.id}`);
  id.addEventListener('click', () => actions.copy(spec.id, clipWhat(spec.what)));
  focusKey(id, `id:${spec.kind}:${spec.id}`);
  value.append(id);
  return row;
}
