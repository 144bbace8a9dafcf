// Serves the contact panel page exactly as VS Code gets it (renderPanelHtml, same CSP) and the
// built dist/ assets from 127.0.0.1. The webview tests (harness.ts) and the render bench
// (bench/render.ts) both drive this page; each adds its own extra paths.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { bundlePageOptions, renderPanelHtml, type PanelHtmlOptions, type WebviewBundle } from '../../src/panel/webviewHtml';

export interface PanelServer {
  origin: string;
  /** Title the page was rendered with (the webview must never change it). */
  title: string;
  close(): Promise<void>;
}

/** A page or file served at a fixed path besides the panel's own. */
export interface ExtraRoute {
  contentType: string;
  body(origin: string): string;
}

export interface PanelServerOptions {
  /** The built assets, served under /dist/. */
  distDir: string;
  title: string;
  routes?: Record<string, ExtraRoute>;
}

const contentTypes: Record<string, string> = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
};

/** The panel page's options as this server serves them (a fresh nonce each call). */
export function panelPageOptions(origin: string, title: string, bundle: WebviewBundle = 'webview'): PanelHtmlOptions {
  return bundlePageOptions(bundle, origin, (file) => `${origin}/dist/${file}`, title);
}

export async function startPanelServer(opts: PanelServerOptions): Promise<PanelServer> {
  const { distDir, title, routes = {} } = opts;
  let origin = '';
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', origin);
      if (url.pathname === '/') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(renderPanelHtml(panelPageOptions(origin, title)));
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
      const route = Object.hasOwn(routes, url.pathname) ? routes[url.pathname] : undefined;
      if (route) {
        res.writeHead(200, { 'content-type': route.contentType }).end(route.body(origin));
        return;
      }
      res.writeHead(404).end();
    })();
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, title, close: () => new Promise<void>((ok) => server.close(() => ok())) };
}
