// The sidebar explorer: makes its state, model and tree provider (ExplorerView, which VS Code holds
// from activation on, forwards to the provider) and returns its handle: the
// `connectContacts.explorer.*` handlers (explorerCommands.ts) and what the other features ask of it.
import * as vscode from 'vscode';
import type { AccountResolver } from '../account/accountResolver';
import type { ConnectService } from '../aws/connectService';
import { hasNoProfiles } from '../aws/profiles';
import type { AccountTarget, ContactRef } from '../aws/types';
import type { CommandTable } from '../commands';
import type { FieldDocsTable } from '../contact/fieldDocs';
import type { PathSegment } from '../contact/fieldNode';
import type { TimeZoneChoice } from '../contact/format';
import type { ContactDocumentCache } from '../describe/contactDocumentCache';
import type { HistoryStore } from '../history/historyStore';
import { describeError, type ShowError } from '../notify/errorNotifications';
import type { ResourceNames } from '../story/resourceNames';
import { explorerCommands } from './explorerCommands';
import { explorerAccounts, ExplorerModel, type ExplorerAccounts } from './explorerModel';
import type { ExplorerNode } from './explorerNodes';
import { ExplorerState } from './explorerState';
import { ExplorerTreeProvider } from './explorerTreeProvider';

/** What the explorer feature is given. */
export interface ExplorerFeatureDeps {
  /** The sidebar view, created at activation: its selection is what the copy keybindings copy. */
  treeView: vscode.TreeView<ExplorerNode>;
  /** Where the added profiles, regions and instances and the Recent contacts settings are kept. */
  globalState: vscode.Memento;
  /** The active profile and region (the first root), and the profiles Add Profile and Region offers. */
  accounts: AccountResolver;
  /** The tree reloads when the profile, region, a setting or the AWS files change. */
  onDidChangeAccount: vscode.Event<void>;
  /** ListInstances and SearchContacts; the SDK loads on the first call. */
  connect: () => ConnectService;
  /** Field rows come from the one shared fetch of each contact. */
  contacts: ContactDocumentCache;
  /** Recent lookups and Pinned. */
  history: HistoryStore;
  /** Queue and agent names for contact labels, shared with the panels. */
  names: ResourceNames;
  /** Times in labels and the custom range are in this time zone. */
  timeZone: () => TimeZoneChoice;
  /** What each field means (field rows' tooltips); read on the first field row. */
  fieldDocs: () => FieldDocsTable | undefined;
  /** Opens (or focuses) the contact's panel. */
  openContact: (ref: ContactRef) => Promise<void>;
  /** Describe Contact with the instance filled in. */
  describeInInstance: (target: AccountTarget & { instanceId: string }) => Promise<void>;
  showError: ShowError;
}

/** What the extension-host tests read and drive (through activate's returned API). */
export interface ExplorerTestApi {
  model: ExplorerModel;
  provider: ExplorerTreeProvider;
  state: ExplorerState;
  treeView: vscode.TreeView<ExplorerNode>;
}

/** Disposing it removes the explorer's listeners. */
export interface ExplorerHandle extends vscode.Disposable {
  /** What the view (ExplorerView) forwards to. */
  provider: ExplorerTreeProvider;
  commands: CommandTable;
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

export function registerExplorer(deps: ExplorerFeatureDeps): ExplorerHandle {
  const { treeView, history } = deps;
  const state = new ExplorerState(deps.globalState);
  const accounts = (): Promise<ExplorerAccounts> =>
    explorerAccounts({
      noProfiles: async () => hasNoProfiles(await deps.accounts.profiles()),
      active: async () => {
        const active = await deps.accounts.active();
        return { profile: active.profile, region: active.region, ...(active.regionProblem ? { problem: active.regionProblem } : {}) };
      },
      added: () => state.addedAccounts(),
    });

  const model = new ExplorerModel({
    accounts,
    manualInstances: (target) => state.manualInstances(target),
    listInstances: (target) => deps.connect().listInstances(target),
    searchContacts: (target, query) => deps.connect().searchContacts(target, query),
    getContact: (ref, options) => deps.contacts.get(ref, options),
    history,
    searchSettings: () => state.searchSettings(),
    fieldOptions: () => ({ timeZone: deps.timeZone() }),
    now: () => new Date(),
    describeError,
  });
  // Labels name the queue and agent: from the shared name cache, else looked up in the background.
  const provider = new ExplorerTreeProvider(model, () => deps.timeZone(), {
    peek: (node, kind, id) => deps.names.peek(node.ref, kind, id),
    load: (node, kind, id) => deps.names.describe(node.ref, kind, id, { priority: 'background' }).then(() => undefined, () => undefined),
  }, deps.fieldDocs);

  const listeners = [
    history.onDidChange(() => model.redraw()),
    deps.onDidChangeAccount(() => model.refresh(undefined)),
    // Another window may have added lookups or pins to the shared globalState.
    vscode.window.onDidChangeWindowState((w) => {
      if (w.focused) model.redraw();
    }),
  ];

  return {
    provider,
    commands: explorerCommands({
      model,
      provider,
      state,
      accounts: deps.accounts,
      contacts: deps.contacts,
      history,
      names: deps.names,
      timeZone: deps.timeZone,
      openContact: deps.openContact,
      describeInInstance: deps.describeInInstance,
      showError: deps.showError,
    }),
    refresh: () => model.refresh(undefined),
    redraw: () => model.redraw(),
    selectedTargets: () =>
      treeView.selection.flatMap((n) => (n.kind === 'field' ? [{ ref: n.ref, path: n.path }] : n.kind === 'contact' ? [{ ref: n.ref }] : [])),
    instanceAlias: (ref) => model.instanceAlias(ref, ref.instanceId),
    testApi: { model, provider, state, treeView },
    dispose: () => {
      for (const listener of listeners) listener.dispose();
    },
  };
}
