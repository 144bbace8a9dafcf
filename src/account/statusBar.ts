// The `profile · region` status bar item; a click picks the profile, then the region.
import * as vscode from 'vscode';
import type { ActiveAccount } from './accountResolver';

export function createAccountStatusBar(): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem('connectContacts.account', vscode.StatusBarAlignment.Left, 50);
  item.name = 'Amazon Connect Profile';
  item.command = { command: 'connectContacts.selectProfile', title: 'Select Profile', arguments: [{ thenRegion: true }] };
  return item;
}

export function renderAccountStatusBar(item: vscode.StatusBarItem, account: ActiveAccount): void {
  const region = account.region || 'no region';
  item.text = `$(cloud) ${account.profile} · ${region}`;
  const tooltip = new vscode.MarkdownString(undefined, false);
  tooltip.isTrusted = false;
  const credentials = account.envCredentials ? ' Credentials: the AWS_ACCESS_KEY_ID keys in the environment (no profile is chosen).' : '';
  tooltip.appendText(`Amazon Connect: profile ${account.profile}, region ${region} (${account.regionSource}).${credentials}`);
  if (account.regionProblem) tooltip.appendText(`\n\n${account.regionProblem}`);
  tooltip.appendText('\n\nClick to change the profile and region.');
  item.tooltip = tooltip;
  item.backgroundColor = account.regionProblem ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  item.show();
}
