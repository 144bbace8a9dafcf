// The one region quick pick: Connect's regions first (the profile's own on top), any valid name
// typed, a malformed one explained in place. Used by Select Region and the explorer's Add Profile
// and Region.
import * as vscode from 'vscode';
import { isValidRegionName, validateRegionName } from '../aws/region';

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

export interface RegionPickOptions {
  title: string;
  /** The profile's own region: listed first. */
  profileRegion?: string;
  /** Marked "current". */
  current?: string;
  /** Offer "Use the profile's region" (clears the setting): picked as ''. */
  offerProfileDefault?: boolean;
}

/** The chosen region, '' for "use the profile's region", undefined when dismissed. */
export async function pickRegionName(options: RegionPickOptions): Promise<string | undefined> {
  const regions = [...new Set([...(options.profileRegion ? [options.profileRegion] : []), ...connectRegions])];
  const useProfile = options.profileRegion ? vscode.l10n.t("Use the profile's region ({0})", options.profileRegion) : vscode.l10n.t("Use the profile's region");
  const describe = (r: string): string | undefined =>
    [r === options.current ? vscode.l10n.t('current') : undefined, r === options.profileRegion ? vscode.l10n.t("the profile's region") : undefined].filter(Boolean).join(' · ') || undefined;
  const items: vscode.QuickPickItem[] = [
    ...(options.offerProfileDefault ? [{ label: useProfile, description: vscode.l10n.t('clears the setting') }, { label: '', kind: vscode.QuickPickItemKind.Separator }] : []),
    ...regions.map((r) => ({ label: r, description: describe(r) })),
  ];
  const quickPick = vscode.window.createQuickPick();
  quickPick.title = options.title;
  quickPick.placeholder = vscode.l10n.t('Pick a region or type one (e.g. eu-west-2)');
  quickPick.items = items;
  const chosen = await new Promise<string | undefined>((resolve) => {
    quickPick.onDidChangeValue((value) => {
      const typed = value.trim();
      const extra = typed && !regions.includes(typed) ? [{ label: typed, description: validateRegionName(typed) ?? vscode.l10n.t('use this region'), alwaysShow: true }] : [];
      quickPick.items = [...extra, ...items];
    });
    quickPick.onDidAccept(() => {
      const label = quickPick.selectedItems[0]?.label;
      // A malformed name keeps the picker open: its item already says what is wrong.
      if (label === undefined || (label !== useProfile && !isValidRegionName(label))) return;
      resolve(label === useProfile ? '' : label);
      quickPick.hide();
    });
    quickPick.onDidHide(() => resolve(undefined));
    quickPick.show();
  });
  quickPick.dispose();
  return chosen;
}
