// Each error kind from the core becomes a notification with the actions that fix it.
import * as vscode from 'vscode';
import { ssoLoginCommand } from '../aws/shellQuote';
import type { ConnectErrorInfo } from '../aws/types';

export interface ShownError {
  info: ConnectErrorInfo;
  text: string;
  actions: string[];
}

const actionTitles = {
  selectProfile: 'Select Profile',
  selectRegion: 'Select Region',
  copySsoLogin: 'Copy "aws sso login" Command',
  openSettings: 'Open Settings',
  openAwsConfig: 'Open AWS Config',
  retry: 'Retry',
  showLog: 'Show Log',
} as const;
type Action = keyof typeof actionTitles;

function actionsFor(info: ConnectErrorInfo, canRetry: boolean): Action[] {
  const retry: Action[] = canRetry ? ['retry'] : [];
  switch (info.kind) {
    case 'NotFound':
      return ['selectRegion', ...retry];
    case 'AccessDenied':
    case 'SignatureRejected':
      return ['selectProfile', 'showLog'];
    case 'SsoTokenExpired':
      return ['copySsoLogin', 'selectProfile', ...retry];
    case 'NoCredentials':
    case 'UnknownProfile':
      return ['selectProfile', 'openAwsConfig'];
    case 'InvalidRegion':
      return ['selectRegion'];
    case 'ConnectionRefused':
    case 'DnsFailure':
    case 'TlsFailure':
    case 'Timeout':
    case 'Network':
      return [...retry, 'openSettings', 'showLog'];
    case 'Throttling':
    case 'ServiceError':
    case 'MalformedResponse':
    case 'Unknown':
      return [...retry, 'showLog'];
    case 'InvalidInput':
      return ['showLog'];
    case 'Cancelled':
      return [];
  }
}

/** The one-line text of a notification: message, hint, and the request ID AWS support asks for. */
export function errorText(info: ConnectErrorInfo): string {
  const parts = [info.message];
  if (info.hint && !info.message.includes(info.hint)) parts.push(info.hint);
  if (info.requestId && !info.message.includes(info.requestId)) parts.push(`(Request ID: ${info.requestId})`);
  return parts.join(' ');
}

export async function showErrorNotification(
  info: ConnectErrorInfo,
  retry: (() => unknown) | undefined,
  record: (shown: ShownError) => void,
): Promise<void> {
  if (info.kind === 'Cancelled') return;
  const actions = actionsFor(info, retry !== undefined);
  const text = errorText(info);
  const titles = actions.map((a) => actionTitles[a]);
  record({ info, text, actions: titles });
  const choice = await vscode.window.showErrorMessage(text, ...titles);
  const action = actions.find((a) => actionTitles[a] === choice);
  switch (action) {
    case undefined:
      return;
    case 'selectProfile':
      await vscode.commands.executeCommand('connectContacts.selectProfile');
      return;
    case 'selectRegion':
      await vscode.commands.executeCommand('connectContacts.selectRegion');
      return;
    case 'copySsoLogin':
      await vscode.env.clipboard.writeText(ssoLoginCommand(info.profile));
      void vscode.window.showInformationMessage(`Copied "${ssoLoginCommand(info.profile)}". Run it in a terminal, then retry.`);
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
