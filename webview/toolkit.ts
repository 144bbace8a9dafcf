// The one module that imports @vscode/webview-ui-toolkit (deprecated upstream, so it
// stays behind this seam): registers only the components the panel uses.
//
// Not used on purpose: vscode-badge and vscode-tag. Their (shared) template carries a
// bound `style="..."` attribute, which the panel's CSP (no 'unsafe-inline') blocks and
// reports as a style-src-attr violation on first render; the panel draws tags itself.
import {
  provideVSCodeDesignSystem,
  vsCodeButton,
  vsCodeDivider,
  vsCodeProgressRing,
  vsCodeTextField,
} from '@vscode/webview-ui-toolkit';

export function registerToolkit(): void {
  provideVSCodeDesignSystem().register(
    vsCodeButton(),
    vsCodeDivider(),
    vsCodeProgressRing(),
    vsCodeTextField(),
  );
}

/** The value of a `vscode-text-field` (a FAST element: `value` lives on the host element). */
export function textFieldValue(el: HTMLElement): string {
  return (el as HTMLElement & { value?: string }).value ?? '';
}

export function setTextFieldValue(el: HTMLElement, value: string): void {
  (el as HTMLElement & { value?: string }).value = value;
}

/**
 * Names a connected `vscode-text-field` for screen readers. The toolkit sets the field's
 * aria-label to its text or "Text field" when it connects, over any label set before: call this
 * once the field is in the page.
 */
export function labelTextField(el: HTMLElement, label: string): void {
  el.setAttribute('aria-label', label);
}
