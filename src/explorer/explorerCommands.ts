// The `connectContacts.explorer.*` handlers, for the one command table. Each handler is the whole
// story of its command: read the node VS Code passes (or the argument a test or keybinding
// passes), ask what is missing (explorerPickers.ts), change the state, redraw.
import * as vscode from 'vscode';
import type { AccountResolver } from '../account/accountResolver';
import { isInputError, parseInstanceInput } from '../aws/ids';
import type { AccountTarget, ContactChannel, ContactRef } from '../aws/types';
import type { CommandTable } from '../commands';
import type { TimeZoneChoice } from '../contact/format';
import type { ContactDocumentCache } from '../describe/contactDocumentCache';
import { historyFields } from '../describe/describeContact';
import type { HistoryStore } from '../history/historyStore';
import type { ShowError } from '../notify/errorNotifications';
import type { ResourceNames } from '../story/resourceNames';
import type { ExplorerModel } from './explorerModel';
import type { ExplorerNode, GroupNode } from './explorerNodes';
import { askInstance, confirmClearHistory, pickAccount, pickChannels, pickRoot, pickSearchWindow } from './explorerPickers';
import type { ExplorerState } from './explorerState';
import type { ExplorerTreeProvider } from './explorerTreeProvider';
import { allChannels, type SearchWindow } from './searchWindow';

/** What the handlers use: the explorer's own parts (registerExplorer.ts) and what the features give it. */
export interface ExplorerCommandDeps {
  model: ExplorerModel;
  provider: ExplorerTreeProvider;
  state: ExplorerState;
  /** The profiles Add Profile and Region offers. */
  accounts: AccountResolver;
  /** Open Contact reads the contact it opened for its Recent lookups entry. */
  contacts: ContactDocumentCache;
  history: HistoryStore;
  /** Refresh clears the names, so labels are looked up again. */
  names: ResourceNames;
  /** The custom range of Recent contacts is typed in this time zone. */
  timeZone: () => TimeZoneChoice;
  /** Opens (or focuses) the contact's panel. */
  openContact: (ref: ContactRef) => Promise<void>;
  /** Describe Contact with the instance filled in. */
  describeInInstance: (target: AccountTarget & { instanceId: string }) => Promise<void>;
  showError: ShowError;
}

const id = (name: string): string => `connectContacts.explorer.${name}`;

export function explorerCommands(deps: ExplorerCommandDeps): CommandTable {
  const { model, provider, state, history } = deps;
  return {
    [id('refresh')]: (node?: unknown) => {
      deps.names.clear();
      provider.forgetAskedNames();
      return model.refresh(isExplorerNode(node) ? node : undefined);
    },

    [id('addAccount')]: async (target?: unknown) => {
      const chosen = isTarget(target) ? target : await pickAccount(await deps.accounts.profiles());
      if (!chosen) return undefined;
      if (!(await state.addAccount(chosen))) {
        void vscode.window.showInformationMessage(vscode.l10n.t('{0} · {1} is already in the explorer.', chosen.profile, chosen.region));
      }
      model.redraw();
      return chosen;
    },

    [id('removeAccount')]: async (node?: unknown, selected?: unknown) => {
      for (const account of selection(node, selected, 'account')) {
        if (account.active) {
          void vscode.window.showInformationMessage(vscode.l10n.t('The active profile and region always show here. Choose others with Amazon Connect: Select Profile / Select Region.'));
          continue;
        }
        await state.removeAccount(account.target);
      }
      model.redraw();
    },

    [id('addInstance')]: async (node?: unknown, text?: unknown) => {
      const target = isNode(node, 'account') ? node.target : isTarget(node) ? node : await pickRoot(model);
      if (!target) return undefined;
      const input = typeof text === 'string' ? text : await askInstance(target);
      if (input === undefined || input.trim() === '') return undefined;
      const parsed = parseInstanceInput(input);
      if (isInputError(parsed)) {
        void vscode.window.showErrorMessage(parsed.message);
        return undefined;
      }
      // An ARN names its region: the instance goes under that region for this profile.
      const where: AccountTarget = parsed.arn && parsed.arn.region !== target.region ? { profile: target.profile, region: parsed.arn.region } : target;
      if (where !== target) await state.addAccount(where);
      const arn = parsed.arn ? `arn:${parsed.arn.partition}:connect:${parsed.arn.region}:${parsed.arn.accountId}:instance/${parsed.instanceId}` : undefined;
      const added = await state.addInstance(where, { instanceId: parsed.instanceId, ...(arn ? { arn } : {}) });
      if (parsed.warning) void vscode.window.showWarningMessage(parsed.warning);
      if (where !== target) void vscode.window.showInformationMessage(vscode.l10n.t('The ARN is in {0}: added the instance under {1} · {0}.', where.region, where.profile));
      else if (!added) void vscode.window.showInformationMessage(vscode.l10n.t('Instance {0} is already in {1} · {2}.', parsed.instanceId, target.profile, target.region));
      model.redraw();
      return { ...where, instanceId: parsed.instanceId };
    },

    [id('removeInstance')]: async (node?: unknown, selected?: unknown) => {
      for (const instance of selection(node, selected, 'instance')) {
        if (instance.manual) await state.removeInstance(instance.target, instance.instanceId);
      }
      model.redraw();
    },

    [id('openContact')]: async (node?: unknown) => {
      const ref = refOf(node);
      if (!ref) return;
      try {
        await deps.openContact(ref);
        // Opening a contact is a lookup: it goes to the top of Recent lookups.
        const doc = deps.contacts.peek(ref);
        await history.add({ ...ref, lookedUpAt: new Date().toISOString(), ...(doc ? historyFields(doc) : {}) });
      } catch (error) {
        deps.showError(error, () => vscode.commands.executeCommand(id('openContact'), ref));
      }
    },

    [id('pin')]: async (node?: unknown, selected?: unknown) => {
      for (const contact of selection(node, selected, 'contact')) await history.pin({ ...contact.ref, ...contact.facts });
    },

    [id('unpin')]: async (node?: unknown, selected?: unknown) => {
      for (const contact of selection(node, selected, 'contact')) await history.unpin(contact.ref);
    },

    [id('removeFromHistory')]: async (node?: unknown, selected?: unknown) => {
      for (const contact of selection(node, selected, 'contact')) await history.remove(contact.ref);
    },

    [id('clearHistory')]: async (node?: unknown, confirmed?: unknown) => clearHistory(history, isNode(node, 'group') ? node : undefined, confirmed === true),

    [id('setSearchWindow')]: async (arg?: unknown) => {
      const window = isSearchWindow(arg) ? arg : await pickSearchWindow(state.searchSettings().window, deps.timeZone());
      if (!window) return undefined;
      await state.setSearchSettings({ ...state.searchSettings(), window });
      model.searchSettingsChanged();
      return window;
    },

    [id('setChannelFilter')]: async (arg?: unknown) => {
      const channels = Array.isArray(arg) && (arg as unknown[]).every((c) => (allChannels as readonly unknown[]).includes(c)) ? (arg as ContactChannel[]) : await pickChannels(state.searchSettings().channels);
      if (!channels) return undefined;
      await state.setSearchSettings({ ...state.searchSettings(), channels: channels.length === allChannels.length ? [] : channels });
      model.searchSettingsChanged();
      return channels;
    },

    [id('loadMore')]: (node?: unknown) => (isNode(node, 'loadMore') || (isNode(node, 'group') && node.group === 'recent') ? model.loadMore(node) : undefined),

    [id('retry')]: (node?: unknown) => (isNode(node, 'error') ? model.retry(node) : model.refresh(undefined)),

    [id('describeInInstance')]: async (node?: unknown) => {
      const target = isNode(node, 'instance') || isNode(node, 'group') ? node : undefined;
      if (!target) return vscode.commands.executeCommand('connectContacts.describeContact');
      return deps.describeInInstance({ profile: target.target.profile, region: target.target.region, instanceId: target.instanceId });
    },
  };
}

/** All lookups, or one instance's; asks first unless the caller says it is confirmed. */
async function clearHistory(history: HistoryStore, group: GroupNode | undefined, confirmed: boolean): Promise<boolean> {
  const filter = group ? { profile: group.target.profile, region: group.target.region, instanceId: group.instanceId } : undefined;
  const count = history.entries(filter).length;
  if (count === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There are no recent lookups to clear.'));
    return false;
  }
  if (!confirmed && !(await confirmClearHistory(count, group))) return false;
  await history.clear(filter);
  return true;
}

// What VS Code passes to a handler is untyped: these read it.

function isNode<K extends ExplorerNode['kind']>(value: unknown, kind: K): value is Extract<ExplorerNode, { kind: K }> {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === kind;
}

function isExplorerNode(value: unknown): value is ExplorerNode {
  return typeof value === 'object' && value !== null && typeof (value as { kind?: unknown }).kind === 'string' && typeof (value as { id?: unknown }).id === 'string';
}

function isTarget(value: unknown): value is AccountTarget {
  return typeof value === 'object' && value !== null && typeof (value as AccountTarget).profile === 'string' && typeof (value as AccountTarget).region === 'string';
}

function isContactRef(value: unknown): value is ContactRef {
  return isTarget(value) && typeof (value as ContactRef).instanceId === 'string' && typeof (value as ContactRef).contactId === 'string';
}

/** A contact node, or anything with a `ref` (a field node), or a bare ContactRef. */
function refOf(value: unknown): ContactRef | undefined {
  if (isContactRef(value)) return value;
  const ref = typeof value === 'object' && value !== null ? (value as { ref?: unknown }).ref : undefined;
  return isContactRef(ref) ? ref : undefined;
}

/** The clicked node plus the other selected ones of the same kind (VS Code passes both). */
function selection<K extends ExplorerNode['kind']>(node: unknown, selected: unknown, kind: K): Extract<ExplorerNode, { kind: K }>[] {
  const many = Array.isArray(selected) ? selected.filter((n): n is Extract<ExplorerNode, { kind: K }> => isNode(n, kind)) : [];
  if (many.length > 0 && (!isNode(node, kind) || many.includes(node))) return many;
  return isNode(node, kind) ? [node] : [];
}

function isSearchWindow(value: unknown): value is SearchWindow {
  if (typeof value !== 'object' || value === null) return false;
  const w = value as { kind?: unknown; hours?: unknown; start?: unknown; end?: unknown };
  return (w.kind === 'last' && typeof w.hours === 'number' && w.hours > 0) || (w.kind === 'range' && typeof w.start === 'string' && typeof w.end === 'string');
}
