// Activation registers what VS Code must know up front (commands, the sidebar view, the panel
// serializer, the link handler, the status bar) and keeps the account current. The features behind
// them are composed below (createFeatures), on first use: a command, the view's first nodes, a
// restored panel, a link. The AWS SDK (dist/sdk.js) loads on the first call.
//
// The composition lives here, the one place that composes, rather than in a module of its own:
// esbuild puts every module into the one dist/extension.js whichever file imports it, and the
// features' modules only define things when loaded. What keeps activation cheap is that
// createFeatures runs only inside load(), never during activate().
import * as path from 'node:path';
import * as vscode from 'vscode';
import { pickProfile, pickRegion } from './account/accountPickers';
import { AccountResolver } from './account/accountResolver';
import { createAccountStatusBar, renderAccountStatusBar } from './account/statusBar';
import { AwsCaller } from './aws/awsCall';
import { ConnectService } from './aws/connectService';
import { FlowLogService } from './aws/flowLogService';
import { InsightsService } from './aws/insightsService';
import { awsFilePaths, hasNoProfiles, ProfileCatalog } from './aws/profiles';
import { declaredCommandIds, registerCommandTable, type CommandTable } from './commands';
import { affectsAccount, affectsTimeZone, readConfig } from './config';
import { ContactDocumentProvider, contactDocumentScheme } from './copy/contactDocuments';
import { CopyCommands } from './copy/copyCommands';
import { ContactDocumentCache } from './describe/contactDocumentCache';
import { DescribeContactFlow, describeArgsFromUri, profileForLink, type DescribeResult } from './describe/describeContact';
import { InstanceDirectory } from './describe/instanceDirectory';
import { CompareContacts } from './editor/compareContacts';
import { ContactHoverCards } from './editor/contactHoverCards';
import { registerContactMentions } from './editor/contactMentionProviders';
import { describeContactAtCursor } from './editor/describeAtCursor';
import { MentionRefs } from './editor/mentionRefs';
import type { ExplorerNode } from './explorer/explorerNodes';
import { ExplorerView } from './explorer/explorerView';
import { registerExplorer, type ExplorerHandle } from './explorer/registerExplorer';
import { buildExtensionApi, type ExtensionApi } from './extensionApi';
import { fieldDocsFileName, fieldDocsLoader } from './fieldDocs/fieldDocsFile';
import { HistoryStore } from './history/historyStore';
import { FindInFlowLogs } from './insights/findInFlowLogs';
import { callLoggerFor, createLogChannel } from './log';
import { contactPanelViewType, contactsViewId } from './manifestIds';
import { describeError, errorReporter, type ShownError } from './notify/errorNotifications';
import { loadSampleContact, openAwsConfigFile, openSampleContact, openSampleEvent } from './onboarding/onboarding';
import { ContactPanels, openContactPanel } from './panel/contactPanels';
import { enrichContact } from './story/enrichContact';
import { loadTimeline } from './story/flowLogTimeline';
import { SearchFeature } from './search/searchFeature';
import { ResourceNames } from './story/resourceNames';
import { storySources } from './story/storySources';
import { lambdaLogLines, timelineSources } from './story/timelineSources';
import { flowDesignerUrl, exportedEvents } from './timeline/timelineState';

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
  // Open as JSON / YAML: read-only, in memory; a document VS Code asks for again is fetched again,
  // with the profile its address names only once the person agrees (as for a vscode:// link).
  const documents = new ContactDocumentProvider(
    (ref) => load().stores.contacts.get(ref),
    (ref) => profileForLink({ profile: ref.profile, region: ref.region, instanceId: ref.instanceId, contactId: ref.contactId }, accounts.profileName()),
  );
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
  // Contact IDs in text documents: links and the editor menu's key need no features; a hover on one loads them.
  context.subscriptions.push(...registerContactMentions({ hover: (target, range, token) => load().hoverCards.hover(target, range, token) }));

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

/** What activation made before any feature exists: the composition hands it on. */
interface Shell {
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
  panels: ContactPanels;
  explorer: ExplorerHandle;
  /** Cards for contact IDs hovered in text documents. */
  hoverCards: ContactHoverCards;
  /** What the extension-host tests inspect (`testing.services`); no feature is handed this. */
  stores: { context: vscode.ExtensionContext; contacts: ContactDocumentCache; history: HistoryStore; search: SearchFeature; findInFlowLogs: FindInFlowLogs };
  /** The newest errors shown as notifications, newest last (the tests read what the user read). */
  shownErrors: ShownError[];
  handleUri(uri: vscode.Uri): void;
  timeZoneChanged(): void;
}

/** Every feature, and exactly what each is given. */
function createFeatures(shell: Shell): Features {
  const { context, log, accounts, onDidChangeAccount } = shell;
  // One call path (clients, credentials, the one request scheduler) for Connect and CloudWatch
  // Logs, made on its first use; the SDK chunk loads on its first call.
  let aws: { caller: AwsCaller; connect: ConnectService; flowLogs: FlowLogService } | undefined;
  const services = () => {
    if (aws) return aws;
    const caller = new AwsCaller({
      env: process.env,
      transport: () => readConfig().transport,
      profiles: accounts.catalog,
      chosenProfile: () => readConfig().profile,
      onTransportWarning: (warning) => void vscode.window.showWarningMessage(vscode.l10n.t('Amazon Connect: {0}', warning)),
      logger: callLoggerFor(log),
    });
    aws = { caller, connect: new ConnectService({ caller, requestBudget: () => readConfig().requestBudget }), flowLogs: new FlowLogService({ caller }) };
    return aws;
  };
  const connect = (): ConnectService => services().connect;
  context.subscriptions.push({ dispose: () => void aws?.caller.dispose() });
  // Before anything else listens: clients are rebuilt before the explorer reloads.
  context.subscriptions.push(onDidChangeAccount(() => aws?.caller.invalidate()));

  const { showError, shownErrors } = errorReporter(log);
  const contacts = new ContactDocumentCache(connect);
  // Names of queues, users, groups, routing profiles and instances: memory only, cleared by Refresh.
  const names = new ResourceNames(connect);
  context.subscriptions.push(onDidChangeAccount(() => names.clear()));
  const history = new HistoryStore(context.globalState, () => readConfig().historyMaxEntries);
  context.subscriptions.push(history);
  // What each DescribeContact field means, for host tooltips and hover cards: read on the first one.
  const fieldDocs = fieldDocsLoader(path.join(context.extensionPath, 'dist', fieldDocsFileName));

  // The features call one another (a panel's row actions copy, the explorer opens panels, a
  // panel's title names the explorer's instance alias): through functions, called only once all exist.
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
      const sources = storySources(ref, { connect, names, contact: (r, s, priority) => contacts.get(r, { signal: s, priority }) });
      await enrichContact(doc.Contact, sources, signal, onStory);
    },
    timeline: async (ref, doc, request, signal, onState) => {
      const sources = timelineSources(ref, {
        flowLogs: () => services().flowLogs,
        names,
        contact: (r, s, priority) => contacts.get(r, { signal: s, priority }),
        flowLogGroups: () => readConfig().flowLogGroups,
      });
      await loadTimeline({ contact: doc.Contact, ...request }, sources, signal, onState);
    },
    lambdaLogs: (ref, row, signal) => lambdaLogLines(ref, row, services().flowLogs, signal),
    exportEvents: async (_ref, rows) => {
      const document = await vscode.workspace.openTextDocument({ language: 'json', content: `${JSON.stringify(exportedEvents(rows), null, 2)}\n` });
      await vscode.window.showTextDocument(document, { preview: false });
    },
    openFlow: async (ref, flowArn) => {
      const url = flowDesignerUrl((await names.instance(ref)).accessUrl, flowArn);
      if (url) await vscode.env.openExternal(vscode.Uri.parse(url, true));
      else void vscode.window.showWarningMessage(vscode.l10n.t('Amazon Connect: the instance\'s console address is not known, so the flow cannot be opened (connect:DescribeInstance is needed).'));
    },
    copyText: async (text, what) => copy.copyShown(text, what),
    openExternal: async (url) => void (await vscode.env.openExternal(vscode.Uri.parse(url, true))),
    describeError,
    openRelated: async (ref) => void (await describe.lookup(ref)),
    rowAction: async (action, ref, doc, fieldPath) => void (await copy.rowAction(action, ref, doc, fieldPath)),
    openAsDocument: async (ref, doc) => void (await copy.openDocument(ref, doc, 'json')),
    showError,
    log,
  });
  context.subscriptions.push(panels);

  const describe = new DescribeContactFlow({
    accounts,
    contacts,
    history,
    instances: new InstanceDirectory(connect, context.globalState),
    panels,
    regionSetting: () => readConfig().region,
    showError,
  });

  const copy: CopyCommands = new CopyCommands({
    contacts,
    panels,
    explorerSelection: () => explorer.selectedTargets(),
    documents: shell.documents,
    endpointUrl: () => readConfig().transport.endpointUrl,
    showError,
  });
  context.subscriptions.push(copy);

  // Contact IDs in text documents (src/editor): the hover card, and Describe Contact at Cursor (links come here).
  const mentionRefs = new MentionRefs(accounts, (account) => history.entries(account)[0]?.instanceId);
  const hoverCards = new ContactHoverCards({ contacts, names, refs: mentionRefs, timeZone: () => readConfig().timeZone, fieldDocs });
  context.subscriptions.push(onDidChangeAccount(() => hoverCards.clear()));
  const describeAtCursor = describeContactAtCursor({ refs: mentionRefs, lookup: (ref) => describe.lookup(ref) });

  const explorer = registerExplorer({
    treeView: shell.treeView,
    globalState: context.globalState,
    accounts,
    onDidChangeAccount,
    connect,
    contacts,
    history,
    names,
    timeZone: () => readConfig().timeZone,
    fieldDocs,
    openContact: (ref) => openContactPanel(panels, contacts, ref),
    describeInInstance: async (target) => void (await describe.run({ instanceId: target.instanceId, profile: target.profile, region: target.region })),
    showError,
  });
  context.subscriptions.push(explorer);

  // Compare Contacts: the diff's sides are the Open as JSON documents; named as the panels are.
  const compare = new CompareContacts({
    contacts,
    documents: shell.documents,
    panels,
    history,
    account: () => accounts.active(),
    titleContext: (ref) => ({ active: accounts.latest(), instanceAlias: explorer.instanceAlias(ref) }),
    showError,
  });
  context.subscriptions.push(compare);

  // Find Contacts in Flow Logs (Logs Insights) on the shared call path and Logs budget.
  let insights: InsightsService | undefined;
  const findInFlowLogs = new FindInFlowLogs({
    insights: () => (insights ??= new InsightsService({ caller: services().caller })),
    instanceDetails: (instance, signal) => names.instance(instance, signal, 'interactive'),
    flowLogGroups: () => readConfig().flowLogGroups,
    account: () => accounts.active(),
    listInstances: (account, signal) => connect().listInstances(account, signal, undefined, { priority: 'interactive' }),
    recentInstanceId: (account) => history.entries(account)[0]?.instanceId,
    // The results go to a search panel (declared below; called only once the command runs).
    showResults: (instance, job) => search.showInsights(instance, job),
    showError,
  });

  // Search Contacts and Export Contacts (src/search): the search panel, exports to a chosen file.
  const search = new SearchFeature({
    extensionUri: context.extensionUri,
    connect,
    names,
    account: () => accounts.active(),
    instanceAlias: (target) => explorer.instanceAlias({ ...target, contactId: '' }),
    timeZone: () => readConfig().timeZone,
    openContact: async (ref) => void (await describe.lookup(ref)),
    pin: (ref) => history.pin(ref),
    showError,
  });
  context.subscriptions.push(search);

  const commands: CommandTable = {
    'connectContacts.describeContact': (args?: unknown) => describe.run(args),
    'connectContacts.findInFlowLogs': (arg?: unknown) => findInFlowLogs.run(arg),
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
    'connectContacts.openSampleEvent': () => openSampleEvent(context.extensionUri),
    'connectContacts.describeContactAtCursor': describeAtCursor,
    ...copy.commands(),
    ...explorer.commands,
    ...compare.commands(),
    ...search.commands(),
  };

  return {
    commands,
    panels,
    explorer,
    hoverCards,
    stores: { context, contacts, history, search, findInFlowLogs },
    shownErrors,
    handleUri: (uri) => {
      const args = describeArgsFromUri(uri);
      if (args) {
        void describe.runFromLink(args);
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
