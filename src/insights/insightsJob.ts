// One Logs Insights query as the search panel shows it: runs searchFlowLogs, turns every
// GetQueryResults into the table's rows and a status line, and a failure into what to do about it.
import type { ConnectErrorInfo } from '../aws/types';
import { toErrorInfo } from '../aws/errors';
import type { InsightsPhase } from '../protocol/searchMessages';
import type { InsightsJob, InsightsUpdate } from '../search/searchPanel';
import { insightsRangeText, insightsTableRows } from '../timeline/insightsRows';
import { parseInsightsResults } from '../timeline/insightsTemplates';
import { searchFlowLogs, type FlowLogSearchDeps, type FlowLogSearchRequest, type FlowLogSearchResult, type InstanceTarget } from './flowLogSearch';
import { insightsProblemOf, noResultsProblem } from './insightsProblems';

export interface InsightsJobSpec {
  instance: InstanceTarget;
  /** The instance's alias, or its ID. */
  instanceLabel: string;
  /** The template's name, or "Custom query". */
  templateLabel: string;
  request: Pick<FlowLogSearchRequest, 'query' | 'template' | 'inputs' | 'startMs' | 'endMs'>;
  query: string;
}

/** How a run ended: the result, or what went wrong (its query too). */
export type InsightsRunOutcome = ({ ok: true } & FlowLogSearchResult) | { ok: false; error: ConnectErrorInfo; query?: string };

const phases: Readonly<Record<string, InsightsPhase>> = { Scheduled: 'Scheduled', Running: 'Running', Complete: 'Complete', Cancelled: 'Cancelled' };

/**
 * A job for the panel. `onEnd` hears how each run ended (the command returns the first);
 * `edit` asks for the query again and returns the next spec, or undefined.
 */
export function insightsJob(
  spec: InsightsJobSpec,
  deps: FlowLogSearchDeps,
  hooks: { onEnd(outcome: InsightsRunOutcome): void; edit(spec: InsightsJobSpec, problem?: ConnectErrorInfo): Promise<InsightsJobSpec | undefined> },
): InsightsJob {
  let lastError: ConnectErrorInfo | undefined;
  const range = insightsRangeText(spec.request.startMs, spec.request.endMs);
  return {
    title: `${spec.templateLabel} · ${range}`,
    heading: { template: spec.templateLabel, instance: spec.instanceLabel, query: spec.query, startMs: spec.request.startMs, endMs: spec.request.endMs },
    async run(signal, show) {
      lastError = undefined;
      let logGroup: string | undefined;
      let status: InsightsUpdate['status'] = { phase: 'Starting', contacts: 0, lines: 0 };
      let shownLines = -1;
      show({ rows: [], status });
      try {
        const onLogGroup = (name: string) => {
          logGroup = name;
          status = { ...status, logGroup };
          show({ status });
        };
        const result = await searchFlowLogs({ ...spec.request, instance: spec.instance, signal, onLogGroup, onProgress: (p) => {
          const lines = parseInsightsResults(p.results);
          const rows = lines.length !== shownLines ? insightsTableRows(lines) : undefined;
          shownLines = lines.length;
          status = {
            phase: phases[p.status] ?? 'Running',
            ...(logGroup ? { logGroup } : {}),
            contacts: rows?.length ?? status.contacts,
            lines: lines.length,
            ...(p.statistics.recordsScanned !== undefined ? { recordsScanned: p.statistics.recordsScanned } : {}),
            ...(p.statistics.recordsMatched !== undefined ? { recordsMatched: p.statistics.recordsMatched } : {}),
          };
          show({ ...(rows ? { rows } : {}), status });
        } }, deps);
        logGroup = result.logGroup;
        const rows = insightsTableRows(result.rows);
        show({
          rows,
          status: {
            ...status,
            phase: 'Complete',
            logGroup,
            contacts: rows.length,
            lines: result.rows.length,
            ...(rows.length === 0 ? { problem: noResultsProblem(result.logGroup, result.startMs, result.endMs) } : {}),
          },
        });
        hooks.onEnd({ ok: true, ...result });
      } catch (error) {
        const info = toErrorInfo(error);
        lastError = info;
        const cancelled = info.kind === 'Cancelled';
        show({ status: { ...status, phase: cancelled ? 'Cancelled' : 'Failed', ...(logGroup ? { logGroup } : {}), problem: insightsProblemOf(info, logGroup) } });
        hooks.onEnd({ ok: false, error: info, query: spec.query });
      }
    },
    async edit() {
      const next = await hooks.edit(spec, lastError);
      return next ? insightsJob(next, deps, hooks) : undefined;
    },
  };
}
