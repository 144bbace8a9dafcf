// CloudWatch Logs filter patterns for one contact's lines. A contact ID goes into a pattern only
// after it passed `isFilterSafeId`: letters, digits, '-' and '_' (what Connect's IDs are made
// of), so no quote, brace or operator can change what the pattern means.

/** FilterLogEvents' limit on a filter pattern (the FilterPattern shape: at most 1024 characters). */
export const maxFilterPatternLength = 1024;

/** The longest ID the extension accepts anywhere (src/aws/ids.ts: contactIdMaxLength). */
const maxIdLength = 256;
const safeId = /^[A-Za-z0-9_-]+$/;

/** Whether an ID may be placed inside a filter pattern or a Logs Insights query. */
export function isFilterSafeId(id: string): boolean {
  return id.length > 0 && id.length <= maxIdLength && safeId.test(id);
}

function checked(id: string): string {
  if (!isFilterSafeId(id)) throw new RangeError(`"${id.slice(0, 80)}" is not a contact ID: only letters, digits, - and _ may go into a filter pattern.`);
  return id;
}

/** `{ $.ContactId = "<id>" }`: the lines Connect wrote for one contact. */
export function contactFilterPattern(contactId: string): string {
  return `{ $.ContactId = "${checked(contactId)}" }`;
}

/**
 * The patterns for several contacts, as few as fit the length limit: `{ $.ContactId = "a" ||
 * $.ContactId = "b" }`, each at most 1024 characters. Repeated IDs are asked for once.
 */
export function contactFilterPatterns(contactIds: readonly string[]): string[] {
  const ids = [...new Set(contactIds.map(checked))];
  const patterns: string[] = [];
  let clauses: string[] = [];
  const close = (list: string[]): string => `{ ${list.join(' || ')} }`;
  for (const id of ids) {
    const clause = `$.ContactId = "${id}"`;
    if (clauses.length > 0 && close([...clauses, clause]).length > maxFilterPatternLength) {
      patterns.push(close(clauses));
      clauses = [];
    }
    clauses.push(clause);
  }
  if (clauses.length > 0) patterns.push(close(clauses));
  return patterns;
}

/** `"<id>"`: any line that mentions the ID (a Lambda function's own log lines). */
export function termFilterPattern(id: string): string {
  return `"${checked(id)}"`;
}
