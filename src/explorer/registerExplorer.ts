// The sidebar explorer: feeds the tree view (created at activation) and returns the `connectContacts.explorer.*`
// handlers for the one command table (features.ts builds it). Each handler is the whole
// story of its command: read the node VS Code passes, ask what is missing, change the state.
import * as vscode from 'vscode';
import { pickRegionName } from '../account/regionPick';
import { isInputError, parseInstanceInput, validateInstanceIdLive } from '../aws/ids';
import { hasNoProfiles, type ProfileListing } from '../aws/profiles';
import type { AccountTarget, ContactChannel, ContactRef } from '../aws/types';
import type { PathSegment } from '../contact/fieldNode';
import type { TimeZoneChoice } from '../contact/format';
import { historyFields } from '../describe/describeContact';
import type { HistoryStore } from '../history/historyStore';
import type { FeatureServices } from '../services';
import { ExplorerModel, type ExplorerAccounts } from './explorerModel';
import type { AccountNode, ExplorerNode, GroupNode } from './explorerNodes';
import { ExplorerState } from './explorerState';
import { ExplorerTreeProvider } from './explorerTreeProvider';
import {
  allChannels,
  channelLabels,
  describeWindow,
  parseCustomRange,
  presetWindows,
  rangeInputText,
  rangeZoneWords,
  type SearchWindow,
} from './searchWindow';

/** What this feature uses of the shared services, and nothing else. */
export type ExplorerDeps = Pick<FeatureServices, 'activeAccount' | 'config' | 'connect' | 'contacts' | 'context' | 'describeContactIn' | 'describeError' | 'history' | 'names' | 'onDidChangeAccount' | 'openContactPanel' | 'profiles' | 'showError'>;

/** What the extension-host tests read and drive (through activate's returned API). */
export interface ExplorerTestApi {
  model: ExplorerModel;
  provider: ExplorerTreeProvider;
  state: ExplorerState;
  treeView: vscode.TreeView<ExplorerNode>;
}

export interface ExplorerHandle {
  /** What the view (ExplorerView) forwards to. */
  provider: ExplorerTreeProvider;
  commands: Record<string, (...args: any[]) => unknown>; // eslint-disable-line @typescript-eslint/no-explicit-any -- VS Code passes untyped command arguments
  refresh(): void;
  /** Re-renders without fetching (labels follow a changed time zone). */
  redraw(): void;
  /**
   * The selected contact and field rows as copy targets (`{ ref }` or `{ ref, path }`): for
   * keybindings, which VS Code runs without arguments even when the tree has focus.
   */
  selectedTargets(): { ref: ContactRef; path?: PathSegment[] }[];
  /** The contact's instance alias, when the tree has listed the instance. */
  instanceAlias(ref: ContactRef): string | undefined;
  testApi: ExplorerTestApi;
}

const id = (name: string): string => `connectContacts.explorer.${name}`;

function isNode<K extends ExplorerNode['kind']>(value: unknown, kind: K): value is Extract<ExplorerNode, { kind: K }> {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === kind;
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

export function registerExplorer(services: ExplorerDeps, treeView: vscode.TreeView<ExplorerNode>): ExplorerHandle {
  const { context, history } = services;
  const state = new ExplorerState(context.globalState);
  const accounts = async (): Promise<ExplorerAccounts> => {
    const added = state.addedAccounts();
    // With no profile at all the tree stays empty, so the welcome view (connectContacts.noProfiles) shows.
    if (hasNoProfiles(await services.profiles())) return { added };
    const active = await services.activeAccount();
    return { active: { profile: active.profile, region: active.region, ...(active.regionProblem ? { problem: active.regionProblem } : {}) }, added };
  };

  const model = new ExplorerModel({
    accounts,
    manualInstances: (target) => state.manualInstances(target),
    listInstances: (target) => services.connect().listInstances(target),
    searchContacts: (target, query) => services.connect().searchContacts(target, query),
    getContact: (ref, options) => services.contacts.get(ref, options),
    history,
    searchSettings: () => state.searchSettings(),
    fieldOptions: () => ({ timeZone: services.config().timeZone }),
    now: () => new Date(),
    describeError: (error) => services.describeError(error),
  });
  // Labels name the queue and agent: from the shared name cache, else looked up in the background.
  const provider = new ExplorerTreeProvider(model, () => services.config().timeZone, {
    peek: (node, kind, id) => services.names.peek(node.ref, kind, id),
    load: (node, kind, id) => services.names.describe(node.ref, kind, id, { priority: 'background' }).then(() => undefined, () => undefined),
  });

  context.subscriptions.push(
    history,
    history.onDidChange(() => model.redraw()),
    services.onDidChangeAccount(() => model.refresh(undefined)),
    // Another window may have added lookups or pins to the shared globalState.
    vscode.window.onDidChangeWindowState((w) => {
      if (w.focused) model.redraw();
    }),
  );

  const commands: ExplorerHandle['commands'] = {
    [id('refresh')]: (node?: unknown) => {
      services.names.clear();
      provider.forgetAskedNames();
      return model.refresh(isExplorerNode(node) ? node : undefined);
    },

    [id('addAccount')]: async (target?: unknown) => {
      const chosen = isTarget(target) ? target : await pickAccount(await services.profiles());
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
      const input =
        typeof text === 'string'
          ? text
          : await vscode.window.showInputBox({
              title: vscode.l10n.t('Add an Amazon Connect instance to {0} · {1}', target.profile, target.region),
              prompt: vscode.l10n.t('Instance ID or instance ARN'),
              placeHolder: vscode.l10n.t('e.g. 11111111-2222-3333-4444-555555555555 or arn:aws:connect:us-east-1:123456789012:instance/…'),
              ignoreFocusOut: true,
              validateInput: validateInstanceIdLive,
            });
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
        await services.openContactPanel(ref);
        // Opening a contact is a lookup: it goes to the top of Recent lookups.
        const doc = services.contacts.peek(ref);
        await history.add({ ...ref, lookedUpAt: new Date().toISOString(), ...(doc ? historyFields(doc) : {}) });
      } catch (error) {
        services.showError(error, () => vscode.commands.executeCommand(id('openContact'), ref));
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
      const window = isSearchWindow(arg) ? arg : await pickSearchWindow(state.searchSettings().window, services.config().timeZone);
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
      return services.describeContactIn({ profile: target.target.profile, region: target.target.region, instanceId: target.instanceId });
    },
  };

  return {
    provider,
    commands,
    refresh: () => model.refresh(undefined),
    redraw: () => model.redraw(),
    selectedTargets: () =>
      treeView.selection.flatMap((n) => (n.kind === 'field' ? [{ ref: n.ref, path: n.path }] : n.kind === 'contact' ? [{ ref: n.ref }] : [])),
    instanceAlias: (ref) => model.instanceAlias(ref, ref.instanceId),
    testApi: { model, provider, state, treeView },
  };
}

function isExplorerNode(value: unknown): value is ExplorerNode {
  return typeof value === 'object' && value !== null && typeof (value as { kind?: unknown }).kind === 'string' && typeof (value as { id?: unknown }).id === 'string';
}

function isSearchWindow(value: unknown): value is SearchWindow {
  if (typeof value !== 'object' || value === null) return false;
  const w = value as { kind?: unknown; hours?: unknown; start?: unknown; end?: unknown };
  return (w.kind === 'last' && typeof w.hours === 'number' && w.hours > 0) || (w.kind === 'range' && typeof w.start === 'string' && typeof w.end === 'string');
}

async function pickAccount(listing: ProfileListing): Promise<AccountTarget | undefined> {
  if (hasNoProfiles(listing)) {
    void vscode.window.showWarningMessage(vscode.l10n.t('No AWS profiles found in {0} or {1}.', listing.configFile, listing.credentialsFile));
    return undefined;
  }
  const profile = await vscode.window.showQuickPick(
    listing.profiles.map((p) => ({ label: p.name, description: p.region })),
    { title: vscode.l10n.t('Add Profile and Region (1/2): profile'), placeHolder: vscode.l10n.t('The AWS profile to browse') },
  );
  if (!profile) return undefined;
  const region = await pickRegionName({ title: vscode.l10n.t('Add Profile and Region (2/2): region'), profileRegion: profile.description });
  return region ? { profile: profile.label, region } : undefined;
}

async function pickRoot(model: ExplorerModel): Promise<AccountTarget | undefined> {
  const roots = (await model.children()).filter((n): n is AccountNode => n.kind === 'account');
  if (roots.length <= 1) return roots[0]?.target;
  const pick = await vscode.window.showQuickPick(
    roots.map((r) => ({ label: `${r.target.profile} · ${r.target.region}`, description: r.active ? vscode.l10n.t('active') : undefined, target: r.target })),
    { title: vscode.l10n.t('Add the instance under which profile and region?') },
  );
  return pick?.target;
}

async function clearHistory(history: HistoryStore, group: GroupNode | undefined, confirmed: boolean): Promise<boolean> {
  const filter = group ? { profile: group.target.profile, region: group.target.region, instanceId: group.instanceId } : undefined;
  const count = history.entries(filter).length;
  if (count === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There are no recent lookups to clear.'));
    return false;
  }
  if (!confirmed) {
    const clear = vscode.l10n.t('Clear History');
    const what = count === 1 ? vscode.l10n.t('1 recent lookup') : vscode.l10n.t('{0} recent lookups', count);
    const question = group
      ? vscode.l10n.t('Clear {0} of instance {1}? Pinned contacts stay.', what, group.instanceId)
      : vscode.l10n.t('Clear {0}? Pinned contacts stay.', what);
    const answer = await vscode.window.showWarningMessage(question, { modal: true }, clear);
    if (answer !== clear) return false;
  }
  await history.clear(filter);
  return true;
}

async function pickSearchWindow(current: SearchWindow, timeZone: TimeZoneChoice): Promise<SearchWindow | undefined> {
  type Item = vscode.QuickPickItem & { window?: SearchWindow };
  const currentText = describeWindow(current, timeZone);
  const items: Item[] = presetWindows.map((p) => {
    const window: SearchWindow = { kind: 'last', hours: p.hours };
    return { label: p.label, description: describeWindow(window, timeZone) === currentText ? vscode.l10n.t('current') : undefined, window };
  });
  items.push({ label: vscode.l10n.t('Custom range…'), description: current.kind === 'range' ? vscode.l10n.t('current: {0}', currentText) : undefined });
  const pick = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Recent contacts: time window'), placeHolder: vscode.l10n.t('Current: {0}', currentText) });
  if (!pick) return undefined;
  if (pick.window) return pick.window;
  const text = await vscode.window.showInputBox({
    title: vscode.l10n.t('Recent contacts: custom range ({0})', rangeZoneWords(timeZone)),
    prompt: vscode.l10n.t('Start and end in {0}, e.g. 2026-11-19 to 2026-11-20, or 2026-11-19T08:00 to 2026-11-19T12:00', rangeZoneWords(timeZone)),
    value: current.kind === 'range' ? rangeInputText(current, timeZone) : '',
    ignoreFocusOut: true,
    validateInput: (value) => {
      if (value.trim() === '') return undefined;
      const parsed = parseCustomRange(value, timeZone);
      return parsed.ok ? undefined : parsed.message;
    },
  });
  if (!text) return undefined;
  const parsed = parseCustomRange(text, timeZone);
  return parsed.ok ? { kind: 'range', start: parsed.start, end: parsed.end } : undefined;
}

async function pickChannels(current: readonly ContactChannel[]): Promise<ContactChannel[] | undefined> {
  const all = current.length === 0;
  const picks = await vscode.window.showQuickPick(
    allChannels.map((c) => ({ label: channelLabels[c], picked: all || current.includes(c), channel: c })),
    { title: vscode.l10n.t('Recent contacts: channels'), placeHolder: vscode.l10n.t('Show contacts on these channels'), canPickMany: true },
  );
  if (!picks) return undefined;
  if (picks.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Pick at least one channel.'));
    return undefined;
  }
  return picks.map((p) => p.channel);
}
