// "How long each phase took": the contact's phases (in flow, queue, ringing, with the agent,
// hold, after-contact work) as a small table with start → end in the panel's time zone and a
// proportional bar. A phase with a problem shows a warning and the problem, never a negative
// duration.
import type { JsonObject } from '../src/contact/contactDocument';
import { formatTimestamp } from '../src/contact/format';
import { contactPhases, formatDurationMs, type ContactPhase } from '../src/contact/phases';
import type { TimeZoneChoice } from '../src/protocol/messages';
import { el, icon } from './dom';
import { emptyLine, focusKey, type OverviewActions } from './overviewParts';

export function fillPhases(body: HTMLElement, contact: JsonObject, timeZone: TimeZoneChoice, actions: OverviewActions): void {
  let phases: ContactPhase[];
  try {
    // The clock tells a scheduled task still waiting from one whose flow has started.
    phases = contactPhases(contact, { now: Date.now() });
  } catch {
    phases = [];
  }
  if (phases.length === 0) {
    body.append(emptyLine('This contact has no timestamps to measure phases by.'));
    return;
  }
  const longest = Math.max(1, ...phases.map((p) => (p.durationMs !== undefined && p.durationMs > 0 ? p.durationMs : 0)));
  const table = el('table', 'phases-table');
  const head = el('thead');
  const headRow = el('tr');
  for (const title of ['Phase', 'Start → end', 'Duration', '']) {
    const th = el('th', '', title);
    th.scope = 'col';
    if (!title) th.append(el('span', 'visually-hidden', 'Proportion'));
    headRow.append(th);
  }
  head.append(headRow);
  const rows = el('tbody');
  phases.forEach((phase, i) => {
    const tr = el('tr', `phase phase-${phase.kind}${phase.problem ? ' has-problem' : ''}`);
    const name = el('th', 'phase-label');
    name.scope = 'row';
    const jump = el('button', 'link-button phase-field', phase.label);
    jump.type = 'button';
    jump.title = `Show ${phase.path.join('.')} in Fields`;
    jump.addEventListener('click', () => actions.revealField([...phase.path]));
    focusKey(jump, `phase:${i}:${phase.kind}`);
    name.append(jump);

    const when = el('td', 'phase-times');
    if (phase.start) when.append(el('span', 'phase-start', formatTimestamp(phase.start, timeZone)));
    if (phase.start || phase.end) when.append(el('span', 'phase-arrow', ' → '));
    if (phase.end) when.append(el('span', 'phase-end', formatTimestamp(phase.end, timeZone)));
    else if (phase.start) when.append(el('span', 'phase-end muted', '…'));

    const duration = el('td', 'phase-duration');
    const ok = phase.durationMs !== undefined && phase.durationMs >= 0 && Number.isFinite(phase.durationMs);
    if (ok) duration.append(el('span', 'duration-text', formatDurationMs(phase.durationMs as number)));
    else duration.append(el('span', 'duration-text muted', '—'));
    if (phase.problem) {
      // "ongoing" is a live contact's open phase, not a fault in the data.
      const live = phase.problem === 'ongoing';
      const problem = el('span', live ? 'phase-problem ongoing' : 'phase-problem');
      problem.append(icon(live ? 'clock' : 'warning', 'problem-icon'), el('span', 'problem-text', phase.problem));
      problem.title = phase.problem;
      duration.append(problem);
    }

    const barCell = el('td', 'phase-bar-cell');
    barCell.setAttribute('aria-hidden', 'true');
    if (ok) {
      const bar = el('span', 'phase-bar');
      // CSSOM, not a style attribute: the panel's CSP allows this.
      bar.style.width = `${Math.max(1, Math.round(((phase.durationMs as number) / longest) * 100))}%`;
      barCell.append(bar);
    }
    tr.append(name, when, duration, barCell);
    rows.append(tr);
  });
  table.append(head, rows);
  body.append(table);
}
