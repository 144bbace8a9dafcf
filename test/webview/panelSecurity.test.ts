// Hostile contact data in the panel: every string is markup, script, template syntax,
// bidi or control characters. It must arrive on screen as text and nothing else.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ContactDocument } from '../../src/contact/contactDocument';
import docsJson from '../../src/contact/describeContactDocs.json';
import { withFieldDoc, type FieldDocsTable } from '../../src/contact/fieldDocs';
import type { FieldNode } from '../../src/contact/fieldNode';
import { buildFieldTree, fieldTooltip } from '../../src/contact/fieldTree';
import { hostileContact, hostilePayloads } from './fixtures/hostileContact';
import { contactMessage, sampleDocument, sampleIds } from './fixtures/samples';
import { pageTitle, panelSuite, repoRoot, type PanelPage, type RowInfo } from './harness';

function expectedNodes(doc: ContactDocument): Map<string, FieldNode> {
  const out = new Map<string, FieldNode>();
  const walk = (n: FieldNode) => {
    out.set(JSON.stringify(n.path), n);
    n.children?.forEach(walk);
  };
  walk(buildFieldTree(doc, { timeZone: 'utc' }));
  return out;
}

/** Every row of the fully expanded tree, collected by scrolling the virtualised list. */
async function allRows(panel: PanelPage): Promise<RowInfo[]> {
  await panel.page.locator('vscode-button.expand-all').click();
  const seen = new Map<string, RowInfo>();
  const total = await panel.page.evaluate<number>(`document.querySelector('.tree').getBoundingClientRect().height`);
  const step = await panel.page.evaluate<number>(`document.querySelector('.tree-scroll').clientHeight`);
  for (let top = 0; top <= total; top += step) {
    await panel.page.evaluate(`(() => { const s = document.querySelector('.tree-scroll'); s.scrollTop = ${top}; s.dispatchEvent(new Event('scroll')); })()`);
    for (const r of await panel.rows()) seen.set(r.index, r);
  }
  return [...seen.values()];
}

const sentinelScript = `(() => ({
  pwned: window.__pwned,
  title: document.title,
  scripts: document.scripts.length,
  // The Timeline's own picture (its SVG, the hover titles it draws, the legend) and its filter controls are the panel's, not the contact's.
  injected: [...document.querySelectorAll('#app img, #app iframe, #app svg, #app object, #app embed, #app a, #app style, #app script, #app title, #app link, #app form, #app input, #app [onerror], #app [onload], #app [href], #app [src], #app [style*="display"]')]
    .filter((e) => !e.matches('.timeline-svg, .timeline-svg title, .timeline-legend svg, .events-filters input')).length,
  headChildren: [...document.head.children].map((e) => e.tagName + (e.getAttribute('property') || e.getAttribute('http-equiv') || '')).join(','),
}))()`;

describe('contact panel webview: hostile contact data', function () {
  this.timeout(60000);
  const suite = panelSuite();

  for (const [name, doc] of [
    ['payloads in every value and key', hostileContact()],
    ['the endpoint hostile sample (50-deep ValueMap)', sampleDocument(sampleIds.hostile)],
  ] as const) {
    it(`renders ${name} as text only`, async () => {
      const { panel } = suite;
      const page = panel.page;
      const before = await page.evaluate(sentinelScript);
      await panel.send(contactMessage(sampleIds.hostile, { instanceId: sampleIds.instanceB, contact: doc, timeZone: 'utc' }));
      const expected = expectedNodes(doc);
      const rows = await allRows(panel);
      assert.equal(rows.length, expected.size - 1, 'every field is rendered once (the document root is not a row)');
      for (const r of rows) {
        const node = expected.get(JSON.stringify(r.path));
        assert.ok(node, `row ${JSON.stringify(r.path)} is a field of the contact`);
        assert.equal(r.key, node.key, 'key shown as text');
        assert.equal(r.value, node.display, `value of ${JSON.stringify(r.path)} shown as text`);
        if (!node.children && node.kind !== 'contactId') {
          // The value's tooltip, then what the field means (for the model's fields).
          const tip = withFieldDoc(fieldTooltip(node, { timeZone: 'utc' }), docsJson as FieldDocsTable, node.path);
          // A timestamp's tooltip carries an age counted from "now": compare the rest.
          if (node.kind === 'timestamp') assert.equal(r.title.split('\n')[1], tip.split('\n')[1]);
          else assert.equal(r.title, tip, 'tooltip is text');
        }
      }
      // Payloads without characters the display sanitiser rewrites arrive verbatim.
      // eslint-disable-next-line no-control-regex
      const verbatim = hostilePayloads.filter((p) => !/[\u0000-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u2028-\u202e\u2060\u2066-\u2069\ufeff]/.test(p));
      if (name.startsWith('payloads')) {
        for (const p of verbatim) {
          assert.ok(rows.some((r) => r.value === p), `value ${JSON.stringify(p)} shown verbatim`);
          assert.ok(rows.some((r) => r.key === p), `key ${JSON.stringify(p)} shown verbatim`);
        }
        const bidi = rows.find((r) => r.path[1] === 'Tags' && r.key.includes('evil.exe'));
        assert.ok(bidi && bidi.key.includes('<U+202E>'), 'a bidi override is shown, not obeyed');
      }
      await page.locator('vscode-text-field.filter input').fill('<img');
      const marks = await page.locator('[role=treeitem] mark.match').allTextContents();
      assert.ok(marks.length > 0 && marks.every((m) => m.toLowerCase() === '<img'), 'highlights are text too');
      await page.locator('[role=treeitem] .value').first().hover();
      const after = await page.evaluate(sentinelScript);
      assert.deepEqual(after, before, 'no script ran, nothing was injected, the title is unchanged');
      assert.equal((after as { title: string }).title, pageTitle);
      assert.equal((after as { pwned: unknown }).pwned, undefined);
    });
  }

  it('puts hostile header fields and error texts on screen as text', async () => {
    const { panel } = suite;
    const page = panel.page;
    const doc = hostileContact();
    await panel.send(contactMessage('hostile', { contact: doc }));
    assert.equal(await page.locator('.contact-header .channel').textContent(), doc.Contact.Channel);
    assert.equal(await page.locator('.contact-header .initiation').textContent(), doc.Contact.InitiationMethod);
    const error = { kind: hostilePayloads[0], message: hostilePayloads[1], hint: hostilePayloads[2], requestId: hostilePayloads[4] };
    await panel.send({ type: 'error', error });
    assert.equal(await page.locator('.banner-kind').textContent(), error.kind);
    assert.equal(await page.locator('.banner-message').textContent(), error.message);
    assert.equal(await page.locator('.banner-hint').textContent(), error.hint);
    assert.equal(await page.locator('.banner-request-id code').textContent(), error.requestId);
    const link = (await panel.rows()).find((r) => r.key === 'RelatedContactId');
    assert.ok(link);
    await panel.click(link, '.contact-link');
    await panel.waitForPosted({ type: 'openContact', contactId: doc.Contact.RelatedContactId });
    const state = await page.evaluate(sentinelScript);
    assert.equal((state as { pwned: unknown }).pwned, undefined);
    assert.equal((state as { injected: number }).injected, 0);
  });

  it('ignores messages that are not host messages: the contact, view and banner stay as they were', async () => {
    const { panel } = suite;
    const page = panel.page;
    const shown = contactMessage(sampleIds.voice, { timeZone: 'utc' });
    await panel.send(shown);
    await panel.click(await panel.row('AgentInfo'));
    const evil = { Contact: { Id: 'evil', Channel: 'EVIL', Name: '<img src=x onerror="window.__pwned=1">' } };
    const junk = [
      { type: 'contact' },
      { type: 'contact', ref: {}, contact: evil, fetchedAt: 'x', timeZone: 'utc' },
      { ...shown, contact: evil, timeZone: 'mars' },
      { ...shown, contact: evil, fetchedAt: 7 },
      { ...shown, contact: { Contact: 'EVIL' } },
      { ...shown, contact: evil, ref: { ...shown.ref, contactId: '<img src=x onerror="window.__pwned=1">' } },
      { ...shown, contact: evil, ref: { ...shown.ref, instanceId: 'https://evil.example/' } },
      { type: 'error', error: { kind: 1 } },
      { type: 'error', error: { kind: 'Evil', message: 'Evil', hint: 5 } },
      { type: 'error', error: 'Evil' },
      { type: 'loading', loading: 'yes' },
      { type: 'timeZone', timeZone: 'local ' },
      { type: 'runOnSelection', action: 'copyValue' },
      '<img src=x onerror="window.__pwned=1">',
      null,
      [shown],
      { type: 'nonsense' },
    ];
    const before = { rows: await panel.rows(), header: await page.locator('.contact-header').textContent(), posted: (await panel.posted()).length };
    // Dispatched synchronously: handled (or dropped) by the time evaluate returns.
    await page.evaluate(`${JSON.stringify(junk)}.forEach((data) => window.dispatchEvent(new MessageEvent('message', { data })))`);
    assert.deepEqual(await panel.rows(), before.rows, 'the tree (and its open section) is unchanged');
    assert.equal(await page.locator('.contact-header').textContent(), before.header);
    assert.equal(await page.locator('.contact-header .channel').textContent(), 'VOICE');
    assert.equal(await page.locator('.banner-error').isVisible(), false, 'no banner');
    assert.equal(await page.locator('vscode-progress-ring.loading').isVisible(), false, 'not loading');
    assert.equal(await page.locator('vscode-button.tz-toggle').textContent(), 'UTC');
    assert.equal((await panel.posted()).length, before.posted, 'nothing was posted to the host');
    assert.equal(await page.evaluate('window.__pwned'), undefined);
  });
});

describe('webview source: no HTML sinks', () => {
  it('never assigns markup: no innerHTML, outerHTML, insertAdjacentHTML, document.write, srcdoc, eval', () => {
    const dir = join(repoRoot, 'webview');
    const sinks = /\b(innerHTML|outerHTML|insertAdjacentHTML|document\.write|writeln|srcdoc|createContextualFragment|setHTMLUnsafe|parseFromString|eval|new Function)\b/;
    const offenders: string[] = [];
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      readFileSync(join(dir, file), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (sinks.test(line) && !line.trim().startsWith('//')) offenders.push(`${file}:${i + 1}: ${line.trim()}`);
        });
    }
    assert.deepEqual(offenders, []);
  });
});
