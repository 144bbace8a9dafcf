// Amazon Connect: Find Contacts in Flow Logs — instance → template and its inputs → time range → the
// query (editable) → a CloudWatch Logs Insights query whose contacts fill a search panel's table as
// GetQueryResults returns them (cancellable there; a click opens the contact). With arguments
// `{ instanceId, template, inputs, query, startTime, endTime }` it asks nothing, shows the panel and
// returns how the query ended.
import * as vscode from 'vscode';
import type { AccountTarget, ConnectErrorInfo, InstanceSummary } from '../aws/types';
import type { ShowError } from '../notify/errorNotifications';
import type { InsightsJob, SearchPanel } from '../search/searchPanel';
import { insightsRangeText } from '../timeline/insightsRows';
import {
  blockTypeChoices,
  inputProblem,
  insightsTemplateQuery,
  isInsightsTemplateId,
  templateInputs,
  type InsightsInputName,
  type InsightsTemplateId,
  type InsightsTemplateInputs,
} from '../timeline/insightsTemplates';
import { parseTimeRange, requestQuery, timeArg, timeRangePresets, type FlowLogSearchDeps, type InstanceTarget } from './flowLogSearch';
import { insightsJob, type InsightsJobSpec, type InsightsRunOutcome } from './insightsJob';

export interface FindInFlowLogsDeps extends FlowLogSearchDeps {
  account(): Promise<AccountTarget & { regionProblem?: string }>;
  /** The instances of the account, for the pick list. */
  listInstances(account: AccountTarget, signal?: AbortSignal): Promise<InstanceSummary[]>;
  /** The instance last looked up in this account: offered first. */
  recentInstanceId(account: AccountTarget): string | undefined;
  /** Opens a search panel showing the job's contacts (the panel opens a contact on a click). */
  showResults(instance: InstanceTarget, job: InsightsJob): SearchPanel;
  showError: ShowError;
}

/**
 * What the command returns: how the query first ended — its result, or what went wrong — and the
 * panel showing it (undefined when the person cancelled a prompt).
 */
export type FindInFlowLogsOutcome = InsightsRunOutcome & { panel?: SearchPanel };

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
  /** The title of the prompt on screen, if any (the extension-host tests wait for it before answering). */
  prompt?: string;

  constructor(private readonly deps: FindInFlowLogsDeps) {}

  async run(arg?: unknown): Promise<FindInFlowLogsOutcome | undefined> {
    if (isCommandArgs(arg)) return this.runWithArgs(arg);
    const instance = isExplorerInstance(arg) ? { profile: arg.target.profile, region: arg.target.region, instanceId: arg.instanceId } : await this.pickInstance();
    if (!instance) return undefined;
    const template = await this.pickTemplate();
    if (!template) return undefined;
    let inputs: InsightsTemplateInputs = {};
    if (template !== 'custom') {
      const asked = await this.askInputs(template);
      if (!asked) return undefined;
      inputs = asked;
    }
    const query = insightsTemplateQuery(template === 'custom' ? 'errors' : template, inputs);
    const range = await this.pickRange();
    if (!range) return undefined;
    const label = templateLabel(template);
    const spec = await this.editSpec({ instance, instanceLabel: await this.instanceLabel(instance), templateLabel: label, query, request: { query, ...range } }, undefined);
    return spec ? this.showInPanel(spec) : undefined;
  }

  /** Tests and other features: everything given, nothing asked; the panel shows the query, the outcome is returned (errors too). */
  private async runWithArgs(args: CommandArgs): Promise<FindInFlowLogsOutcome> {
    const fail = (message: string): FindInFlowLogsOutcome => ({ ok: false, error: { kind: 'InvalidInput', message } });
    const account = await this.deps.account();
    if (typeof args.instanceId !== 'string' || args.instanceId.trim() === '') return fail(vscode.l10n.t('An instance ID is needed.'));
    if (args.template !== undefined && !isInsightsTemplateId(args.template)) return fail(vscode.l10n.t('Unknown template "{0}".', String(args.template)));
    const endMs = timeArg(args.endTime) ?? Date.now();
    const startMs = timeArg(args.startTime) ?? endMs - 86_400_000;
    const instance: InstanceTarget = { profile: args.profile ?? account.profile, region: args.region ?? account.region, instanceId: args.instanceId.trim() };
    const request = { query: args.query, template: args.template, inputs: args.inputs, startMs, endMs };
    let query: string;
    try {
      query = requestQuery(request);
    } catch (error) {
      return fail(vscode.l10n.t('The template cannot be filled in: {0}', (error as Error).message));
    }
    const label = args.query !== undefined && args.query.trim() !== '' ? templateLabel('custom') : templateLabel(args.template ?? 'errors');
    return this.showInPanel({ instance, instanceLabel: await this.instanceLabel(instance), templateLabel: label, query, request });
  }

  /** Opens the results panel on the query; resolves with how its first run ended. */
  private async showInPanel(spec: InsightsJobSpec): Promise<FindInFlowLogsOutcome> {
    let first: ((outcome: InsightsRunOutcome) => void) | undefined;
    const ended = new Promise<InsightsRunOutcome>((resolve) => (first = resolve));
    const job = insightsJob(spec, this.deps, {
      onEnd: (outcome) => {
        first?.(outcome);
        first = undefined;
      },
      edit: (current, problem) => this.editSpec(current, problem),
    });
    const panel = this.deps.showResults(spec.instance, job);
    return { ...(await ended), panel };
  }

  /** Shows the query to edit (with the service's words about it after a failed run); the spec to run, or undefined. */
  private async editSpec(spec: InsightsJobSpec, problem: ConnectErrorInfo | undefined): Promise<InsightsJobSpec | undefined> {
    const initial = spec.query;
    const offset = problem?.queryError?.startCharOffset;
    const query = await this.ask(vscode.l10n.t('Amazon Connect: Logs Insights query'), () => vscode.window.showInputBox({
      title: vscode.l10n.t('Amazon Connect: Logs Insights query'),
      prompt: problem?.queryError
        ? vscode.l10n.t('CloudWatch Logs Insights: {0}', problem.queryError.message)
        : vscode.l10n.t('Edit the query, or press Enter to run it over {0}.', insightsRangeText(spec.request.startMs, spec.request.endMs)),
      value: initial,
      valueSelection: offset !== undefined && offset >= 0 && offset <= initial.length ? [offset, Math.min(initial.length, problem?.queryError?.endCharOffset ?? offset + 1)] : undefined,
      ignoreFocusOut: true,
      validateInput: (text) => (text.trim() === '' ? vscode.l10n.t('Enter a query.') : undefined),
    }));
    if (query === undefined) return undefined;
    const edited = query !== initial && !spec.templateLabel.endsWith(editedMark);
    return { ...spec, query, request: { ...spec.request, query }, templateLabel: edited ? `${spec.templateLabel}${editedMark}` : spec.templateLabel };
  }

  /** The instance's alias (DescribeInstance, cached), else its ID: the panel's heading says it. */
  private async instanceLabel(instance: InstanceTarget): Promise<string> {
    return (await this.deps.instanceDetails(instance).catch(() => undefined))?.alias ?? instance.instanceId;
  }

  /** Shows a prompt, noting its title while it is on screen. */
  private async ask<T>(title: string, show: () => Thenable<T>): Promise<T> {
    this.prompt = title;
    try {
      return await show();
    } finally {
      if (this.prompt === title) this.prompt = undefined;
    }
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
    const title = vscode.l10n.t('Amazon Connect: Find Contacts in Flow Logs — instance ({0}, {1})', account.profile, account.region);
    const picked = await this.ask(title, () => vscode.window.showQuickPick(items, { title }));
    if (!picked) return undefined;
    let instanceId = picked.instanceId;
    if (instanceId === undefined) {
      const idTitle = vscode.l10n.t('Instance ID');
      instanceId = (await this.ask(idTitle, () => vscode.window.showInputBox({ title: idTitle, value: recent ?? '', validateInput: (t) => (/^[A-Za-z0-9-]{1,100}$/.test(t.trim()) ? undefined : vscode.l10n.t('An instance ID such as 11111111-1111-4111-8111-111111111111.')) })))?.trim();
    }
    return instanceId ? { profile: account.profile, region: account.region, instanceId } : undefined;
  }

  private async pickTemplate(): Promise<InsightsTemplateId | 'custom' | undefined> {
    const title = vscode.l10n.t('Amazon Connect: find contacts whose flows…');
    const picked = await this.ask(title, () => vscode.window.showQuickPick(templateItems.map((t) => ({ ...t })), { title }));
    return picked?.id;
  }

  private async askInputs(template: InsightsTemplateId): Promise<InsightsTemplateInputs | undefined> {
    const inputs: InsightsTemplateInputs = {};
    for (const name of templateInputs[template]) {
      if (name === 'moduleType') {
        const picked = await this.ask(inputPrompts.moduleType, () => vscode.window.showQuickPick(
          blockTypeChoices().map((c) => ({ label: c.label, description: c.moduleType, moduleType: c.moduleType })),
          { title: inputPrompts.moduleType, matchOnDescription: true },
        ));
        if (!picked) return undefined;
        inputs.moduleType = picked.moduleType;
        continue;
      }
      const value = await this.ask(inputPrompts[name], () => vscode.window.showInputBox({ title: inputPrompts[name], ignoreFocusOut: true, validateInput: (text) => inputProblem(name, text) }));
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
    const rangeTitle = vscode.l10n.t('Amazon Connect: time range of the flow logs');
    const picked = await this.ask(rangeTitle, () => vscode.window.showQuickPick(items, { title: rangeTitle }));
    if (!picked) return undefined;
    const now = Date.now();
    if (picked.ms !== undefined) return { startMs: now - picked.ms, endMs: now };
    const customTitle = vscode.l10n.t('Time range (ISO 8601, UTC unless a zone is given)');
    const text = await this.ask(customTitle, () => vscode.window.showInputBox({
      title: customTitle,
      value: `${new Date(now - 86_400_000).toISOString().slice(0, 16)}Z/${new Date(now).toISOString().slice(0, 16)}Z`,
      ignoreFocusOut: true,
      validateInput: (t) => {
        const r = parseTimeRange(t);
        return 'problem' in r ? r.problem : undefined;
      },
    }));
    if (text === undefined) return undefined;
    const range = parseTimeRange(text);
    return 'problem' in range ? undefined : range;
  }
}

/** Said after a template's name when its query was edited before running. */
const editedMark = vscode.l10n.t(' (edited)');

function templateLabel(id: InsightsTemplateId | 'custom'): string {
  return id === 'custom' ? vscode.l10n.t('Custom query') : (templateItems.find((t) => t.id === id)?.label ?? id);
}
