// The contact panel's browser entry: lays out header, error banner, toolbar and tree,
// speaks src/protocol.ts with the host, and keeps PanelState saved for the serializer.
import './styles.css';
import type { ContactDocument } from '../src/contact/contactDocument';
import type { HostMessage, PanelContactRef, PanelState, TimeZoneChoice } from '../src/protocol';
import { ErrorBanner } from './banner';
import { buildTree, summary, valueText } from './contactModel';
import { customEl, el } from './dom';
import { Header } from './header';
import { parseHostMessage } from './hostMessages';
import { attachTreeKeyboard } from './keyboard';
import { StateSaver } from './state';
import { registerToolkit } from './toolkit';
import { Toolbar } from './toolbar';
import { TreeView } from './tree';
import { connectToHost } from './vscodeApi';

interface Shown {
  ref: PanelContactRef;
  contact: ContactDocument;
  fetchedAt: string;
  timeZone: TimeZoneChoice;
}

registerToolkit();
const host = connectToHost();
let shown: Shown | undefined;

const header = new Header();
const banner = new ErrorBanner();
const tree = new TreeView({
  onRowAction: (action, node) => host.post({ type: 'rowAction', action, path: node.path }),
  onOpenContact: (contactId) => host.post({ type: 'openContact', contactId }),
  onViewChange: () => saver.schedule(),
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
  filter: (text) => applyFilter(text),
  focusTree: () => tree.focus(),
  toggleTimeZone: () => {
    if (!shown) return;
    const next: TimeZoneChoice = shown.timeZone === 'utc' ? 'local' : 'utc';
    setTimeZone(next);
    host.post({ type: 'setTimeZone', timeZone: next });
  },
  refresh: () => host.post({ type: 'refresh' }),
  openJson: () => host.post({ type: 'openJson' }),
});
const saver = new StateSaver(host, snapshot);
const waiting = el('div', 'waiting', 'Waiting for the contact…');

const app = document.getElementById('app') ?? document.body;
const divider = customEl('vscode-divider', 'header-divider');
divider.setAttribute('role', 'presentation');
app.replaceChildren(header.element, divider, banner.element, toolbar.element, waiting, tree.element);
toolbar.setTimeZone('local');

document.addEventListener('keydown', (e) => {
  // Ctrl/Cmd+F goes to the filter box rather than a find widget the panel does not have.
  if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'f') {
    toolbar.filterField.focus();
    e.preventDefault();
  }
});

// A reloaded panel (window reload, or the panel was hidden) draws from saved state at
// once; the host resends the contact after `ready` and the view keeps its place.
const saved = host.loadState();
if (saved) {
  showContact(saved, { expandedKeys: saved.expanded, filter: saved.filter ?? '' });
}
window.addEventListener('message', (e: MessageEvent<unknown>) => {
  const message = parseHostMessage(e.data);
  if (message) handle(message);
});
host.post({ type: 'ready' });

function handle(message: HostMessage): void {
  switch (message.type) {
    case 'contact': {
      const same = shown !== undefined && sameContact(shown.ref, message.ref);
      banner.hide();
      showContact(message, same ? { expandedKeys: tree.expandedKeys(), filter: toolbar.filterText() } : {});
      return;
    }
    case 'loading':
      toolbar.setLoading(message.loading);
      return;
    case 'error':
      banner.show(message.error);
      return;
    case 'timeZone':
      setTimeZone(message.timeZone);
      return;
    case 'runOnSelection': {
      const field = tree.focusedField();
      if (field) host.post({ type: 'rowAction', action: message.action, path: field.path });
      return;
    }
    default:
      assertNever(message);
  }
}

function showContact(next: Shown, keep: { expandedKeys?: string[]; filter?: string }): void {
  shown = { ref: next.ref, contact: next.contact, fetchedAt: next.fetchedAt, timeZone: next.timeZone };
  waiting.remove();
  toolbar.setTimeZone(next.timeZone);
  header.show(next.ref, summary(next.contact, next.timeZone));
  const filter = keep.filter ?? '';
  if (filter !== toolbar.filterText()) toolbar.setFilterText(filter);
  tree.setFilter(filter);
  tree.setTree(buildTree(next.contact, next.timeZone, Date.now()), Date.now(), { expandedKeys: keep.expandedKeys });
  toolbar.setMatchCount(tree.filterNeedle, tree.matchCount);
  saver.soon();
}

function setTimeZone(timeZone: TimeZoneChoice): void {
  if (!shown || shown.timeZone === timeZone) return;
  shown.timeZone = timeZone;
  toolbar.setTimeZone(timeZone);
  header.show(shown.ref, summary(shown.contact, timeZone));
  tree.setTree(buildTree(shown.contact, timeZone, Date.now()), Date.now(), { sameShape: true });
  toolbar.setMatchCount(tree.filterNeedle, tree.matchCount);
  saver.schedule();
}

function applyFilter(text: string): void {
  const count = tree.setFilter(text);
  toolbar.setMatchCount(tree.filterNeedle, count);
  saver.schedule();
}

function snapshot(): PanelState | undefined {
  if (!shown) return undefined;
  return { ...shown, filter: toolbar.filterText(), expanded: tree.expandedKeys() };
}

function sameContact(a: PanelContactRef, b: PanelContactRef): boolean {
  return a.contactId === b.contactId && a.instanceId === b.instanceId && a.region === b.region && a.profile === b.profile;
}

function assertNever(value: never): never {
  throw new Error(`Unhandled host message: ${JSON.stringify(value)}`);
}
