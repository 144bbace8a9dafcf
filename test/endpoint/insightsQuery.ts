// The subset of the CloudWatch Logs Insights query language the endpoint runs: what the extension's "Find
// Contacts in Flow Logs" templates send. Commands separated by `|`:
//   fields f1, f2, …
//   filter <cond> ((and|or) <cond>)*     (and binds tighter than or; parentheses group)
//     <cond>: field = "text" | field != "text" | field like /regex/ | field like "substring" | ispresent(field)
//   sort field [asc|desc]
//   limit N
//   stats count(*) [as name] by field[, field…]
// Fields are an event's JSON keys, nested with dots (`Parameters.FunctionArn`), plus @timestamp, @message,
// @logStream and @ptr. Anything else is a MalformedQueryError naming what is not supported.
import { isObject } from './operationSupport';

export class MalformedQueryError extends Error {}

/** One event as the query sees it: its fields, flattened, values as Insights shows them (strings). */
export type Record_ = Map<string, string>;

type Cond =
  | { kind: 'eq' | 'ne'; field: string; value: string }
  | { kind: 'like'; field: string; re: RegExp }
  | { kind: 'present'; field: string }
  | { kind: 'and' | 'or'; left: Cond; right: Cond };

export type Command =
  | { kind: 'fields'; fields: string[] }
  | { kind: 'filter'; cond: Cond }
  | { kind: 'sort'; field: string; desc: boolean }
  | { kind: 'limit'; n: number }
  | { kind: 'stats'; as: string; by: string[] };

export interface InsightsQuery {
  commands: Command[];
}

const fieldName = /^@?[A-Za-z_][\w.@-]*$/;

/** Split on `|` outside quotes and regex literals. */
function splitCommands(query: string): string[] {
  const parts: string[] = [];
  let cur = '';
  let quote: string | undefined;
  for (let i = 0; i < query.length; i++) {
    const ch = query[i];
    if (quote) {
      cur += ch;
      if (ch === '\\' && i + 1 < query.length) cur += query[++i];
      else if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'" || ch === '/' || ch === '`') {
      quote = ch;
      cur += ch;
    } else if (ch === '|') {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (quote) throw new MalformedQueryError(`Unterminated ${quote === '/' ? 'regular expression' : 'string'} in the query.`);
  parts.push(cur);
  return parts.map((p) => p.trim());
}

function field(text: string, where: string): string {
  const t = text.trim().replace(/^`(.*)`$/, '$1');
  if (!fieldName.test(t)) throw new MalformedQueryError(`Expected a field name in ${where}, got "${text.trim()}".`);
  return t;
}

type Token = { t: 'word' | 'str' | 'regex' | 'op' | 'lp' | 'rp'; v: string; flags?: string };

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '"' || ch === "'") {
      let v = '';
      i++;
      while (i < text.length && text[i] !== ch) {
        if (text[i] === '\\' && i + 1 < text.length) i++;
        v += text[i++];
      }
      if (i >= text.length) throw new MalformedQueryError('Unterminated string in filter.');
      i++;
      out.push({ t: 'str', v });
    } else if (ch === '/') {
      let v = '';
      i++;
      while (i < text.length && text[i] !== '/') {
        if (text[i] === '\\' && i + 1 < text.length) v += text[i++];
        v += text[i++];
      }
      if (i >= text.length) throw new MalformedQueryError('Unterminated regular expression in filter.');
      i++;
      out.push({ t: 'regex', v });
    } else if (text.startsWith('!=', i)) {
      out.push({ t: 'op', v: '!=' });
      i += 2;
    } else if (ch === '=') {
      out.push({ t: 'op', v: '=' });
      i++;
    } else if (ch === '(') {
      out.push({ t: 'lp', v: '(' });
      i++;
    } else if (ch === ')') {
      out.push({ t: 'rp', v: ')' });
      i++;
    } else {
      const m = /^[@\w.`*-]+/.exec(text.slice(i));
      if (!m) throw new MalformedQueryError(`Unexpected "${ch}" in filter: only =, !=, like, ispresent(), and, or and parentheses are supported.`);
      out.push({ t: 'word', v: m[0] });
      i += m[0].length;
    }
  }
  return out;
}

function regex(source: string): RegExp {
  // Insights takes (?i) at the start for case-insensitive; JavaScript takes the flag.
  const insensitive = source.startsWith('(?i)');
  try {
    return new RegExp(insensitive ? source.slice(4) : source, insensitive ? 'i' : '');
  } catch {
    throw new MalformedQueryError(`Invalid regular expression /${source}/.`);
  }
}

function parseFilter(text: string): Cond {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = () => tokens[pos];
  const word = (w: string) => peek()?.t === 'word' && peek().v.toLowerCase() === w;
  const primary = (): Cond => {
    const tok = tokens[pos++];
    if (!tok) throw new MalformedQueryError('Expected a condition in filter.');
    if (tok.t === 'lp') {
      const c = or();
      if (tokens[pos++]?.t !== 'rp') throw new MalformedQueryError('Expected ")" in filter.');
      return c;
    }
    if (tok.t !== 'word') throw new MalformedQueryError(`Expected a field in filter, got "${tok.v}".`);
    if (tok.v.toLowerCase() === 'ispresent' && peek()?.t === 'lp') {
      pos++;
      const f = tokens[pos++];
      if (f?.t !== 'word' || tokens[pos++]?.t !== 'rp') throw new MalformedQueryError('Expected ispresent(field) in filter.');
      return { kind: 'present', field: field(f.v, 'ispresent()') };
    }
    if (peek()?.t === 'lp') throw new MalformedQueryError(`The function ${tok.v}() is not supported by this endpoint: only ispresent().`);
    const name = field(tok.v, 'filter');
    const op = tokens[pos++];
    const value = tokens[pos++];
    if (op?.t === 'op') {
      if (value?.t !== 'str') throw new MalformedQueryError(`Expected a quoted string after ${name} ${op.v}: comparisons with numbers or fields are not supported by this endpoint.`);
      return { kind: op.v === '=' ? 'eq' : 'ne', field: name, value: value.v };
    }
    if (op?.t === 'word' && op.v.toLowerCase() === 'like') {
      if (value?.t === 'regex') return { kind: 'like', field: name, re: regex(value.v) };
      if (value?.t === 'str') return { kind: 'like', field: name, re: new RegExp(value.v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) };
      throw new MalformedQueryError(`Expected /regex/ or "text" after ${name} like.`);
    }
    throw new MalformedQueryError(`Unsupported condition after ${name}${op ? ` ("${op.v}")` : ''}: supported are =, !=, like and ispresent().`);
  };
  const and = (): Cond => {
    let left = primary();
    while (word('and')) {
      pos++;
      left = { kind: 'and', left, right: primary() };
    }
    return left;
  };
  const or = (): Cond => {
    let left = and();
    while (word('or')) {
      pos++;
      left = { kind: 'or', left, right: and() };
    }
    return left;
  };
  const cond = or();
  if (pos < tokens.length) throw new MalformedQueryError(`Unexpected "${tokens[pos].v}" in filter: conditions join with and/or.`);
  return cond;
}

const supported = 'fields, filter, sort, limit and stats count(*) … by …';

function parseCommand(text: string): Command {
  const m = /^(\w+)\s*([\s\S]*)$/.exec(text);
  if (!m) throw new MalformedQueryError(text === '' ? 'Empty command in the query.' : `Unexpected "${text}": supported commands are ${supported}.`);
  const [, name, rest] = m;
  switch (name.toLowerCase()) {
    case 'fields': {
      if (rest.trim() === '') throw new MalformedQueryError('fields needs at least one field.');
      return { kind: 'fields', fields: rest.split(',').map((f) => field(f, 'fields')) };
    }
    case 'filter':
      return { kind: 'filter', cond: parseFilter(rest) };
    case 'sort': {
      const s = /^(\S+)(?:\s+(asc|desc))?$/i.exec(rest.trim());
      if (!s) throw new MalformedQueryError(`Expected "sort field [asc|desc]", got "sort ${rest}". Sorting by several fields is not supported by this endpoint.`);
      return { kind: 'sort', field: field(s[1], 'sort'), desc: (s[2] ?? 'desc').toLowerCase() === 'desc' };
    }
    case 'limit': {
      const n = Number(rest.trim());
      if (!Number.isInteger(n) || n < 1 || n > 10000) throw new MalformedQueryError(`Expected "limit N" with N from 1 to 10000, got "limit ${rest}".`);
      return { kind: 'limit', n };
    }
    case 'stats': {
      const s = /^count\(\s*\*?\s*\)(?:\s+as\s+(\w+))?\s+by\s+(.+)$/i.exec(rest.trim());
      if (!s) throw new MalformedQueryError(`Only "stats count(*) [as name] by field" is supported by this endpoint, got "stats ${rest}".`);
      return { kind: 'stats', as: s[1] ?? 'count(*)', by: s[2].split(',').map((f) => field(f, 'stats … by')) };
    }
    default:
      throw new MalformedQueryError(`The command "${name}" is not supported by this endpoint: supported commands are ${supported}.`);
  }
}

export function parseInsightsQuery(query: string): InsightsQuery {
  if (query.trim() === '') throw new MalformedQueryError('The query is empty.');
  const commands = splitCommands(query).map(parseCommand);
  const stats = commands.findIndex((c) => c.kind === 'stats');
  if (stats >= 0 && commands.slice(stats + 1).some((c) => c.kind === 'fields' || c.kind === 'filter')) {
    throw new MalformedQueryError('fields and filter after stats are not supported by this endpoint.');
  }
  return { commands };
}

/** An event's fields: its JSON keys flattened with dots (objects only; arrays and scalars as JSON text). */
export function flattenJson(json: unknown, into: Record_, prefix = ''): void {
  if (!isObject(json)) return;
  for (const [k, v] of Object.entries(json)) {
    const key = prefix + k;
    if (isObject(v)) flattenJson(v, into, `${key}.`);
    else if (v !== null && v !== undefined) into.set(key, typeof v === 'string' ? v : JSON.stringify(v));
  }
}

/** Insights shows @timestamp as `YYYY-MM-DD HH:MM:SS.mmm` (UTC). */
export function insightsTime(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
}

function test(cond: Cond, r: Record_): boolean {
  switch (cond.kind) {
    case 'and':
      return test(cond.left, r) && test(cond.right, r);
    case 'or':
      return test(cond.left, r) || test(cond.right, r);
    case 'present':
      return r.has(cond.field);
    case 'eq':
      return r.get(cond.field) === cond.value;
    case 'ne': {
      const v = r.get(cond.field);
      return v !== undefined && v !== cond.value;
    }
    case 'like': {
      const v = r.get(cond.field);
      return v !== undefined && cond.re.test(v);
    }
  }
}

export interface QueryOutcome {
  /** GetQueryResults' rows: lists of {field, value}. */
  rows: { field: string; value: string }[][];
  recordsMatched: number;
}

function compareValues(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  const na = Number(a);
  const nb = Number(b);
  if (a !== '' && b !== '' && !Number.isNaN(na) && !Number.isNaN(nb)) return na - nb;
  return a < b ? -1 : 1;
}

/**
 * Run a parsed query over records (already inside the time range), at most `limit` rows. Without a sort,
 * like Insights, the newest events come first; without fields, @timestamp and @message.
 */
export function runInsightsQuery(query: InsightsQuery, records: Iterable<Record_>, limit: number): QueryOutcome {
  let fields: string[] | undefined;
  let rows: Record_[] = [];
  const filters = query.commands.filter((c): c is Extract<Command, { kind: 'filter' }> => c.kind === 'filter');
  // Filters before stats apply to every record; they are pure, so their order does not matter.
  for (const r of records) if (filters.every((f) => test(f.cond, r))) rows.push(r);
  const recordsMatched = rows.length;
  let sorted = false;
  let cap = limit;
  let statsAs: string | undefined;
  let statsBy: string[] | undefined;
  for (const c of query.commands) {
    if (c.kind === 'fields') fields = [...(fields ?? []), ...c.fields];
    else if (c.kind === 'sort') {
      const sign = c.desc ? -1 : 1;
      const key = c.field === '@timestamp' ? '@timestampMs' : c.field;
      rows = [...rows].sort((a, b) => sign * compareValues(a.get(key), b.get(key)));
      sorted = true;
    } else if (c.kind === 'limit') cap = Math.min(cap, c.n);
    else if (c.kind === 'stats') {
      const groups = new Map<string, { key: Record_; n: number }>();
      for (const r of rows) {
        const values = c.by.map((f) => r.get(f) ?? '');
        const k = JSON.stringify(values);
        const g = groups.get(k) ?? { key: new Map(c.by.map((f, i) => [f, values[i]])), n: 0 };
        g.n++;
        groups.set(k, g);
      }
      rows = [...groups.values()].map((g) => new Map([...g.key, [c.as, String(g.n)]]));
      statsAs = c.as;
      statsBy = c.by;
      sorted = true;
    }
  }
  if (!sorted) rows.sort((a, b) => -compareValues(a.get('@timestampMs'), b.get('@timestampMs')));
  const shown = statsBy ? [...statsBy, statsAs!] : [...(fields ?? ['@timestamp', '@message']), '@ptr'];
  const out = rows.slice(0, cap).map((r) => shown.filter((f) => r.has(f)).map((f) => ({ field: f, value: r.get(f)! })));
  return { rows: out, recordsMatched };
}
