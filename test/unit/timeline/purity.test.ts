// src/timeline is a pure layer (DESIGN: no vscode, no SDK): it imports only itself and the pure
// contact model, so the webview and plain Node can use it as is.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../contact/samples';

describe('src/timeline is pure', () => {
  const dir = path.join(repoRoot(), 'src', 'timeline');
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));

  it('imports nothing but itself and src/contact', () => {
    assert.ok(files.length >= 6);
    const bad: string[] = [];
    for (const file of files) {
      const text = readFileSync(path.join(dir, file), 'utf8');
      for (const m of text.matchAll(/(?:from|import|require\()\s*['"]([^'"]+)['"]/g)) {
        const spec = m[1];
        if (!/^\.\/[\w.]+$/.test(spec) && !/^\.\.\/contact\/[\w.]+$/.test(spec)) bad.push(`${file}: ${spec}`);
      }
    }
    assert.deepEqual(bad, []);
  });

  it('evaluates no text', () => {
    for (const file of files) {
      const text = readFileSync(path.join(dir, file), 'utf8');
      assert.ok(!/\beval\s*\(|new Function\s*\(/.test(text), file);
    }
  });
});
