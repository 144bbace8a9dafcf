// What a person does with this extension, as steps for the UI tests: describe a contact from the
// palette, read the panel's tree, use the Amazon Connect side bar.
import type { FrameLocator, Locator } from 'playwright-core';
import type { LocalEndpoint, Workbench } from './harness';

export const describeTitle = 'Amazon Connect: Describe Contact';

/** Palette → instance picker (typed ID/ARN) → contact prompt (typed ID). Waits for the panel tab. */
export async function describeContact(workbench: Workbench, instance: string, contactId: string): Promise<void> {
  await workbench.runCommand(describeTitle);
  await enterInstance(workbench, instance);
  await enterContact(workbench, contactId);
  await waitForPanel(workbench, contactId);
}

/**
 * Types an instance alias, ID or ARN (or a contact ARN) into the instance picker (step 1/2) and
 * presses Enter once the row it names is the active one: a listed instance's own row, or the row
 * for a pasted contact ARN.
 */
export async function enterInstance(workbench: Workbench, text: string): Promise<void> {
  await instancePicker(workbench).waitFor();
  await workbench.typeInQuickInput(text, { submit: false });
  await activeInstanceRow(workbench).filter({ hasText: idTail(text) }).waitFor();
  await workbench.quickInputBox.press('Enter');
  await instancePicker(workbench).waitFor({ state: 'hidden' });
}

/** The instance picker: step 1/2 of Describe Contact (titled, unlike the palette that opened it). */
export function instancePicker(workbench: Workbench): Locator {
  return workbench.quickInput.filter({ has: workbench.page.locator('.quick-input-title', { hasText: /Describe Contact — .*\(1\/2\)/ }) });
}

/** The contact prompt: step 2/2 (or the single step when the instance came with the command). */
export function contactPrompt(workbench: Workbench): Locator {
  return workbench.quickInput.filter({ hasText: /Contact ID in instance/ });
}

/** The picker's active row: the one Enter takes. */
export function activeInstanceRow(workbench: Workbench): Locator {
  return workbench.quickInput.locator('.quick-input-list .monaco-list-row.focused');
}

/** Types into the "Contact ID" prompt and submits. */
export async function enterContact(workbench: Workbench, contactId: string): Promise<void> {
  await contactPrompt(workbench).waitFor();
  await workbench.typeInQuickInput(contactId);
}

/** The panel's tab title starts with the channel and the contact ID's first 8 characters. */
export async function waitForPanel(workbench: Workbench, contactId: string): Promise<void> {
  await workbench.waitForActiveTab(contactId.slice(0, 8));
  await panelTree(workbench).locator('[role="treeitem"]').first().waitFor();
}

function idTail(text: string): string {
  const match = /[0-9a-f-]{36}(?!.*[0-9a-f-]{36})/.exec(text);
  return match ? match[0] : text;
}

export function panelTree(workbench: Workbench): Locator {
  return workbench.webview().locator('[role="tree"]');
}

export function panel(workbench: Workbench): FrameLocator {
  return workbench.webview();
}

/** The panel row whose key is exactly `key` (first one when several match). */
export function panelRow(workbench: Workbench, key: string): Locator {
  const keyCell = panel(workbench).locator('.key', { hasText: exact(key) });
  return panelTree(workbench).locator('[role="treeitem"]', { has: keyCell }).first();
}

/** `{ key: value }` of the panel's rendered rows, in order (values as displayed). */
export async function panelRows(workbench: Workbench): Promise<Array<{ key: string; value: string; level: number }>> {
  return panelTree(workbench)
    .locator('[role="treeitem"]')
    .evaluateAll((rows: unknown[]) =>
      (rows as Array<{ querySelector(s: string): { textContent: string | null } | null; getAttribute(n: string): string | null; style: { transform: string } }>)
        .map((row) => ({
          key: row.querySelector('.key')?.textContent ?? '',
          value: row.querySelector('.value')?.textContent ?? row.querySelector('.count')?.textContent ?? '',
          level: Number(row.getAttribute('aria-level')),
          top: Number(/translateY\(([\d.]+)px\)/.exec(row.style.transform)?.[1] ?? 0),
        }))
        .sort((a, b) => a.top - b.top)
        .map(({ key, value, level }) => ({ key, value, level })),
    );
}

/** The row that holds keyboard focus in the tree (roving tabindex). */
export function focusedPanelRow(workbench: Workbench): Locator {
  return panelTree(workbench).locator('[role="treeitem"][tabindex="0"]');
}

/** The Amazon Connect side bar's tree rows whose text matches. */
export function explorerRow(workbench: Workbench, sideBar: Locator, text: string | RegExp): Locator {
  return workbench.treeRows(sideBar).filter({ hasText: text }).first();
}

/** Expands an explorer row with its twistie (a click on a contact row opens the panel instead). */
export async function expandExplorerRow(row: Locator): Promise<void> {
  if ((await row.getAttribute('aria-expanded')) !== 'true') await row.locator('.monaco-tl-twistie').click();
  await row.and(row.page().locator('[aria-expanded="true"]')).waitFor();
}

/** Right-click → a context menu item (VS Code draws its menus in the page in the browser). */
export async function contextMenu(workbench: Workbench, row: Locator, item: string): Promise<void> {
  await row.click({ button: 'right' });
  const menu = workbench.page.locator('.monaco-menu');
  const menuItem = menu.locator('.action-item', { has: workbench.page.locator('.action-label', { hasText: exact(item) }) }).first();
  // A click right after the menu opens can be taken for the right-click's own release: hover
  // (which focuses the item) and press Enter instead, as a keyboard user would.
  await menuItem.hover();
  await menuItem.and(workbench.page.locator('.focused')).waitFor();
  await workbench.page.keyboard.press('Enter');
  await menu.waitFor({ state: 'hidden' });
}

/** DescribeContact requests the endpoint has served so far. */
export function describeRequests(endpoint: LocalEndpoint): number {
  return endpoint.requests.filter((request) => request.operation === 'DescribeContact').length;
}

/** The DescribeContact requests whose path holds `text` (as typed, or URL-encoded): their paths. */
export function describeRequestsFor(endpoint: LocalEndpoint, text: string): string[] {
  return endpoint.requests
    .filter((request) => request.operation === 'DescribeContact' && (request.path.includes(text) || request.path.includes(encodeURIComponent(text))))
    .map((request) => request.path);
}

function exact(text: string): RegExp {
  return new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
}
