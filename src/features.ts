// Everything behind the commands, the sidebar's nodes and the panels, created on first use (a
// command, the view's first nodes, a restored panel, a link): activation itself (extension.ts)
// only registers what VS Code must know.
import * as vscode from 'vscode';
import type { AccountResolver } from './account/accountResolver';
import { pickProfile, pickRegion } from './account/accountPickers';
import { ConnectService } from './aws/connectService';
import { toErrorInfo } from './aws/errors';
import type { ConnectErrorInfo, ContactRef } from './aws/types';
import type { CommandTable } from './commands';
import { readConfig } from './config';
import { ContactDocumentCache } from './describe/contactDocumentCache';
import { CopyCommands } from './copy/copyCommands';
import type { ContactDocumentProvider } from './copy/contactDocuments';
import { DescribeContactFlow, describeArgsFromUri } from './describe/describeContact';
import { errorText, showErrorNotification, type ShownError } from './notify/errorNotifications';
import type { ExplorerNode } from './explorer/explorerNodes';
import { registerExplorer, type ExplorerHandle } from './explorer/registerExplorer';
import { HistoryStore } from './history/historyStore';
import { callLoggerFor } from './log';
import { loadSampleContact, openAwsConfigFile, openSampleContact } from './onboarding/onboarding';
import { ContactPanels } from './panel/contactPanels';
import type { FeatureServices } from './services';
import { enrichContact } from './story/enrichContact';
import { ResourceNames } from './story/resourceNames';
import { storySources } from './story/storySources';

/** What activation hands over: made at activation, shared with the features. */
export interface Shell {
  context: vscode.ExtensionContext;
  log: vscode.LogOutputChannel;
  accounts: AccountResolver;
  /** Fires when the profile, region, a setting or the AWS config files change. */
  onDidChangeAccount: vscode.Event<void>;
  /** The sidebar view, registered at activation; its nodes come from `explorer.provider`. */
  treeView: vscode.TreeView<ExplorerNode>;
  /** Open as JSON / YAML documents (`connect-contact:`), registered at activation. */
  documents: ContactDocumentProvider;
}

export interface Features {
  /** A handler for every command the manifest declares (the one command table). */
  commands: CommandTable;
  services: FeatureServices;
  panels: ContactPanels;
  explorer: ExplorerHandle;
  /** The newest errors shown as notifications, newest last (the tests read what the user read). */
  shownErrors: ShownError[];
  handleUri(uri: vscode.Uri): void;
  timeZoneChanged(): void;
}

/** A window open for weeks shows many errors: keep only the newest. */
export const maxShownErrors = 50;

export function createFeatures(shell: Shell): Features {
  const { context, log, accounts } = shell;
  let connect: ConnectService | undefined;
  const getConnect = (): ConnectService =>
    (connect ??= new ConnectService({
      env: process.env,
      transport: () => readConfig().transport,
      requestBudget: () => readConfig().requestBudget,
      profiles: accounts.catalog,
      chosenProfile: () => readConfig().profile,
      onTransportWarning: (warning) => void vscode.window.showWarningMessage(vscode.l10n.t('Amazon Connect: {0}', warning)),
      logger: callLoggerFor(log),
    }));
  context.subscriptions.push({ dispose: () => void connect?.dispose() });
  // Before anything else listens: clients are rebuilt before the explorer reloads.
  context.subscriptions.push(shell.onDidChangeAccount(() => connect?.invalidate()));

  const shownErrors: ShownError[] = [];
  const describeError = (error: unknown): ConnectErrorInfo => (isErrorInfo(error) ? error : toErrorInfo(error));
  const contacts = new ContactDocumentCache(getConnect);
  // Names of queues, users, groups, routing profiles and instances: memory only, cleared by Refresh.
  const names = new ResourceNames(getConnect);
  context.subscriptions.push(shell.onDidChangeAccount(() => names.clear()));
  const history = new HistoryStore(context.globalState, () => readConfig().historyMaxEntries);

  const panels: ContactPanels = new ContactPanels({
    extensionUri: context.extensionUri,
    timeZone: () => readConfig().timeZone,
    previewEnabled: () => readConfig().previewPanels,
    titleContext: (ref) => ({ active: accounts.latest(), instanceAlias: explorer.instanceAlias(ref) }),
    showSample: async (panel) => {
      const restored = panel.doc === undefined;
      panel.update(await loadSampleContact(context.extensionUri), { origin: 'sample' });
      if (!restored) void vscode.window.showInformationMessage(vscode.l10n.t('Amazon Connect: this is the offline sample contact, bundled with the extension: there is nothing to refresh. Look up one of your own with Describe Contact.'));
    },
    refetch: (ref, signal) => {
      names.clear();
      return contacts.get(ref, { force: true, signal });
    },
    enrich: async (ref, doc, signal, onStory) => {
      const sources = storySources(ref, { connect: getConnect, names, contact: (r, s, priority) => contacts.get(r, { signal: s, priority }) });
      await enrichContact(doc.Contact, sources, signal, onStory);
    },
    copyText: async (text, what) => copy.copyShown(text, what),
    openExternal: async (url) => void (await vscode.env.openExternal(vscode.Uri.parse(url, true))),
    describeError,
    openRelated: async (ref) => void (await describeFlow.lookup(ref)),
    rowAction: async (action, ref, doc, fieldPath) => void (await copy.rowAction(action, ref, doc, fieldPath)),
    openAsDocument: async (ref, doc) => void (await copy.openDocument(ref, doc, 'json')),
    showError: (error) => services.showError(error),
    log,
  });
  context.subscriptions.push(panels);

  const services: FeatureServices = {
    context,
    connect: getConnect,
    config: readConfig,
    activeAccount: () => accounts.active(),
    profiles: () => accounts.profiles(),
    onDidChangeAccount: shell.onDidChangeAccount,
    history,
    contacts,
    log,
    names,
    revealOpenPanel: (ref: ContactRef) => {
      const panel = panels.find(ref);
      if (!panel) return undefined;
      panel.reveal();
      return panel.refresh().then(() => (panel.failed ? undefined : panel.doc));
    },
    openLoadingPanel: (ref: ContactRef) => {
      const panel = panels.openLoading(ref);
      return panel && { get closed() { return panel.closed; }, close: () => {
          panel.webviewPanel.dispose();
        } };
    },
    openContactPanel: async (ref: ContactRef) => {
      // From the explorer's cache the panel says so, with the time it was really fetched.
      const wasCached = contacts.peek(ref) !== undefined;
      const doc = await contacts.get(ref);
      panels.show(ref, doc, wasCached ? { origin: 'cache', fetchedAt: contacts.fetchedAt(doc) } : {});
    },
    describeContactIn: async (target) => void (await describeFlow.run({ instanceId: target.instanceId, profile: target.profile, region: target.region })),
    describeError,
    showError: (error, retry) => {
      const info = describeError(error);
      if (info.kind === 'Cancelled') return;
      // Failed calls are already logged by the service with their operation; log only the rest.
      if (!info.operation) log.error(`${info.kind}: ${errorText(info)}`);
      void showErrorNotification(info, retry, (shown) => {
        shownErrors.push(shown);
        if (shownErrors.length > maxShownErrors) shownErrors.splice(0, shownErrors.length - maxShownErrors);
      });
    },
  };
  const describeFlow = new DescribeContactFlow(services, accounts);
  const copy: CopyCommands = new CopyCommands(services, panels, () => explorer.selectedTargets(), shell.documents);
  context.subscriptions.push(copy);
  const explorer = registerExplorer(services, shell.treeView);

  const commands: CommandTable = {
    'connectContacts.describeContact': (args?: unknown) => describeFlow.run(args),
    'connectContacts.selectProfile': async (options?: { thenRegion?: boolean }) => {
      const profile = await pickProfile(accounts);
      if (profile !== undefined && options?.thenRegion) await pickRegion(accounts);
      return profile;
    },
    'connectContacts.selectRegion': () => pickRegion(accounts),
    'connectContacts.showLog': () => log.show(true),
    'connectContacts.keepPanelOpen': () => panels.keep(),
    'connectContacts.openAwsConfig': async () => openAwsConfigFile((await accounts.profiles()).configFile),
    'connectContacts.openSampleContact': () => openSampleContact(context.extensionUri, panels),
    ...copy.commands(),
    ...explorer.commands,
  };

  return {
    commands,
    services,
    panels,
    explorer,
    shownErrors,
    handleUri: (uri) => {
      const args = describeArgsFromUri(uri);
      if (args) {
        void describeFlow.runFromLink(args);
        return;
      }
      void vscode.window.showWarningMessage(vscode.l10n.t('Amazon Connect: unknown link {0}. Use …/describe?instance=ID&contact=ID.', uri.path));
    },
    timeZoneChanged: () => {
      for (const p of panels.all()) p.setTimeZone(readConfig().timeZone);
      explorer.redraw();
    },
  };
}

/** Our own checks (bad input, no region) hand over an already-reduced error. */
function isErrorInfo(value: unknown): value is ConnectErrorInfo {
  return (
    typeof value === 'object' && value !== null && !(value instanceof Error) &&
    typeof (value as ConnectErrorInfo).kind === 'string' && typeof (value as ConnectErrorInfo).message === 'string'
  );
}
