// Serves the contact panel exactly as VS Code gets it (renderPanelHtml, same CSP) and the
// built dist/ assets from 127.0.0.1, plus the `<pre>` baseline page under the same CSP.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { makeNonce, panelCsp, renderPanelHtml } from '../src/panel/webviewHtml';

export interface PanelServer {
  origin: string;
  close(): Promise<void>;
}

const contentTypes: Record<string, string> = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
};

/** The baseline: the same stylesheets and CSP, no script of its own; just a filter box and a `<pre>`. */
function preHtml(origin: string): string {
  const nonce = makeNonce();
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${panelCsp(origin, nonce)}">
<link rel="stylesheet" href="${origin}/dist/codicons/codicon.css">
<link rel="stylesheet" href="${origin}/dist/webview.css">
<title>baseline</title>
</head>
<body class="vscode-dark">
<input id="filter" aria-label="Filter">
<pre id="pre"></pre>
</body>
</html>
`;
}

export async function startPanelServer(distDir: string): Promise<PanelServer> {
  let origin = '';
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', origin);
      if (url.pathname === '/') {
        const html = renderPanelHtml({
          cspSource: origin,
          nonce: makeNonce(),
          scriptUri: `${origin}/dist/webview.js`,
          styleUri: `${origin}/dist/webview.css`,
          codiconUri: `${origin}/dist/codicons/codicon.css`,
          title: 'Contact bench',
        });
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
        return;
      }
      if (url.pathname === '/favicon.ico') {
        res.writeHead(204).end();
        return;
      }
      if (url.pathname === '/pre') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(preHtml(origin));
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
      res.writeHead(404).end();
    })();
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, close: () => new Promise<void>((ok) => server.close(() => ok())) };
}
