// The panel's HTML shell: a strict CSP with a fresh nonce, and nothing unescaped.
import assert from 'node:assert/strict';
import { escapeHtml, makeNonce, panelCsp, renderPanelHtml } from '../../src/panel/webviewHtml';

const options = {
  cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
  nonce: 'abcDEF123_-',
  scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview.js',
  styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview.css',
  codiconUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/codicons/codicon.css',
  title: 'VOICE · 6f1d2c3b',
};

describe('webview HTML shell', () => {
  it('allows scripts only by nonce and styles only from the extension or by nonce', () => {
    const csp = panelCsp(options.cspSource, options.nonce);
    assert.equal(
      csp,
      "default-src 'none'; img-src https://file+.vscode-resource.vscode-cdn.net data:; style-src https://file+.vscode-resource.vscode-cdn.net 'nonce-abcDEF123_-'; font-src https://file+.vscode-resource.vscode-cdn.net; script-src 'nonce-abcDEF123_-'",
    );
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|unsafe-hashes|\*/);
  });

  it('puts the CSP first, gives the nonce to the one script and to FAST, and loads the assets', () => {
    const html = renderPanelHtml(options);
    const head = html.slice(0, html.indexOf('</head>'));
    assert.ok(head.indexOf('Content-Security-Policy') < head.indexOf('<link'), 'the CSP precedes every resource');
    assert.match(html, /<meta property="csp-nonce" content="abcDEF123_-">/);
    const scripts = html.match(/<script[^>]*>/g) ?? [];
    assert.deepEqual(scripts, [`<script nonce="abcDEF123_-" src="${options.scriptUri}">`]);
    assert.ok(html.includes(`<link rel="stylesheet" href="${options.styleUri}">`));
    assert.ok(html.includes(`href="${options.codiconUri}" id="vscode-codicon-stylesheet"`));
    assert.doesNotMatch(html, /\son[a-z]+=/i, 'no inline event handlers');
    assert.doesNotMatch(html, /style="/, 'no inline styles');
  });

  it('escapes the title and attribute values', () => {
    const html = renderPanelHtml({ ...options, title: '<script>alert(1)</script> & "x"', scriptUri: 'x"><script>alert(2)</script>' });
    assert.ok(html.includes('<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;</title>'));
    assert.ok(html.includes('src="x&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;"'));
    assert.equal((html.match(/<script/g) ?? []).length, 1);
    assert.equal(escapeHtml(`<>&"'`), '&lt;&gt;&amp;&quot;&#39;');
  });

  it('makes a fresh, unguessable nonce each time', () => {
    const nonces = new Set(Array.from({ length: 200 }, () => makeNonce()));
    assert.equal(nonces.size, 200);
    for (const n of nonces) assert.match(n, /^[A-Za-z0-9_-]{32}$/);
  });
});
