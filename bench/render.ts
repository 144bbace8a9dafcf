// First render, one filter keystroke and Expand All of the real panel (dist/webview.js in
// the real CSP page) in headless Chromium, against the same contact as indented JSON in a
// <pre> under the same page and styles. A fresh page for every sample; runs interleaved.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { ContactDocument } from '../src/contact/contactDocument';
import type { HostMessage } from '../src/protocol/messages';
import { pageScript } from './pageScript';
import { startPanelServer } from './panelServer';
import { loadVoiceSample, syntheticContact } from './syntheticContact';
import { localProfile, localRegion, sampleIds } from './localAccount';

export interface TimedSample {
  ms: number;
  frameMs: number;
  rows?: number;
  lines?: number;
  matches?: string;
  /** Expand All: collapsed rows in view before the click. */
  collapsedBefore?: number;
  error?: string;
}

export interface RenderSizeResult {
  fields: number;
  documentBytes: number;
  panel: TimedSample[];
  pre: TimedSample[];
}

export interface RenderResults {
  sizes: RenderSizeResult[];
  /** At the largest size. */
  filterKey: string;
  filter: TimedSample[];
  preFilter: TimedSample[];
  expandAll: TimedSample[];
  pageErrors: string[];
}

export interface RenderOptions {
  repoRoot: string;
  distDir: string;
  chromiumPath: string;
  sizes: number[];
  runs: number;
  /** The character typed into the filter box. */
  filterKey: string;
}

function contactMessage(contact: ContactDocument): HostMessage {
  return {
    type: 'contact',
    ref: { profile: localProfile, region: localRegion, instanceId: sampleIds.instanceA, contactId: sampleIds.voice },
    contact,
    fetchedAt: '2024-05-01T12:00:00.000Z',
    timeZone: 'utc',
  };
}

/** Calls window.__bench[name](arg) in the page; the argument travels as a JS string literal. */
function call<T>(page: Page, name: string, arg?: string): Promise<T> {
  return page.evaluate<T>(`window.__bench.${name}(${arg === undefined ? '' : JSON.stringify(arg)})`);
}

async function openPage(context: BrowserContext, url: string, errors: string[]): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    // A failed load is reported by the response listener, with its URL.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
  });
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`HTTP ${r.status()} for ${r.url()}`);
  });
  await page.goto(url);
  return page;
}

export async function runRender(opts: RenderOptions): Promise<RenderResults> {
  const server = await startPanelServer(opts.distDir);
  let browser: Browser | undefined;
  const errors: string[] = [];
  try {
    browser = await chromium.launch({
      executablePath: opts.chromiumPath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
    await context.addInitScript(pageScript);
    const base = loadVoiceSample(opts.repoRoot);
    const largest = Math.max(...opts.sizes);
    const results: RenderResults = { sizes: [], filterKey: opts.filterKey, filter: [], preFilter: [], expandAll: [], pageErrors: errors };

    for (const fields of opts.sizes) {
      const messageJson = JSON.stringify(contactMessage(syntheticContact(base, fields)));
      const size: RenderSizeResult = { fields, documentBytes: messageJson.length, panel: [], pre: [] };
      results.sizes.push(size);
      for (let run = 0; run < opts.runs; run++) {
        // Alternate which side goes first.
        for (const side of run % 2 === 0 ? (['panel', 'pre'] as const) : (['pre', 'panel'] as const)) {
          if (side === 'panel') {
            const page = await openPage(context, `${server.origin}/`, errors);
            await call(page, 'ready');
            size.panel.push(await call<TimedSample>(page, 'render', messageJson));
            if (fields === largest) {
              await page.focus('vscode-text-field.filter input');
              await call(page, 'armFilter');
              await page.keyboard.press(opts.filterKey);
              results.filter.push(await call<TimedSample>(page, 'pending'));
              // Clear the filter (Escape), back to the view as first rendered, then Expand All.
              await page.keyboard.press('Escape');
              await page.evaluate('new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)))');
              results.expandAll.push(await call<TimedSample>(page, 'expandAll'));
            }
            await page.close();
          } else {
            const page = await openPage(context, `${server.origin}/pre`, errors);
            await page.evaluate('document.fonts.ready');
            size.pre.push(await call<TimedSample>(page, 'renderPre', messageJson));
            if (fields === largest) {
              await page.focus('#filter');
              await call(page, 'armPreFilter');
              await page.keyboard.press(opts.filterKey);
              results.preFilter.push(await call<TimedSample>(page, 'pending'));
            }
            await page.close();
          }
        }
      }
    }
    await context.close();
    return results;
  } finally {
    await browser?.close();
    await server.close();
  }
}
