// The Timeline of the long chat (5,013 flow-log events, a loop): the fetch of every page through
// the extension's own FlowLogService (its scheduler and the Logs quota of 5 per second) against
// `aws logs filter-log-events` for the same pattern and window (the CLI follows the pages
// itself); then, in headless Chromium, the Timeline's first render and one filter keystroke in
// the real panel against the same events as rows of a plain <table> in the same page and styles.
// Runs interleaved; every time taken in the page with performance.now() after layout.
import { performance } from 'node:perf_hooks';
import { chromium, type Browser, type Page } from 'playwright-core';
import { FlowLogService } from '../src/aws/flowLogService';
import type { HostMessage } from '../src/protocol/messages';
import { loadTimeline } from '../src/story/flowLogTimeline';
import { contactFilterPattern } from '../src/timeline/filterPattern';
import { flowLogWindow } from '../src/timeline/flowLogWindow';
import type { TimelineState } from '../src/timeline/timelineState';
import { packTimeline } from '../src/timeline/timelineWire';
import { loadSampleContacts } from '../test/endpoint/sampleData';
import { flowLogIds } from '../test/endpoint/sampleIds';
import { sampleSources } from '../test/webview/fixtures/timeline';
import { fromWireJson } from '../src/contact/contactDocument';
import { awsCli } from './awsCli';
import { discardingLogger, endpointUrl, fixtureEnv, localProfile, localRegion, sampleIds, transport } from './localAccount';
import { renderPanelHtml } from '../src/panel/webviewHtml';
import { panelPageOptions } from '../test/webview/panelServer';
import { pageScript } from './pageScript';
import { startPanelServer } from './panelServer';
import type { TimedSample } from './render';

export interface TimelineFetchResults {
  events: number;
  pages: number;
  extensionMs: number[];
  cliMs: number[];
  cliEvents: number;
}

export interface TimelineRenderResults {
  events: number;
  panel: TimedSample[];
  table: TimedSample[];
  filter: TimedSample[];
  tableFilter: TimedSample[];
  filterKey: string;
  pageErrors: string[];
}

async function cli(args: string[]): Promise<{ ms: number; events: number }> {
  const r = await awsCli<{ events?: unknown[] }>(args);
  return { ms: r.ms, events: r.output.events?.length ?? 0 };
}

/** The long chat as the endpoint serves it (its times rebased like the server's). */
function longChat() {
  const c = loadSampleContacts({ now: Date.now() }).get(flowLogIds.longChat.contactId);
  if (!c) throw new Error('no long chat sample');
  return fromWireJson({ Contact: c.contact }).Contact;
}

export async function runTimelineFetch(runs: number): Promise<TimelineFetchResults> {
  const url = endpointUrl();
  const service = new FlowLogService({ env: fixtureEnv(), transport: () => ({ ...transport(), logsEndpointUrl: url }), logger: discardingLogger() });
  const target = { profile: localProfile, region: localRegion };
  // The endpoint's contacts were rebased when it started; the window is taken from what it serves.
  const window = flowLogWindow(longChat(), Date.now());
  if (!window) throw new Error('the long chat has no window');
  const id = flowLogIds.longChat.contactId;
  const fetchOnce = async () => {
    const t0 = performance.now();
    const r = await service.filterContactEvents(target, { logGroupName: flowLogIds.logGroup, contactId: id, startTime: window.startTime, endTime: window.endTime, priority: 'interactive' });
    return { ms: performance.now() - t0, events: r.events.length, pages: r.pages };
  };
  const args = ['logs', 'filter-log-events', '--log-group-name', flowLogIds.logGroup, '--filter-pattern', contactFilterPattern(id), '--start-time', String(window.startTime), '--end-time', String(window.endTime), '--endpoint-url', url, '--profile', localProfile, '--region', localRegion, '--output', 'json'];
  try {
    // Warm-up: the SDK chunk, credentials, sockets; and the CLI's own first start.
    await fetchOnce();
    await cli(args);
    const out: TimelineFetchResults = { events: 0, pages: 0, extensionMs: [], cliMs: [], cliEvents: 0 };
    for (let i = 0; i < runs; i++) {
      // A full Logs bucket for each sample, as for a person who opens one Timeline.
      await new Promise((r) => setTimeout(r, 1100));
      const e = await fetchOnce();
      out.extensionMs.push(e.ms);
      out.events = e.events;
      out.pages = e.pages;
      const c = await cli(args);
      out.cliMs.push(c.ms);
      out.cliEvents = c.events;
    }
    return out;
  } finally {
    await service.dispose();
  }
}

/** The plain-table baseline's page: the panel's head (styles, CSP), a filter box and an empty table. */
const tableBody = `<body class="vscode-dark">
<input id="filter" aria-label="Filter">
<table id="table"><thead><tr><th>Time</th><th>T+</th><th>Flow</th><th>Block</th><th>Identifier</th><th>Parameters</th><th>Results</th></tr></thead><tbody id="rows"></tbody></table>
</body>`;

/** In-page timers for the Timeline and for the table (addInitScript, beside pageScript's). */
const timelineScript = String.raw`
(() => {
  const layout = (el) => { if (el) el.getBoundingClientRect(); return document.body.offsetHeight; };
  const nextFrame = () => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
  const when = (check) => new Promise((ok) => {
    if (check()) return ok(true);
    const obs = new MutationObserver(() => { if (check()) { obs.disconnect(); ok(true); } });
    obs.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
    setTimeout(() => { obs.disconnect(); ok(false); }, 15000);
  });
  const cellsOf = (r) => [r.timestamp, String(r.axisT), r.flowName || '', r.blockLabel, r.identifier || '', r.parametersJson || r.raw || '', r.results || ''];
  window.__timeline = {
    /** The panel: posting the timeline message to its rows and marks laid out. */
    render: (json) => {
      const message = JSON.parse(json);
      return new Promise((ok) => {
        let t0 = 0;
        window.addEventListener('message', async () => {
          const done = await when(() => document.querySelector('.events-body .events-row') && document.querySelector('.timeline-svg .mark'));
          layout(document.querySelector('.events-body'));
          const t1 = performance.now();
          await nextFrame();
          ok({ ms: done ? t1 - t0 : NaN, frameMs: performance.now() - t0, rows: document.querySelectorAll('.events-body .events-row').length, marks: document.querySelectorAll('.timeline-svg .mark').length });
        }, { once: true });
        t0 = performance.now();
        window.postMessage(message, '*');
      });
    },
    /** The baseline: every row of the same events in a plain table. */
    renderTable: (json) => {
      const message = JSON.parse(json);
      const body = document.getElementById('rows');
      return new Promise((ok) => {
        let t0 = 0;
        window.addEventListener('message', (e) => {
          const frag = document.createDocumentFragment();
          for (const r of e.data.timeline.rows) {
            const tr = document.createElement('tr');
            for (const text of cellsOf(r)) { const td = document.createElement('td'); td.textContent = text; tr.append(td); }
            frag.append(tr);
          }
          body.append(frag);
          layout(body);
          const t1 = performance.now();
          nextFrame().then(() => ok({ ms: t1 - t0, frameMs: performance.now() - t0, rows: body.children.length }));
        }, { once: true });
        t0 = performance.now();
        window.postMessage(message, '*');
      });
    },
    /** One keystroke in the Timeline's filter box: keydown to the count changing, laid out. */
    armFilter: () => {
      const count = document.querySelector('.events-count');
      const before = count.textContent;
      window.__pending = new Promise((ok) => {
        window.addEventListener('keydown', () => {
          const t0 = performance.now();
          when(() => count.textContent !== before).then(async (done) => {
            layout(document.querySelector('.events-body'));
            const t1 = performance.now();
            await nextFrame();
            ok({ ms: done ? t1 - t0 : NaN, frameMs: performance.now() - t0, matches: count.textContent });
          });
        }, { capture: true, once: true });
      });
    },
    /** The baseline filter: hide the table's rows whose text lacks the needle. */
    armTableFilter: () => {
      const input = document.getElementById('filter');
      const rows = [...document.getElementById('rows').children];
      const texts = rows.map((tr) => tr.textContent.toLowerCase());
      let t0 = 0;
      window.__pending = new Promise((ok) => {
        window.addEventListener('keydown', () => { t0 = performance.now(); }, { capture: true, once: true });
        input.addEventListener('input', () => {
          const needle = input.value.toLowerCase();
          let shown = 0;
          rows.forEach((tr, i) => { const hit = texts[i].includes(needle); tr.style.display = hit ? '' : 'none'; if (hit) shown++; });
          layout(document.getElementById('rows'));
          const t1 = performance.now();
          nextFrame().then(() => ok({ ms: t1 - t0, frameMs: performance.now() - t0, matches: shown + ' rows' }));
        }, { once: true });
      });
    },
    pending: () => window.__pending,
  };
})();
`;

/** The long chat's Timeline, built by the real pipeline from the sample logs (no server). */
async function longChatState(): Promise<TimelineState> {
  const contact = fromWireJson({ Contact: loadSampleContacts({ rebaseTimes: false }).get(flowLogIds.longChat.contactId)?.contact ?? {} }).Contact;
  return loadTimeline({ contact, mode: 'contact' }, sampleSources(), new AbortController().signal, () => undefined);
}

export async function runTimelineRender(opts: { distDir: string; chromiumPath: string; runs: number; filterKey: string }): Promise<TimelineRenderResults> {
  const server = await startPanelServer(opts.distDir, {
    '/table': {
      contentType: 'text/html; charset=utf-8',
      body: (origin) => renderPanelHtml(panelPageOptions(origin, 'baseline')).replace(/<body>[\s\S]*<\/body>/, tableBody),
    },
  });
  const state = await longChatState();
  const contactId = flowLogIds.longChat.contactId;
  const contactMessage: HostMessage = {
    type: 'contact',
    ref: { profile: localProfile, region: localRegion, instanceId: sampleIds.instanceA, contactId },
    contact: fromWireJson({ Contact: loadSampleContacts({ rebaseTimes: false }).get(contactId)?.contact ?? {} }),
    fetchedAt: '2026-11-30T12:00:00.000Z',
    timeZone: 'utc',
  };
  const timelineJson = JSON.stringify({ type: 'timeline', contactId, timeline: packTimeline(state) } satisfies HostMessage);
  // The plain table is sent the rows as they are, objects, as a page without the panel's packing would be.
  const tableJson = JSON.stringify({ type: 'timeline', contactId, timeline: state });
  const results: TimelineRenderResults = { events: state.rows.length, panel: [], table: [], filter: [], tableFilter: [], filterKey: opts.filterKey, pageErrors: [] };
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: opts.chromiumPath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    await context.addInitScript(pageScript);
    await context.addInitScript(timelineScript);
    const open = async (path: string): Promise<Page> => {
      const page = await context.newPage();
      page.on('pageerror', (e) => results.pageErrors.push(String(e)));
      await page.goto(`${server.origin}${path}`);
      await page.evaluate('document.fonts.ready');
      return page;
    };
    for (let run = 0; run < opts.runs; run++) {
      for (const side of run % 2 === 0 ? (['panel', 'table'] as const) : (['table', 'panel'] as const)) {
        if (side === 'panel') {
          const page = await open('/');
          await page.evaluate('window.__bench.ready()');
          // The contact is on screen and the Timeline tab chosen (it asks the host; the answer is timed).
          await page.evaluate(`window.postMessage(${JSON.stringify(contactMessage)}, '*')`);
          await page.locator('[role=tab]#tab-timeline').click();
          await page.evaluate('new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)))');
          results.panel.push(await page.evaluate<TimedSample>(`window.__timeline.render(${JSON.stringify(timelineJson)})`));
          await page.focus('.events-filter');
          await page.evaluate('window.__timeline.armFilter()');
          await page.keyboard.press(opts.filterKey);
          results.filter.push(await page.evaluate<TimedSample>('window.__timeline.pending()'));
          await page.close();
        } else {
          const page = await open('/table');
          results.table.push(await page.evaluate<TimedSample>(`window.__timeline.renderTable(${JSON.stringify(tableJson)})`));
          await page.focus('#filter');
          await page.evaluate('window.__timeline.armTableFilter()');
          await page.keyboard.press(opts.filterKey);
          results.tableFilter.push(await page.evaluate<TimedSample>('window.__timeline.pending()'));
          await page.close();
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
