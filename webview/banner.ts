// The error banner: a failed fetch is reported here, with Retry, while the tree (if any) stays usable.
import type { PanelError } from '../src/protocol/messages';
import { customEl, el, icon } from './dom';

export class ErrorBanner {
  readonly element: HTMLDivElement;
  private readonly retry: HTMLElement;

  constructor(onRetry: () => void) {
    this.element = el('div', 'banner banner-error');
    this.element.setAttribute('role', 'alert');
    this.element.hidden = true;
    this.retry = customEl('vscode-button', 'banner-retry', 'Retry');
    this.retry.setAttribute('appearance', 'secondary');
    this.retry.title = 'Fetch the contact again (DescribeContact)';
    this.retry.addEventListener('click', onRetry);
  }

  show(error: PanelError): void {
    const body = el('div', 'banner-body');
    const headline = el('div', 'banner-headline');
    headline.append(el('strong', 'banner-kind', error.kind), el('span', 'banner-message', error.message));
    body.append(headline);
    if (error.hint) body.append(el('div', 'banner-hint', error.hint));
    if (error.requestId) {
      const id = el('div', 'banner-request-id', 'Request ID: ');
      id.append(el('code', '', error.requestId));
      body.append(id);
    }
    const dismiss = el('button', 'banner-dismiss');
    dismiss.type = 'button';
    dismiss.title = 'Dismiss';
    dismiss.setAttribute('aria-label', 'Dismiss error');
    dismiss.append(icon('close'));
    dismiss.addEventListener('click', () => this.hide());
    this.element.replaceChildren(icon('error', 'banner-icon'), body, this.retry, dismiss);
    this.element.hidden = false;
  }

  /** While a fetch runs, Retry waits for it. */
  setBusy(busy: boolean): void {
    if (busy) this.retry.setAttribute('disabled', '');
    else this.retry.removeAttribute('disabled');
  }

  hide(): void {
    this.element.hidden = true;
    this.element.replaceChildren();
  }
}
