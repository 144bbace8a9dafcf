// The manifest's user-visible strings live in package.nls.json (VS Code's convention):
// every %key% resolves, every key is used, and no contributed text is left as a literal.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './contact/samples';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

const root = repoRoot();
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { [key: string]: Json };
const nls = JSON.parse(readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;

const keyRef = /^%([^%\s]+)%$/;

/** Every string in the value, with its JSON path. */
function strings(value: Json, at: string, out: [string, string][] = []): [string, string][] {
  if (typeof value === 'string') out.push([at, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => strings(v, `${at}[${i}]`, out));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) strings(v, `${at}.${k}`, out);
  }
  return out;
}

/** Strings a user reads: titles, names, descriptions, welcome contents. */
const userVisible = /\.(displayName|description|markdownDescription|title|category|name|contextualTitle|contents)$|\.enumDescriptions\[\d+\]$/;

describe('package.nls.json', () => {
  const all = strings(manifest, '$');
  const refs = all.flatMap(([at, s]) => {
    const m = keyRef.exec(s);
    return m ? [[at, m[1]] as const] : [];
  });

  it('resolves every %key% in package.json', () => {
    const missing = refs.filter(([, key]) => !(key in nls)).map(([at, key]) => `${at}: %${key}%`);
    assert.deepEqual(missing, []);
  });

  it('has no key that package.json does not use', () => {
    const used = new Set(refs.map(([, key]) => key));
    assert.deepEqual(Object.keys(nls).filter((key) => !used.has(key)), []);
  });

  it('holds non-empty English text for every key', () => {
    for (const [key, text] of Object.entries(nls)) {
      assert.equal(typeof text, 'string', key);
      assert.ok(text.trim().length > 0, `${key} is empty`);
    }
  });

  it('leaves no contributed title or description as a literal string', () => {
    const contributed = strings(manifest.contributes, '$.contributes');
    const top: [string, string][] = [
      ['$.displayName', manifest.displayName as string],
      ['$.description', manifest.description as string],
    ];
    const literals = [...top, ...contributed]
      .filter(([at, s]) => userVisible.test(at) && !keyRef.test(s))
      .map(([at, s]) => `${at}: ${JSON.stringify(s)}`);
    assert.deepEqual(literals, []);
  });

  it('still declares command ids, not keys, where code reads them', () => {
    const commands = (manifest.contributes as { commands: { command: string }[] }).commands;
    for (const c of commands) assert.match(c.command, /^connectContacts\./);
  });
});
