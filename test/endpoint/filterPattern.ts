// CloudWatch Logs filter patterns, the subset the endpoint understands:
//  - empty: every event;
//  - terms: `ERROR`, `"some text"` (all must appear, case-sensitive), `-term` (must not appear), `?term`
//    (alternatives: at least one must appear);
//  - JSON: `{ $.ContactId = "id" }`, `!=`, numeric `< <= > >= = !=`, `*` wildcards in strings, `IS NULL`,
//    `IS TRUE|FALSE`, `NOT EXISTS`, `&&`, `||`, parentheses; selectors `$.a.b`, `$.a[0]`, `$.a[*]`.
// Space-delimited (`[ip, user, ...]`) and regular-expression (`%...%`) patterns are not supported: like an
// unparseable pattern, they are refused with the service's InvalidParameterException.

export class FilterPatternError extends Error {
  constructor() {
    super('Invalid filter pattern');
  }
}

/** An event as a pattern sees it: its text, and its JSON (undefined when the message is not a JSON object). */
export interface PatternSubject {
  message: string;
  json(): unknown;
}

export type EventMatcher = (subject: PatternSubject) => boolean;

export function compileFilterPattern(pattern: string | undefined): EventMatcher {
  const text = (pattern ?? '').trim();
  if (text === '') return () => true;
  if (text.startsWith('{')) return compileJsonPattern(text);
  if (text.startsWith('[') || text.startsWith('%')) throw new FilterPatternError();
  return compileTerms(text);
}

// --- Terms.

const bareTerm = /^[\w.:@/+=,#*'-]+$/;

function readQuoted(text: string, start: number): { value: string; end: number } {
  let value = '';
  for (let i = start + 1; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\' && i + 1 < text.length) value += text[++i];
    else if (ch === '"') return { value, end: i + 1 };
    else value += ch;
  }
  throw new FilterPatternError();
}

function compileTerms(text: string): EventMatcher {
  const required: string[] = [];
  const excluded: string[] = [];
  const optional: string[] = [];
  let i = 0;
  while (i < text.length) {
    if (/\s/.test(text[i])) {
      i++;
      continue;
    }
    const prefix = text[i] === '?' || text[i] === '-' ? text[i++] : '';
    let term: string;
    if (text[i] === '"') {
      const q = readQuoted(text, i);
      term = q.value;
      i = q.end;
      if (i < text.length && !/\s/.test(text[i])) throw new FilterPatternError();
    } else {
      let end = i;
      while (end < text.length && !/\s/.test(text[end])) end++;
      term = text.slice(i, end);
      if (!bareTerm.test(term)) throw new FilterPatternError();
      i = end;
    }
    if (term === '') throw new FilterPatternError();
    (prefix === '?' ? optional : prefix === '-' ? excluded : required).push(term);
  }
  return ({ message }) =>
    required.every((t) => message.includes(t)) && !excluded.some((t) => message.includes(t)) && (optional.length === 0 || optional.some((t) => message.includes(t)));
}

// --- JSON patterns.

/** `[*]` or `.*` in a selector: any list item or member. */
const anyMember = Symbol('any member');
type Step = string | number | typeof anyMember;

type Token =
  | { kind: 'punct'; value: '{' | '}' | '(' | ')' | '&&' | '||' }
  | { kind: 'op'; value: '=' | '!=' | '<' | '<=' | '>' | '>=' }
  | { kind: 'selector'; path: Step[] }
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'word'; value: string };

const selectorPart = /^(?:\.([A-Za-z_@][\w@-]*)|\.(\*)|\[(\d+)\]|\[(\*)\])/;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const ch = text[i];
    if (/\s/.test(ch)) {
      i++;
    } else if (rest.startsWith('&&') || rest.startsWith('||')) {
      tokens.push({ kind: 'punct', value: rest.slice(0, 2) as '&&' | '||' });
      i += 2;
    } else if ('{}()'.includes(ch)) {
      tokens.push({ kind: 'punct', value: ch as '{' | '}' | '(' | ')' });
      i++;
    } else if (/^(!=|<=|>=|=|<|>)/.test(rest)) {
      const op = /^(!=|<=|>=|=|<|>)/.exec(rest)![1] as '=' | '!=' | '<' | '<=' | '>' | '>=';
      tokens.push({ kind: 'op', value: op });
      i += op.length;
    } else if (ch === '$') {
      const path: Step[] = [];
      let j = i + 1;
      for (let m = selectorPart.exec(text.slice(j)); m; m = selectorPart.exec(text.slice(j))) {
        path.push(m[1] ?? (m[3] !== undefined ? Number(m[3]) : anyMember));
        j += m[0].length;
      }
      if (path.length === 0) throw new FilterPatternError();
      tokens.push({ kind: 'selector', path });
      i = j;
    } else if (ch === '"') {
      const q = readQuoted(text, i);
      tokens.push({ kind: 'string', value: q.value });
      i = q.end;
    } else if (/^-?\d/.test(rest)) {
      const m = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(rest)!;
      tokens.push({ kind: 'number', value: Number(m[0]) });
      i += m[0].length;
    } else if (/^[\w.:@/+,#*-]/.test(rest)) {
      const m = /^[\w.:@/+,#*-]+/.exec(rest)!;
      tokens.push({ kind: 'word', value: m[0] });
      i += m[0].length;
    } else {
      throw new FilterPatternError();
    }
  }
  return tokens;
}

type Condition = (json: unknown) => boolean;

function resolve(value: unknown, path: Step[]): unknown[] {
  let current: unknown[] = [value];
  for (const part of path) {
    const next: unknown[] = [];
    for (const v of current) {
      if (part === anyMember) {
        if (typeof v === 'object' && v !== null) next.push(...Object.values(v as Record<string, unknown>));
      } else if (typeof part === 'number') {
        if (Array.isArray(v) && part < v.length) next.push((v as unknown[])[part]);
      } else if (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.prototype.hasOwnProperty.call(v, part)) {
        next.push((v as Record<string, unknown>)[part]);
      }
    }
    current = next;
  }
  return current;
}

function glob(pattern: string): RegExp {
  return new RegExp(`^${pattern.split('*').map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 's');
}

function compare(op: string, a: number, b: number): boolean {
  switch (op) {
    case '=': return a === b;
    case '!=': return a !== b;
    case '<': return a < b;
    case '<=': return a <= b;
    case '>': return a > b;
    default: return a >= b;
  }
}

class JsonPatternParser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): Condition {
    this.expectPunct('{');
    const condition = this.or();
    this.expectPunct('}');
    if (this.i !== this.tokens.length) throw new FilterPatternError();
    return condition;
  }

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }

  private next(): Token {
    const t = this.tokens[this.i++];
    if (!t) throw new FilterPatternError();
    return t;
  }

  private isPunct(value: string): boolean {
    const t = this.peek();
    return t?.kind === 'punct' && t.value === value;
  }

  private expectPunct(value: string): void {
    if (!this.isPunct(value)) throw new FilterPatternError();
    this.i++;
  }

  private or(): Condition {
    const parts = [this.and()];
    while (this.isPunct('||')) {
      this.i++;
      parts.push(this.and());
    }
    return parts.length === 1 ? parts[0] : (json) => parts.some((p) => p(json));
  }

  private and(): Condition {
    const parts = [this.primary()];
    while (this.isPunct('&&')) {
      this.i++;
      parts.push(this.primary());
    }
    return parts.length === 1 ? parts[0] : (json) => parts.every((p) => p(json));
  }

  private primary(): Condition {
    if (this.isPunct('(')) {
      this.i++;
      const inner = this.or();
      this.expectPunct(')');
      return inner;
    }
    const selector = this.next();
    if (selector.kind !== 'selector') throw new FilterPatternError();
    const values = (json: unknown) => resolve(json, selector.path);
    const t = this.next();
    if (t.kind === 'word' && t.value.toUpperCase() === 'IS') {
      const what = this.next();
      if (what.kind !== 'word') throw new FilterPatternError();
      const target = { NULL: null, TRUE: true, FALSE: false }[what.value.toUpperCase()];
      if (target === undefined) throw new FilterPatternError();
      return (json) => values(json).some((v) => v === target);
    }
    if (t.kind === 'word' && t.value.toUpperCase() === 'NOT') {
      const what = this.next();
      if (what.kind !== 'word' || what.value.toUpperCase() !== 'EXISTS') throw new FilterPatternError();
      return (json) => values(json).length === 0;
    }
    if (t.kind !== 'op') throw new FilterPatternError();
    const literal = this.next();
    const op = t.value;
    if (literal.kind === 'number') return (json) => values(json).some((v) => typeof v === 'number' && compare(op, v, literal.value));
    if (literal.kind !== 'string' && literal.kind !== 'word') throw new FilterPatternError();
    if (op !== '=' && op !== '!=') throw new FilterPatternError();
    const re = glob(literal.value);
    // A selector that names nothing, or names no string, matches neither = nor !=.
    return (json) => values(json).some((v) => typeof v === 'string' && re.test(v) === (op === '='));
  }
}

function compileJsonPattern(text: string): EventMatcher {
  const condition = new JsonPatternParser(tokenize(text)).parse();
  return (subject) => {
    const json = subject.json();
    return json !== undefined && condition(json);
  };
}
