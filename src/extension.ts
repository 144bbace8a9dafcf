// Activation registers what VS Code must know up front (commands, the sidebar view, the
// panel serializer, the link handler, the status bar) and keeps the account current. The
// features behind them load on first use (dist/features.js); the AWS SDK on the first call.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { AccountResolver } from './account';
import { awsFilePaths } from './aws/profiles';
import { declaredCommandIds, registerCommandTable, type CommandTable } from './commands';
import { affectsAccount, affectsTimeZone, readConfig } from './config';
import { ExplorerView } from './explorer/explorerView';
import type { Features } from './features';
import { loadFeaturesModule } from './featuresLoader';
import { configureChunks, saveCodeCaches, type ChunkOptions } from './lazyChunk';
import { createLogChannel } from './log';
import { contactPanelViewType, contactsViewId } from './manifestIds';
import { createAccountStatusBar, renderAccountStatusBar } from './statusBar';

/**
 * What `activate` returns: used by other extensions' `describeContact` calls and by the
 * extension-host tests. Reading a member loads the features.
 */
export type ExtensionApi = Pick<Features, 'services' | 'panels' | 'explorer' | 'shownErrors' | 'commands'>;

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const log = createLogChannel();
  context.subscriptions.push(log);
  const chunks: ChunkOptions = {
    codeCacheFolder: path.join(context.globalStorageUri.fsPath, 'code-cache'),
    onLoad: (l) => log.debug(`Loaded ${path.basename(l.file)} in ${Math.round(l.ms)} ms (code cache: ${l.codeCache})`),
  };
  configureChunks(chunks);
  // A window closed soon after its first lookup still leaves the code cache for the next one.
  context.subscriptions.push({ dispose: saveCodeCaches });
  const accounts = new AccountResolver(readConfig);
  const accountChanged = new vscode.EventEmitter<void>();
  context.subscriptions.push(accountChanged);

  let features: Features | undefined;
  const view = new ExplorerView(() => load().explorer.provider);
  const treeView = vscode.window.createTreeView(contactsViewId, { treeDataProvider: view, dragAndDropController: view, canSelectMany: true, showCollapseAll: true });
  context.subscriptions.push(view, treeView);
  const load = (): Features => {
    if (features) return features;
    const registered = context.subscriptions.length;
    try {
      features = loadFeaturesModule().createFeatures({ context, log, accounts, onDidChangeAccount: accountChanged.event, treeView, chunks });
    } catch (error) {
      // Half-made features would leave listeners behind to be added again by the next try.
      for (const d of context.subscriptions.splice(registered)) d.dispose();
      throw error;
    }
    return features;
  };

  // Every command the manifest declares, each loading the features on its first run.
  const commandIds = declaredCommandIds(context.extension.packageJSON as Parameters<typeof declaredCommandIds>[0]);
  const table: CommandTable = Object.fromEntries(
    commandIds.map((id) => [
      id,
      (...args: unknown[]) => {
        const handler = load().commands[id] as ((...a: unknown[]) => unknown) | undefined;
        if (!handler) throw new Error(`Amazon Connect: the command ${id} has no handler in this build.`);
        return handler(...args);
      },
    ]),
  );
  registerCommandTable(context, table);

  const statusBar = createAccountStatusBar();
  context.subscriptions.push(statusBar);
  const refreshAccount = () => {
    accounts.invalidate();
    const listing = accounts.profiles();
    for (const warning of listing.warnings) log.warn(warning);
    void vscode.commands.executeCommand('setContext', 'connectContacts.noProfiles', listing.profiles.length === 0);
    renderAccountStatusBar(statusBar, accounts.active());
    if (!readConfig().transport.verifyTls) log.warn('TLS certificate verification is off (connectContacts.verifyTls). Use this only with a test endpoint.');
    accountChanged.fire();
  };

  context.subscriptions.push(
    vscode.window.registerWebviewPanelSerializer(contactPanelViewType, {
      deserializeWebviewPanel: (panel, state) => load().panels.deserializeWebviewPanel(panel, state),
    }),
    vscode.window.registerUriHandler({ handleUri: (uri) => load().handleUri(uri) }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (affectsAccount(e)) refreshAccount();
      if (affectsTimeZone(e)) features?.timeZoneChanged();
    }),
    ...watchAwsFiles(refreshAccount),
  );
  refreshAccount();
  return {
    get services() {
      return load().services;
    },
    get panels() {
      return load().panels;
    },
    get explorer() {
      return load().explorer;
    },
    get shownErrors() {
      return load().shownErrors;
    },
    get commands() {
      return load().commands;
    },
  };
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

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
