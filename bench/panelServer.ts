// The render bench's server: the panel page exactly as the webview tests serve it
// (test/webview/panelServer.ts: renderPanelHtml, same CSP, dist/ from 127.0.0.1), plus at
// /pre the `<pre>` baseline, which is that same page with its body swapped.
import { renderPanelHtml } from '../src/panel/webviewHtml';
import { panelPageOptions, startPanelServer as servePanel, type ExtraRoute, type PanelServer } from '../test/webview/panelServer';

export type { PanelServer };

const baselineBody = `<body class="vscode-dark">
<input id="filter" aria-label="Filter">
<pre id="pre"></pre>
</body>`;

/** The baseline: the panel's head (stylesheets, CSP), no script of its own; just a filter box and a `<pre>`. */
function preHtml(origin: string): string {
  const page = renderPanelHtml(panelPageOptions(origin, 'baseline'));
  const html = page.replace(/<body>[\s\S]*<\/body>/, baselineBody);
  if (html === page) throw new Error('renderPanelHtml no longer has the <body> the baseline replaces');
  return html;
}

/** `more`: other baselines' pages (the Timeline's plain table). */
export function startPanelServer(distDir: string, more: Record<string, ExtraRoute> = {}): Promise<PanelServer> {
  return servePanel({
    distDir,
    title: 'Contact bench',
    routes: { '/pre': { contentType: 'text/html; charset=utf-8', body: preHtml }, ...more },
  });
}
