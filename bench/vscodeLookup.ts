// What a person waits for in VS Code: Describe Contact from the command palette with a pasted
// contact ARN, in code-server (real VS Code) with the packaged VSIX, driven through Chromium.
// Each lookup is timed in the workbench's own page, from the keydown of the Enter that submits the
// ARN to the first animation frame after one in which a webview on screen (its container visible,
// not zero-sized) holds that contact's header and a row of its tree: the frame that paints it.
// The page reads the webview's documents directly (code-server serves them from its own origin).
// Playwright then checks the same from outside; its own time is kept in the data for comparison:
// it polls each frame from this process, and under load that added 100-250 ms to a panel already
// on screen. Baseline, in the same run: `aws connect describe-contact` for the same contact.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { sampleContactArn } from '../test/endpoint/sampleIds';
import { launchChromium } from '../test/runner/browser';
import { startCodeServer, type CodeServer } from '../test/runner/codeServer';
import { codeServerBin } from '../test/runner/paths';
import { endpointUrl, fixtureEnv, instanceAContacts, localProfile, sampleIds } from './localAccount';

export interface VscodeLookupResults {
  vscodeVersion: string;
  /** The plain panel-per-lookup build (connectContacts.panel.reuse = false) or the preview panel. */
  mode: 'preview' | 'panelPerLookup';
  firstMs: number;
  laterMs: number[];
  alreadyOpenMs: number[];
  /** The same lookups as Playwright saw them (first, later..., already open...). */
  playwrightMs: number[];
  cliMs: number[];
  loadBefore: number[];
  loadAfter: number[];
}

function cliLookupMs(contactId: string): number {
  const t0 = performance.now();
  const r = spawnSync('aws', ['connect', 'describe-contact', '--instance-id', sampleIds.instanceA, '--contact-id', contactId, '--endpoint-url', endpointUrl(), '--profile', localProfile, '--region', 'us-east-1', '--output', 'json'], { env: fixtureEnv(), encoding: 'utf8' });
  const wall = performance.now() - t0;
  if (r.status !== 0 || !(r.stdout ?? '').includes(contactId)) throw new Error(`aws CLI failed: ${(r.stderr ?? '').slice(0, 300)}`);
  return wall;
}

/** In the workbench page (addInitScript): `__lookupPaint.arm(id)` resolves with ms from the Enter to the contact painted. */
const paintProbe = String.raw`
(() => {
  let enterAt = NaN;
  document.addEventListener('keydown', (e) => { if (e.key === 'Enter') enterAt = performance.now(); }, true);
  const shows = (frame, id) => {
    const box = frame.parentElement;
    if (!box || getComputedStyle(box).visibility !== 'visible' || frame.getBoundingClientRect().width === 0) return false;
    const doc = frame.contentDocument?.querySelector('iframe#active-frame')?.contentDocument;
    const header = doc?.querySelector('.contact-header');
    return !!header && header.textContent.includes(id) && !!doc.querySelector('[role="treeitem"]');
  };
  window.__lookupPaint = {
    arm: (id) => { enterAt = NaN; return new Promise((ok) => {
      const started = performance.now();
      const frame = () => {
        if (performance.now() - started > 30000) return ok(NaN);
        if (!Number.isNaN(enterAt) && [...document.querySelectorAll('iframe.webview')].some((f) => shows(f, id))) {
          requestAnimationFrame(() => ok(performance.now() - enterAt));
          return;
        }
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    }); },
  };
})();
`;

function visibleWebview(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview >> visible=true').frameLocator('iframe#active-frame');
}

async function palette(page: Page, title: string): Promise<void> {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  // F1 from wherever the focus is (the panel's tree takes it when a contact arrives); pressed
  // again if the first press was swallowed while the workbench settled.
  for (let attempt = 0; ; attempt++) {
    await page.locator('.monaco-workbench').focus();
    await page.keyboard.press('F1');
    if (await input.waitFor({ timeout: 3000 }).then(() => true, () => false)) break;
    if (attempt >= 4) throw new Error('the command palette did not open');
    await page.keyboard.press('Escape');
  }
  const row = page.locator('.quick-input-widget .quick-input-list .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: title }) }).first();
  for (let i = 0; ; i++) {
    await input.fill(`>${title}`);
    if (await row.waitFor({ timeout: 2000 }).then(() => true, () => false)) break;
    if (i > 15) throw new Error(`no command ${title}`);
    await input.fill('>');
  }
  await row.click();
}

/** One lookup from the palette: ms from the Enter on the ARN to the tree painted, in the page and as Playwright saw it. */
async function lookup(page: Page, contactId: string): Promise<{ ms: number; playwrightMs: number }> {
  await palette(page, 'Amazon Connect: Describe Contact');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await page.waitForFunction(() => {
    const i = (globalThis as unknown as { document: { querySelector(s: string): { value: string } | null } }).document.querySelector('.quick-input-widget .quick-input-box input');
    return i !== null && !i.value.startsWith('>');
  });
  await input.fill(sampleContactArn(sampleIds.instanceA, contactId));
  // The typed ARN's own item is the first row once the picker has read it.
  await page.locator('.quick-input-widget .quick-input-list .monaco-list-row').filter({ hasText: contactId }).first().waitFor();
  const painted = page.evaluate<number>(`window.__lookupPaint.arm(${JSON.stringify(contactId)})`);
  const t0 = performance.now();
  await input.press('Enter');
  const view = visibleWebview(page);
  await view.locator('.contact-header').filter({ hasText: contactId }).waitFor({ timeout: 30_000 });
  await view.locator('[role="treeitem"]').first().waitFor({ timeout: 30_000 });
  const playwrightMs = performance.now() - t0;
  const ms = await painted;
  if (!Number.isFinite(ms)) throw new Error(`the page never painted contact ${contactId} (Playwright saw it after ${Math.round(playwrightMs)} ms)`);
  return { ms, playwrightMs };
}

export async function runVscodeLookups(vsix: string, mode: VscodeLookupResults['mode']): Promise<VscodeLookupResults> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cce-bench-ws-'));
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  const loadBefore = os.loadavg();
  try {
    server = await startCodeServer({
      folder,
      installExtensions: [vsix],
      logName: `code-server-bench-${mode}`,
      settings: {
        'connectContacts.endpointUrl': endpointUrl(),
        'connectContacts.profile': localProfile,
        'connectContacts.region': 'us-east-1',
        ...(mode === 'panelPerLookup' ? { 'workbench.editor.enablePreview': false } : {}),
      },
    });
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.addInitScript(paintProbe);
    const page = await context.newPage();
    await page.goto(server.workbenchUrl());
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    // Ready when the workbench has read our manifest: our activity bar item is there.
    await page.locator('.part.activitybar').getByRole('tab', { name: /^Amazon Connect/ }).waitFor({ timeout: 60_000 });
    const contacts = instanceAContacts.slice(0, 6);
    const first = await lookup(page, contacts[0]);
    // Kept, so it stays open in a background tab while the later lookups come and go.
    await palette(page, 'Amazon Connect: Keep Contact Panel Open');
    const later: { ms: number; playwrightMs: number }[] = [];
    for (const id of contacts.slice(1)) later.push(await lookup(page, id));
    // Contacts already open, each in a tab behind the one on screen: the kept first contact and
    // the preview's, in turn (five, for a median).
    const alreadyOpen: { ms: number; playwrightMs: number }[] = [];
    for (let i = 0; i < 5; i++) alreadyOpen.push(await lookup(page, i % 2 === 0 ? contacts[0] : contacts[contacts.length - 1]));
    const cliMs = [contacts[0], ...contacts.slice(1)].map((id) => cliLookupMs(id));
    return {
      vscodeVersion: vscodeVersion(),
      mode,
      firstMs: first.ms,
      laterMs: later.map((l) => l.ms),
      alreadyOpenMs: alreadyOpen.map((l) => l.ms),
      playwrightMs: [first, ...later, ...alreadyOpen].map((l) => l.playwrightMs),
      cliMs,
      loadBefore,
      loadAfter: os.loadavg(),
    };
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

/** "4.100.3 <commit> with Code 1.100.3" → "VS Code 1.100.3 (code-server 4.100.3)". */
function vscodeVersion(): string {
  const out = spawnSync(codeServerBin, ['--version'], { encoding: 'utf8' }).stdout ?? '';
  const m = /^(\S+) \S+ with Code (\S+)/.exec(out.trim());
  return m ? `VS Code ${m[2]} (code-server ${m[1]})` : out.trim() || 'unknown';
}
