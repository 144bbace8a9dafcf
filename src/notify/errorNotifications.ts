// Each error kind from the core becomes a notification with the actions that fix it; a caller
// that knows more (Describe Contact knows the ID can be edited) puts its own fixes first.
import * as vscode from 'vscode';
import { failureLogLine, toErrorInfo } from '../aws/errors';
import { ssoLoginCommand } from '../aws/shellQuote';
import type { ConnectErrorInfo } from '../aws/types';
import { actionsFor, actionTitles, errorText, type ErrorAction } from './errorActions';

export { errorText } from './errorActions';

export interface ShownError {
  info: ConnectErrorInfo;
  text: string;
  /** The button titles, in the order shown (the caller's fixes first). */
  actions: string[];
}

/** An action only the caller can offer, e.g. "Edit ID" or "Look in other instances". */
export interface ErrorFix {
  title: string;
  run: () => unknown;
}

export interface ErrorActions {
  /** Repeats what failed; offered only for kinds where repeating can change the answer. */
  retry?: () => unknown;
  /** Shown first, before the kind's own actions. */
  fixes?: ErrorFix[];
  /** NotFound only: offer Select Region (default true). */
  selectRegion?: boolean;
}

/** Callers pass a retry function (the common case) or the full set of actions. */
export type ErrorActionsArg = ErrorActions | (() => unknown) | undefined;

/**
 * Shows a core error as a notification with the actions that fix it: a retry function, or the
 * caller's own fixes (shown first), a retry, and whether Select Region fits.
 */
export type ShowError = (error: unknown, actions?: ErrorActionsArg) => void;

/** A window open for weeks shows many errors: keep only the newest. */
export const maxShownErrors = 50;

/** Reduces any failure (or an already-reduced ConnectErrorInfo) to what a person reads. */
export function describeError(error: unknown): ConnectErrorInfo {
  return isErrorInfo(error) ? error : toErrorInfo(error);
}

/** Our own checks (bad input, no region) hand over an already-reduced error. */
function isErrorInfo(value: unknown): value is ConnectErrorInfo {
  return (
    typeof value === 'object' && value !== null && !(value instanceof Error) &&
    typeof (value as ConnectErrorInfo).kind === 'string' && typeof (value as ConnectErrorInfo).message === 'string'
  );
}

/**
 * The one `showError` the features are given, and the newest errors it showed, newest last (the
 * extension-host tests read what the user read).
 */
export function errorReporter(log: vscode.LogOutputChannel): { showError: ShowError; shownErrors: ShownError[] } {
  const shownErrors: ShownError[] = [];
  const showError: ShowError = (error, actions) => {
    const info = describeError(error);
    if (info.kind === 'Cancelled') return;
    // Failed calls are already logged by the service with their operation; log only the rest, and
    // without the message: it can repeat what the person typed or what a contact holds.
    if (!info.operation) log.error(failureLogLine(info, 'A command'));
    void showErrorNotification(info, actions, (shown) => {
      shownErrors.push(shown);
      if (shownErrors.length > maxShownErrors) shownErrors.splice(0, shownErrors.length - maxShownErrors);
    });
  };
  return { showError, shownErrors };
}

function normalise(actions: ErrorActionsArg): ErrorActions {
  return typeof actions === 'function' ? { retry: actions } : (actions ?? {});
}

/** The buttons for an error, in order: the caller's fixes, then the kind's own actions. */
export function notificationActions(info: ConnectErrorInfo, arg: ErrorActionsArg): Array<{ title: string; run: () => unknown }> {
  const actions = normalise(arg);
  const fixes = actions.fixes ?? [];
  const taken = new Set(fixes.map((f) => f.title));
  const own = actionsFor(info, { canRetry: actions.retry !== undefined, selectRegion: actions.selectRegion })
    .filter((a) => !taken.has(actionTitles[a]))
    .map((a) => ({ title: actionTitles[a], run: () => runErrorAction(a, info, actions.retry) }));
  return [...fixes, ...own];
}

export async function showErrorNotification(info: ConnectErrorInfo, arg: ErrorActionsArg, record: (shown: ShownError) => void): Promise<void> {
  if (info.kind === 'Cancelled') return;
  const actions = notificationActions(info, arg);
  const text = errorText(info);
  const titles = actions.map((a) => a.title);
  record({ info, text, actions: titles });
  const choice = await vscode.window.showErrorMessage(text, ...titles);
  await actions.find((a) => a.title === choice)?.run();
}

/** What one of the kind's own actions does (a notification button, or an item in a picker). */
export async function runErrorAction(action: ErrorAction, info: ConnectErrorInfo, retry?: () => unknown): Promise<void> {
  switch (action) {
    case 'selectProfile':
      await vscode.commands.executeCommand('connectContacts.selectProfile');
      return;
    case 'selectRegion':
      await vscode.commands.executeCommand('connectContacts.selectRegion');
      return;
    case 'copySsoLogin':
      await vscode.env.clipboard.writeText(ssoLoginCommand(info.profile));
      void vscode.window.showInformationMessage(vscode.l10n.t('Copied "{0}". Run it in a terminal, then retry.', ssoLoginCommand(info.profile)));
      return;
    case 'openSettings':
      await vscode.commands.executeCommand('workbench.action.openSettings', 'connectContacts');
      return;
    case 'openAwsConfig':
      await vscode.commands.executeCommand('connectContacts.openAwsConfig');
      return;
    case 'retry':
      await retry?.();
      return;
    case 'showLog':
      await vscode.commands.executeCommand('connectContacts.showLog');
      return;
  }
}
