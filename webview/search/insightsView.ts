// Find Contacts in Flow Logs in the search panel: in place of the criteria, the query that ran (its
// template, instance, log group and time range), Cancel and Edit query; above the table, what went
// wrong or why nothing was found, and what to do. Every value is set as text.
import type { InsightsAction, InsightsHeading, InsightsProblem, InsightsRunStatus, SearchWebviewMessage } from '../../src/protocol/searchMessages';
import { insightsRangeText } from '../../src/timeline/insightsRows';
import { el } from '../dom';

const actionLabels: Record<InsightsAction, string> = {
  editQuery: 'Edit query…',
  rerun: 'Run again',
  flowLogSettings: 'Open the flow-log group setting',
};

const phaseText: Record<InsightsRunStatus['phase'], string> = {
  Starting: 'Starting the query…',
  Scheduled: 'Scheduled',
  Running: 'Running',
  Complete: 'Complete',
  Cancelled: 'Cancelled',
  Failed: 'Failed',
};

const n = (v: number) => v.toLocaleString('en-US');

/** "3 contacts (5 matching lines)". */
export function insightsCountText(s: Pick<InsightsRunStatus, 'contacts' | 'lines'>): string {
  const contacts = `${n(s.contacts)} contact${s.contacts === 1 ? '' : 's'}`;
  return s.lines > s.contacts ? `${contacts} (${n(s.lines)} matching lines)` : contacts;
}

/** "Running · 48,213 records scanned". */
export function insightsStatusText(s: InsightsRunStatus): string {
  return [phaseText[s.phase] ?? s.phase, s.recordsScanned !== undefined ? `${n(s.recordsScanned)} records scanned` : ''].filter(Boolean).join(' · ');
}

export class InsightsView {
  readonly element: HTMLElement;
  readonly problemElement: HTMLElement;
  private readonly meta = el('div', 'insights-meta');
  private readonly query = el('pre', 'insights-query');
  private readonly queryError = el('div', 'field-error insights-query-error');
  private readonly cancel = el('button', 'secondary', 'Cancel');
  private heading?: InsightsHeading;
  private logGroup?: string;

  constructor(private readonly post: (m: SearchWebviewMessage) => void) {
    this.element = el('section', 'insights');
    this.element.setAttribute('aria-label', 'Logs Insights query');
    this.query.tabIndex = 0;
    this.query.setAttribute('aria-label', 'Query');
    this.queryError.setAttribute('role', 'alert');
    this.cancel.type = 'button';
    this.cancel.title = 'Stop the query on CloudWatch Logs (StopQuery)';
    this.cancel.disabled = true;
    this.cancel.addEventListener('click', () => this.post({ type: 'cancel' }));
    const edit = this.button('editQuery');
    const buttons = el('div', 'form-buttons');
    buttons.append(edit, this.cancel);
    const queryBox = el('div', 'insights-query-box');
    queryBox.append(this.query, this.queryError);
    this.element.append(this.meta, queryBox, buttons);
    this.problemElement = el('div', 'insights-problem');
    this.problemElement.setAttribute('role', 'alert');
    this.problemElement.hidden = true;
  }

  private button(action: InsightsAction): HTMLButtonElement {
    const b = el('button', 'secondary', actionLabels[action]);
    b.type = 'button';
    b.dataset.action = action;
    b.addEventListener('click', () => this.post({ type: 'insightsAction', action }));
    return b;
  }

  /** The title of the panel's page: the query's template and time range. */
  title(heading: InsightsHeading): string {
    return `Find Contacts in Flow Logs · ${heading.template} · ${insightsRangeText(heading.startMs, heading.endMs)}`;
  }

  showHeading(heading: InsightsHeading): void {
    this.heading = heading;
    this.logGroup = undefined;
    this.showMeta();
    this.showQuery();
    this.showProblem(undefined);
  }

  private showMeta(): void {
    if (!this.heading) return;
    this.meta.textContent = [this.heading.instance, this.logGroup, insightsRangeText(this.heading.startMs, this.heading.endMs)].filter(Boolean).join(' · ');
  }

  /** The query as text; the part the service pointed at, marked. */
  private showQuery(problem?: InsightsProblem): void {
    const text = this.heading?.query ?? '';
    const start = problem?.queryError?.startCharOffset;
    if (start !== undefined && start >= 0 && start < text.length) {
      // End exclusive, as the edit box selects it.
      const end = Math.max(start + 1, Math.min(text.length, problem?.queryError?.endCharOffset ?? start + 1));
      const mark = el('mark', 'query-mark', text.slice(start, end));
      this.query.replaceChildren(text.slice(0, start), mark, text.slice(end));
    } else {
      this.query.textContent = text;
    }
    this.queryError.textContent = problem?.queryError ? `CloudWatch Logs Insights: ${problem.queryError.message}` : '';
  }

  showStatus(status: InsightsRunStatus): void {
    const running = status.phase === 'Starting' || status.phase === 'Scheduled' || status.phase === 'Running';
    this.cancel.disabled = !running;
    if (status.logGroup !== this.logGroup) {
      this.logGroup = status.logGroup;
      this.showMeta();
    }
    this.showQuery(status.problem);
    this.showProblem(status.problem);
  }

  private showProblem(problem: InsightsProblem | undefined): void {
    this.problemElement.hidden = problem === undefined;
    this.problemElement.dataset.kind = problem?.kind ?? '';
    if (!problem) {
      this.problemElement.replaceChildren();
      return;
    }
    const buttons = el('div', 'form-buttons');
    buttons.append(...problem.actions.map((a) => this.button(a)));
    this.problemElement.replaceChildren(
      el('div', 'problem-title', problem.title),
      // The service's words are beside the query already; here what to do.
      ...(problem.queryError ? [] : [el('div', 'problem-message', problem.message)]),
      ...(problem.fix ? [el('div', 'problem-fix', problem.fix)] : []),
      buttons,
    );
  }
}
