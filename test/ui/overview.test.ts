// The contact's Overview in real VS Code, with the packaged extension against the local endpoint:
// names fetched through the scheduler, the chain picture (a click opens that contact), a copied ID
// on the clipboard, and a missing IAM permission said once, inline, never as a notification.
import * as assert from 'node:assert/strict';
import { maximalEvaluations, maximalReferences, maximalResources, sampleIds } from '../endpoint/sampleIds';
import { describeContact, panel } from './contactFlows';
import { captureOnError, openWorkbench, uiSession, type LocalEndpoint, type Workbench } from './harness';

describe('the Overview of a contact', () => {
  let workbench: Workbench;
  let endpoint: LocalEndpoint;
  const overview = () => panel(workbench).locator('.overview');
  const nameRow = (kind: 'queue' | 'user' | 'routingProfile') => overview().locator(`.name-row[data-kind="${kind}"]`);

  before(() =>
    captureOnError('Overview setup', async () => {
      endpoint = (await uiSession()).endpoint;
      workbench = await openWorkbench();
      await describeContact(workbench, sampleIds.instanceA, sampleIds.maximal);
      await panel(workbench).locator('[role=tab]#tab-overview').click();
    }),
  );

  afterEach(() => endpoint.setDeny([]));

  after(async () => {
    await workbench?.close();
  });

  it('names the queue, agent, routing profile and hierarchy groups beside their IDs', async () => {
    await nameRow('queue').locator('.resolved', { hasText: maximalResources.queue.name }).waitFor();
    await nameRow('user').locator('.resolved', { hasText: maximalResources.agent.username }).waitFor();
    assert.match((await nameRow('user').textContent()) ?? '', new RegExp(`${maximalResources.agent.firstName} ${maximalResources.agent.lastName}`));
    await nameRow('routingProfile').locator('.resolved', { hasText: maximalResources.routingProfile.name }).waitFor();
    const text = (await overview().locator('.section-names').textContent()) ?? '';
    for (const g of maximalResources.hierarchyGroups) assert.ok(text.includes(g.name), `${g.name} in: ${text}`);
    // The header names them too.
    await panel(workbench).locator('.header-facts dd', { hasText: maximalResources.queue.name }).waitFor();
  });

  it('copies an ID with a click on it', async () => {
    await nameRow('queue').locator('button.id-button').click();
    await workbench.waitForClipboard(new RegExp(`^${maximalResources.queue.id}$`));
  });

  it('lists evaluations and references, and draws the chain with this contact marked', async () => {
    for (const e of maximalEvaluations) await overview().locator('.evaluations-table', { hasText: e.title }).first().waitFor();
    await overview().locator('.references-list', { hasText: maximalReferences.url.name }).waitFor();
    await overview().locator('.chain-svg .chain-node.current').waitFor();
    assert.equal(await overview().locator('.chain-svg .chain-node').count(), 6, 'five linked contacts and the related task');
    const labels = await overview().locator('.chain-svg .chain-edge-label').allTextContents();
    assert.ok(labels.includes('callback') && labels.includes('transfer'), labels.join(', '));
    await overview().locator('.chain-list .chain-item').first().waitFor();
    await workbench.screenshot('overview-dark');
    await overview().locator('.section-chain').screenshot({ path: await workbench.screenshotPath('overview-chain') });
  });

  it('says which IAM action is missing, inline, and shows the rest; no notification', async () => {
    endpoint.setDeny(['connect:DescribeUser', 'connect:ListContactEvaluations']);
    await panel(workbench).locator('vscode-button.refresh').click();
    const note = overview().locator('.missing-note', { hasText: 'connect:DescribeUser' });
    await note.first().waitFor();
    assert.equal(await note.count(), 1, 'said once');
    await overview().locator('.missing-note', { hasText: 'connect:ListContactEvaluations' }).first().waitFor();
    await nameRow('queue').locator('.resolved', { hasText: maximalResources.queue.name }).waitFor();
    assert.deepEqual((await workbench.notifications()).filter((n) => /DescribeUser|ListContactEvaluations|denied/i.test(n)), []);
  });

  it('opens a linked contact from the chain picture', async () => {
    await overview().locator('.chain-svg .chain-node:not(.current)').first().click();
    await workbench.waitForActiveTab(/VOICE · 6f1d2c3b/);
    await panel(workbench).locator('.contact-header').filter({ hasText: sampleIds.voice }).waitFor();
  });
});
