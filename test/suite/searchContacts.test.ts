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
    const status = await waitFor('the search to end', () => (panel.lastStatus && !panel.lastStatus.running ? panel.lastStatus : undefined));
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
