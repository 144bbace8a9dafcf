// The panel follows VS Code's theme: its colours come only from theme variables, in the
// light, dark and high-contrast themes, and its icons from the codicon font.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contactMessage, sampleIds } from './fixtures/samples';
import { panelSuite, repoRoot, themeValue } from './harness';

const styleScript = `(() => {
  const row = document.activeElement;
  const css = (el, p) => getComputedStyle(el).getPropertyValue(p);
  return {
    background: css(document.body, 'background-color'),
    foreground: css(document.body, 'color'),
    focusOutline: css(row, 'outline-color'),
    focusOutlineStyle: css(row, 'outline-style'),
    link: css(document.querySelector('.contact-link'), 'color'),
    chevronFont: css(document.querySelector('.twistie'), 'font-family'),
  };
})()`;

describe('contact panel webview: themes', function () {
  this.timeout(30000);
  const suite = panelSuite();

  for (const theme of ['vscode-light', 'vscode-dark', 'vscode-high-contrast']) {
    it(`takes its colours from the ${theme} theme variables`, async () => {
      const panel = await suite.open({ bodyClass: theme });
      await panel.send(contactMessage(sampleIds.task));
      await panel.page.locator('[role=treeitem][tabindex="0"]').focus();
      const s = await panel.page.evaluate<Record<string, string>>(styleScript);
      assert.equal(s.background, themeValue(theme, 'editor-background'));
      assert.equal(s.foreground, themeValue(theme, 'foreground'));
      assert.equal(s.focusOutlineStyle, 'solid', 'a visible focus ring');
      assert.equal(s.focusOutline, themeValue(theme, theme === 'vscode-high-contrast' ? 'contrastActiveBorder' : 'focusBorder'));
      assert.equal(s.link, themeValue(theme, 'textLink-foreground'));
      assert.match(s.chevronFont, /codicon/);
    });
  }

  it('loads the codicon font through the CSP', async () => {
    const { panel } = suite;
    await panel.send(contactMessage(sampleIds.voice));
    const loaded = await panel.page.evaluate(
      `document.fonts.ready.then(() => [...document.fonts].some((f) => f.family.replace(/"/g, '') === 'codicon' && f.status === 'loaded'))`,
    );
    assert.equal(loaded, true);
  });

  it('has no colour literals in its stylesheet', () => {
    const css = readFileSync(join(repoRoot, 'webview', 'styles.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    const literals = css.match(/#[0-9a-f]{3,8}\b|\b(rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(|(?<![\w-])(white|black|red|green|blue|gray|grey|yellow|orange)(?![\w-])/gi);
    assert.equal(literals, null, `colour literals: ${literals?.join(', ')}`);
  });
});
