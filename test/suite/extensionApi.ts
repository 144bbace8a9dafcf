// Shared by the extension-host tests: the activated extension's test hooks and public API, and
// the endpoint's control API.
import * as vscode from 'vscode';
import type { ExtensionApi, TestHooks } from '../../src/extensionApi';
import type { FaultSpec, RequestLogEntry } from '../endpoint/server';
import { readTestEnv } from './testEnv';

export const extensionId = 'connect-contact-tools.connect-contact-explorer';

/** What `activate` returns to every caller (the public API, plus `testing` in test mode). */
export async function activatedExports(): Promise<ExtensionApi> {
  const extension = vscode.extensions.getExtension<ExtensionApi>(extensionId);
  if (!extension) throw new Error(`${extensionId} is not installed`);
  return extension.activate();
}

/** The test hooks (services, panels, explorer, shownErrors, commands): only in ExtensionMode.Test. */
export async function extensionApi(): Promise<TestHooks> {
  const { testing } = await activatedExports();
  if (!testing) throw new Error(`${extensionId} exposes no test hooks: the extension host is not in test mode`);
  return testing;
}

async function control(method: string, path: string, body?: unknown): Promise<unknown> {
  const { controlUrl } = readTestEnv();
  const res = await fetch(`${controlUrl}/${path}`, {
    method,
    headers: body ? { 'content-type': 'application/json' } : undefined,
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status}`);
  const text = await res.text();
  return text ? JSON.parse(text) : undefined;
}

export const endpointControl = {
  setFaults: (faults: FaultSpec) => control('POST', 'faults', faults),
  clearFaults: () => control('DELETE', 'faults'),
  requests: async () => {
    const body = (await control('GET', 'requests')) as RequestLogEntry[] | { requests: RequestLogEntry[] };
    return Array.isArray(body) ? body : body.requests;
  },
  clearRequests: () => control('DELETE', 'requests'),
  /** IAM actions (`logs:StartQuery`) the endpoint refuses with AccessDeniedException until cleared. */
  deny: (actions: string[]) => control('POST', 'deny', { actions }),
  clearDeny: () => control('DELETE', 'deny'),
};

/** Waits for a condition the extension reaches asynchronously (a notification, a panel). */
export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The next error notification the extension shows after `action` runs. */
export async function nextError(api: TestHooks, action: () => Thenable<unknown>): Promise<TestHooks['shownErrors'][number]> {
  // By identity, not index: the list keeps only the newest errors, so its length stops growing.
  const last = api.shownErrors.at(-1);
  await action();
  return waitFor('an error notification', () => api.shownErrors[last ? api.shownErrors.indexOf(last) + 1 : 0]);
}
