// Test harness for the contact panel webview: serves the exact page renderPanelHtml
// builds (same CSP) plus dist/ from a 127.0.0.1 server, and drives it in Debian's
// Chromium with playwright-core. A stub `acquireVsCodeApi` (added before any page
// script runs) records what the webview posts and saves; the host side is played by
// window.postMessage, as VS Code delivers host messages.
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { HostMessage, PanelState, WebviewMessage } from '../../src/protocol';
import { makeNonce, renderPanelHtml } from '../../src/panel/webviewHtml';

export const repoRoot = resolve(__dirname, '../../..');
const distDir = join(repoRoot, 'dist');
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const contentTypes: Record<string, string> = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
};

export interface PanelServer {
  origin: string;
  /** Title the page was rendered with (the webview must never change it). */
  title: string;
  close(): Promise<void>;
}

export const pageTitle = 'Contact c0ffee00 <b>&amp;</b>';

export async function startPanelServer(): Promise<PanelServer> {
  let origin = '';
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', origin);
      if (url.pathname === '/') {
        const html = renderPanelHtml({
          cspSource: origin,
          nonce: makeNonce(),
          scriptUri: `${origin}/dist/webview.js`,
          styleUri: `${origin}/dist/webview.css`,
          codiconUri: `${origin}/dist/codicons/codicon.css`,
          title: pageTitle,
        });
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
        return;
      }
      if (url.pathname.startsWith('/dist/')) {
        const file = normalize(join(distDir, url.pathname.slice('/dist/'.length)));
        if (!file.startsWith(distDir)) {
          res.writeHead(403).end();
          return;
        }
        try {
          const body = await readFile(file);
          res.writeHead(200, { 'content-type': contentTypes[extname(file)] ?? 'application/octet-stream' }).end(body);
        } catch {
          res.writeHead(404).end();
        }
        return;
      }
      if (url.pathname === '/favicon.ico') {
        res.writeHead(204).end();
        return;
      }
      if (url.pathname === '/test-theme.css') {
        // A stand-in for the theme variables VS Code injects (test-only colours).
        res.writeHead(200, { 'content-type': 'text/css' }).end(testThemeCss);
        return;
      }
      res.writeHead(404).end();
    })();
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    title: pageTitle,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

const testThemeCss = `
body.vscode-dark { --vscode-foreground: rgb(204, 204, 204); --vscode-editor-background: rgb(30, 30, 30); --vscode-focusBorder: rgb(0, 127, 212); --vscode-list-activeSelectionBackground: rgb(4, 57, 94); --vscode-textLink-foreground: rgb(55, 148, 255); }
body.vscode-light { --vscode-foreground: rgb(97, 97, 97); --vscode-editor-background: rgb(255, 255, 255); --vscode-focusBorder: rgb(0, 95, 184); --vscode-list-activeSelectionBackground: rgb(0, 96, 192); --vscode-textLink-foreground: rgb(0, 106, 204); }
body.vscode-high-contrast { --vscode-foreground: rgb(255, 255, 255); --vscode-editor-background: rgb(0, 0, 0); --vscode-focusBorder: rgb(243, 133, 51); --vscode-contrastActiveBorder: rgb(243, 133, 51); --vscode-textLink-foreground: rgb(33, 166, 255); }
`;

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
  recorded(): Promise<Recorded>;
  /** Errors thrown in the page (uncaught) and console errors. */
  pageErrors: string[];
  close(): Promise<void>;
}

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
  await page.waitForFunction('window.__vscodeStub.posted.some((m) => m.type === "ready")');
  const recorded = () => page.evaluate('window.__vscodeStub') as Promise<Recorded>;
  return {
    page,
    pageErrors,
    send: async (message) => {
      // Dispatched synchronously, so the webview has handled it when this resolves.
      await page.evaluate(
        (json: string) => {
          const g = globalThis as unknown as { dispatchEvent(e: unknown): void; MessageEvent: new (t: string, i: unknown) => unknown };
          g.dispatchEvent(new g.MessageEvent('message', { data: JSON.parse(json) }));
        },
        JSON.stringify(message),
      );
    },
    posted: async () => (await recorded()).posted,
    waitForPosted: async (expected) => {
      const want = JSON.stringify(Object.entries(expected).map(([k, v]) => [k, JSON.stringify(v)]));
      await page.waitForFunction(
        `window.__vscodeStub.posted.some((m) => ${want}.every(([k, v]) => JSON.stringify(m[k]) === v))`,
        undefined,
        { timeout: 5000 },
      );
    },
    state: async () => (await recorded()).state,
    recorded,
    close: () => context.close(),
  };
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
        rec.state = JSON.parse(JSON.stringify(s));
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
