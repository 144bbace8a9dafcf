import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fieldDoc } from '../../../src/contact/fieldDocs';
import { fieldDocsFileName, fieldDocsLoader } from '../../../src/fieldDocs/fieldDocsFile';
import { repoRoot } from '../contact/samples';

describe('fieldDocsLoader: the host reads the table on first use', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'cce-fielddocs-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the file on the first call only, not when made', () => {
    const file = join(dir, fieldDocsFileName);
    const load = fieldDocsLoader(file);
    writeFileSync(file, JSON.stringify({ source: 's', members: { Contact: { Channel: { text: 'first' } } }, items: {} }));
    const table = load();
    assert.equal(table && fieldDoc(table, ['Contact', 'Channel'])?.text, 'first');
    writeFileSync(file, JSON.stringify({ source: 's', members: { Contact: { Channel: { text: 'second' } } }, items: {} }));
    assert.equal(load(), table, 'read once');
  });

  it('gives undefined for a missing, broken or foreign file', () => {
    assert.equal(fieldDocsLoader(join(dir, 'missing.json'))(), undefined);
    writeFileSync(join(dir, 'broken.json'), '{"members":');
    assert.equal(fieldDocsLoader(join(dir, 'broken.json'))(), undefined);
    writeFileSync(join(dir, 'foreign.json'), '[1, 2]');
    assert.equal(fieldDocsLoader(join(dir, 'foreign.json'))(), undefined);
  });

  it('reads the copy the build puts in dist/', function () {
    const table = fieldDocsLoader(join(repoRoot(), 'dist', fieldDocsFileName))();
    if (!table) this.skip(); // no build yet
    assert.equal(fieldDoc(table, ['Contact', 'Channel'])?.text, 'How the contact reached your contact center.');
  });
});
