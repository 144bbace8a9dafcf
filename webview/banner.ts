// The error banner: a failed refresh is reported here while the tree stays usable.
import type { PanelError } from '../src/protocol';
import { el, icon } from './dom';

export class ErrorBanner {
  readonly element: HTMLDivElement;

  constructor() {
    this.element = el('div', 'banner banner-error');
    this.element.setAttribute('role', 'alert');
    this.element.hidden = true;
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
    this.element.replaceChildren(icon('error', 'banner-icon'), body, dismiss);
    this.element.hidden = false;
  }

  hide(): void {
    this.element.hidden = true;
    this.element.replaceChildren();
  }
}
