// The search panel's page: criteria, the count, the actions on the selection, the results table.
// Or, for Find Contacts in Flow Logs, the query in place of the criteria and its contacts in the
// same table (insightsView.ts). Talks to the host only through src/protocol/searchMessages.ts.
// Text only: every value from the service (names, IDs, messages) is set with textContent or as an
// option's text.
import './search.css';
import {
  channels,
  defaultCriteria,
  initiationMethods,
  matchTypes,
  presets,
  progressText,
  timestampLabels,
  timestampTypes,
  type ContactSearchCriteria,
  type CriteriaField,
  type FieldMessage,
  type MatchType,
  type PresetId,
  type TimestampType,
} from '../../src/contact/searchWindows';
import type { SearchRow } from '../../src/contact/searchRows';
import { parseSearchHostMessage, type NamedOption, type SearchStatus, type SearchWebviewMessage } from '../../src/protocol/searchMessages';
import type { InsightsTableRow } from '../../src/timeline/insightsRows';
import { el } from '../dom';
import { insightsTableColumns, searchTableColumns } from './columns';
import { insightsCountText, insightsStatusText, InsightsView } from './insightsView';
import { ResultsTable, type ResultsActions } from './resultsTable';

declare function acquireVsCodeApi(): { postMessage(message: unknown): void };
const api = acquireVsCodeApi();
const post = (m: SearchWebviewMessage) => api.postMessage(m);

const app = document.getElementById('app') as HTMLDivElement;
app.classList.add('search-app');
const title = el('h1', 'search-title', 'Search Contacts');
const form = el('form', 'criteria');
form.setAttribute('aria-label', 'Search criteria');
const fieldErrors = new Map<CriteriaField, HTMLElement>();

function field(label: string, control: HTMLElement, name: CriteriaField, wide = false): HTMLElement {
  const box = el('div', `field field-${name}${wide ? ' wide' : ''}`);
  const id = `f-${name}`;
  const caption = el('label', 'field-label', label);
  if (!control.id) control.id = id;
  caption.htmlFor = control.id;
  const error = el('div', 'field-error');
  error.id = `${id}-error`;
  error.setAttribute('role', 'alert');
  control.setAttribute('aria-describedby', error.id);
  fieldErrors.set(name, error);
  box.append(caption, control, error);
  return box;
}

function select(options: [string, string][], multiple = false): HTMLSelectElement {
  const s = el('select');
  s.multiple = multiple;
  if (multiple) s.size = 4;
  for (const [value, text] of options) {
    const o = el('option', undefined, text);
    o.value = value;
    s.append(o);
  }
  return s;
}

// ---- time range ----
const rangeSelect = select([...presets.map((p): [string, string] => [p.id, p.label]), ['custom', 'Custom range…']]);
const startInput = el('input');
startInput.type = 'datetime-local';
startInput.setAttribute('aria-label', 'From (UTC)');
const endInput = el('input');
endInput.type = 'datetime-local';
endInput.setAttribute('aria-label', 'To (UTC)');
const custom = el('span', 'custom-range');
custom.append(startInput, el('span', 'dash', '–'), endInput, el('span', 'hint', 'UTC'));
const rangeBox = el('div', 'range');
rangeBox.id = 'f-range';
rangeBox.append(rangeSelect, custom);
rangeSelect.addEventListener('change', () => (custom.hidden = rangeSelect.value !== 'custom'));
custom.hidden = true;

const timestampSelect = select(timestampTypes.map((t) => [t, timestampLabels[t]]));
const channelBox = el('div', 'checks');
channelBox.id = 'f-channels';
const channelChecks = channels.map((c) => {
  const label = el('label', 'check');
  const box = el('input');
  box.type = 'checkbox';
  box.value = c;
  label.append(box, ` ${c[0]}${c.slice(1).toLowerCase()}`);
  channelBox.append(label);
  return box;
});
const methodSelect = select(initiationMethods.map((m) => [m, m]), true);
const queueSelect = select([], true);
const agentSelect = select([], true);
const queueNote = el('div', 'field-note');
const agentNote = el('div', 'field-note');

// ---- attributes ----
const attributeRows = el('div', 'attribute-rows');
const matchSelect = select(matchTypes.map((m) => [m, m.replace('MATCH_', 'Match ').toLowerCase().replace('match', 'Match')]));
matchSelect.setAttribute('aria-label', 'Match type');
const addAttribute = el('button', 'secondary', 'Add attribute');
addAttribute.type = 'button';
function attributeRow(key = '', values = ''): void {
  const row = el('div', 'attribute-row');
  const k = el('input', 'attr-key');
  k.placeholder = 'Key';
  k.value = key;
  k.setAttribute('aria-label', 'Attribute key');
  const v = el('input', 'attr-values');
  v.placeholder = 'Values, comma-separated';
  v.value = values;
  v.setAttribute('aria-label', 'Attribute values');
  const remove = el('button', 'icon-button', '×');
  remove.type = 'button';
  remove.title = 'Remove this attribute';
  remove.addEventListener('click', () => row.remove());
  row.append(k, v, remove);
  attributeRows.append(row);
}
addAttribute.addEventListener('click', () => attributeRow());
const attributesBox = el('div', 'attributes');
attributesBox.id = 'f-attributes';
attributesBox.append(attributeRows, el('div', 'attribute-bar'));
(attributesBox.lastChild as HTMLElement).append(addAttribute, matchSelect);

const sortSelect = select([['DESCENDING', 'Newest first'], ['ASCENDING', 'Oldest first']]);

const searchButton = el('button', 'primary', 'Search');
searchButton.type = 'submit';
const cancelButton = el('button', 'secondary', 'Cancel');
cancelButton.type = 'button';
cancelButton.disabled = true;
const formError = el('div', 'field-error form-error');
formError.setAttribute('role', 'alert');
fieldErrors.set('form', formError);
const buttons = el('div', 'form-buttons');
buttons.append(searchButton, cancelButton);

form.append(
  field('Time range', rangeBox, 'range', true),
  field('Timestamp', timestampSelect, 'timestamp'),
  field('Channels', channelBox, 'channels'),
  field('Initiation methods', methodSelect, 'initiationMethods'),
  field('Queues', queueSelect, 'queues'),
  field('Agents', agentSelect, 'agents'),
  field('Contact attributes', attributesBox, 'attributes', true),
  field('Sort', sortSelect, 'sort'),
  buttons,
  formError,
);
(form.querySelector('.field-queues') as HTMLElement).append(queueNote);
(form.querySelector('.field-agents') as HTMLElement).append(agentNote);

// ---- status, actions, table ----
const statusLine = el('div', 'status');
statusLine.setAttribute('role', 'status');
const countText = el('span', 'count');
const statusNote = el('span', 'status-note');
statusLine.append(countText, statusNote);
const actions = el('div', 'actions');
const actionButton = (text: string, titleText: string) => {
  const b = el('button', 'secondary', text);
  b.type = 'button';
  b.title = titleText;
  actions.append(b);
  return b;
};
const compareButton = actionButton('Compare', 'Compare the two selected contacts');
const pinButton = actionButton('Pin', 'Pin the selected contacts in the explorer');
const copyButton = actionButton('Copy IDs', 'Copy the selected contacts\' IDs, one a line');
const csvButton = actionButton('Export CSV…', 'Export every contact of this search as CSV (the result columns)');
const jsonlButton = actionButton('Export JSON Lines…', 'Export every contact of this search, one full DescribeContact record per line');
let selection: string[] = [];
const updateActions = () => {
  compareButton.disabled = selection.length !== 2;
  pinButton.disabled = copyButton.disabled = selection.length === 0;
  csvButton.disabled = jsonlButton.disabled = table.size === 0;
};
function tableActions<R extends { id: string }>(): ResultsActions<R> {
  return {
    open: (row) => post({ type: 'open', contactId: row.id }),
    selectionChanged: (ids) => {
      selection = ids;
      updateActions();
    },
  };
}
const table = new ResultsTable<SearchRow>(searchTableColumns, tableActions());
compareButton.addEventListener('click', () => selection.length === 2 && post({ type: 'compare', contactIds: [selection[0], selection[1]] }));
pinButton.addEventListener('click', () => selection.length > 0 && post({ type: 'pin', contactIds: selection }));
copyButton.addEventListener('click', () => selection.length > 0 && post({ type: 'copyIds', contactIds: selection }));
csvButton.addEventListener('click', () => post({ type: 'export', format: 'csv' }));
jsonlButton.addEventListener('click', () => post({ type: 'export', format: 'jsonl' }));

const toolbar = el('div', 'results-toolbar');
toolbar.append(statusLine, actions);
app.append(title, form, toolbar, table.element);
updateActions();

// ---- Find Contacts in Flow Logs: the same page with the query in place of the criteria ----
let insights: { view: InsightsView; table: ResultsTable<InsightsTableRow>; searchId: number } | undefined;

function showInsights(): NonNullable<typeof insights> {
  if (insights) return insights;
  const view = new InsightsView(post);
  const rows = new ResultsTable<InsightsTableRow>(insightsTableColumns, tableActions(), 'Contacts found in the flow logs');
  // Export re-runs a search's criteria; a query's contacts have none.
  csvButton.hidden = jsonlButton.hidden = true;
  form.hidden = true;
  form.replaceWith(view.element);
  table.element.replaceWith(rows.element);
  toolbar.after(view.problemElement);
  insights = { view, table: rows, searchId: -1 };
  return insights;
}

// ---- criteria in and out ----
const selectedValues = (s: HTMLSelectElement) => [...s.selectedOptions].map((o) => o.value);
const toLocalInput = (iso: string) => (iso ? new Date(iso).toISOString().slice(0, 16) : '');

function readCriteria(): ContactSearchCriteria {
  const range: ContactSearchCriteria['range'] = rangeSelect.value === 'custom'
    ? { kind: 'absolute', start: startInput.value ? `${startInput.value}:00Z` : '', end: endInput.value ? `${endInput.value}:00Z` : '' }
    : { kind: 'preset', preset: rangeSelect.value as PresetId };
  const attributes = [...attributeRows.querySelectorAll('.attribute-row')].map((row) => ({
    key: (row.querySelector('.attr-key') as HTMLInputElement).value.trim(),
    values: (row.querySelector('.attr-values') as HTMLInputElement).value.split(',').map((v) => v.trim()).filter((v) => v !== ''),
  })).filter((a) => a.key !== '' || a.values.length > 0);
  return {
    range,
    timestamp: timestampSelect.value as TimestampType,
    channels: channelChecks.filter((c) => c.checked).map((c) => c.value as ContactSearchCriteria['channels'][number]),
    initiationMethods: selectedValues(methodSelect),
    queueIds: selectedValues(queueSelect),
    agentIds: selectedValues(agentSelect),
    attributes,
    matchType: matchSelect.value as MatchType,
    sortOrder: sortSelect.value as ContactSearchCriteria['sortOrder'],
  };
}

function showCriteria(c: ContactSearchCriteria): void {
  if (c.range.kind === 'preset') rangeSelect.value = c.range.preset;
  else {
    rangeSelect.value = 'custom';
    startInput.value = toLocalInput(c.range.start);
    endInput.value = toLocalInput(c.range.end);
  }
  custom.hidden = rangeSelect.value !== 'custom';
  timestampSelect.value = c.timestamp;
  for (const box of channelChecks) box.checked = c.channels.includes(box.value as never);
  for (const o of methodSelect.options) o.selected = c.initiationMethods.includes(o.value);
  attributeRows.replaceChildren();
  for (const a of c.attributes) attributeRow(a.key, a.values.join(', '));
  matchSelect.value = c.matchType;
  sortSelect.value = c.sortOrder;
  pendingIds = { queues: c.queueIds, agents: c.agentIds };
}
let pendingIds = { queues: [] as string[], agents: [] as string[] };

function fillOptions(s: HTMLSelectElement, options: NamedOption[], chosen: string[]): void {
  s.replaceChildren(...options.map((o) => {
    const option = el('option', undefined, o.name);
    option.value = o.id;
    option.title = o.id;
    option.selected = chosen.includes(o.id);
    return option;
  }));
  // Chosen by ID but not listed (a command's criteria): still sent.
  for (const id of chosen.filter((id) => !options.some((o) => o.id === id))) {
    const option = el('option', undefined, id);
    option.value = id;
    option.selected = true;
    s.append(option);
  }
}

function showFieldErrors(errors: FieldMessage[]): void {
  for (const [name, box] of fieldErrors) {
    const text = errors.filter((e) => e.field === name).map((e) => e.message).join(' ');
    box.textContent = text;
    box.closest('.field')?.classList.toggle('invalid', text !== '');
  }
}

function showStatus(s: SearchStatus): void {
  const running = s.running;
  searchButton.disabled = false;
  cancelButton.disabled = !running;
  app.classList.toggle('searching', running);
  countText.textContent = s.total === undefined && s.loaded === 0 && running ? 'Searching…' : `${progressText(s.loaded, s.total, s.totalComplete)} contacts${running ? ' · loading…' : s.cancelled ? ' · cancelled' : ''}`;
  statusNote.textContent = s.error ?? s.note ?? '';
  statusNote.classList.toggle('error', s.error !== undefined);
  updateActions();
}

let currentSearch = -1;
/**
 * Every queue and agent name the host has sent. It sends each once per panel, and the rows of later
 * pages and searches carry only IDs: the names are put on them here.
 */
const names = { queues: new Map<string, string>(), agents: new Map<string, string>() };
function nameRow(r: SearchRow): void {
  r.queueName = names.queues.get(r.queueId) ?? r.queueName;
  r.agentName = names.agents.get(r.agentId) ?? r.agentName;
}

form.addEventListener('submit', (e) => {
  e.preventDefault();
  table.clear();
  currentSearch = -1;
  post({ type: 'search', criteria: readCriteria() });
});
cancelButton.addEventListener('click', () => post({ type: 'cancel' }));

window.addEventListener('message', (event: MessageEvent) => {
  const m = parseSearchHostMessage(event.data);
  if (!m) return;
  switch (m.type) {
    case 'init':
      title.textContent = `Search Contacts · ${m.title}`;
      table.timeZone = m.timeZone;
      showCriteria(m.criteria);
      return;
    case 'options':
      fillOptions(queueSelect, m.queues, pendingIds.queues);
      fillOptions(agentSelect, m.agents, pendingIds.agents);
      queueNote.textContent = m.queuesError ? `Queues could not be listed: ${m.queuesError}` : '';
      agentNote.textContent = m.agentsError ? `Agents could not be listed: ${m.agentsError}` : '';
      return;
    case 'rows':
      if (m.searchId !== currentSearch) {
        if (currentSearch !== -1) table.clear();
        currentSearch = m.searchId;
      }
      m.rows.forEach(nameRow);
      table.append(m.rows);
      return;
    case 'status':
      if (m.status.searchId > currentSearch && currentSearch !== -1) {
        table.clear();
        currentSearch = m.status.searchId;
      }
      showStatus(m.status);
      return;
    case 'names':
      for (const [id, name] of Object.entries(m.queues)) names.queues.set(id, name);
      for (const [id, name] of Object.entries(m.agents)) names.agents.set(id, name);
      table.update(nameRow);
      return;
    case 'insightsInit': {
      const i = showInsights();
      title.textContent = i.view.title(m.heading);
      i.table.timeZone = m.timeZone;
      i.view.showHeading(m.heading);
      countText.textContent = '';
      statusNote.textContent = '';
      return;
    }
    case 'insightsRows': {
      const i = showInsights();
      i.searchId = m.searchId;
      i.table.replace(m.rows);
      return;
    }
    case 'insightsStatus': {
      const i = showInsights();
      if (m.status.searchId !== i.searchId) {
        i.table.replace([]);
        i.searchId = m.status.searchId;
      }
      i.view.showStatus(m.status);
      app.classList.toggle('searching', ['Starting', 'Scheduled', 'Running'].includes(m.status.phase));
      countText.textContent = insightsCountText(m.status);
      statusNote.textContent = insightsStatusText(m.status);
      statusNote.classList.toggle('error', m.status.phase === 'Failed');
      return;
    }
    case 'fieldErrors':
      showFieldErrors(m.errors);
      return;
  }
});

showCriteria(defaultCriteria());
post({ type: 'ready' });
