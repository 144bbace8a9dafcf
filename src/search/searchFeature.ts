// Search Contacts and Export Contacts: the commands, the instance they work in, the save dialog
// and the progress notification. The search runs in searchRun.ts, the export in contactExport.ts.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ConnectService } from '../aws/connectService';
import type { AccountTarget, ContactRef } from '../aws/types';
import { NotAnExportError } from '../contact/exportResume';
import { exportCancelledText, exportProgressText, exportSummaryText, type ExportCounts } from '../contact/exportText';
import { defaultCriteria, parseCriteria, presets, validateCriteria, type ContactSearchCriteria } from '../contact/searchWindows';
import type { ResourceNames } from '../story/resourceNames';
import { connectExportCalls, exportContacts, type ExportResult } from './contactExport';
import { SearchPanel, type InsightsJob, type SearchPanelSource, type SearchTarget } from './searchPanel';

export interface SearchFeatureDeps {
  extensionUri: vscode.Uri;
  connect: () => ConnectService;
  names: ResourceNames;
  account: () => Promise<AccountTarget & { regionProblem?: string }>;
  instanceAlias: (target: SearchTarget) => string | undefined;
  timeZone: () => 'local' | 'utc';
  openContact: (ref: ContactRef) => Promise<void>;
  pin: (ref: ContactRef) => Promise<void>;
  showError: (error: unknown) => void;
}

/** What the commands accept: an explorer instance node, or {instanceId, profile?, region?, criteria?, format?, file?}. */
interface CommandArgs {
  target?: SearchTarget;
  criteria?: ContactSearchCriteria;
  format?: 'csv' | 'jsonl';
  file?: string;
}

function readArgs(arg: unknown, account: AccountTarget): CommandArgs {
  if (typeof arg !== 'object' || arg === null) return {};
  const a = arg as Record<string, unknown>;
  const t = (a.kind === 'instance' && typeof a.target === 'object' && a.target !== null ? a.target : a) as Record<string, unknown>;
  const target = typeof a.instanceId === 'string'
    ? { profile: typeof t.profile === 'string' ? t.profile : account.profile, region: typeof t.region === 'string' ? t.region : account.region, instanceId: a.instanceId }
    : undefined;
  return {
    target,
    criteria: parseCriteria(a.criteria),
    format: a.format === 'csv' || a.format === 'jsonl' ? a.format : undefined,
    file: typeof a.file === 'string' ? a.file : undefined,
  };
}

export class SearchFeature implements vscode.Disposable {
  private readonly panels = new Set<SearchPanel>();
  /** The last export: its result and what the person read (the tests read it). */
  lastExport?: { file: string; counts: ExportCounts; firstProgress?: string; lastProgress?: string; message: string };

  constructor(private readonly deps: SearchFeatureDeps) {}

  commands(): Record<string, (...args: unknown[]) => unknown> {
    return {
      'connectContacts.searchContacts': (arg?: unknown) => this.search(arg),
      'connectContacts.exportContacts': (arg?: unknown) => this.exportCommand(arg),
    };
  }

  /** The panels open now (the tests drive them). */
  all(): SearchPanel[] {
    return [...this.panels];
  }

  async search(arg?: unknown): Promise<SearchPanel | undefined> {
    const account = await this.deps.account();
    const args = readArgs(arg, account);
    const target = args.target ?? (await this.pickInstance(account));
    if (!target) return undefined;
    // The instance's alias names the panel: the explorer's, else DescribeInstance (cached).
    const alias = this.deps.instanceAlias(target) ?? (await this.deps.names.instance(target, undefined, 'interactive').catch(() => undefined))?.alias;
    const panel = this.open(target, alias, { criteria: args.criteria });
    // A command with criteria (another feature, a test) runs them at once.
    if (args.criteria) void panel.run(args.criteria);
    return panel;
  }

  /** Find Contacts in Flow Logs: a panel of the same kind, showing the query's contacts as it runs. */
  showInsights(target: SearchTarget, job: InsightsJob): SearchPanel {
    return this.open(target, job.heading.instance, { insights: job });
  }

  private open(target: SearchTarget, alias: string | undefined, source: SearchPanelSource): SearchPanel {
    const panel = new SearchPanel(target, {
      extensionUri: this.deps.extensionUri,
      timeZone: this.deps.timeZone,
      search: (t, query, signal, priority) => this.deps.connect().searchContacts(t, query, signal, { priority }),
      listQueues: (t) => this.deps.connect().listQueues(t, t.instanceId),
      listUsers: (t) => this.deps.connect().listUsers(t, t.instanceId),
      name: async (t, kind, id, signal) => (await this.deps.names.describe(t, kind, id, { signal, priority: 'visible' })).name.name,
      openContact: this.deps.openContact,
      pin: this.deps.pin,
      exportContacts: async (t, criteria, format) => void (await this.runExport(t, criteria, format)),
      instanceLabel: (t) => alias ?? this.deps.instanceAlias(t) ?? t.instanceId,
    }, source);
    this.panels.add(panel);
    panel.onDidDispose(() => this.panels.delete(panel));
    return panel;
  }

  private async exportCommand(arg?: unknown): Promise<ExportResult | undefined> {
    const account = await this.deps.account();
    const args = readArgs(arg, account);
    // From a search panel on screen: its instance and criteria.
    const active = [...this.panels].find((p) => p.active && !p.showsInsights);
    const target = args.target ?? active?.target ?? (await this.pickInstance(account));
    if (!target) return undefined;
    const criteria = args.criteria ?? (active && active.target.instanceId === target.instanceId ? active.criteria : await this.pickRange());
    if (!criteria) return undefined;
    return this.runExport(target, criteria, args.format, args.file);
  }

  private async pickInstance(account: AccountTarget): Promise<SearchTarget | undefined> {
    const pick = vscode.window.createQuickPick<vscode.QuickPickItem & { id?: string }>();
    pick.title = vscode.l10n.t('Amazon Connect: the instance to search ({0} · {1})', account.profile, account.region);
    pick.placeholder = vscode.l10n.t('Choose an instance, or type its ID');
    pick.busy = true;
    pick.show();
    void this.deps.connect().listInstances(account, undefined, undefined, { priority: 'interactive' }).then(
      (instances) => {
        pick.items = instances.map((i) => ({ label: i.alias ?? i.id, description: i.id, id: i.id }));
        pick.busy = false;
      },
      (error: unknown) => {
        pick.busy = false;
        pick.placeholder = vscode.l10n.t('Instances could not be listed ({0}): type the instance ID', error instanceof Error ? error.message : String(error));
      },
    );
    const chosen = await new Promise<string | undefined>((resolve) => {
      pick.onDidAccept(() => resolve(pick.selectedItems[0]?.id ?? (/^[0-9a-f-]{36}$/i.test(pick.value.trim()) ? pick.value.trim() : undefined)));
      pick.onDidHide(() => resolve(undefined));
    });
    pick.dispose();
    return chosen ? { profile: account.profile, region: account.region, instanceId: chosen } : undefined;
  }

  private async pickRange(): Promise<ContactSearchCriteria | undefined> {
    const item = await vscode.window.showQuickPick(presets.map((p) => ({ label: p.label, id: p.id })), { title: vscode.l10n.t('Amazon Connect: export the contacts initiated in') });
    return item ? { ...defaultCriteria(), range: { kind: 'preset', preset: item.id } } : undefined;
  }

  /** Export with progress; resolves with what was written (undefined when not started). */
  async runExport(target: SearchTarget, criteria: ContactSearchCriteria, format?: 'csv' | 'jsonl', file?: string): Promise<ExportResult | undefined> {
    const problems = validateCriteria(criteria, Date.now());
    if (problems.length > 0) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Amazon Connect: the search cannot be exported: {0}', problems.map((p) => p.message).join(' ')));
      return undefined;
    }
    const chosenFormat = format ?? (await vscode.window.showQuickPick(
      [
        { label: 'CSV', description: vscode.l10n.t('the result columns, no extra calls'), format: 'csv' as const },
        { label: 'JSON Lines', description: vscode.l10n.t('one full DescribeContact record per line (one call per contact)'), format: 'jsonl' as const },
      ],
      { title: vscode.l10n.t('Amazon Connect: export as') },
    ))?.format;
    if (!chosenFormat) return undefined;
    const ext = chosenFormat === 'csv' ? 'csv' : 'jsonl';
    const name = `contacts-${this.deps.instanceAlias(target) ?? target.instanceId}-${new Date().toISOString().slice(0, 10)}.${ext}`;
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const uri = file
      ? vscode.Uri.file(file)
      : await vscode.window.showSaveDialog({
          title: vscode.l10n.t('Export contacts (an existing export is resumed)'),
          defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
          filters: chosenFormat === 'csv' ? { CSV: ['csv'] } : { 'JSON Lines': ['jsonl', 'ndjson'] },
        });
    if (!uri) return undefined;
    const names = this.deps.names;
    const label = path.basename(uri.fsPath);
    const started = Date.now();
    let counts: ExportCounts = { written: 0, skipped: 0, missing: 0 };
    let firstProgress: string | undefined;
    let lastProgress: string | undefined;
    try {
      const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Exporting contacts to {0}', label), cancellable: true },
        async (progress, token) => {
          const controller = new AbortController();
          token.onCancellationRequested(() => controller.abort());
          // Until every window's first page is in (one call per 8 weeks of range).
          progress.report({ message: vscode.l10n.t('counting the contacts…') });
          let shownPercent = 0;
          return exportContacts({
            file: uri.fsPath,
            format: chosenFormat,
            instanceId: target.instanceId,
            criteria,
            now: started,
            signal: controller.signal,
            ...connectExportCalls(this.deps.connect(), target),
            names: async (c, signal) => ({
              queue: c.queueId ? (await names.describe(target, 'queue', c.queueId, { signal, priority: 'background' }).catch(() => undefined))?.name.name : undefined,
              agent: c.agentId ? (await names.describe(target, 'user', c.agentId, { signal, priority: 'background' }).catch(() => undefined))?.name.name : undefined,
            }),
            onProgress: (p) => {
              counts = { written: p.written, skipped: p.skipped, missing: p.missing, withoutId: p.withoutId };
              const percent = p.total ? Math.min(100, ((p.written + p.skipped + p.missing + p.withoutId) * 100) / p.total) : 0;
              lastProgress = exportProgressText(p);
              firstProgress ??= lastProgress;
              progress.report({ message: lastProgress, increment: Math.max(0, percent - shownPercent) });
              shownPercent = Math.max(shownPercent, percent);
            },
          });
        },
      );
      counts = { written: result.written, skipped: result.skipped, missing: result.missing.length, withoutId: result.withoutId };
      const message = vscode.l10n.t('Amazon Connect: {0}', exportSummaryText(counts, label));
      this.lastExport = { file: uri.fsPath, counts, firstProgress, lastProgress, message };
      void vscode.window.showInformationMessage(message, vscode.l10n.t('Open')).then((choice) => {
        if (choice) void vscode.commands.executeCommand('vscode.open', uri);
      });
      return result;
    } catch (error) {
      if (error instanceof NotAnExportError) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Amazon Connect: {0} was not resumed: {1} Choose another file.', label, error.message));
      } else if ((error instanceof Error && (error.name === 'AbortError' || /cancel/i.test(error.message)))) {
        const message = vscode.l10n.t('Amazon Connect: {0}', exportCancelledText(counts, label));
        this.lastExport = { file: uri.fsPath, counts, firstProgress, lastProgress, message };
        void vscode.window.showInformationMessage(message);
      } else {
        this.deps.showError(error);
      }
      return undefined;
    }
  }

  dispose(): void {
    for (const p of [...this.panels]) p.dispose();
  }
}
