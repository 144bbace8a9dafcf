// Profile and region quick picks (the status bar item and the Select commands).
import * as vscode from 'vscode';
import type { AccountResolver } from './accountResolver';
import { hasNoProfiles } from '../aws/profiles';
import { isValidRegionName } from '../aws/region';
import type { ProfileKind } from '../aws/types';
import { updateAccountSetting } from '../config';

/** Regions where Amazon Connect runs, first in the list; any other valid name can be typed. */
export const connectRegions = [
  'us-east-1',
  'us-west-2',
  'ca-central-1',
  'eu-west-2',
  'eu-central-1',
  'af-south-1',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-southeast-1',
  'ap-southeast-2',
  'us-gov-west-1',
];

const kindLabels: Record<ProfileKind, string> = {
  static: 'static keys',
  sso: 'IAM Identity Center (SSO)',
  'assume-role': 'assume role',
  'credential-process': 'credential_process',
  unknown: 'other',
};

/** Returns the chosen profile name, or undefined when dismissed. */
export async function pickProfile(accounts: AccountResolver): Promise<string | undefined> {
  const listing = await accounts.profiles();
  const current = accounts.profileName();
  if (hasNoProfiles(listing)) {
    const open = 'Open AWS Config File';
    const choice = await vscode.window.showWarningMessage(
      `No AWS profiles found in ${listing.configFile} or ${listing.credentialsFile}.`,
      open,
    );
    if (choice === open) await vscode.commands.executeCommand('connectContacts.openAwsConfig');
    return undefined;
  }
  const items = listing.profiles.map((p) => ({
    label: p.name,
    description: [kindLabels[p.kind], p.region].filter(Boolean).join(' · '),
    detail: p.name === current ? 'current profile' : undefined,
    picked: p.name === current,
  }));
  const pick = await vscode.window.showQuickPick(items, {
    title: 'Amazon Connect: Select Profile',
    placeHolder: `Current: ${current}`,
    matchOnDescription: true,
  });
  if (!pick) return undefined;
  await saveAccountSetting('profile', pick.label);
  return pick.label;
}

export async function pickRegion(accounts: AccountResolver): Promise<string | undefined> {
  const active = await accounts.active();
  const profileRegion = (await accounts.profiles()).profiles.find((p) => p.name === active.profile)?.region;
  const regions = [...new Set([...(profileRegion ? [profileRegion] : []), ...connectRegions])];
  const useProfile = `Use the profile's region${profileRegion ? ` (${profileRegion})` : ''}`;
  const items: vscode.QuickPickItem[] = [
    { label: useProfile, description: 'clears the setting' },
    { label: '', kind: vscode.QuickPickItemKind.Separator },
    ...regions.map((r) => ({ label: r, description: r === active.region ? 'current' : undefined })),
  ];
  const quickPick = vscode.window.createQuickPick();
  quickPick.title = 'Amazon Connect: Select Region';
  quickPick.placeholder = 'Pick a region or type one (e.g. eu-west-2)';
  quickPick.items = items;
  const chosen = await new Promise<string | undefined>((resolve) => {
    quickPick.onDidChangeValue((value) => {
      const typed = value.trim();
      const extra = typed && !regions.includes(typed) ? [{ label: typed, description: isValidRegionName(typed) ? 'use this region' : 'not a region name' }] : [];
      quickPick.items = [...extra, ...items];
    });
    quickPick.onDidAccept(() => {
      const label = quickPick.selectedItems[0]?.label;
      if (label !== undefined && label !== useProfile && !isValidRegionName(label)) {
        return; // the typed item already says "not a region name"; keep the picker open
      }
      resolve(label);
      quickPick.hide();
    });
    quickPick.onDidHide(() => resolve(undefined));
    quickPick.show();
  });
  quickPick.dispose();
  if (chosen === undefined) return undefined;
  const value = chosen === useProfile ? '' : chosen;
  await saveAccountSetting('region', value);
  return value;
}

/** Saves where the current value comes from, and says so when that is not the user's settings. */
async function saveAccountSetting(key: 'profile' | 'region', value: string): Promise<void> {
  const note = await updateAccountSetting(key, value);
  if (note) void vscode.window.showInformationMessage(`Amazon Connect: ${note}`);
}
