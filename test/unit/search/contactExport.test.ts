// An export over a SearchContacts answer with a summary that has no Id (a malformed answer): that
// summary is left out and counted, and every line written is one the next run can resume from.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SearchContactsPage } from '../../../src/aws/types';
import { exportSummaryText } from '../../../src/contact/exportText';
import { defaultCriteria } from '../../../src/contact/searchWindows';
import { exportContacts, type ExportOptions } from '../../../src/search/contactExport';

const instanceId = '11111111-1111-4111-8111-111111111111';
const withId = 'aaaaaaaa-0000-4000-8000-000000000001';

describe('Export of a search answer with a contact that has no ID', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'cce-export-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const now = Date.now();
  const page: SearchContactsPage = {
    contacts: [
      { id: withId, channel: 'VOICE', initiationTimestamp: new Date(now - 3600_000).toISOString() },
      { id: '', channel: 'CHAT', initiationTimestamp: new Date(now - 1800_000).toISOString() },
    ],
    totalCount: 2,
  };
  const options = (file: string, format: 'csv' | 'jsonl', described: string[] = []): ExportOptions => ({
    file, format, instanceId, criteria: defaultCriteria(), now, signal: new AbortController().signal,
    search: () => Promise.resolve(page),
    describe: (contactId) => {
      described.push(contactId);
      return Promise.resolve({ Contact: { Id: contactId } });
    },
  });

  it('CSV: leaves it out, says so, and the next run resumes the file', async () => {
    const file = join(dir, 'contacts.csv');
    const first = await exportContacts(options(file, 'csv'));
    assert.deepEqual({ written: first.written, withoutId: first.withoutId }, { written: 1, withoutId: 1 });
    const lines = readFileSync(file, 'utf8').split('\r\n').filter((l) => l !== '');
    assert.equal(lines.length, 2, lines.join('\n'));
    assert.ok(lines[1].startsWith(`${withId},VOICE,`), lines[1]);
    assert.equal(exportSummaryText({ written: first.written, skipped: first.skipped, missing: first.missing.length, withoutId: first.withoutId }, 'contacts.csv'),
      'Exported 1 contact to contacts.csv. 1 contact the search listed had no ID and was left out.');
    const again = await exportContacts(options(file, 'csv'));
    assert.deepEqual({ written: again.written, skipped: again.skipped, withoutId: again.withoutId, resumed: again.resumed }, { written: 0, skipped: 1, withoutId: 1, resumed: true });
    assert.equal(readFileSync(file, 'utf8').split('\r\n').filter((l) => l !== '').length, 2);
  });

  it('JSON Lines: never asks DescribeContact for an empty ID', async () => {
    const file = join(dir, 'contacts.jsonl');
    const described: string[] = [];
    const result = await exportContacts(options(file, 'jsonl', described));
    assert.deepEqual(described, [withId]);
    assert.deepEqual({ written: result.written, withoutId: result.withoutId }, { written: 1, withoutId: 1 });
    assert.deepEqual(readFileSync(file, 'utf8').split('\n').filter((l) => l !== ''), [JSON.stringify({ Contact: { Id: withId } })]);
  });
});
