// A contact with more than 10,000 fields: the virtualised tree shows all of them without
// putting them all in the DOM. (Speed is measured by the benchmark, not asserted here.)
import assert from 'node:assert/strict';
import { buildFieldTree } from '../../src/contact/fieldTree';
import type { FieldNode } from '../../src/contact/fieldNode';
import { contactMessage, largeContact, sampleIds } from './fixtures/samples';
import { panelSuite, rowHeightPx } from './harness';

describe('contact panel webview: a 10,000-field contact', function () {
  this.timeout(60000);
  const suite = panelSuite({ viewport: { width: 1000, height: 800 } });
  const doc = largeContact(10000);
  let total = 0;
  let lastPath = '';
  const walk = (n: FieldNode) => {
    total++;
    lastPath = n.path.join('.');
    n.children?.forEach(walk);
  };
  walk(buildFieldTree(doc, { timeZone: 'utc' }));

  it('expands all of it, reaches the last field with End, and keeps the DOM small', async () => {
    assert.ok(total > 10000, `${total} fields`);
    const { panel } = suite;
    await panel.send(contactMessage(sampleIds.maximal, { contact: doc }));
    await panel.page.locator('vscode-button.expand-all').click();
    const height = await panel.page.evaluate<number>(`document.querySelector('.tree').getBoundingClientRect().height`);
    assert.equal(height, (total - 1) * rowHeightPx, 'one row per field');
    const domRows = (await panel.rows()).length;
    assert.ok(domRows < 100, `only the rows in view are in the DOM (${domRows})`);
    await panel.page.locator('[role=treeitem][tabindex="0"]').focus();
    await panel.page.keyboard.press('End');
    const last = (await panel.rows()).find((r) => r.focused);
    assert.equal(last?.path.join('.'), lastPath);
    await panel.page.keyboard.press('Home');
    assert.equal(await panel.focusedKey(), 'Contact');
  });

  it('filters it: counts every match and shows each with its ancestors', async () => {
    const { panel } = suite;
    await panel.send(contactMessage(sampleIds.maximal, { contact: doc }));
    await panel.page.locator('vscode-button.expand-all').click();
    await panel.page.locator('[role=treeitem][tabindex="0"]').focus();
    await panel.page.keyboard.press('End'); // scrolled far down
    // Matches thousands of values (value 0-4, value 0-40, …): a list far longer than the view.
    await panel.page.locator('vscode-text-field.filter input').fill('-4');
    const firstMatchInView = await panel.page.evaluate(`(() => {
      const view = document.querySelector('.tree-scroll').getBoundingClientRect();
      const row = document.querySelector('[role=treeitem].focused.match');
      const box = row.getBoundingClientRect();
      return box.top >= view.top && box.bottom <= view.bottom;
    })()`);
    assert.equal(firstMatchInView, true, 'the first match is scrolled into view');
    await panel.page.locator('vscode-text-field.filter input').fill('attr_7_4');
    // attr_7_4 and attr_7_40 … attr_7_49: eleven keys.
    assert.equal(await panel.page.locator('.match-count').textContent(), '11 matches');
    const rows = await panel.rows();
    assert.deepEqual(
      rows.slice(0, 5).map((r) => r.key),
      ['Contact', 'RoutingCriteria', 'Steps', '[7]', 'Values'],
    );
    assert.equal(rows.length, 5 + 11);
  });
});
