// Plain JavaScript that runs in the benchmark page before any page script (addInitScript,
// which CSP does not gate): a stub acquireVsCodeApi that costs what VS Code's does
// (setState serialises the state to JSON; postMessage clones), and the in-page timers.
// Every time is taken in the page with performance.now(); layout is forced before the
// clock stops, so "in the DOM" means laid out, not just inserted.
export const pageScript = String.raw`
(() => {
  const posted = [];
  let state;
  window.__vscodeStub = { posted, stateBytes: 0 };
  window.acquireVsCodeApi = () => ({
    postMessage: (m) => posted.push(structuredClone(m)),
    getState: () => state,
    setState: (s) => { state = s; window.__vscodeStub.stateBytes = JSON.stringify(s).length; },
  });
  document.addEventListener('DOMContentLoaded', () => document.body.classList.add('vscode-dark'));

  const timeoutMs = 15000;
  const rows = () => document.querySelectorAll('[role=treeitem]');
  const layout = (el) => { if (el) el.getBoundingClientRect(); return document.body.offsetHeight; };
  const nextFrame = () => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));

  /** Resolves when check() holds: at once, or on the first DOM mutation after which it does. */
  const when = (check) => new Promise((ok) => {
    if (check()) return ok(true);
    const obs = new MutationObserver(() => { if (check()) { obs.disconnect(); clearTimeout(timer); ok(true); } });
    obs.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
    const timer = setTimeout(() => { obs.disconnect(); ok(false); }, timeoutMs);
  });

  async function finish(t0, done, extra) {
    const ok = await done;
    const list = rows();
    layout(list[list.length - 1]);
    const t1 = performance.now();
    await nextFrame();
    return Object.assign({ ms: ok ? t1 - t0 : NaN, frameMs: ok ? performance.now() - t0 : NaN, rows: list.length }, extra ? extra() : {});
  }

  window.__bench = {
    ready: async () => {
      await when(() => posted.some((m) => m.type === 'ready'));
      await document.fonts.ready;
      await nextFrame();
    },

    /** The panel: from posting the contact message to its tree rows laid out. */
    render: (messageJson) => {
      const message = JSON.parse(messageJson);
      return new Promise((ok) => {
        let t0 = 0;
        // Registered after the webview's own listener, so it runs after the webview handled the message.
        window.addEventListener('message', () => {
          ok(finish(t0, when(() => rows().length > 0)));
        }, { once: true });
        t0 = performance.now();
        window.postMessage(message, '*');
      });
    },

    /** The baseline: the same message, its contact put in a <pre> as indented JSON. */
    renderPre: (messageJson) => {
      const message = JSON.parse(messageJson);
      const pre = document.getElementById('pre');
      return new Promise((ok) => {
        let t0 = 0;
        window.addEventListener('message', (e) => {
          pre.textContent = JSON.stringify(e.data.contact, null, 2);
          layout(pre);
          const t1 = performance.now();
          nextFrame().then(() => ok({ ms: t1 - t0, frameMs: performance.now() - t0, lines: pre.textContent.split('\n').length }));
        }, { once: true });
        t0 = performance.now();
        window.postMessage(message, '*');
      });
    },

    /** Arms the timer for one keystroke in the panel's filter box: keydown to the match count changing. */
    armFilter: () => {
      const count = document.querySelector('.match-count');
      const before = count ? count.textContent : '';
      window.__pending = new Promise((ok) => {
        window.addEventListener('keydown', () => {
          const t0 = performance.now();
          ok(finish(t0, when(() => count && count.textContent !== before), () => ({ matches: count ? count.textContent : '' })));
        }, { capture: true, once: true });
      });
    },

    /** The baseline filter: the <pre>'s lines that contain the text, re-set as its text. */
    armPreFilter: () => {
      const pre = document.getElementById('pre');
      const input = document.getElementById('filter');
      const full = pre.textContent;
      const lines = full.split('\n');
      let t0 = 0;
      window.__pending = new Promise((ok) => {
        window.addEventListener('keydown', () => { t0 = performance.now(); }, { capture: true, once: true });
        input.addEventListener('input', () => {
          const needle = input.value.toLowerCase();
          const shown = needle ? lines.filter((l) => l.toLowerCase().includes(needle)) : lines;
          pre.textContent = shown.join('\n');
          layout(pre);
          const t1 = performance.now();
          nextFrame().then(() => ok({ ms: t1 - t0, frameMs: performance.now() - t0, matches: String(shown.length) + ' lines' }));
        }, { once: true });
      });
    },

    pending: () => window.__pending,

    /** Expand All in the panel's toolbar: click to no collapsed row left in view. */
    expandAll: () => {
      const button = document.querySelector('vscode-button.expand-all');
      if (!button) return { ms: NaN, error: 'no vscode-button.expand-all' };
      const collapsedBefore = document.querySelectorAll('[role=treeitem][aria-expanded="false"]').length;
      const t0 = performance.now();
      button.click();
      return finish(t0, when(() => document.querySelectorAll('[role=treeitem][aria-expanded="false"]').length === 0), () => ({
        collapsedBefore,
        height: document.querySelector('[role=tree]') ? document.querySelector('[role=tree]').style.height : '',
      }));
    },
  };
})();
`;
