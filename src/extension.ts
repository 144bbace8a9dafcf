// Activation registers what VS Code must know up front (commands, the sidebar view, the
// panel serializer, the link handler, the status bar) and keeps the account current. The
// features behind them are created on first use; the AWS SDK (dist/sdk.js) loads on the first call.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { AccountResolver } from './account/accountResolver';
import { awsFilePaths, hasNoProfiles, ProfileCatalog } from './aws/profiles';
import { declaredCommandIds, registerCommandTable, type CommandTable } from './commands';
import { ContactDocumentProvider, contactDocumentScheme } from './copy/contactDocuments';
import { affectsAccount, affectsTimeZone, readConfig } from './config';
import type { DescribeResult } from './describe/describeContact';
import { ExplorerView } from './explorer/explorerView';
import { buildExtensionApi, type ExtensionApi } from './extensionApi';
import { createFeatures, type Features } from './features';
import { createLogChannel } from './log';
import { contactPanelViewType, contactsViewId } from './manifestIds';
import { createAccountStatusBar, renderAccountStatusBar } from './account/statusBar';

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const log = createLogChannel();
  context.subscriptions.push(log);
  const accounts = new AccountResolver(readConfig, new ProfileCatalog(process.env));
  const accountChanged = new vscode.EventEmitter<void>();
  context.subscriptions.push(accountChanged);

  let features: Features | undefined;
  const view = new ExplorerView(() => load().explorer.provider);
  const treeView = vscode.window.createTreeView(contactsViewId, { treeDataProvider: view, dragAndDropController: view, canSelectMany: true, showCollapseAll: true });
  context.subscriptions.push(view, treeView);
  // Open as JSON / YAML: read-only, in memory; a document VS Code asks for again is fetched again.
  const documents = new ContactDocumentProvider((ref) => load().services.contacts.get(ref));
  context.subscriptions.push(documents, vscode.workspace.registerTextDocumentContentProvider(contactDocumentScheme, documents));
  const load = (): Features => {
    if (features) return features;
    const registered = context.subscriptions.length;
    try {
      features = createFeatures({ context, log, accounts, onDidChangeAccount: accountChanged.event, treeView, documents });
    } catch (error) {
      // Half-made features would leave listeners behind to be added again by the next try.
      for (const d of context.subscriptions.splice(registered)) d.dispose();
      throw error;
    }
    return features;
  };

  // Every command the manifest declares, each creating the features on its first run.
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
  let accountGeneration = 0;
  const refreshAccount = () => {
    accounts.catalog.invalidate();
    accountChanged.fire();
    const generation = ++accountGeneration;
    void (async () => {
      const listing = await accounts.profiles();
      const active = await accounts.active();
      if (generation !== accountGeneration) return; // a newer change is drawing
      for (const warning of listing.warnings) log.warn(warning);
      void vscode.commands.executeCommand('setContext', 'connectContacts.noProfiles', hasNoProfiles(listing));
      renderAccountStatusBar(statusBar, active, { config: readConfig(), listing, env: process.env });
    })();
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
  return buildExtensionApi({
    testMode: context.extensionMode === vscode.ExtensionMode.Test,
    describe: (args) => vscode.commands.executeCommand<DescribeResult | undefined>('connectContacts.describeContact', args),
    load,
  });
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
