// Profile and region quick picks (the status bar item and the Select commands).
import * as vscode from 'vscode';
import type { AccountResolver } from './accountResolver';
import { pickRegionName } from './regionPick';
import { hasNoProfiles } from '../aws/profiles';
import type { ProfileKind } from '../aws/types';
import { updateAccountSetting } from '../config';

const kindLabels = (): Record<ProfileKind, string> => ({
  static: vscode.l10n.t('static keys'),
  sso: vscode.l10n.t('IAM Identity Center (SSO)'),
  'assume-role': vscode.l10n.t('assume role'),
  'credential-process': 'credential_process',
  unknown: vscode.l10n.t('other'),
});

/** Returns the chosen profile name, or undefined when dismissed. */
export async function pickProfile(accounts: AccountResolver): Promise<string | undefined> {
  const listing = await accounts.profiles();
  const current = accounts.profileName();
  if (hasNoProfiles(listing)) {
    const open = vscode.l10n.t('Open AWS Config File');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('No AWS profiles found in {0} or {1}.', listing.configFile, listing.credentialsFile),
      open,
    );
    if (choice === open) await vscode.commands.executeCommand('connectContacts.openAwsConfig');
    return undefined;
  }
  const kinds = kindLabels();
  const items = listing.profiles.map((p) => ({
    label: p.name,
    description: [kinds[p.kind], p.region].filter(Boolean).join(' · '),
    detail: p.name === current ? vscode.l10n.t('current profile') : undefined,
    picked: p.name === current,
  }));
  const pick = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Amazon Connect: Select Profile'),
    placeHolder: vscode.l10n.t('Current: {0}', current),
    matchOnDescription: true,
  });
  if (!pick) return undefined;
  await saveAccountSetting('profile', pick.label);
  return pick.label;
}

export async function pickRegion(accounts: AccountResolver): Promise<string | undefined> {
  const active = await accounts.active();
  const profileRegion = (await accounts.profiles()).profiles.find((p) => p.name === active.profile)?.region;
  const value = await pickRegionName({ title: vscode.l10n.t('Amazon Connect: Select Region'), profileRegion, current: active.region, offerProfileDefault: true });
  if (value === undefined) return undefined;
  await saveAccountSetting('region', value);
  return value;
}

/** Saves where the current value comes from, and says so when that is not the user's settings. */
async function saveAccountSetting(key: 'profile' | 'region', value: string): Promise<void> {
  const note = await updateAccountSetting(key, value);
  if (note) void vscode.window.showInformationMessage(vscode.l10n.t('Amazon Connect: {0}', note));
}
