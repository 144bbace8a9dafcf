// Find Contacts in Flow Logs in real VS Code (code-server) with the packaged extension against the
// local endpoint: the prompts typed as a person types them, the contact whose Lambda failed in the
// search panel's table, and a click on its row opens it. Screenshot for the README: insights-results.
import * as assert from 'node:assert/strict';
import { flowLogIds, sampleIds } from '../endpoint/sampleIds';
import { waitForPanel } from './contactFlows';
import { captureOnError, openWorkbench, type Workbench } from './harness';

describe('Find Contacts in Flow Logs', () => {
  let workbench: Workbench;
  const results = () => workbench.webview();

  before(() =>
    captureOnError('Find in flow logs setup', async () => {
      workbench = await openWorkbench();
    }),
  );

  after(async () => {
    await workbench?.close();
  });

  it('finds the contact whose Lambda function failed and shows it in the table, with its flow, block and result', () =>
    captureOnError('insights results', async () => {
      await workbench.runCommand('Amazon Connect: Find Contacts in Flow Logs');
      await workbench.pickQuickInputItem(new RegExp(sampleIds.instanceAAlias));
      await workbench.pickQuickInputItem('A Lambda function failing or timing out');
      await workbench.waitForQuickInputText(/Lambda function's name or ARN/);
      await workbench.typeInQuickInput(flowLogIds.lambdaFunction.arn);
      await workbench.pickQuickInputItem('Custom range…');
      await workbench.waitForQuickInputText(/Time range \(ISO 8601/);
      // The sample contacts' month (the voice contact began on 2026-11-20).
      await workbench.typeInQuickInput('2026-11-01T00:00Z/2026-12-01T00:00Z');
      await workbench.waitForQuickInputText(/Edit the query, or press Enter/);
      await workbench.quickInputBox.press('Enter');
      await workbench.waitForActiveTab(/A Lambda function failing or timing out · 2026-11-01 00:00 – 2026-12-01 00:00 UTC/);
      await results().locator('.count').filter({ hasText: /^1 contact/ }).waitFor({ timeout: 30_000 });
      assert.match((await results().locator('.status-note').textContent()) ?? '', /^Complete · [\d,]+ records scanned$/);
      const row = results().locator('.result-row').first();
      assert.equal(await row.locator('.col-id').textContent(), flowLogIds.lambdaErrorContact);
      assert.equal(await row.locator('.col-block').textContent(), 'Invoke AWS Lambda function');
      assert.match((await row.locator('.col-result').textContent()) ?? '', /error/i);
      assert.match((await results().locator('.insights-query').textContent()) ?? '', /acme-customer-lookup/);
      await workbench.screenshot('insights-results');
      await row.click();
      await waitForPanel(workbench, flowLogIds.lambdaErrorContact);
    }));
});
