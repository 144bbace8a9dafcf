// Contact IDs and ARNs in free text (Lambda test events, logs, exported records, notes), for the
// editor's hover cards and links. A contact ARN is always a contact; a bare UUID is one only where
// the text labels it so (`ContactId`, `InitialContactId`, `contact_id`, …): an editor full of
// other UUIDs stays quiet. Pure and bounded: callers pass a capped text or a window of one line.
import { parseContactInput } from '../aws/ids';

export interface ContactMention {
  /** Offsets of the ID (keyed) or the whole ARN in the scanned text. */
  start: number;
  end: number;
  contactId: string;
  /** Set for an ARN, which names its instance and region. */
  instanceId?: string;
  region?: string;
  kind: 'arn' | 'keyed';
}

/** An instance the text names: an ARN of any Connect resource in it, or a keyed instance ID. */
export interface InstanceHint {
  offset: number;
  instanceId: string;
  /** Set when it came from an ARN. */
  region?: string;
}

/** The connectContacts.contactLinks settings, as the editor reads them. */
export interface MentionSettings {
  enabled: boolean;
  /** Language IDs; empty: every language. */
  languages: readonly string[];
}

/** Files and untitled documents only (not output channels or other extensions' virtual documents), in the chosen languages. */
export function mentionsWanted(settings: MentionSettings, document: { scheme: string; languageId: string }): boolean {
  if (!settings.enabled || (document.scheme !== 'file' && document.scheme !== 'untitled')) return false;
  return settings.languages.length === 0 || settings.languages.includes(document.languageId);
}

/** Links are found in this much of a document, at most; past it a huge file stays quiet. */
export const maxScannedChars = 1_000_000;
/** At most this many mentions (and instance hints) per scan. */
export const maxMentions = 1_000;
/** A hover looks this far either side of the position, in its line, for the mention under it. */
const hoverWindow = 600;

const uuid = '[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}';
const idChars = '[A-Za-z0-9_-]';
const notIdBefore = '(?<![A-Za-z0-9_-])';
const notIdAfter = '(?![A-Za-z0-9_-])';
const region = '[a-z]{2}(?:-gov|-iso[a-z]*)?-[a-z]+-\\d+';
// Any Connect ARN names its instance: arn:PARTITION:connect:REGION:ACCOUNT:instance/ID[/…].
const connectArn = `${notIdBefore}arn:aws(?:-[a-z]+)*:connect:(${region}):\\d{12}:instance/(${idChars}{1,100})`;
const contactArnPattern = new RegExp(`${connectArn}/contact/(${idChars}{1,256})${notIdAfter}`, 'g');
const instanceArnPattern = new RegExp(connectArn, 'g');
/**
 * A key or label, then its value: `"ContactId": "…"`, `ContactId: …`, `contact_id=…`,
 * `InitialContactId => …`, `| ContactId | … |`, `**ContactId**: …`, `["ContactId"] = '…'`, `<ContactId>…`, `Contact ID …`, and the same escaped inside
 * a JSON string (`\"ContactId\":\"…\"`). Key and value share a line (a hover reads one line).
 * The label may carry a prefix (Initial, Previous, Related, customer_…) but must end in contact ID.
 */
const separator = `(?:\\\\?["'\\]*_\`]){0,3}(?:[ \\t]*(?::|=>|->|=|>|\\|)[ \\t]*|[ \\t]+)(?:\\\\?["'\`*_(\\[]){0,3}`;
const keyedPattern = (label: string) => new RegExp(`(?<![A-Za-z0-9])[A-Za-z_]{0,40}?${label}${separator}(${uuid})${notIdAfter}`, 'gi');
const keyedContactPattern = keyedPattern('contact[ _-]?id');
const keyedInstancePattern = keyedPattern('instance[ _-]?id');

/** Every contact mention in `text` (a capped prefix of a document, or a window), in order. */
export function findContactMentions(text: string): ContactMention[] {
  const scanned = text.length > maxScannedChars ? text.slice(0, maxScannedChars) : text;
  const found: ContactMention[] = [];
  for (const m of scanned.matchAll(contactArnPattern)) {
    if (found.length >= maxMentions) break;
    const parsed = parseContactInput(m[0]);
    if (!parsed.ok || !parsed.instanceId) continue;
    found.push({ start: m.index, end: m.index + m[0].length, contactId: parsed.contactId, instanceId: parsed.instanceId, region: m[1], kind: 'arn' });
  }
  const arns = found.length;
  for (const m of scanned.matchAll(keyedContactPattern)) {
    if (found.length >= maxMentions) break;
    const end = m.index + m[0].length;
    const start = end - m[1].length;
    // An ID inside an ARN already found is that ARN's.
    if (found.slice(0, arns).some((a) => start < a.end && end > a.start)) continue;
    found.push({ start, end, contactId: m[1], kind: 'keyed' });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The mention under the character at `offset` in one line (or any text): only a window around it is scanned. */
export function mentionAt(line: string, offset: number): ContactMention | undefined {
  const from = Math.max(0, offset - hoverWindow);
  const window = line.slice(from, offset + hoverWindow);
  const local = offset - from;
  const hit = findContactMentions(window).find((m) => m.start <= local && local < m.end);
  return hit && { ...hit, start: hit.start + from, end: hit.end + from };
}

/** The mentions a selection covers or touches (a cursor just after an ID is on it); several when it spans several. */
export function mentionsIn(text: string, start: number, end: number): ContactMention[] {
  const from = Math.max(0, start - hoverWindow);
  const window = text.slice(from, Math.min(text.length, end + hoverWindow, from + maxScannedChars));
  return findContactMentions(window)
    .map((m) => ({ ...m, start: m.start + from, end: m.end + from }))
    .filter((m) => m.start <= end && start <= m.end);
}

/**
 * Instances the text names: every Connect ARN (a Lambda event's `InstanceARN`, a flow log's
 * `ContactFlowId`, a queue ARN) and every keyed instance ID (`"InstanceId": "…"`).
 */
export function instanceHints(text: string): InstanceHint[] {
  const scanned = text.length > maxScannedChars ? text.slice(0, maxScannedChars) : text;
  const hints: InstanceHint[] = [];
  for (const m of scanned.matchAll(instanceArnPattern)) {
    if (hints.length >= maxMentions) break;
    hints.push({ offset: m.index, instanceId: m[2], region: m[1] });
  }
  for (const m of scanned.matchAll(keyedInstancePattern)) {
    if (hints.length >= 2 * maxMentions) break;
    hints.push({ offset: m.index + m[0].length - m[1].length, instanceId: m[1] });
  }
  return hints.sort((a, b) => a.offset - b.offset);
}

/**
 * The instance for a bare contact ID at `offset`: the nearest one the text names (in an export of
 * several records, each record's own), with the region of an ARN naming the same instance.
 */
export function nearestInstance(hints: readonly InstanceHint[], offset: number): InstanceHint | undefined {
  let best: InstanceHint | undefined;
  for (const h of hints) {
    if (!best) {
      best = h;
      continue;
    }
    const d = Math.abs(h.offset - offset);
    const bestD = Math.abs(best.offset - offset);
    if (d < bestD) best = h;
  }
  // The region of an ID-only hint comes from an ARN of the same instance, when there is one.
  if (best && !best.region) {
    const withRegion = hints.find((h) => h.instanceId === best.instanceId && h.region);
    if (withRegion) return { ...best, region: withRegion.region };
  }
  return best;
}

/** Which contact a mention is, as far as the text tells: the instance and region may still be unknown. */
export interface MentionTarget {
  contactId: string;
  instanceId?: string;
  region?: string;
}

/** The contact's own ARN first, else the nearest instance the text names (`offset`: the mention's, in the same text as the hints). */
export function mentionTarget(mention: ContactMention, hints: readonly InstanceHint[], offset: number): MentionTarget {
  if (mention.instanceId) return { contactId: mention.contactId, instanceId: mention.instanceId, ...(mention.region ? { region: mention.region } : {}) };
  const hint = nearestInstance(hints, offset);
  return { contactId: mention.contactId, ...(hint ? { instanceId: hint.instanceId } : {}), ...(hint?.region ? { region: hint.region } : {}) };
}
