// The webview's side of the host connection: typed postMessage and get/setState.
import { parsePanelState, type PanelState, type WebviewMessage } from '../src/protocol/messages';

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
    // The same check as the host's serializer: a contact an older version saved is left out.
    loadState: () => parsePanelState(api.getState()),
    saveState: (state) => api.setState(state),
  };
}
