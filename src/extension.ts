// Activation wires the features together; each feature lives in its own module.
// Nothing here loads the AWS SDK: ConnectService loads it on the first call.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { AccountResolver } from './account';
import { pickProfile, pickRegion } from './accountPickers';
import type { ConnectService } from './aws/connectService';
import { loadServiceModule } from './aws/serviceLoader';
import { awsFilePaths } from './aws/profiles';
import type { ConnectErrorInfo, ContactRef } from './aws/types';
import { registerCommandTable, type CommandTable } from './commands';
import { affectsAccount, affectsTimeZone, readConfig } from './config';
import { ContactDocumentCache } from './contactCache';
import { CopyCommands } from './copyCommands';
import { DescribeContactFlow, describeArgsFromUri } from './describeContact';
import { errorText, showErrorNotification, type ShownError } from './errorNotifications';
import { registerExplorer } from './explorer/registerExplorer';
import { HistoryStore } from './history';
import { configureChunks } from './lazyChunk';
import { callLoggerFor, createLogChannel } from './log';
import { contactPanelViewType } from './panel/contactPanel';
import { ContactPanels } from './panel/contactPanels';
import { openAwsConfigFile, openSampleContact } from './onboarding';
import type { ExtensionServices } from './services';
import { createAccountStatusBar, renderAccountStatusBar } from './statusBar';

/** What `activate` returns: used by other extensions' `describeContact` calls and by the extension-host tests. */
export interface ExtensionApi {
  services: ExtensionServices;
  panels: ContactPanels;
  explorer: ReturnType<typeof registerExplorer>;
  /** Errors shown as notifications, newest last (the tests read what the user read). */
  shownErrors: ShownError[];
}

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const log = createLogChannel();
  context.subscriptions.push(log);
  configureChunks({
    codeCacheFolder: path.join(context.globalStorageUri.fsPath, 'code-cache'),
    onLoad: (l) => log.debug(`Loaded ${path.basename(l.file)} in ${Math.round(l.ms)} ms (code cache: ${l.codeCache})`),
  });
  const accounts = new AccountResolver(readConfig);
  const accountChanged = new vscode.EventEmitter<void>();
  context.subscriptions.push(accountChanged);

  let connect: ConnectService | undefined;
  const getConnect = (): ConnectService =>
    (connect ??= new (loadServiceModule().ConnectService)({ env: process.env, transport: () => readConfig().transport, logger: callLoggerFor(log) }));

  const shownErrors: ShownError[] = [];
  const describeError = (error: unknown): ConnectErrorInfo => (isErrorInfo(error) ? error : loadServiceModule().toErrorInfo(error));
  const contacts = new ContactDocumentCache(getConnect);
  const history = new HistoryStore(context.globalState, () => readConfig().historyMaxEntries);

  const panels: ContactPanels = new ContactPanels({
    extensionUri: context.extensionUri,
    timeZone: () => readConfig().timeZone,
    refetch: (ref) => contacts.get(ref, { force: true }),
    describeError,
    openRelated: async (ref) => void (await describeFlow.lookup(ref)),
    rowAction: async (action, ref, doc, fieldPath) => void (await copy.rowAction(action, ref, doc, fieldPath)),
    openAsDocument: async (_ref, doc) => void (await copy.openDocument(doc, 'json')),
    showError: (error) => services.showError(error),
    log,
  });
  context.subscriptions.push(panels, vscode.window.registerWebviewPanelSerializer(contactPanelViewType, panels));

  const services: ExtensionServices = {
    context,
    connect: getConnect,
    config: readConfig,
    activeAccount: () => accounts.active(),
    onDidChangeAccount: accountChanged.event,
    history,
    contacts,
    log,
    openContactPanel: async (ref: ContactRef) => {
      panels.show(ref, await contacts.get(ref));
    },
    describeContactIn: async (target) => void (await describeFlow.run({ instanceId: target.instanceId, profile: target.profile, region: target.region })),
    describeError,
    showError: (error, retry) => {
      const info = describeError(error);
      if (info.kind === 'Cancelled') return;
      // Failed calls are already logged by the service with their operation; log only the rest.
      if (!info.operation) log.error(`${info.kind}: ${errorText(info)}`);
      void showErrorNotification(info, retry, (shown) => shownErrors.push(shown));
    },
  };
  const describeFlow = new DescribeContactFlow(services, accounts);
  const copy: CopyCommands = new CopyCommands(services, panels, () => explorer.selectedTargets());
  context.subscriptions.push(copy);

  const explorer = registerExplorer(services);

  const statusBar = createAccountStatusBar();
  context.subscriptions.push(statusBar);
  const refreshAccount = () => {
    accounts.invalidate();
    connect?.invalidate();
    const listing = accounts.profiles();
    for (const warning of listing.warnings) log.warn(warning);
    void vscode.commands.executeCommand('setContext', 'connectContacts.noProfiles', listing.profiles.length === 0);
    renderAccountStatusBar(statusBar, accounts.active());
    if (!readConfig().transport.verifyTls) log.warn('TLS certificate verification is off (connectContacts.verifyTls). Use this only with a test endpoint.');
    accountChanged.fire();
  };

  const table: CommandTable = {
    'connectContacts.describeContact': (args?: unknown) => describeFlow.run(args),
    'connectContacts.selectProfile': async (options?: { thenRegion?: boolean }) => {
      const profile = await pickProfile(accounts);
      if (profile !== undefined && options?.thenRegion) await pickRegion(accounts);
      return profile;
    },
    'connectContacts.selectRegion': () => pickRegion(accounts),
    'connectContacts.showLog': () => log.show(true),
    'connectContacts.openAwsConfig': () => openAwsConfigFile(accounts.profiles().configFile),
    'connectContacts.openSampleContact': () => openSampleContact(context.extensionUri, panels),
    ...copy.commands(),
    ...explorer.commands,
  };
  registerCommandTable(context, table);

  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (affectsAccount(e)) refreshAccount();
      if (affectsTimeZone(e)) {
        for (const p of panels.all()) p.setTimeZone(readConfig().timeZone);
        explorer.redraw();
      }
    }),
    vscode.window.registerUriHandler({
      handleUri: (uri) => {
        const args = describeArgsFromUri(uri);
        if (args) {
          void describeFlow.run(args);
          return;
        }
        void vscode.window.showWarningMessage(`Amazon Connect: unknown link ${uri.path}. Use …/describe?instance=ID&contact=ID.`);
      },
    }),
    ...watchAwsFiles(refreshAccount),
  );
  refreshAccount();
  return { services, panels, explorer, shownErrors };
}

/** The AWS config and credentials files change under us (`aws configure`, `aws sso login`): re-read them. */
function watchAwsFiles(onChange: () => void): vscode.Disposable[] {
  const { configFile, credentialsFile } = awsFilePaths(process.env);
  return [configFile, credentialsFile].map((file) => {
    const watcher = vscode.workspace.createFileSystemWatcher(
      new vscode.RelativePattern(vscode.Uri.file(path.dirname(file)), path.basename(file)),
    );
    watcher.onDidChange(onChange);
    watcher.onDidCreate(onChange);
    watcher.onDidDelete(onChange);
    return watcher;
  });
}

/** Our own checks (bad input, no region) hand over an already-reduced error. */
function isErrorInfo(value: unknown): value is ConnectErrorInfo {
  return (
    typeof value === 'object' && value !== null && !(value instanceof Error) &&
    typeof (value as ConnectErrorInfo).kind === 'string' && typeof (value as ConnectErrorInfo).message === 'string'
  );
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
