// The webview's side of the host connection: typed postMessage and get/setState.
import type { PanelState, WebviewMessage } from '../src/protocol';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

export interface HostConnection {
  post(message: WebviewMessage): void;
  loadState(): PanelState | undefined;
  saveState(state: PanelState): void;
}

/** May be called once per page (VS Code refuses a second acquireVsCodeApi). */
export function connectToHost(): HostConnection {
  const api = acquireVsCodeApi();
  return {
    post: (message) => api.postMessage(message),
    loadState: () => (isPanelState(api.getState()) ? (api.getState() as PanelState) : undefined),
    saveState: (state) => api.setState(state),
  };
}

function isPanelState(raw: unknown): boolean {
  if (typeof raw !== 'object' || raw === null) return false;
  const s = raw as Partial<PanelState>;
  return (
    typeof s.ref === 'object' &&
    s.ref !== null &&
    typeof s.contact === 'object' &&
    s.contact !== null &&
    typeof s.contact.Contact === 'object' &&
    typeof s.fetchedAt === 'string' &&
    (s.timeZone === 'local' || s.timeZone === 'utc')
  );
}
