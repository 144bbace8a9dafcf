// What the explorer's commands ask when VS Code passes no argument for it: the profile and region
// to add, the instance (quick pick, input box), the Recent contacts window and channels, and the
// Clear History confirmation. Each resolves with undefined (or false) when the person dismisses it.
import * as vscode from 'vscode';
import { pickRegionName } from '../account/regionPick';
import { validateInstanceIdLive } from '../aws/ids';
import { hasNoProfiles, type ProfileListing } from '../aws/profiles';
import type { AccountTarget, ContactChannel } from '../aws/types';
import type { TimeZoneChoice } from '../contact/format';
import type { ExplorerModel } from './explorerModel';
import type { AccountNode, GroupNode } from './explorerNodes';
import {
  allChannels,
  channelLabels,
  customRangeMessage,
  describeWindow,
  parseCustomRange,
  presetWindows,
  rangeInputText,
  rangeZoneWords,
  type SearchWindow,
} from './searchWindow';

/** Add Profile and Region: a profile of the listing, then the one region quick pick. */
export async function pickAccount(listing: ProfileListing): Promise<AccountTarget | undefined> {
  if (hasNoProfiles(listing)) {
    void vscode.window.showWarningMessage(vscode.l10n.t('No AWS profiles found in {0} or {1}.', listing.configFile, listing.credentialsFile));
    return undefined;
  }
  const profile = await vscode.window.showQuickPick(
    listing.profiles.map((p) => ({ label: p.name, description: p.region })),
    { title: vscode.l10n.t('Add Profile and Region (1/2): profile'), placeHolder: vscode.l10n.t('The AWS profile to browse') },
  );
  if (!profile) return undefined;
  const region = await pickRegionName({ title: vscode.l10n.t('Add Profile and Region (2/2): region'), profileRegion: profile.description });
  return region ? { profile: profile.label, region } : undefined;
}

/** Which profile and region an instance goes under: asked only when the tree shows several. */
export async function pickRoot(model: ExplorerModel): Promise<AccountTarget | undefined> {
  const roots = (await model.children()).filter((n): n is AccountNode => n.kind === 'account');
  if (roots.length <= 1) return roots[0]?.target;
  const pick = await vscode.window.showQuickPick(
    roots.map((r) => ({ label: `${r.target.profile} · ${r.target.region}`, description: r.active ? vscode.l10n.t('active') : undefined, target: r.target })),
    { title: vscode.l10n.t('Add the instance under which profile and region?') },
  );
  return pick?.target;
}

/** The instance ID or ARN to add under a profile and region, checked as it is typed. */
export function askInstance(target: AccountTarget): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: vscode.l10n.t('Add an Amazon Connect instance to {0} · {1}', target.profile, target.region),
    prompt: vscode.l10n.t('Instance ID or instance ARN'),
    placeHolder: vscode.l10n.t('e.g. 11111111-2222-3333-4444-555555555555 or arn:aws:connect:us-east-1:123456789012:instance/…'),
    ignoreFocusOut: true,
    validateInput: validateInstanceIdLive,
  });
}

/** A modal naming how many lookups go (of which instance); pinned contacts stay. */
export async function confirmClearHistory(count: number, group: GroupNode | undefined): Promise<boolean> {
  const clear = vscode.l10n.t('Clear History');
  const what = count === 1 ? vscode.l10n.t('1 recent lookup') : vscode.l10n.t('{0} recent lookups', count);
  const question = group
    ? vscode.l10n.t('Clear {0} of instance {1}? Pinned contacts stay.', what, group.instanceId)
    : vscode.l10n.t('Clear {0}? Pinned contacts stay.', what);
  const answer = await vscode.window.showWarningMessage(question, { modal: true }, clear);
  return answer === clear;
}

/** A preset window, or a custom range typed in the chosen time zone. */
export async function pickSearchWindow(current: SearchWindow, timeZone: TimeZoneChoice): Promise<SearchWindow | undefined> {
  type Item = vscode.QuickPickItem & { window?: SearchWindow };
  const currentText = describeWindow(current, timeZone);
  const items: Item[] = presetWindows.map((p) => {
    const window: SearchWindow = { kind: 'last', hours: p.hours };
    return { label: p.label, description: describeWindow(window, timeZone) === currentText ? vscode.l10n.t('current') : undefined, window };
  });
  items.push({ label: vscode.l10n.t('Custom range…'), description: current.kind === 'range' ? vscode.l10n.t('current: {0}', currentText) : undefined });
  const pick = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Recent contacts: time window'), placeHolder: vscode.l10n.t('Current: {0}', currentText) });
  if (!pick) return undefined;
  if (pick.window) return pick.window;
  const text = await vscode.window.showInputBox({
    title: vscode.l10n.t('Recent contacts: custom range ({0})', rangeZoneWords(timeZone)),
    prompt: vscode.l10n.t('Start and end in {0}, e.g. 2026-11-19 to 2026-11-20, or 2026-11-19T08:00 to 2026-11-19T12:00', rangeZoneWords(timeZone)),
    value: current.kind === 'range' ? rangeInputText(current, timeZone) : '',
    ignoreFocusOut: true,
    validateInput: (value) => customRangeMessage(value, timeZone, new Date()),
  });
  if (!text) return undefined;
  const parsed = parseCustomRange(text, timeZone, new Date());
  return parsed.ok ? { kind: 'range', start: parsed.start, end: parsed.end } : undefined;
}

/** The channels Recent contacts shows; at least one. */
export async function pickChannels(current: readonly ContactChannel[]): Promise<ContactChannel[] | undefined> {
  const all = current.length === 0;
  const picks = await vscode.window.showQuickPick(
    allChannels.map((c) => ({ label: channelLabels[c], picked: all || current.includes(c), channel: c })),
    { title: vscode.l10n.t('Recent contacts: channels'), placeHolder: vscode.l10n.t('Show contacts on these channels'), canPickMany: true },
  );
  if (!picks) return undefined;
  if (picks.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Pick at least one channel.'));
    return undefined;
  }
  return picks.map((p) => p.channel);
}
