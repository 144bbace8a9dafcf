// The contact panel's browser entry: lays out header, error banner, view tabs, toolbar and the
// views (Overview, Fields), speaks src/protocol.ts with the host, and keeps PanelState
// (reference and view, never the contact) saved for the serializer.
import './styles.css';
import type { ContactDocument } from '../src/contact/contactDocument';
import { sameContact } from '../src/contact/contactIdentity';
import type { FieldNode, PathSegment } from '../src/contact/fieldNode';
import { displayText } from '../src/contact/format';
import { nameKey, type ContactStory } from '../src/contact/story';
import type { ContactOrigin, HostMessage, PanelContactRef, PanelState, PanelView, TimeZoneChoice } from '../src/protocol/messages';
import { isWebUrl, parseHostMessage } from '../src/protocol/messages';
import { unpackTimeline } from '../src/timeline/timelineWire';
import { ErrorBanner } from './banner';
import { buildTree, summary, valueText } from './contactModel';
import { customEl, el } from './dom';
import { Header } from './header';
import { OverviewView } from './overview';
import { ViewTabs } from './tabs';
import { TimelineView } from './timeline';

import { attachTreeKeyboard } from './keyboard';
import { StateSaver } from './state';
import { registerToolkit } from './toolkit';
import { Toolbar } from './toolbar';
import { TreeView } from './tree';
import { nameLookup } from './valueNames';
import { connectToHost } from './vscodeApi';

registerToolkit();
const host = connectToHost();
/** The contact this panel is for: from its first contact message, or from saved state. */
let ref: PanelContactRef | undefined;
let timeZone: TimeZoneChoice = 'local';
let fetchedAt: string | undefined;
let origin: ContactOrigin = 'fetched';
/** The contact on screen: in memory only. */
let contact: ContactDocument | undefined;
/** A restored panel's open rows, applied when its contact arrives. */
let savedExpanded: string[] | undefined;
/** The preview panel: the next lookup shows its contact here, unless the person keeps it. */
let preview = false;
/** The latest story for the contact on screen (names, attributes, chain, …): in memory only. */
let story: ContactStory | undefined;
/** Where each view was scrolled when it was hidden (a hidden element forgets its scroll position). */
const scrollOf: Record<PanelView, number> = { overview: 0, timeline: 0, fields: 0 };

/** The focused row as last told to the host (its JSON path), so only changes cross. */
let postedSelection = 'null';

/** Tells the host the focused row: its keybindings and commands then act on it without a round trip. */
function postSelection(): void {
  const path = tree.focusedField()?.path ?? null;
  const key = JSON.stringify(path);
  if (key === postedSelection) return;
  postedSelection = key;
  host.post({ type: 'selection', path });
}

/** Working in the panel (filter, sections) or Keep Open keeps it, as VS Code does with a preview editor. */
function keepPanel(): void {
  if (!preview) return;
  preview = false;
  toolbar.setPreview(false);
  host.post({ type: 'keep' });
}

const header = new Header();
const banner = new ErrorBanner(() => host.post({ type: 'refresh' }));
const tree = new TreeView({
  onRowAction: (action, node) => host.post({ type: 'rowAction', action, path: node.path }),
  onOpenContact: (contactId) => host.post({ type: 'openContact', contactId }),
  onViewChange: () => {
    saver.schedule();
    postSelection();
  },
  onSectionsChange: () => keepPanel(),
});
attachTreeKeyboard(tree, (node) => host.post({ type: 'rowAction', action: 'copyPath', path: tree.field(node).path }));
// Ctrl/Cmd+C on a focused row (with no text selected) copies the field's value, exactly.
document.addEventListener('copy', (e) => {
  const field = tree.focusedField();
  const onRow = document.activeElement instanceof HTMLElement && document.activeElement.classList.contains('row');
  if (!field || !onRow || String(window.getSelection() ?? '') !== '' || !e.clipboardData) return;
  e.clipboardData.setData('text/plain', valueText(field));
  e.preventDefault();
  // The host writes the same text and confirms it in the status bar.
  host.post({ type: 'rowAction', action: 'copyValue', path: field.path });
});
const toolbar = new Toolbar({
  expandAll: () => tree.expandAll(),
  collapseAll: () => tree.collapseAll(),
  filter: (text) => {
    keepPanel();
    applyFilter(text);
  },
  focusTree: () => tree.focus(),
  toggleTimeZone: () => {
    if (!ref) return;
    const next: TimeZoneChoice = timeZone === 'utc' ? 'local' : 'utc';
    setTimeZone(next);
    host.post({ type: 'setTimeZone', timeZone: next });
  },
  refresh: () => host.post({ type: 'refresh' }),
  openJson: () => host.post({ type: 'openJson' }),
  keep: () => keepPanel(),
});
const saver = new StateSaver(host, snapshot);
const waiting = el('div', 'waiting', 'Waiting for the contact…');
const overview = new OverviewView({
  copy: (text, what) => host.post({ type: 'copyText', text, what }),
  openExternal: (url) => {
    if (isWebUrl(url)) host.post({ type: 'openExternal', url });
  },
  openContact: (contactId) => host.post({ type: 'openContact', contactId }),
  revealField: (path) => revealField(path),
});

const timeline = new TimelineView({
  load: (mode, force) => host.post({ type: 'loadTimeline', mode, ...(force ? { force } : {}) }),
  action: (action) => host.post({ type: 'timelineAction', action }),
  openFlow: (flowArn) => host.post({ type: 'openFlow', flowArn }),
  lambdaLogs: (eventId) => host.post({ type: 'lambdaLogs', eventId }),
  copy: (text, what) => host.post({ type: 'copyText', text, what }),
  openContact: (contactId) => host.post({ type: 'openContact', contactId }),
});
const timelinePanel = el('div', 'view-panel timeline-panel');
timelinePanel.append(timeline.element);
const fieldsPanel = el('div', 'view-panel fields-panel');
fieldsPanel.append(tree.element);
const overviewPanel = el('div', 'view-panel overview-panel');
overviewPanel.append(overview.element);
const saved = host.loadState();
const scrollerOf = (view: PanelView): HTMLElement => (view === 'fields' ? tree.element : view === 'timeline' ? timelinePanel : overview.element);
const tabs = new ViewTabs(
  [
    { view: 'overview', label: 'Overview', panel: overviewPanel },
    { view: 'timeline', label: 'Timeline', panel: timelinePanel },
    { view: 'fields', label: 'Fields', panel: fieldsPanel },
  ],
  saved?.view ?? 'fields',
  {
    beforeChange: (from) => {
      scrollOf[from] = scrollerOf(from).scrollTop;
    },
    change: (view) => showView(view),
  },
);

const app = document.getElementById('app') ?? document.body;
const divider = customEl('vscode-divider', 'header-divider');
divider.setAttribute('role', 'presentation');
// The tabs lead the toolbar's row: the controls after them act on the view they show.
toolbar.element.prepend(tabs.element);
app.replaceChildren(header.element, divider, banner.element, toolbar.element, waiting, overviewPanel, timelinePanel, fieldsPanel);
toolbar.connected();
overview.connected();
toolbar.setTimeZone('local');
toolbar.setView(tabs.view);
overview.setVisible(tabs.view === 'overview');
timeline.setVisible(tabs.view === 'timeline');

document.addEventListener('keydown', (e) => {
  // Ctrl/Cmd+F goes to the view's filter box rather than a find widget the panel does not have.
  if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'f') {
    if (tabs.view === 'overview') overview.focusAttributesFilter();
    else if (tabs.view === 'timeline') timeline.focusFilter();
    else toolbar.filterField.focus();
    e.preventDefault();
  }
});

/** A view's tab was selected: show it where it was (scroll, open rows, filter: the tree keeps them). */
function showView(view: PanelView): void {
  toolbar.setView(view);
  scrollerOf(view).scrollTop = scrollOf[view];
  // The Overview catches up with what arrived while it was hidden, anchored where it was.
  overview.setVisible(view === 'overview');
  timeline.setVisible(view === 'timeline');
  if (view === 'fields') tree.render();
  saver.schedule();
}

/** An attention badge (or a phase) in the Overview: the field in Fields, opened, in view and focused. */
function revealField(path: PathSegment[]): void {
  tabs.select('fields');
  if (tree.revealPath(path)) return;
  // The filter hides it: clear the filter, then show it.
  if (tree.filterNeedle) {
    toolbar.setFilterText('');
    applyFilter('');
    tree.revealPath(path);
  }
}

/** The header names the queue and agent once the story knows them (the IDs stay on hover). */
function headerNames(): void {
  const c = contact?.Contact;
  if (!c || !story) return;
  const idAt = (key: string): string | undefined => {
    const part = c[key];
    const id = part !== null && typeof part === 'object' && !Array.isArray(part) ? part.Id : undefined;
    return typeof id === 'string' ? id : undefined;
  };
  const queueId = idAt('QueueInfo');
  const agentId = idAt('AgentInfo');
  const name = (kind: 'queue' | 'user', id: string | undefined) => (id ? story?.names[nameKey(kind, id)]?.name : undefined);
  header.setNames({ queue: name('queue', queueId), agent: name('user', agentId) });
}

/** The names the story knows, beside the tree's values (a queue's name beside its ID). */
function treeNames(current: ContactStory | undefined): ((node: FieldNode) => string | undefined) | undefined {
  if (!current || Object.keys(current.names).length === 0) return undefined;
  const lookup = nameLookup(current.names);
  return (node) => {
    if (node.kind === 'contactId' || typeof node.value !== 'string') return undefined;
    const found = lookup(node.value);
    if (!found) return undefined;
    const text = found.kind === 'user' && found.detail ? `${found.name} (${found.detail})` : found.name;
    return displayText(text, 120);
  };
}

// A reloaded panel (window reload, or the panel was hidden) knows from saved state which
// contact and view it had, not the contact: the host sends that after `ready`, fetched again
// after a window reload, and the saved view is applied to it.
if (saved) {
  ref = saved.ref;
  timeZone = saved.timeZone ?? timeZone;
  fetchedAt = saved.fetchedAt;
  savedExpanded = saved.expanded;
  toolbar.setTimeZone(timeZone);
  if (saved.filter) toolbar.setFilterText(saved.filter);
  header.showRef(saved.ref);
  // Saved again at once: a contact that an older version saved leaves the disk now.
  saver.soon();
}
window.addEventListener('message', (e: MessageEvent<unknown>) => {
  const message = parseHostMessage(e.data);
  if (message) handle(message);
});
host.post({ type: 'ready' });

function handle(message: HostMessage): void {
  switch (message.type) {
    case 'contact': {
      const same = ref !== undefined && sameContact(ref, message.ref);
      const expandedKeys = contact ? tree.expandedKeys() : savedExpanded;
      savedExpanded = undefined;
      banner.hide();
      if (!same) {
        // Another contact: its story is yet to come, and its views start at the top.
        story = undefined;
        tree.setNameLookup(undefined);
        scrollOf.fields = 0;
        scrollOf.overview = 0;
        overview.element.scrollTop = 0;
      }
      showContact(message, same ? { expandedKeys, filter: toolbar.filterText() } : {});
      headerNames();
      overview.setContact(message.contact.Contact, message.ref, message.timeZone, same);
      if (!same) timeline.setChainSize(0);
      timeline.setContact(message.contact.Contact, message.ref.contactId, message.timeZone, same);
      // A panel that opens, or shows another contact (a followed link), puts the keyboard in its view.
      if (!same) {
        if (tabs.view === 'fields') tree.focus();
        else overview.focus();
      }
      return;
    }
    case 'story':
      // Only the story of the contact on screen; the whole of it each time.
      if (!ref || message.contactId !== ref.contactId) return;
      story = message.story;
      overview.setStory(story);
      timeline.setChainSize(story.chain?.nodes.length ?? 0);
      tree.setNameLookup(treeNames(story));
      headerNames();
      return;
    case 'loading':
      toolbar.setLoading(message.loading);
      banner.setBusy(message.loading);
      if (message.loading && !contact) waiting.textContent = 'Loading the contact…';
      return;
    case 'error':
      banner.show(message.error);
      if (!contact) waiting.textContent = 'The contact could not be loaded.';
      return;
    case 'timeZone':
      setTimeZone(message.timeZone);
      return;
    case 'preview':
      preview = message.preview;
      toolbar.setPreview(preview);
      return;
    case 'timeline':
      if (ref && message.contactId === ref.contactId) timeline.show(unpackTimeline(message.timeline));
      return;
    case 'lambdaLogs':
      if (ref && message.contactId === ref.contactId) timeline.setLambdaLogs(message.logs);
      return;
    default:
      assertNever(message);
  }
}

function showContact(next: Extract<HostMessage, { type: 'contact' }>, keep: { expandedKeys?: string[]; filter?: string }): void {
  ({ ref, contact, fetchedAt, timeZone } = next);
  waiting.remove();
  toolbar.setTimeZone(next.timeZone);
  header.show(next.ref, summary(next.contact, next.timeZone), { fetchedAt: next.fetchedAt, origin: next.origin ?? 'fetched', timeZone: next.timeZone });
  origin = next.origin ?? 'fetched';
  const filter = keep.filter ?? '';
  if (filter !== toolbar.filterText()) toolbar.setFilterText(filter);
  tree.setFilter(filter);
  tree.setTree(buildTree(next.contact, next.timeZone, Date.now()), Date.now(), { expandedKeys: keep.expandedKeys });
  toolbar.setMatchCount(tree.filterNeedle, tree.matchCount);
  saver.soon();
  // Another contact (the preview panel's next lookup) has its own rows: the host must not act on the old one.
  postedSelection = '';
  postSelection();
}

function setTimeZone(next: TimeZoneChoice): void {
  if (timeZone === next) return;
  timeZone = next;
  toolbar.setTimeZone(next);
  saver.schedule();
  if (!ref || !contact) return;
  header.show(ref, summary(contact, next), fetchedAt ? { fetchedAt, origin, timeZone: next } : undefined);
  // The header is rebuilt from the summary, which has IDs only: the story's names go back on.
  headerNames();
  overview.setTimeZone(next);
  timeline.setTimeZone(next);
  tree.setTree(buildTree(contact, next, Date.now()), Date.now(), { sameShape: true });
  toolbar.setMatchCount(tree.filterNeedle, tree.matchCount);
}

function applyFilter(text: string): void {
  const count = tree.setFilter(text);
  toolbar.setMatchCount(tree.filterNeedle, count);
  saver.schedule();
}

/** What is saved: which contact and how it is viewed. Never the contact. */
function snapshot(): PanelState | undefined {
  if (!ref) return undefined;
  const expanded = contact ? tree.expandedKeys() : savedExpanded;
  // The default view (Fields) is not written: a state without a view opens in it.
  return {
    ref,
    timeZone,
    ...(fetchedAt ? { fetchedAt } : {}),
    // Before the contact is back, the box holds the saved filter, already checked.
    filter: contact ? tree.savableFilter(toolbar.filterText()) : toolbar.filterText(),
    ...(expanded ? { expanded } : {}),
    ...(tabs.view !== 'fields' ? { view: tabs.view } : {}),
  };
}

function assertNever(value: never): never {
  throw new Error(`Unhandled host message: ${JSON.stringify(value)}`);
}
