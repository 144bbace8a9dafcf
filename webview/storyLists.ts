// "Evaluations", "Recordings" and "References": short lists. Links open through the host and
// only for http(s) URLs; everything else (a javascript: or file: value) stays plain text.
import type { JsonObject, JsonValue } from '../src/contact/contactDocument';
import { formatTimestamp } from '../src/contact/format';
import type { ContactReferenceItem, EvaluationSummary } from '../src/contact/story';
import { isWebUrl } from '../src/protocol/messages';
import { el, icon } from './dom';
import { copyButton, emptyLine, externalLink, loadingLine, missingNotes, rawText, type OverviewInput } from './overviewParts';

function obj(value: JsonValue | undefined): JsonObject | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
}

function str(value: JsonValue | undefined): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** "85%", "Automatic fail", "N/A", or "—" when not scored. */
export function scoreText(e: EvaluationSummary): string {
  if (e.notApplicable) return 'N/A';
  const score = typeof e.score === 'number' && Number.isFinite(e.score) ? `${Math.round(e.score * 10) / 10}%` : undefined;
  if (e.automaticFail) return score ? `Automatic fail (${score})` : 'Automatic fail';
  return score ?? '—';
}

function headerRow(titles: string[]): HTMLTableSectionElement {
  const head = el('thead');
  const tr = el('tr');
  for (const t of titles) {
    const th = el('th', '', t);
    th.scope = 'col';
    tr.append(th);
  }
  head.append(tr);
  return head;
}

/** Whether a part of the story is still on its way: not there, not missing, story not done. */
function pending(input: OverviewInput, value: unknown, section: 'evaluations' | 'references'): boolean {
  return value === undefined && !input.story?.complete && !(input.missing.get(section) ?? []).length;
}

export function fillEvaluations(body: HTMLElement, input: OverviewInput): void {
  const evaluations = input.story?.evaluations;
  body.append(...missingNotes(input.missing.get('evaluations')));
  if (pending(input, evaluations, 'evaluations')) {
    body.append(loadingLine());
    return;
  }
  if (!evaluations || evaluations.length === 0) {
    if (!(input.missing.get('evaluations') ?? []).length) body.append(emptyLine('No evaluations.'));
    return;
  }
  const table = el('table', 'story-table evaluations-table');
  const rows = el('tbody');
  for (const e of evaluations) {
    const tr = el('tr', 'evaluation');
    const form = rawText('th', 'evaluation-form', e.formTitle || 'Evaluation');
    form.scope = 'row';
    const status = rawText('td', 'evaluation-status', e.status);
    const score = el('td', `evaluation-score${e.automaticFail ? ' automatic-fail' : ''}`, scoreText(e));
    const when = el('td', 'evaluation-time', e.submittedAt ? formatTimestamp(e.submittedAt, input.timeZone) : '—');
    const link = el('td', 'evaluation-link');
    // Only a link that can be opened: anything but http(s) is left out, not shown as dead text.
    if (e.consoleUrl && isWebUrl(e.consoleUrl)) link.append(externalLink('Open in console', e.consoleUrl, `evaluation:${e.evaluationId}`, input.actions, `Open the evaluation in the Connect console: ${e.consoleUrl}`));
    tr.append(form, status, score, when, link);
    rows.append(tr);
  }
  table.append(headerRow(['Form', 'Status', 'Score', 'Submitted', '']), rows);
  body.append(table);
}

/** A recording's location as an S3 URI, when it is an S3 path. */
export function s3Uri(location: string, storageType: string | undefined): string | undefined {
  if (/^s3:\/\/[^/\s]+\/\S/.test(location)) return location;
  if (storageType === 'S3' && !location.startsWith('arn:') && !/^[a-z][a-z0-9+.-]*:/i.test(location) && /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]\/\S/.test(location)) return `s3://${location}`;
  return undefined;
}

export function fillRecordings(body: HTMLElement, input: OverviewInput): void {
  const recordings = Array.isArray(input.contact.Recordings) ? input.contact.Recordings : [];
  if (recordings.length === 0) {
    body.append(emptyLine('No recordings.'));
    return;
  }
  const table = el('table', 'story-table recordings-table');
  const rows = el('tbody');
  recordings.forEach((raw, i) => {
    const r = obj(raw) ?? {};
    const tr = el('tr', 'recording');
    const status = str(r.Status);
    const statusCell = el('td', `recording-status status-${(status ?? 'unknown').toLowerCase().replace(/[^a-z0-9]+/g, '-')}`);
    statusCell.append(rawText('span', '', status ?? '—'));
    const reason = str(r.DeletionReason);
    if (reason) statusCell.append(rawText('span', 'recording-reason', ` (${reason})`));
    const media = el('td', 'recording-media');
    media.append(rawText('span', '', [str(r.MediaStreamType), str(r.ParticipantType)].filter(Boolean).join(' · ') || '—'));
    const storage = str(r.StorageType) ?? str(r.Type);
    const storageCell = rawText('td', 'recording-storage', storage ?? '—');
    const location = str(r.Location);
    const where = el('td', 'recording-location');
    if (location) {
      where.append(rawText('span', 'location-text', location));
      const uri = s3Uri(location, storage);
      if (uri) {
        const copy = copyButton(uri, 'S3 URI', `Copy S3 URI ${uri}`, `s3:${i}`, input.actions);
        copy.classList.add('with-text');
        copy.append(el('span', '', 'Copy S3 URI'));
        where.append(copy);
      }
    } else where.append(el('span', 'muted', '—'));
    tr.append(statusCell, media, storageCell, where);
    rows.append(tr);
  });
  table.append(headerRow(['Status', 'Media', 'Storage', 'Location']), rows);
  body.append(table);
}

export function fillReferences(body: HTMLElement, input: OverviewInput): void {
  const references = input.story?.references;
  body.append(...missingNotes(input.missing.get('references')));
  if (pending(input, references, 'references')) {
    body.append(loadingLine());
    return;
  }
  if (!references || references.length === 0) {
    if (!(input.missing.get('references') ?? []).length) body.append(emptyLine('No references.'));
    return;
  }
  const list = el('ul', 'references-list');
  references.forEach((ref, i) => list.append(referenceItem(ref, i, input)));
  body.append(list);
}

function referenceItem(ref: ContactReferenceItem, i: number, input: OverviewInput): HTMLElement {
  const li = el('li', `reference type-${ref.type.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`);
  const type = rawText('span', 'reference-type', ref.type);
  if (ref.type === 'URL' && ref.url && isWebUrl(ref.url)) {
    li.append(icon('link-external'), externalLink(ref.name || ref.url, ref.url, `ref:${i}`, input.actions));
  } else if (ref.type === 'ATTACHMENT') {
    li.append(icon('file'), rawText('span', 'reference-name', ref.name));
  } else {
    li.append(icon(ref.type === 'URL' ? 'link' : 'symbol-string'), rawText('span', 'reference-name', ref.name));
    const value = ref.value ?? ref.url;
    if (value !== undefined) li.append(el('span', 'reference-sep', ': '), rawText('span', 'reference-value', value));
  }
  if (ref.status) li.append(rawText('span', 'reference-status', ref.status));
  li.append(type);
  return li;
}
