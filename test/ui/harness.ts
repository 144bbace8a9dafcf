// Playwright helpers for UI tests: the PACKAGED extension (dist-vsix/*.vsix) installed in
// code-server, the local Connect endpoint behind it, Debian's Chromium in front. One endpoint
// and one code-server per mocha process (started on first use, stopped by hooks.ts); each
// openWorkbench() is a fresh browser context and window. Every wait is on a condition.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, BrowserContext, FrameLocator, Locator, Page } from 'playwright-core';
import { startEndpoint } from '../endpoint/server';
import { launchChromium } from '../runner/browser';
import { startCodeServer, type CodeServer } from '../runner/codeServer';
import { artifactName, ensureArtifactsDir, vsixPath } from '../runner/paths';

// The few browser globals page functions use (the test tsconfig has no DOM lib).
interface BrowserGlobals {
  navigator: { clipboard: { readText(): Promise<string>; writeText(text: string): Promise<void> } };
  document: { querySelector(selector: string): { style: { display: string }; value?: string } | null };
}
interface RenderedLines {
  querySelectorAll(selector: string): ArrayLike<{ textContent: string | null; style: { top: string } }>;
}

export type LocalEndpoint = Awaited<ReturnType<typeof startEndpoint>>;

export interface UiSession {
  endpoint: LocalEndpoint;
  codeServer: CodeServer;
  browser: Browser;
  /** The folder every workbench opens; holds notes.md (for insert tests). */
  workspaceFolder: string;
}

export interface UiSessionOptions {
  /** Extra user settings (merged over the endpoint/profile/region defaults). */
  settings?: Record<string, unknown>;
}

const defaultTimeout = 30_000;
let session: Promise<UiSession> | undefined;
const openWorkbenches = new Set<Workbench>();

/** The process-wide session: endpoint + code-server with the VSIX + Chromium. */
export function uiSession(options: UiSessionOptions = {}): Promise<UiSession> {
  session ??= startSession(options);
  return session;
}

async function startSession(options: UiSessionOptions): Promise<UiSession> {
  if (!fs.existsSync(vsixPath)) throw new Error(`${vsixPath} is missing: run npm run package first`);
  const workspaceFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'cce-ui-ws-'));
  fs.writeFileSync(path.join(workspaceFolder, 'notes.md'), '# Notes\n\n');
  const endpoint = await startEndpoint({ quiet: true });
  let codeServer: CodeServer | undefined;
  try {
    codeServer = await startCodeServer({
      folder: workspaceFolder,
      installExtensions: [vsixPath],
      logName: 'code-server-ui',
      settings: {
        'connectContacts.endpointUrl': endpoint.url,
        // The endpoint speaks CloudWatch Logs too (the Timeline's flow logs).
        'connectContacts.logsEndpointUrl': endpoint.url,
        'connectContacts.profile': 'local',
        'connectContacts.region': 'us-east-1',
        'workbench.colorTheme': 'Default Dark Modern',
        ...options.settings,
      },
      // Also in the environment, which the extension reads when the setting is empty: a window reload
      // (and a theme change) in code-server can hand the extension host the user settings without
      // this machine-scoped one, and a request would then go to the real AWS host.
      env: { AWS_ENDPOINT_URL_CONNECT: endpoint.url, AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: endpoint.url },
    });
    const browser = await launchChromium();
    return { endpoint, codeServer, browser, workspaceFolder };
  } catch (error) {
    await codeServer?.stop();
    await endpoint.close();
    throw error;
  }
}

export async function stopUiSession(): Promise<void> {
  if (!session) return;
  const current = session;
  session = undefined;
  const { endpoint, codeServer, browser, workspaceFolder } = await current;
  for (const workbench of openWorkbenches) await workbench.close();
  await browser.close().catch(() => undefined);
  await codeServer.stop().catch(() => undefined);
  await endpoint.close().catch(() => undefined);
  fs.rmSync(workspaceFolder, { recursive: true, force: true });
}

/** Opens a fresh workbench window on the session's folder and waits until it is usable. */
export async function openWorkbench(options: UiSessionOptions = {}): Promise<Workbench> {
  const { browser, codeServer, workspaceFolder } = await uiSession(options);
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: codeServer.url });
  const page = await context.newPage();
  page.setDefaultTimeout(defaultTimeout);
  const workbench = new Workbench(context, page, workspaceFolder);
  openWorkbenches.add(workbench);
  await page.goto(codeServer.workbenchUrl({ folder: workspaceFolder }));
  await page.locator('.monaco-workbench').waitFor();
  // Our activity bar item appears once the workbench has read the extension's manifest.
  await workbench.activityBarItem('Amazon Connect').waitFor();
  return workbench;
}

/** Runs a hook's steps; on failure records the screen first (mocha's afterEach skips hooks). */
export async function captureOnError<T>(title: string, steps: () => Promise<T>): Promise<T> {
  try {
    return await steps();
  } catch (error) {
    await captureFailure(title);
    throw error;
  }
}

/** Screenshot + what was on screen, for every open workbench (called on test failure). */
export async function captureFailure(title: string): Promise<void> {
  for (const workbench of openWorkbenches) {
    const file = await workbench.screenshot(`FAILED-${title}`).catch(() => undefined);
    const text = await workbench.visibleText().catch((error: Error) => `(could not read the screen: ${error.message})`);
    console.log(`\n    --- on screen when "${title}" failed${file ? ` (${file})` : ''} ---\n${indent(text)}`);
  }
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `    | ${line}`)
    .join('\n');
}

export class Workbench {
  constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    readonly workspaceFolder: string,
  ) {}

  async close(): Promise<void> {
    openWorkbenches.delete(this);
    await this.context.close().catch(() => undefined);
  }

  // --- command palette and quick input ---------------------------------------------------

  get quickInput(): Locator {
    return this.page.locator('.quick-input-widget');
  }

  get quickInputBox(): Locator {
    return this.quickInput.locator('.quick-input-box input');
  }

  /** Runs a command by its palette title, e.g. `Amazon Connect: Describe Contact`. */
  async runCommand(title: string): Promise<void> {
    await this.closeQuickInput();
    await this.page.locator('.monaco-workbench').focus();
    await this.page.keyboard.press('F1');
    await this.quickInputBox.waitFor();
    // Pick the row labelled exactly so (the palette may rank a longer title first). The palette
    // does not refresh while it is open, so a command the extension host registers just after
    // the window loads shows up only on a new query: re-type until it is there.
    const row = this.quickInput
      .locator('.quick-input-list .monaco-list-row')
      .filter({ has: this.page.locator('.label-name', { hasText: exactText(title) }) })
      .first();
    const deadline = Date.now() + defaultTimeout;
    for (;;) {
      await this.quickInputBox.fill(`>${title}`);
      try {
        await row.waitFor({ timeout: 2000 });
        break;
      } catch {
        if (Date.now() > deadline) throw new Error(`the command palette has no command titled "${title}"`);
        await this.quickInputBox.fill('>');
      }
    }
    await row.click();
    // The palette is gone (or replaced by the command's own prompt) before anyone types again.
    await this.page.waitForFunction(() => {
      const doc = (globalThis as unknown as BrowserGlobals).document;
      const widget = doc.querySelector('.quick-input-widget');
      const input = doc.querySelector('.quick-input-widget .quick-input-box input');
      return !widget || widget.style.display === 'none' || !(input?.value ?? '').startsWith('>');
    });
  }

  /** Types into the open quick input (a prompt or a pick list) and, by default, presses Enter. */
  async typeInQuickInput(text: string, { submit = true }: { submit?: boolean } = {}): Promise<void> {
    await this.quickInputBox.waitFor();
    await this.quickInputBox.fill(text);
    if (submit) await this.quickInputBox.press('Enter');
  }

  /** Labels of the items the quick input lists now. */
  async quickInputItems(): Promise<string[]> {
    await this.quickInput.waitFor();
    return this.quickInput.locator('.quick-input-list .monaco-list-row .label-name').allInnerTexts();
  }

  /** Picks the item whose label contains `label`. */
  async pickQuickInputItem(label: string | RegExp): Promise<void> {
    const row = this.quickInput.locator('.quick-input-list .monaco-list-row').filter({ hasText: label }).first();
    await row.click();
  }

  /** The quick input's visible text: title, prompt, validation message, items. */
  async quickInputText(): Promise<string> {
    if (!(await this.quickInput.isVisible())) return '';
    return normalise(await this.quickInput.innerText());
  }

  /** Waits until the quick input shows text matching `pattern` (e.g. a validation message). */
  async waitForQuickInputText(pattern: RegExp): Promise<string> {
    await this.quickInput.filter({ hasText: pattern }).waitFor();
    return this.quickInputText();
  }

  async waitForQuickInputClosed(): Promise<void> {
    await this.quickInput.waitFor({ state: 'hidden' });
  }

  async closeQuickInput(): Promise<void> {
    if (await this.quickInput.isVisible()) {
      await this.page.keyboard.press('Escape');
      await this.waitForQuickInputClosed();
    }
  }

  // --- notifications ------------------------------------------------------------------------

  get notificationToasts(): Locator {
    return this.page.locator('.notifications-toasts .notification-toast');
  }

  /** Messages of the notification toasts on screen now. */
  async notifications(): Promise<string[]> {
    const texts = await this.notificationToasts.locator('.notification-list-item-message').allInnerTexts();
    return texts.map(normalise);
  }

  /** Waits for a toast whose message matches `pattern` and returns its message. */
  async waitForNotification(pattern: RegExp): Promise<string> {
    const toast = this.notificationToasts.filter({ hasText: pattern }).first();
    await toast.waitFor();
    return normalise(await toast.locator('.notification-list-item-message').innerText());
  }

  /** Clicks a button (e.g. `Retry`, `Show Log`) on the toast matching `pattern`. */
  async clickNotificationButton(pattern: RegExp, button: string): Promise<void> {
    const toast = this.notificationToasts.filter({ hasText: pattern }).first();
    await toast.getByRole('button', { name: button }).click();
  }

  async clearNotifications(): Promise<void> {
    await this.runCommand('Notifications: Clear All Notifications');
    await this.notificationToasts.first().waitFor({ state: 'hidden' });
  }

  // --- webviews, editors, views ----------------------------------------------------------------

  /**
   * The DOM of the visible webview (the contact panel): VS Code nests the extension's page in
   * `iframe#active-frame` inside the webview's `iframe.webview`.
   */
  webview(): FrameLocator {
    return this.page
      .locator('iframe.webview.ready')
      .filter({ visible: true })
      .first()
      .contentFrame()
      .frameLocator('iframe#active-frame');
  }

  /** The editor tab titles, active one first. */
  async editorTabs(): Promise<string[]> {
    const active = await this.page.locator('.tabs-container .tab.active .label-name').allInnerTexts();
    const all = await this.page.locator('.tabs-container .tab .label-name').allInnerTexts();
    return [...active, ...all.filter((tab) => !active.includes(tab))];
  }

  /** Waits for an editor tab (a panel or a file) titled by `pattern` to be the active one. */
  async waitForActiveTab(pattern: string | RegExp): Promise<void> {
    await this.page.locator('.tabs-container .tab.active').filter({ hasText: pattern }).first().waitFor();
  }

  /** Opens a workspace file with Quick Open and waits for its editor. */
  async openFile(relativePath: string): Promise<void> {
    await this.closeQuickInput();
    await this.page.locator('.monaco-workbench').focus();
    await this.page.keyboard.press('Control+P');
    await this.quickInputBox.waitFor();
    await this.quickInputBox.fill(relativePath);
    const name = path.basename(relativePath);
    await this.quickInput.locator('.quick-input-list .monaco-list-row.focused', { hasText: name }).waitFor();
    await this.page.keyboard.press('Enter');
    await this.waitForActiveTab(name);
    await this.activeEditor.locator('.view-lines').waitFor();
  }

  get activeEditor(): Locator {
    return this.page.locator('.editor-group-container.active .editor-instance .monaco-editor').first();
  }

  /** The active text editor's rendered lines (enough for the short files tests use). */
  async activeEditorText(): Promise<string> {
    await this.activeEditor.locator('.view-lines').waitFor();
    return this.activeEditor.locator('.view-lines').evaluate((root: unknown) => {
      const lines = Array.from((root as RenderedLines).querySelectorAll('.view-line'));
      lines.sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top));
      return lines.map((line) => (line.textContent ?? '').replace(/\u00a0/g, ' ')).join('\n');
    });
  }

  /** Waits until the active editor's text matches. */
  async waitForActiveEditorText(pattern: RegExp): Promise<string> {
    await this.activeEditor.locator('.view-lines').filter({ hasText: pattern }).waitFor();
    return this.activeEditorText();
  }

  /** The activity bar item of a view container, e.g. `Amazon Connect`. */
  activityBarItem(title: string): Locator {
    return this.page.locator('.part.activitybar').getByRole('tab', { name: new RegExp(`^${escapeRegExp(title)}`) });
  }

  /** Opens a view container from the activity bar and returns its side bar part. */
  async openViewContainer(title: string): Promise<Locator> {
    const item = this.activityBarItem(title);
    const sideBar = this.page.locator('.part.sidebar');
    if ((await item.getAttribute('aria-selected')) !== 'true') await item.click();
    await sideBar.locator('.composite.title', { hasText: new RegExp(escapeRegExp(title), 'i') }).waitFor();
    return sideBar;
  }

  /** Rows of a tree view in the side bar (the explorer's tree). */
  treeRows(view: Locator): Locator {
    return view.locator('.monaco-list-row');
  }

  // --- clipboard, theme, screenshots ----------------------------------------------------------

  async readClipboard(): Promise<string> {
    return this.page.evaluate(() => (globalThis as unknown as BrowserGlobals).navigator.clipboard.readText());
  }

  async writeClipboard(text: string): Promise<void> {
    await this.page.evaluate((value) => (globalThis as unknown as BrowserGlobals).navigator.clipboard.writeText(value), text);
  }

  /** Waits until the clipboard holds text matching `pattern` (the extension writes it async). */
  async waitForClipboard(pattern: RegExp, timeoutMs = defaultTimeout): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const text = await this.readClipboard();
      if (pattern.test(text)) return text;
      if (Date.now() > deadline) throw new Error(`the clipboard never matched ${pattern}; it holds ${JSON.stringify(text)}`);
      await new Promise((resolve) => setTimeout(resolve, 100)); // poll interval
    }
  }

  /** Switches the colour theme through the real theme picker and waits for it to apply. */
  async setTheme(kind: 'light' | 'dark'): Promise<void> {
    const theme = kind === 'light' ? 'Light Modern' : 'Dark Modern';
    await this.runCommand('Preferences: Color Theme');
    await this.quickInputBox.waitFor();
    await this.quickInputBox.fill(theme);
    await this.quickInput.locator('.quick-input-list .monaco-list-row.focused', { hasText: theme }).waitFor();
    await this.page.keyboard.press('Enter');
    await this.waitForQuickInputClosed();
    await this.page.locator(`.monaco-workbench.${kind === 'light' ? 'vs' : 'vs-dark'}`).waitFor();
  }

  /** Saves a PNG to test-artifacts/screenshots/ and returns its path. */
  async screenshot(name: string): Promise<string> {
    const file = await this.screenshotPath(name);
    await this.page.screenshot({ path: file, timeout: 10_000 });
    return file;
  }

  /** Where a screenshot named `name` goes (test-artifacts/screenshots/), for one of a single element. */
  screenshotPath(name: string): Promise<string> {
    const dir = path.join(ensureArtifactsDir(), 'screenshots');
    fs.mkdirSync(dir, { recursive: true });
    return Promise.resolve(path.join(dir, `${artifactName(name)}.png`));
  }

  /** What a person would read right now: notifications, quick input, dialogs, active tab. */
  async visibleText(): Promise<string> {
    const parts: string[] = [];
    parts.push(`editor tabs: ${(await this.editorTabs()).join(' | ') || '(none)'}`);
    const toasts = await this.notifications();
    parts.push(`notifications: ${toasts.length ? toasts.join(' | ') : '(none)'}`);
    const quick = await this.quickInputText();
    parts.push(`quick input: ${quick ? quick.replace(/\n/g, ' ⏎ ') : '(closed)'}`);
    const dialog = this.page.locator('.monaco-dialog-box');
    if (await dialog.isVisible()) parts.push(`dialog: ${normalise(await dialog.innerText())}`);
    return parts.join('\n');
  }
}

function normalise(text: string): string {
  return text.replace(/\u00a0/g, ' ').trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function exactText(text: string): RegExp {
  return new RegExp(`^\\s*${escapeRegExp(text)}\\s*$`);
}
