// The contact panel's HTML shell. Pure (no vscode import) so tests can serve the exact
// page VS Code gets. Everything dynamic comes later through postMessage, never as markup.
//
// CSP: scripts only with the nonce; styles from the extension's own files plus
// `<style nonce>` elements. The webview UI toolkit (FAST) styles its components with
// constructable stylesheets (adoptedStyleSheets), which CSP does not gate; its one
// `<style>` element (a :focus-visible support probe in fast-foundation) reads the nonce
// from `<meta property="csp-nonce">`, hence the nonce in style-src. No 'unsafe-inline',
// no 'unsafe-eval': neither FAST nor the panel needs them (the webview tests listen for
// securitypolicyviolation and fail on any).

export interface PanelHtmlOptions {
  /** `webview.cspSource`. */
  cspSource: string;
  nonce: string;
  scriptUri: string;
  styleUri: string;
  codiconUri: string;
  title: string;
}

/** The two webview bundles in dist/: the contact panel and the search panel. */
export type WebviewBundle = 'webview' | 'search';

/** A bundle's page: `distUri` turns a path under dist/ into a URI the page may load. */
export function bundlePageOptions(bundle: WebviewBundle, cspSource: string, distUri: (file: string) => string, title: string): PanelHtmlOptions {
  return {
    cspSource,
    nonce: makeNonce(),
    scriptUri: distUri(`${bundle}.js`),
    styleUri: distUri(`${bundle}.css`),
    codiconUri: distUri('codicons/codicon.css'),
    title,
  };
}

const htmlEscapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for an HTML text node or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => htmlEscapes[c]);
}

/** The Content-Security-Policy the panel runs under. */
export function panelCsp(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource} data:`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
}

export function renderPanelHtml(o: PanelHtmlOptions): string {
  const attr = escapeHtml;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(panelCsp(o.cspSource, o.nonce))}">
<meta property="csp-nonce" content="${attr(o.nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(o.codiconUri)}" id="vscode-codicon-stylesheet">
<link rel="stylesheet" href="${attr(o.styleUri)}">
<title>${escapeHtml(o.title)}</title>
</head>
<body>
<div id="app" class="app"></div>
<script nonce="${attr(o.nonce)}" src="${attr(o.scriptUri)}"></script>
</body>
</html>
`;
}

/** A fresh CSP nonce: 32 characters from 24 crypto-random bytes (base64url). */
export function makeNonce(): string {
  const bytes = new Uint8Array(24);
  globalThis.crypto.getRandomValues(bytes);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_');
}
