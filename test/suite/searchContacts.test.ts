// Search Contacts and Export Contacts in the real extension host, against the local endpoint:
// the panel's search pages through the instance's contacts, invalid criteria say which field,
// an export writes each contact once and a second export to the same file resumes it.
import * as assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { defaultCriteria, type ContactSearchCriteria } from '../../src/contact/searchWindows';
import type { ExportResult } from '../../src/search/contactExport';
import type { SearchPanel } from '../../src/search/searchPanel';
import { sampleIds } from '../endpoint/sampleIds';
import { extensionApi, waitFor } from './extensionApi';
import { readTestEnv } from './testEnv';

describe('Search Contacts and Export Contacts', function () {
  this.timeout(60_000);
  const env = readTestEnv();
  const target = { profile: env.profile, region: env.region, instanceId: sampleIds.instanceA };
  const twoYears: ContactSearchCriteria = { ...defaultCriteria(), range: { kind: 'preset', preset: '2y' } };

  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('searches the instance page by page and ends with the count', async () => {
    const panel = await vscode.commands.executeCommand<SearchPanel>('connectContacts.searchContacts', { ...target, criteria: twoYears });
    // 14 windows, and after the first rows the names of their queues and agents take turns with
    // the later pages (all 'visible', at 2/s): about 12 s.
    const status = await waitFor('the search to end', () => (panel.lastStatus && !panel.lastStatus.running ? panel.lastStatus : undefined), 30_000);
    assert.equal(status.error, undefined);
    assert.ok(status.loaded >= 5, `found ${status.loaded}`);
    assert.equal(status.total, status.loaded);
    assert.equal(status.totalComplete, true);
    const api = await extensionApi();
    assert.ok(api.services.search.all().includes(panel));
  });

  it('says beside the range that it ends before it starts, and calls nothing', async () => {
    const bad: ContactSearchCriteria = { ...defaultCriteria(), range: { kind: 'absolute', start: '2026-11-02T00:00:00Z', end: '2026-11-01T00:00:00Z' } };
    const panel = await vscode.commands.executeCommand<SearchPanel>('connectContacts.searchContacts', { ...target, criteria: bad });
    await waitFor('the field message', () => (panel.lastFieldErrors.length ? true : undefined));
    assert.deepEqual(panel.lastFieldErrors, [{ field: 'range', message: 'The end must be after the start.' }]);
  });

  it('says beside the attributes that a value is too long, without sending it (the service would quote it back)', async () => {
    // At most 100 characters (botocore's model): checked before the call, so the value never reaches
    // the service, whose refusal repeats it.
    const refused: ContactSearchCriteria = { ...defaultCriteria(), range: { kind: 'preset', preset: '7d' }, attributes: [{ key: 'Tier', values: ['x'.repeat(101)] }] };
    const panel = await vscode.commands.executeCommand<SearchPanel>('connectContacts.searchContacts', { ...target, criteria: refused });
    await waitFor('the field message', () => (panel.lastFieldErrors.length ? true : undefined));
    assert.deepEqual(panel.lastFieldErrors, [{ field: 'attributes', message: 'A value of "Tier" is 101 characters long: values are at most 100.' }]);
    // The search ends where it began: nothing loaded, no service error.
    const status = await waitFor('the search to end', () => (panel.lastStatus && !panel.lastStatus.running ? panel.lastStatus : undefined));
    assert.deepEqual([status.loaded, status.error], [0, undefined]);
  });

  it('exports JSON Lines with each contact once, and a second export to the file resumes it', async () => {
    const file = join(env.workspaceFolder, 'search-export.jsonl');
    rmSync(file, { force: true });
    const args = { ...target, criteria: twoYears, format: 'jsonl', file };
    const first = await vscode.commands.executeCommand<ExportResult>('connectContacts.exportContacts', args);
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    assert.equal(lines.length, first.written);
    const ids = lines.map((l) => (JSON.parse(l) as { Contact: { Id: string } }).Contact.Id);
    assert.equal(new Set(ids).size, ids.length);
    assert.ok(ids.includes(sampleIds.voice));
    const again = await vscode.commands.executeCommand<ExportResult>('connectContacts.exportContacts', args);
    assert.deepEqual([again.written, again.skipped], [0, first.written]);
    assert.equal(readFileSync(file, 'utf8').trimEnd().split('\n').length, first.written);
    rmSync(file, { force: true });
  });

  it('shows the export against the search\'s true total from the first contact, and closes with what happened', async () => {
    // Two years are 14 windows of 8 weeks, and the sample contacts span two of them: a total summed
    // as the windows are reached read "1 of 9" for 11 contacts.
    const file = join(env.workspaceFolder, 'search-export-progress.jsonl');
    rmSync(file, { force: true });
    const args = { ...target, criteria: twoYears, format: 'jsonl', file };
    const first = await vscode.commands.executeCommand<ExportResult>('connectContacts.exportContacts', args);
    const search = (await extensionApi()).services.search;
    const total = first.written;
    assert.ok(total >= 5, `exported ${total}`);
    assert.match(search.lastExport?.firstProgress ?? '', new RegExp(`^1 of ${total}( ·|$)`));
    assert.match(search.lastExport?.lastProgress ?? '', new RegExp(`^${total} of ${total}( ·|$)`));
    assert.equal(search.lastExport?.message, `Amazon Connect: Exported ${total} contacts to search-export-progress.jsonl.`);

    await vscode.commands.executeCommand<ExportResult>('connectContacts.exportContacts', args);
    assert.match(search.lastExport?.lastProgress ?? '', new RegExp(`^${total} of ${total} · ${total} already in the file`));
    assert.equal(search.lastExport?.message, `Amazon Connect: Exported 0 contacts to search-export-progress.jsonl. ${total} contacts were in the file already.`);
    rmSync(file, { force: true });
  });

  it('exports the result columns as CSV with queue names', async () => {
    const file = join(env.workspaceFolder, 'search-export.csv');
    rmSync(file, { force: true });
    const result = await vscode.commands.executeCommand<ExportResult>('connectContacts.exportContacts', { ...target, criteria: twoYears, format: 'csv', file });
    const lines = readFileSync(file, 'utf8').trimEnd().split('\r\n');
    assert.equal(lines[0], 'Contact ID,Channel,Initiated,Disconnected,Duration (s),Queue,Queue ID,Agent,Agent ID,Initiation method');
    assert.equal(lines.length, result.written + 1);
    assert.ok(lines.some((l) => l.startsWith(sampleIds.voice)));
    rmSync(file, { force: true });
  });
});
