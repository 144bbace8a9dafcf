// Explorer nodes → TreeItems. Only presentation: labels, icons, context values for the
// menus in package.json, and the click command. Contact data is only ever set as text;
// tooltips are untrusted Markdown with HTML off, and values go in through appendText.
import * as vscode from 'vscode';
import { withFieldDoc, type FieldDocsTable } from '../contact/fieldDocs';
import { fieldKindIcons } from '../contact/fieldIcons';
import { fieldTooltip } from '../contact/fieldTree';
import type { TimeZoneChoice } from '../contact/format';
import { channelIcon, contactDescription, contactLabel, contactTooltip, type FactNames } from './contactLabels';
import { assertNever, type ContactNode, type ExplorerNode, type GroupNode } from './explorerNodes';
import { groupLabels, type ExplorerModel } from './explorerModel';
import { describeSearch } from './searchWindow';

export const explorerCommandIds = {
  openContact: 'connectContacts.explorer.openContact',
  loadMore: 'connectContacts.explorer.loadMore',
  retry: 'connectContacts.explorer.retry',
} as const;

const groupIcons = { history: 'history', pinned: 'pinned', recent: 'search' } as const;

function untrusted(): vscode.MarkdownString {
  const md = new vscode.MarkdownString('', false);
  md.isTrusted = false;
  md.supportHtml = false;
  return md;
}

/** `**Label:** value` lines; values as escaped text so nothing in them is markup. */
function factsMarkdown(title: string, rows: readonly [string, string][]): vscode.MarkdownString {
  const md = untrusted();
  md.appendText(title);
  md.appendMarkdown('\n\n');
  rows.forEach(([label, value], i) => {
    md.appendMarkdown(`**${label}:** `);
    md.appendText(value);
    if (i < rows.length - 1) md.appendMarkdown('  \n');
  });
  return md;
}

/** The `viewItem` value the menus test: `contact.history`, `contact.recent.pinned`, `contact.pinned`. */
export function contactContextValue(node: ContactNode): string {
  if (node.source === 'pinned') return 'contact.pinned';
  return `contact.${node.source}${node.pinned ? '.pinned' : ''}`;
}

function groupDescription(node: GroupNode, model: ExplorerModel, timeZone: TimeZoneChoice): string {
  if (node.group === 'recent') return describeSearch(model.searchSettingsOf(node), timeZone);
  const count = model.storedCount(node) ?? 0;
  return count === 0 ? '' : String(count);
}

/**
 * `namesOf`: the queue and agent names known for a contact node (none: IDs are shown).
 * `fieldDocs`: the field-docs table, asked for only when a field row is drawn.
 */
export function toTreeItem(
  node: ExplorerNode,
  model: ExplorerModel,
  timeZone: TimeZoneChoice,
  namesOf: (node: ContactNode) => FactNames = () => ({}),
  fieldDocs: () => FieldDocsTable | undefined = () => undefined,
): vscode.TreeItem {
  const { Collapsed, Expanded, None } = vscode.TreeItemCollapsibleState;
  switch (node.kind) {
    case 'account': {
      const item = new vscode.TreeItem(`${node.target.profile} · ${node.target.region || vscode.l10n.t('no region')}`, node.active ? Expanded : Collapsed);
      item.description = node.active ? vscode.l10n.t('active') : undefined;
      item.iconPath = new vscode.ThemeIcon(node.active ? 'account' : 'person');
      item.contextValue = node.active ? 'account.active' : 'account';
      item.tooltip = factsMarkdown(node.active ? vscode.l10n.t('The profile and region chosen in the status bar') : vscode.l10n.t('A profile and region added to the explorer'), [
        [vscode.l10n.t('Profile'), node.target.profile],
        [vscode.l10n.t('Region'), node.target.region || vscode.l10n.t('(none)')],
      ]);
      return withId(item, node);
    }
    case 'instance': {
      const item = new vscode.TreeItem(node.alias ?? node.instanceId, Collapsed);
      const notes = [node.alias ? node.instanceId : undefined, node.status && node.status !== 'ACTIVE' ? node.status : undefined, node.manual ? vscode.l10n.t('added') : undefined];
      item.description = notes.filter(Boolean).join(' · ') || undefined;
      item.iconPath = new vscode.ThemeIcon('server-environment');
      item.contextValue = node.manual ? 'instance.manual' : 'instance';
      const rows: [string, string][] = [];
      if (node.alias) rows.push([vscode.l10n.t('Alias'), node.alias]);
      rows.push([vscode.l10n.t('Instance ID'), node.instanceId]);
      if (node.arn) rows.push([vscode.l10n.t('ARN'), node.arn]);
      if (node.status) rows.push([vscode.l10n.t('Status'), node.status]);
      rows.push([vscode.l10n.t('Profile'), node.target.profile], [vscode.l10n.t('Region'), node.target.region]);
      item.tooltip = factsMarkdown(node.manual ? vscode.l10n.t('Amazon Connect instance (added by ID or ARN)') : vscode.l10n.t('Amazon Connect instance'), rows);
      return withId(item, node);
    }
    case 'group': {
      const item = new vscode.TreeItem(groupLabels[node.group], node.group === 'recent' ? Collapsed : Expanded);
      item.description = groupDescription(node, model, timeZone) || undefined;
      item.iconPath = new vscode.ThemeIcon(groupIcons[node.group]);
      item.contextValue = `group.${node.group}`;
      if (node.group === 'recent') item.tooltip = vscode.l10n.t('SearchContacts: {0}', describeSearch(model.searchSettingsOf(node), timeZone));
      return withId(item, node);
    }
    case 'contact': {
      const item = new vscode.TreeItem(contactLabel(node.ref.contactId, node.facts, timeZone), Collapsed);
      const names = namesOf(node);
      item.description = contactDescription(node.facts, names) || undefined;
      item.iconPath = new vscode.ThemeIcon(channelIcon(node.facts.channel));
      item.contextValue = contactContextValue(node);
      const tip = contactTooltip(node.ref, node.facts, timeZone, { pinned: node.pinned, lookedUpAt: node.source === 'history' ? node.lookedUpAt : undefined, names });
      item.tooltip = factsMarkdown(tip.title, tip.rows);
      item.command = { command: explorerCommandIds.openContact, title: vscode.l10n.t('Open in Panel'), arguments: [node] };
      return withId(item, node);
    }
    case 'field': {
      const item = new vscode.TreeItem(node.key, node.expandable ? Collapsed : None);
      item.description = node.display;
      item.iconPath = new vscode.ThemeIcon(fieldKindIcons[node.fieldKind]);
      item.contextValue = `field.${node.expandable ? 'container' : 'leaf'}`;
      const tooltip = fieldTooltip({ path: node.path, key: node.key, kind: node.fieldKind, value: node.value, display: node.display }, { timeZone });
      item.tooltip = withFieldDoc(tooltip, fieldDocs(), node.path);
      return withId(item, node);
    }
    case 'loadMore': {
      const item = new vscode.TreeItem(vscode.l10n.t('Load more…'), None);
      item.description = node.total !== undefined ? vscode.l10n.t('{0} of {1}', node.shown, node.total) : vscode.l10n.t('{0} shown', node.shown);
      item.iconPath = new vscode.ThemeIcon('fold-down');
      item.contextValue = 'loadMore';
      item.command = { command: explorerCommandIds.loadMore, title: vscode.l10n.t('Load More'), arguments: [node] };
      return withId(item, node);
    }
    case 'loading': {
      const item = new vscode.TreeItem(node.text, None);
      item.iconPath = new vscode.ThemeIcon('loading~spin');
      item.contextValue = 'loading';
      return withId(item, node);
    }
    case 'message': {
      const item = new vscode.TreeItem(node.text, None);
      item.iconPath = new vscode.ThemeIcon('info');
      item.contextValue = 'message';
      if (node.detail) item.tooltip = node.detail;
      return withId(item, node);
    }
    case 'error': {
      const item = new vscode.TreeItem(node.message, None);
      item.description = vscode.l10n.t('Retry');
      item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
      item.contextValue = 'error';
      const rows: [string, string][] = [];
      if (node.hint) rows.push([vscode.l10n.t('What to do'), node.hint]);
      if (node.errorKind) rows.push([vscode.l10n.t('Kind'), node.errorKind]);
      if (node.requestId) rows.push([vscode.l10n.t('Request ID'), node.requestId]);
      item.tooltip = factsMarkdown(node.message, rows);
      item.command = { command: explorerCommandIds.retry, title: vscode.l10n.t('Retry'), arguments: [node] };
      return withId(item, node);
    }
    default:
      return assertNever(node);
  }
}

function withId(item: vscode.TreeItem, node: ExplorerNode): vscode.TreeItem {
  item.id = node.id;
  return item;
}
