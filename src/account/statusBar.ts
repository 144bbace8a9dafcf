// The `profile · region` status bar item; a click picks the profile, then the region. It shows
// from startup (activation on onStartupFinished), and its tooltip says in plain words which
// profile, region and endpoint calls use and where each came from (accountTooltip.ts).
import * as vscode from 'vscode';
import { findProfile, type ProfileListing } from '../aws/profiles';
import type { ExtensionConfig } from '../config';
import type { ActiveAccount } from './accountResolver';
import { describeAccount } from './accountTooltip';

export function createAccountStatusBar(): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem('connectContacts.account', vscode.StatusBarAlignment.Left, 50);
  item.name = vscode.l10n.t('Amazon Connect Profile');
  item.command = { command: 'connectContacts.selectProfile', title: vscode.l10n.t('Select Profile'), arguments: [{ thenRegion: true }] };
  return item;
}

export function renderAccountStatusBar(
  item: vscode.StatusBarItem,
  account: ActiveAccount,
  context: { config: ExtensionConfig; listing: ProfileListing; env: NodeJS.ProcessEnv },
): void {
  const status = describeAccount({
    profile: account.profile,
    profileSetting: context.config.profile,
    envCredentials: account.envCredentials,
    region: account.region,
    regionFrom: account.regionFrom,
    regionProblem: account.regionProblem,
    endpointSetting: context.config.transport.endpointUrl ?? '',
    profileEntry: findProfile(context.listing, account.profile),
    env: context.env,
  });
  item.text = status.text;
  const tooltip = new vscode.MarkdownString(undefined, false);
  tooltip.isTrusted = false;
  tooltip.appendText(status.summary);
  for (const line of status.details) tooltip.appendText(`\n\n${line}`);
  item.tooltip = tooltip;
  item.accessibilityInformation = { label: status.ariaLabel, role: 'button' };
  item.backgroundColor = account.regionProblem ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  item.show();
}
