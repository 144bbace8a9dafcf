// One time zone everywhere: the explorer's rows, its Recent contacts window and the panel show
// times in the zone connectContacts.timeZone chooses. Here the machine is in India (code-server
// and the browser both in Asia/Kolkata, +05:30), so local time is never UTC and a time shown in
// UTC stands out.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Locator } from 'playwright-core';
import { startCodeServer, type CodeServer } from '../runner/codeServer';
import { vsixPath } from '../runner/paths';
import { sampleIds } from '../endpoint/sampleIds';
import { expandExplorerRow, explorerRow, panelRow } from './contactFlows';
import { captureOnError, uiSession, Workbench } from './harness';

const zone = 'Asia/Kolkata';

describe('times in the explorer and the panel, in local time away from UTC', () => {
  let codeServer: CodeServer | undefined;
  let workbench: Workbench;
  let sideBar: Locator;
  let folder: string;

  before(() =>
    captureOnError('time zone setup', async () => {
      const { browser, endpoint } = await uiSession();
      folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cce-ui-tz-'));
      codeServer = await startCodeServer({
        folder,
        installExtensions: [vsixPath],
        logName: 'code-server-ui-tz',
        env: { TZ: zone },
        settings: {
          'connectContacts.endpointUrl': endpoint.url,
          'connectContacts.profile': 'local',
          'connectContacts.region': 'us-east-1',
          'connectContacts.timeZone': 'local',
          'workbench.colorTheme': 'Default Dark Modern',
        },
      });
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, timezoneId: zone });
      const page = await context.newPage();
      page.setDefaultTimeout(30_000);
      workbench = new Workbench(context, page, folder);
      await page.goto(codeServer.workbenchUrl({ folder }));
      await page.locator('.monaco-workbench').waitFor();
      sideBar = await workbench.openViewContainer('Amazon Connect');
    }),
  );

  afterEach(async function () {
    if (this.currentTest?.state === 'failed') await workbench?.screenshot(`FAILED-${this.currentTest.title}`).catch(() => undefined);
  });

  after(async () => {
    await workbench?.close();
    await codeServer?.stop();
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
  });

  /** The zone named after the last time in a text: `2026-11-29 22:27 GMT+5:30 · d08e9dac` → `GMT+5:30`. */
  const zoneOf = (text: string): string | undefined =>
    [...text.replace(/\u00a0/g, ' ').matchAll(/\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)? ([^\s·–]+)/g)].at(-1)?.[1];

  it("names one zone in the explorer's rows, its custom range and the panel", async () => {
    await expandExplorerRow(explorerRow(workbench, sideBar, sampleIds.instanceAAlias));
    const recent = explorerRow(workbench, sideBar, 'Recent contacts');
    await expandExplorerRow(recent);
    const contactRow = explorerRow(workbench, sideBar, sampleIds.maximal.slice(0, 8));
    await contactRow.waitFor();
    const rowZone = zoneOf(await contactRow.innerText());
    assert.ok(rowZone && rowZone !== 'UTC', `the row shows no local zone: ${await contactRow.innerText()}`);

    // A custom range around today, typed as a person would.
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    await workbench.runCommand('Amazon Connect: Set Recent Contacts Window…');
    await workbench.pickQuickInputItem('Custom range…');
    await workbench.typeInQuickInput(`${day(-2)} to ${day(1)}`);
    await workbench.waitForQuickInputClosed();
    const description = recent.locator('.label-description');
    await description.filter({ hasText: day(-2) }).waitFor();
    const rangeText = await description.innerText();
    await workbench.screenshot('explorer-time-zone');
    assert.equal(zoneOf(rangeText), rowZone, `the range says "${rangeText}", the rows ${rowZone}`);

    // The panel, opened from the row, names the same zone.
    await explorerRow(workbench, sideBar, sampleIds.maximal.slice(0, 8)).click();
    await workbench.waitForActiveTab(sampleIds.maximal.slice(0, 8));
    const initiated = panelRow(workbench, 'InitiationTimestamp');
    await initiated.waitFor();
    assert.equal(zoneOf(await initiated.innerText()), rowZone, `the panel says ${await initiated.innerText()}`);
  });
});
