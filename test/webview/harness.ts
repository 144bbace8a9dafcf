// Test harness for the contact panel webview: serves the exact page renderPanelHtml
// builds (same CSP) plus dist/ from a 127.0.0.1 server (panelServer.ts), and drives it in Debian's
// Chromium with playwright-core. A stub `acquireVsCodeApi` (added before any page
// script runs) records what the webview posts and saves; the host side is played by
// window.postMessage, as VS Code delivers host messages.
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { HostMessage, PanelState, WebviewMessage } from '../../src/protocol/messages';
import { startPanelServer as servePanel, type PanelServer } from './panelServer';

export type { PanelServer };

export const repoRoot = resolve(__dirname, '../../..');
// WEBVIEW_DIST_DIR runs the same tests against another build (e.g. a production one).
const distDir = resolve(process.env.WEBVIEW_DIST_DIR ?? join(repoRoot, 'dist'));
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The tree's fixed row height (webview/tree.ts rowHeight). */
export const rowHeightPx = 22;

export const pageTitle = 'Contact c0ffee00 <b>&amp;</b>';

/** The panel page as the tests get it, plus the stand-in theme stylesheet at /test-theme.css. */
export function startPanelServer(): Promise<PanelServer> {
  return servePanel({
    distDir,
    title: pageTitle,
    routes: { '/test-theme.css': { contentType: 'text/css', body: () => testThemeCss } },
  });
}

// A stand-in for the theme variables VS Code injects into every webview (values from its
// default Dark Modern, Light Modern and High Contrast themes): test-only colours.
const themeVars: Record<string, Record<string, string>> = {
  'vscode-dark': {
    foreground: 'rgb(204, 204, 204)',
    'editor-background': 'rgb(31, 31, 31)',
    focusBorder: 'rgb(0, 120, 212)',
    descriptionForeground: 'rgb(157, 157, 157)',
    'list-activeSelectionBackground': 'rgb(4, 57, 94)',
    'list-activeSelectionForeground': 'rgb(255, 255, 255)',
    'list-inactiveSelectionBackground': 'rgb(55, 55, 61)',
    'list-hoverBackground': 'rgb(42, 45, 46)',
    'list-filterMatchBackground': 'rgba(234, 92, 0, 0.33)',
    'textLink-foreground': 'rgb(76, 170, 255)',
    'badge-background': 'rgb(97, 97, 97)',
    'badge-foreground': 'rgb(248, 248, 248)',
    'inputValidation-errorBackground': 'rgb(90, 29, 29)',
    'inputValidation-errorBorder': 'rgb(190, 17, 0)',
    errorForeground: 'rgb(248, 81, 73)',
  },
  'vscode-light': {
    foreground: 'rgb(59, 59, 59)',
    'editor-background': 'rgb(255, 255, 255)',
    focusBorder: 'rgb(0, 90, 158)',
    descriptionForeground: 'rgb(113, 113, 113)',
    'list-activeSelectionBackground': 'rgb(232, 232, 232)',
    'list-activeSelectionForeground': 'rgb(0, 0, 0)',
    'list-inactiveSelectionBackground': 'rgb(228, 230, 241)',
    'list-hoverBackground': 'rgb(242, 242, 242)',
    'list-filterMatchBackground': 'rgba(234, 92, 0, 0.33)',
    'textLink-foreground': 'rgb(0, 95, 184)',
    'badge-background': 'rgb(204, 204, 204)',
    'badge-foreground': 'rgb(59, 59, 59)',
    'inputValidation-errorBackground': 'rgb(242, 222, 222)',
    'inputValidation-errorBorder': 'rgb(190, 17, 0)',
    errorForeground: 'rgb(229, 20, 0)',
  },
  'vscode-high-contrast': {
    foreground: 'rgb(255, 255, 255)',
    'editor-background': 'rgb(0, 0, 0)',
    focusBorder: 'rgb(243, 133, 51)',
    contrastBorder: 'rgb(111, 195, 223)',
    contrastActiveBorder: 'rgb(243, 133, 51)',
    descriptionForeground: 'rgb(255, 255, 255)',
    'list-activeSelectionBackground': 'rgb(0, 0, 0)',
    'list-hoverBackground': 'rgb(0, 0, 0)',
    'list-filterMatchBorder': 'rgb(243, 133, 51)',
    'textLink-foreground': 'rgb(33, 166, 255)',
    'badge-background': 'rgb(0, 0, 0)',
    'badge-foreground': 'rgb(255, 255, 255)',
    'inputValidation-errorBackground': 'rgb(0, 0, 0)',
    'inputValidation-errorBorder': 'rgb(243, 133, 51)',
    errorForeground: 'rgb(243, 133, 51)',
  },
};

export const testThemeCss = Object.entries(themeVars)
  .map(
    ([cls, vars]) =>
      `body.${cls} { --vscode-font-family: system-ui, sans-serif; --vscode-font-size: 13px; --vscode-editor-font-family: monospace; ${Object.entries(vars)
        .map(([k, v]) => `--vscode-${k}: ${v};`)
        .join(' ')} }`,
  )
  .join('\n');

export function themeValue(bodyClass: string, name: string): string {
  return themeVars[bodyClass][name];
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    // A fixed zone that is not UTC, so "local" and "UTC" differ visibly.
    env: { ...process.env, TZ: 'America/New_York' },
  });
}

/** What the stub records in the page. */
interface Recorded {
  posted: WebviewMessage[];
  state: PanelState | undefined;
  stateSaves: number;
  cspViolations: string[];
  errors: string[];
}

export interface PanelPage {
  page: Page;
  /** Delivers a host message as VS Code does (a window message event). */
  send(message: HostMessage): Promise<void>;
  posted(): Promise<WebviewMessage[]>;
  /** Resolves when the webview has posted a message with (at least) these fields. */
  waitForPosted(expected: Partial<Record<string, unknown>>): Promise<void>;
  state(): Promise<PanelState | undefined>;
  /** Resolves when the saved state has (at least) these fields. */
  waitForState(expected: Partial<Record<string, unknown>>): Promise<void>;
  recorded(): Promise<Recorded>;
  /** The rendered tree rows, in visual order. */
  rows(): Promise<RowInfo[]>;
  /** The row whose key is exactly `key` (the first, or the one under `parentKey`'s row path). */
  row(key: string): Promise<RowInfo>;
  /** The key of the row that has keyboard focus, or undefined. */
  focusedKey(): Promise<string | undefined>;
  click(row: RowInfo, selector?: string): Promise<void>;
  /** Errors thrown in the page (uncaught) and console errors. */
  pageErrors: string[];
  close(): Promise<void>;
}

export interface RowInfo {
  index: string;
  key: string;
  /** The value text, or the item count for containers. */
  value: string;
  title: string;
  level: number;
  expanded: string | null;
  setsize: number;
  posinset: number;
  selected: boolean;
  focused: boolean;
  tabIndex: number;
  path: (string | number)[];
  context: Record<string, unknown>;
}

const rowsScript = `[...document.querySelectorAll('[role=tree] [role=treeitem]')].map((r) => {
  const v = r.querySelector('.value, .count');
  const context = JSON.parse(r.dataset.vscodeContext || '{}');
  return {
    index: r.dataset.index,
    key: r.querySelector('.key').textContent,
    value: v ? v.textContent : '',
    title: v ? v.title : '',
    level: Number(r.getAttribute('aria-level')),
    expanded: r.getAttribute('aria-expanded'),
    setsize: Number(r.getAttribute('aria-setsize')),
    posinset: Number(r.getAttribute('aria-posinset')),
    selected: r.getAttribute('aria-selected') === 'true',
    focused: document.activeElement === r,
    tabIndex: r.tabIndex,
    path: context.path,
    context,
  };
})`;

export async function openPanel(
  browser: Browser,
  server: PanelServer,
  opts: { initialState?: PanelState; viewport?: { width: number; height: number }; bodyClass?: string } = {},
): Promise<PanelPage> {
  const context = await browser.newContext({ viewport: opts.viewport ?? { width: 1000, height: 1400 } });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text());
  });
  // Passed as JSON text: a typed PanelState argument is too deep for playwright's Unboxed<>.
  await page.addInitScript(stubScript, JSON.stringify({ initialState: opts.initialState ?? null, bodyClass: opts.bodyClass ?? 'vscode-dark' }));
  await page.goto(`${server.origin}/`);
  await page.addStyleTag({ url: `${server.origin}/test-theme.css` });
  await page.waitForFunction(matchesRecorded, JSON.stringify({ where: 'posted', want: partial({ type: 'ready' }) }));
  const recorded = () => page.evaluate<Recorded>('window.__vscodeStub');
  return {
    page,
    pageErrors,
    send: async (message) => {
      // Dispatched synchronously, so the webview has handled it when this resolves.
      await page.evaluate(
        (json: string) => {
          const g = globalThis as unknown as { dispatchEvent(e: unknown): void; MessageEvent: new (t: string, i: unknown) => unknown };
          g.dispatchEvent(new g.MessageEvent('message', { data: JSON.parse(json) as unknown }));
        },
        JSON.stringify(message),
      );
    },
    posted: async () => (await recorded()).posted,
    // Predicates are functions, not strings: a string predicate is eval'd in the page,
    // which the panel's CSP (rightly) refuses.
    waitForPosted: async (expected) => {
      await page.waitForFunction(matchesRecorded, JSON.stringify({ where: 'posted', want: partial(expected) }), { timeout: 5000 });
    },
    waitForState: async (expected) => {
      await page.waitForFunction(matchesRecorded, JSON.stringify({ where: 'state', want: partial(expected) }), { timeout: 5000 });
    },
    state: async () => (await recorded()).state,
    recorded,
    rows: () => page.evaluate<RowInfo[]>(rowsScript),
    row: async (key) => {
      const found = (await page.evaluate<RowInfo[]>(rowsScript)).find((r) => r.key === key);
      if (!found) throw new Error(`No rendered row with key ${JSON.stringify(key)}`);
      return found;
    },
    focusedKey: () =>
      page.evaluate<string | undefined>(
        `(() => { const r = document.activeElement; return r && r.getAttribute('role') === 'treeitem' ? r.querySelector('.key').textContent : undefined; })()`,
      ),
    click: (row, selector) => page.locator(`[role=treeitem][data-index="${row.index}"]${selector ? ` ${selector}` : ''}`).click(),
    close: () => context.close(),
  };
}

function partial(expected: Partial<Record<string, unknown>>): [string, string][] {
  return Object.entries(expected).map(([k, v]) => [k, JSON.stringify(v)]);
}

// Runs in the page (serialised by playwright: no closures).
function matchesRecorded(argJson: string): boolean {
  const { where, want } = JSON.parse(argJson) as { where: 'posted' | 'state'; want: [string, string][] };
  const stub = (globalThis as unknown as { __vscodeStub: { posted: Record<string, unknown>[]; state?: Record<string, unknown> } }).__vscodeStub;
  const matches = (m: Record<string, unknown> | undefined) => m !== undefined && want.every(([k, v]) => JSON.stringify(m[k]) === v);
  return where === 'posted' ? stub.posted.some(matches) : matches(stub.state);
}

// Runs in the page before its scripts (serialised by playwright: no closures).
function stubScript(argJson: string): void {
  const arg = JSON.parse(argJson) as { initialState: unknown; bodyClass: string };
  const g = globalThis as unknown as Record<string, unknown> & {
    document: { addEventListener(t: string, f: (e: Record<string, unknown>) => void): void; documentElement: unknown };
  };
  const rec = { posted: [] as unknown[], state: arg.initialState ?? undefined, stateSaves: 0, cspViolations: [] as string[], errors: [] };
  g.__vscodeStub = rec;
  let acquired = false;
  g.acquireVsCodeApi = () => {
    if (acquired) throw new Error('acquireVsCodeApi called twice');
    acquired = true;
    return {
      postMessage: (m: unknown) => rec.posted.push(JSON.parse(JSON.stringify(m))),
      getState: () => rec.state,
      setState: (s: unknown) => {
        rec.state = JSON.parse(JSON.stringify(s)) as typeof rec.state;
        rec.stateSaves++;
      },
    };
  };
  g.document.addEventListener('securitypolicyviolation', (e) =>
    rec.cspViolations.push(`${String(e.violatedDirective)} ${String(e.blockedURI)} ${String(e.sample)} at ${String(e.sourceFile)}:${String(e.lineNumber)}:${String(e.columnNumber)}`),
  );
  // VS Code puts the theme kind on <body>; do the same once it exists.
  g.document.addEventListener('DOMContentLoaded', () => {
    (g.document as unknown as { body: { classList: { add(c: string): void } } }).body.classList.add(arg.bodyClass);
  });
}

export interface PanelSuite {
  /** The panel opened for the current test (a fresh page each test). */
  readonly panel: PanelPage;
  /** Opens another page (e.g. a restored panel); closed after the test like the first. */
  open(opts?: Parameters<typeof openPanel>[2]): Promise<PanelPage>;
}

/**
 * Mocha hooks for a describe block: one server and browser per block, a fresh panel per
 * test, and after each test: no CSP violation and no error in any page it opened.
 */
export function panelSuite(opts: Parameters<typeof openPanel>[2] = {}): PanelSuite {
  let browser: Browser;
  let server: PanelServer;
  let pages: PanelPage[] = [];
  const suite = {
    get panel(): PanelPage {
      return pages[0];
    },
    async open(more: Parameters<typeof openPanel>[2] = {}): Promise<PanelPage> {
      const p = await openPanel(browser, server, more);
      pages.push(p);
      return p;
    },
  };
  before(async function () {
    this.timeout(60000);
    server = await startPanelServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  beforeEach(async function () {
    this.timeout(30000);
    pages = [];
    await suite.open(opts);
  });
  afterEach(async () => {
    const problems: string[] = [];
    for (const p of pages) {
      const rec = await p.recorded().catch(() => undefined);
      if (rec) problems.push(...rec.cspViolations.map((v) => `CSP violation: ${v}`));
      problems.push(...p.pageErrors.map((e) => `page error: ${e}`));
      await p.close();
    }
    if (problems.length) throw new Error(problems.join('\n'));
  });
  return suite;
}
