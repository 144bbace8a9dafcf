// Tiny DOM helpers. Contact data only ever enters the DOM as text (textContent) or as
// non-URL attributes (title, aria-*, data-*): never as markup.

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A custom element (the toolkit's `vscode-*` tags). */
export function customEl(tag: string, className?: string, text?: string): HTMLElement {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

const svgNs = 'http://www.w3.org/2000/svg';

/** An SVG element: attributes set one by one (never markup), and a class. */
export function svgEl<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}, className?: string): SVGElementTagNameMap[K] {
  const node = document.createElementNS(svgNs, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (className) node.setAttribute('class', className);
  return node;
}

/** A codicon glyph; decorative, so hidden from assistive technology. */
export function icon(name: string, className = ''): HTMLSpanElement {
  const node = el('span', `codicon codicon-${name}${className ? ` ${className}` : ''}`);
  node.setAttribute('aria-hidden', 'true');
  return node;
}

/**
 * Fills `target` with `text`, wrapping each case-insensitive occurrence of `needle`
 * (already lower-cased) in a `<mark>`. Text nodes only, so any markup in `text` stays text.
 */
export function setHighlightedText(target: HTMLElement, text: string, needle: string): void {
  if (!needle) {
    target.textContent = text;
    return;
  }
  const lower = text.toLowerCase();
  // Lower-casing can change the length of some characters; highlight only when it does not.
  let at = lower.length === text.length ? lower.indexOf(needle) : -1;
  if (at < 0) {
    target.textContent = text;
    return;
  }
  target.textContent = '';
  let from = 0;
  while (at >= 0) {
    if (at > from) target.append(text.slice(from, at));
    target.append(el('mark', 'match', text.slice(at, at + needle.length)));
    from = at + needle.length;
    at = lower.indexOf(needle, from);
  }
  if (from < text.length) target.append(text.slice(from));
}
