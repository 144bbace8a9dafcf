// CloudWatch Logs Insights queries that find contacts by what their flows did, and the reading of
// GetQueryResults' rows. Pure. Every value a person types goes into a query only through
// `quoted` or `regexLiteral`, so no quote, pipe, slash or newline can change what the query does.
import { blockLabel, knownModuleTypes } from './blockTypes';

export type InsightsTemplateId = 'errors' | 'lambdaFailing' | 'blockInFlow' | 'attributeSet';

export const insightsTemplateIds: readonly InsightsTemplateId[] = ['errors', 'lambdaFailing', 'blockInFlow', 'attributeSet'];

/** The inputs each template asks for (absent ones are empty). */
export interface InsightsTemplateInputs {
  /** lambdaFailing: the function's name or ARN. */
  functionName?: string;
  /** blockInFlow: the flow's name as the flow log writes it (ContactFlowName). */
  flowName?: string;
  /** blockInFlow: the module type (ContactFlowModuleType), e.g. InvokeExternalResource. */
  moduleType?: string;
  /** attributeSet: the attribute's key and value. */
  key?: string;
  value?: string;
}

export type InsightsInputName = keyof InsightsTemplateInputs;

/** Every query lists these fields, newest first, at most 1000 rows (the console's default). */
export const insightsFields = '@timestamp, ContactId, ContactFlowName, ContactFlowModuleType, Identifier, Results';
export const insightsRowLimit = 1000;

/** Results that read as a failure: "The Lambda Function Returned An Error.", "Timeout", "Failed"… */
const failingResult = 'Results like /(?i)error|timeout|fail/';

/** The longest value taken into a query (names, keys and values in Connect are far shorter). */
export const maxInputLength = 256;

/** Which inputs each template needs, in the order they are asked for. */
export const templateInputs: Readonly<Record<InsightsTemplateId, readonly InsightsInputName[]>> = {
  errors: [],
  lambdaFailing: ['functionName'],
  blockInFlow: ['flowName', 'moduleType'],
  attributeSet: ['key', 'value'],
};

/** A string literal of the query language: in double quotes, with `\`, `"` and control characters escaped. */
export function quoted(value: string): string {
  return `"${escapeText(value, /["\\]/g)}"`;
}

/**
 * A regular expression literal matching `text` as plain text: every regex metacharacter and `/`
 * escaped, control characters written as escapes.
 */
export function regexLiteral(text: string): string {
  return `/${escapeText(text, /[\\^$.*+?()[\]{}|/]/g)}/`;
}

// eslint-disable-next-line no-control-regex -- the control characters are what is matched
const controlCharacters = /[\u0000-\u001f\u007f\u2028\u2029]/g;

function escapeText(value: string, special: RegExp): string {
  // Control characters and line separators (U+0000–U+001F, U+007F, U+2028, U+2029) become escapes.
  return value.replace(special, (c) => `\\${c}`).replace(controlCharacters, (c) => {
    switch (c) {
      case '\n':
        return '\\n';
      case '\r':
        return '\\r';
      case '\t':
        return '\\t';
      default:
        return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
    }
  });
}

/** `arn:aws:lambda:us-east-1:111122223333:function:acme-customer-lookup:live` → `acme-customer-lookup`; a name as it is. */
export function lambdaNameForQuery(text: string): string {
  const trimmed = text.trim();
  const m = /^arn:[^:]+:lambda:[^:]*:[^:]*:function:([^:]+)(?::[^:]+)?$/.exec(trimmed);
  return m ? m[1] : trimmed;
}

/** Why an input cannot be used, or undefined when it can (for the input box's validation). */
export function inputProblem(name: InsightsInputName, value: string): string | undefined {
  if (value.trim() === '') return 'Enter a value.';
  if (value.length > maxInputLength) return `At most ${maxInputLength} characters.`;
  if (name === 'functionName' && !/^[A-Za-z0-9_-]{1,64}$/.test(lambdaNameForQuery(value))) {
    return 'A Lambda function name (letters, digits, - and _) or its ARN.';
  }
  if (name === 'moduleType' && !/^[A-Za-z0-9_]{1,100}$/.test(value.trim())) return 'A block type such as InvokeExternalResource.';
  return undefined;
}

function query(filter: string): string {
  return `fields ${insightsFields} | filter ${filter} | sort @timestamp desc | limit ${insightsRowLimit}`;
}

/** The template's query for these inputs. Throws RangeError when an input it needs is missing or unusable. */
export function insightsTemplateQuery(template: InsightsTemplateId, inputs: InsightsTemplateInputs = {}): string {
  const value = (name: InsightsInputName): string => {
    const text = inputs[name] ?? '';
    const problem = inputProblem(name, text);
    if (problem !== undefined) throw new RangeError(`${name}: ${problem}`);
    // Names, types and keys are trimmed; an attribute's value is matched exactly as typed.
    return name === 'value' ? text : text.trim();
  };
  switch (template) {
    case 'errors':
      return query(failingResult);
    case 'lambdaFailing':
      return query(`ContactFlowModuleType = "InvokeExternalResource" and Parameters.FunctionArn like ${regexLiteral(lambdaNameForQuery(value('functionName')))} and ${failingResult}`);
    case 'blockInFlow':
      return query(`ContactFlowName = ${quoted(value('flowName'))} and ContactFlowModuleType = ${quoted(value('moduleType'))}`);
    case 'attributeSet':
      return query(`ContactFlowModuleType = "SetAttributes" and Parameters.Key = ${quoted(value('key'))} and Parameters.Value = ${quoted(value('value'))}`);
  }
}

export function isInsightsTemplateId(value: unknown): value is InsightsTemplateId {
  return typeof value === 'string' && (insightsTemplateIds as readonly string[]).includes(value);
}

/** Block types to choose from: the flow designer's name first, the module type the log writes after. */
export function blockTypeChoices(): { moduleType: string; label: string }[] {
  return knownModuleTypes().map((moduleType) => ({ moduleType, label: blockLabel(moduleType) }))
    .sort((a, b) => a.label.localeCompare(b.label) || a.moduleType.localeCompare(b.moduleType));
}

/** One GetQueryResults row, read. */
export interface InsightsRow {
  contactId: string;
  /** ISO 8601 (UTC), from @timestamp. */
  timestamp: string;
  /** ContactFlowName. */
  flow?: string;
  /** ContactFlowModuleType. */
  block?: string;
  /** Identifier: the block. */
  identifier?: string;
  /** Results. */
  result?: string;
}

/** Insights writes @timestamp as `2024-05-15 11:40:34.056` in UTC. */
export function insightsTimestamp(text: string): string | undefined {
  const t = text.trim();
  const iso = /^\d{4}-\d{2}-\d{2} \d/.test(t) ? `${t.replace(' ', 'T')}${/[zZ]|[+-]\d{2}:?\d{2}$/.test(t) ? '' : 'Z'}` : t;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

const maxFieldLength = 2000;

/**
 * GetQueryResults' `results` (rows of `{ field, value }`) as rows: those without a contact ID
 * or a readable @timestamp are left out; long values are cut.
 */
export function parseInsightsResults(results: unknown): InsightsRow[] {
  if (!Array.isArray(results)) return [];
  const rows: InsightsRow[] = [];
  for (const raw of results) {
    if (!Array.isArray(raw)) continue;
    const fields = new Map<string, string>();
    for (const cell of raw as unknown[]) {
      if (cell === null || typeof cell !== 'object') continue;
      const { field, value } = cell as { field?: unknown; value?: unknown };
      if (typeof field === 'string' && typeof value === 'string' && !fields.has(field)) fields.set(field, value.slice(0, maxFieldLength));
    }
    const contactId = fields.get('ContactId')?.trim();
    const timestamp = insightsTimestamp(fields.get('@timestamp') ?? '');
    if (!contactId || timestamp === undefined) continue;
    const row: InsightsRow = { contactId, timestamp };
    const put = (key: 'flow' | 'block' | 'identifier' | 'result', field: string) => {
      const v = fields.get(field);
      if (v !== undefined && v !== '') row[key] = v;
    };
    put('flow', 'ContactFlowName');
    put('block', 'ContactFlowModuleType');
    put('identifier', 'Identifier');
    put('result', 'Results');
    rows.push(row);
  }
  return rows;
}

/** One contact among the matches: its newest matching row, and how many rows matched. */
export interface InsightsContact {
  row: InsightsRow;
  matches: number;
}

/** One entry per contact, newest match first, in the order of each contact's newest match. */
export function contactsOfRows(rows: readonly InsightsRow[]): InsightsContact[] {
  const byId = new Map<string, InsightsContact>();
  for (const row of rows) {
    const seen = byId.get(row.contactId);
    if (!seen) byId.set(row.contactId, { row, matches: 1 });
    else {
      seen.matches += 1;
      if (row.timestamp > seen.row.timestamp) seen.row = row;
    }
  }
  return [...byId.values()].sort((a, b) => (a.row.timestamp < b.row.timestamp ? 1 : a.row.timestamp > b.row.timestamp ? -1 : 0));
}

/** "Invoke AWS Lambda function" for a module type; the type itself when unknown. */
export function blockName(moduleType: string | undefined): string {
  return blockLabel(moduleType);
}
