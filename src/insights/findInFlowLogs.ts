// Amazon Connect: Find Contacts in Flow Logs — instance → template and its inputs → the query (editable)
// → time range → a CloudWatch Logs Insights query with a cancellable progress notification → the
// contacts in a pick list; a pick opens the contact's panel. With arguments
// `{ instanceId, template, inputs, query, startTime, endTime }` it asks nothing and returns the result.
import * as vscode from 'vscode';
import type { AccountTarget, ConnectErrorInfo, ContactRef, InstanceSummary } from '../aws/types';
import { describeError, type ShowError } from '../notify/errorNotifications';
import {
  blockName,
  blockTypeChoices,
  inputProblem,
  insightsTemplateQuery,
  isInsightsTemplateId,
  templateInputs,
  type InsightsInputName,
  type InsightsTemplateId,
  type InsightsTemplateInputs,
} from '../timeline/insightsTemplates';
import { parseTimeRange, searchFlowLogs, timeArg, timeRangePresets, type FlowLogSearchDeps, type FlowLogSearchResult, type InstanceTarget } from './flowLogSearch';

export interface FindInFlowLogsDeps extends FlowLogSearchDeps {
  account(): Promise<AccountTarget & { regionProblem?: string }>;
  /** The instances of the account, for the pick list. */
  listInstances(account: AccountTarget, signal?: AbortSignal): Promise<InstanceSummary[]>;
  /** The instance last looked up in this account: offered first. */
  recentInstanceId(account: AccountTarget): string | undefined;
  /** Opens the contact's panel (Describe Contact's lookup). */
  openContact(ref: ContactRef): Promise<unknown>;
  showError: ShowError;
}

/** What the command returns: the result, or what went wrong (undefined when the person cancelled a prompt). */
export type FindInFlowLogsOutcome = ({ ok: true } & FlowLogSearchResult) | { ok: false; error: ConnectErrorInfo; query?: string };

interface CommandArgs {
  instanceId?: string;
  profile?: string;
  region?: string;
  template?: InsightsTemplateId;
  inputs?: InsightsTemplateInputs;
  query?: string;
  startTime?: unknown;
  endTime?: unknown;
}

const templateItems: { id: InsightsTemplateId | 'custom'; label: string; detail: string }[] = [
  { id: 'errors', label: vscode.l10n.t('Contacts with any error result'), detail: vscode.l10n.t('Blocks whose result reads error, timeout or fail') },
  { id: 'lambdaFailing', label: vscode.l10n.t('A Lambda function failing or timing out'), detail: vscode.l10n.t('Invoke AWS Lambda function blocks of one function that returned an error or timed out') },
  { id: 'blockInFlow', label: vscode.l10n.t('A block type in a flow'), detail: vscode.l10n.t('Every time a flow ran a block of one type') },
  { id: 'attributeSet', label: vscode.l10n.t('An attribute set to a value'), detail: vscode.l10n.t('Set contact attributes blocks that set a key to a value') },
  { id: 'custom', label: vscode.l10n.t('Write my own query…'), detail: vscode.l10n.t('Starts from the error query') },
];

const inputPrompts: Record<InsightsInputName, string> = {
  functionName: vscode.l10n.t('The Lambda function\'s name or ARN'),
  flowName: vscode.l10n.t('The flow\'s name, as the flow log writes it (ContactFlowName)'),
  moduleType: vscode.l10n.t('The block type'),
  key: vscode.l10n.t('The attribute\'s key'),
  value: vscode.l10n.t('The value it was set to (matched exactly)'),
};

function isExplorerInstance(value: unknown): value is { kind: 'instance' | 'group'; target: AccountTarget; instanceId: string } {
  const v = value as { kind?: unknown; target?: { profile?: unknown }; instanceId?: unknown } | undefined;
  return typeof v === 'object' && v !== null && (v.kind === 'instance' || v.kind === 'group') && typeof v.instanceId === 'string' && typeof v.target?.profile === 'string';
}

function isCommandArgs(value: unknown): value is CommandArgs {
  return typeof value === 'object' && value !== null && !isExplorerInstance(value) && ('template' in value || 'query' in value);
}

export class FindInFlowLogs {
  constructor(private readonly deps: FindInFlowLogsDeps) {}

  async run(arg?: unknown): Promise<FindInFlowLogsOutcome | undefined> {
    if (isCommandArgs(arg)) return this.runWithArgs(arg);
    const instance = isExplorerInstance(arg) ? { profile: arg.target.profile, region: arg.target.region, instanceId: arg.instanceId } : await this.pickInstance();
    if (!instance) return undefined;
    const template = await this.pickTemplate();
    if (!template) return undefined;
    let query: string;
    if (template === 'custom') query = insightsTemplateQuery('errors');
    else {
      const inputs = await this.askInputs(template);
      if (!inputs) return undefined;
      query = insightsTemplateQuery(template, inputs);
    }
    const range = await this.pickRange();
    if (!range) return undefined;
    return this.editAndRun(instance, query, range, undefined);
  }

  /** Tests and other features: everything given, nothing asked, the result returned (errors too). */
  private async runWithArgs(args: CommandArgs): Promise<FindInFlowLogsOutcome> {
    const fail = (message: string): FindInFlowLogsOutcome => ({ ok: false, error: { kind: 'InvalidInput', message } });
    const account = await this.deps.account();
    if (typeof args.instanceId !== 'string' || args.instanceId.trim() === '') return fail(vscode.l10n.t('An instance ID is needed.'));
    if (args.template !== undefined && !isInsightsTemplateId(args.template)) return fail(vscode.l10n.t('Unknown template "{0}".', String(args.template)));
    const endMs = timeArg(args.endTime) ?? Date.now();
    const startMs = timeArg(args.startTime) ?? endMs - 86_400_000;
    const instance: InstanceTarget = { profile: args.profile ?? account.profile, region: args.region ?? account.region, instanceId: args.instanceId.trim() };
    try {
      return { ok: true, ...(await this.withProgress((signal, onProgress) => searchFlowLogs({ instance, query: args.query, template: args.template, inputs: args.inputs, startMs, endMs, signal, onProgress }, this.deps))) };
    } catch (error) {
      return { ok: false, error: describeError(error), query: args.query };
    }
  }

  /** Shows the query to edit (with the service's words about it after a failed run), runs it, shows the contacts. */
  private async editAndRun(instance: InstanceTarget, initial: string, range: { startMs: number; endMs: number }, problem: ConnectErrorInfo | undefined): Promise<FindInFlowLogsOutcome | undefined> {
    const offset = problem?.queryError?.startCharOffset;
    const query = await vscode.window.showInputBox({
      title: vscode.l10n.t('Amazon Connect: Logs Insights query'),
      prompt: problem?.queryError
        ? vscode.l10n.t('CloudWatch Logs Insights: {0}', problem.queryError.message)
        : vscode.l10n.t('Edit the query, or press Enter to run it over {0}.', formatRange(range)),
      value: initial,
      valueSelection: offset !== undefined && offset >= 0 && offset <= initial.length ? [offset, Math.min(initial.length, problem?.queryError?.endCharOffset ?? offset + 1)] : undefined,
      ignoreFocusOut: true,
      validateInput: (text) => (text.trim() === '' ? vscode.l10n.t('Enter a query.') : undefined),
    });
    if (query === undefined) return undefined;
    let result: FlowLogSearchResult;
    try {
      result = await this.withProgress((signal, onProgress) => searchFlowLogs({ instance, query, ...range, signal, onProgress }, this.deps));
    } catch (error) {
      const info = describeError(error);
      if (info.kind === 'Cancelled') return { ok: false, error: info, query };
      if (info.queryError) {
        // The service's words beside the query: the edit box shows them.
        return this.editAndRun(instance, query, range, info);
      }
      this.deps.showError(error, { retry: () => this.editAndRun(instance, query, range, undefined), fixes: [{ title: vscode.l10n.t('Edit Query'), run: () => this.editAndRun(instance, query, range, undefined) }] });
      return { ok: false, error: info, query };
    }
    void this.showResults(result);
    return { ok: true, ...result };
  }

  private withProgress<T>(work: (signal: AbortSignal, onProgress: Parameters<typeof searchFlowLogs>[0]['onProgress']) => Promise<T>): Thenable<T> {
    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Amazon Connect: finding contacts in flow logs'), cancellable: true },
      (progress, token) => {
        const abort = new AbortController();
        const cancel = token.onCancellationRequested(() => abort.abort());
        return work(abort.signal, (p) => {
          const scanned = p.statistics.recordsScanned;
          progress.report({
            message: scanned !== undefined
              ? vscode.l10n.t('{0}: {1} records scanned, {2} matched', p.status, scanned.toLocaleString('en-US'), (p.statistics.recordsMatched ?? p.rows).toLocaleString('en-US'))
              : p.status,
          });
        }).finally(() => {
          cancel.dispose();
        });
      },
    );
  }

  /** One item per contact; a pick opens it. */
  private async showResults(result: FlowLogSearchResult): Promise<void> {
    if (result.contacts.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Amazon Connect: no flow-log line in {0} matched the query between {1}.', result.logGroup, formatRange(result)));
      return;
    }
    type Item = vscode.QuickPickItem & { contactId: string };
    const items: Item[] = result.contacts.map(({ row, matches }) => ({
      contactId: row.contactId,
      label: row.contactId,
      description: [row.timestamp.replace('T', ' ').replace(/\.\d+Z$/, 'Z'), row.flow].filter(Boolean).join(' · '),
      detail: [blockName(row.block), row.result, matches > 1 ? vscode.l10n.t('{0} matching lines', matches) : undefined].filter(Boolean).join(' · '),
    }));
    const picked = await vscode.window.showQuickPick(items, {
      title: vscode.l10n.t('Amazon Connect: {0} contacts ({1} matching lines) in {2}', result.contacts.length, result.rows.length, result.logGroup),
      placeHolder: vscode.l10n.t('Pick a contact to open it'),
      matchOnDescription: true,
      matchOnDetail: true,
    });
    if (picked) await this.deps.openContact({ ...result.instance, contactId: picked.contactId });
  }

  private async pickInstance(): Promise<InstanceTarget | undefined> {
    const account = await this.deps.account();
    if (account.regionProblem) {
      this.deps.showError({ kind: 'InvalidRegion', message: account.regionProblem, profile: account.profile });
      return undefined;
    }
    let instances: InstanceSummary[] = [];
    try {
      instances = await this.deps.listInstances(account);
    } catch (error) {
      this.deps.showError(error);
    }
    const recent = this.deps.recentInstanceId(account);
    type Item = vscode.QuickPickItem & { instanceId?: string };
    const items: Item[] = instances
      .map((i) => ({ instanceId: i.id, label: i.alias ?? i.id, description: i.alias ? i.id : undefined, ...(i.id === recent ? { detail: vscode.l10n.t('Last looked up') } : {}) }))
      .sort((a, b) => Number(b.instanceId === recent) - Number(a.instanceId === recent));
    items.push({ label: vscode.l10n.t('Enter an instance ID…') });
    const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Amazon Connect: Find Contacts in Flow Logs — instance ({0}, {1})', account.profile, account.region) });
    if (!picked) return undefined;
    let instanceId = picked.instanceId;
    if (instanceId === undefined) {
      instanceId = (await vscode.window.showInputBox({ title: vscode.l10n.t('Instance ID'), value: recent ?? '', validateInput: (t) => (/^[A-Za-z0-9-]{1,100}$/.test(t.trim()) ? undefined : vscode.l10n.t('An instance ID such as 11111111-1111-4111-8111-111111111111.')) }))?.trim();
    }
    return instanceId ? { profile: account.profile, region: account.region, instanceId } : undefined;
  }

  private async pickTemplate(): Promise<InsightsTemplateId | 'custom' | undefined> {
    const picked = await vscode.window.showQuickPick(templateItems.map((t) => ({ ...t })), { title: vscode.l10n.t('Amazon Connect: find contacts whose flows…') });
    return picked?.id;
  }

  private async askInputs(template: InsightsTemplateId): Promise<InsightsTemplateInputs | undefined> {
    const inputs: InsightsTemplateInputs = {};
    for (const name of templateInputs[template]) {
      if (name === 'moduleType') {
        const picked = await vscode.window.showQuickPick(
          blockTypeChoices().map((c) => ({ label: c.label, description: c.moduleType, moduleType: c.moduleType })),
          { title: inputPrompts.moduleType, matchOnDescription: true },
        );
        if (!picked) return undefined;
        inputs.moduleType = picked.moduleType;
        continue;
      }
      const value = await vscode.window.showInputBox({ title: inputPrompts[name], ignoreFocusOut: true, validateInput: (text) => inputProblem(name, text) });
      if (value === undefined) return undefined;
      inputs[name] = value;
    }
    return inputs;
  }

  private async pickRange(): Promise<{ startMs: number; endMs: number } | undefined> {
    const labels: Record<(typeof timeRangePresets)[number]['id'], string> = {
      hour: vscode.l10n.t('Last hour'),
      day: vscode.l10n.t('Last 24 hours'),
      week: vscode.l10n.t('Last 7 days'),
      month: vscode.l10n.t('Last 30 days'),
    };
    const items = [...timeRangePresets.map((p) => ({ label: labels[p.id], ms: p.ms })), { label: vscode.l10n.t('Custom range…'), ms: undefined }];
    const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Amazon Connect: time range of the flow logs') });
    if (!picked) return undefined;
    const now = Date.now();
    if (picked.ms !== undefined) return { startMs: now - picked.ms, endMs: now };
    const text = await vscode.window.showInputBox({
      title: vscode.l10n.t('Time range (ISO 8601, UTC unless a zone is given)'),
      value: `${new Date(now - 86_400_000).toISOString().slice(0, 16)}Z/${new Date(now).toISOString().slice(0, 16)}Z`,
      ignoreFocusOut: true,
      validateInput: (t) => {
        const r = parseTimeRange(t);
        return 'problem' in r ? r.problem : undefined;
      },
    });
    if (text === undefined) return undefined;
    const range = parseTimeRange(text);
    return 'problem' in range ? undefined : range;
  }
}

function formatRange(range: { startMs: number; endMs: number }): string {
  const f = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
  return `${f(range.startMs)} – ${f(range.endMs)} UTC`;
}
