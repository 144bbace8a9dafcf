// The one config module: every `connectContacts.*` setting is read here, typed.
import * as vscode from 'vscode';
import type { RequestBudget, TransportSettings } from './aws/types';
import { normalizeFlowLogGroups } from './timeline/flowLogWindow';
import type { TimeZoneChoice } from './protocol/messages';
import { scopeForPick } from './account/settingScope';

export const configSection = 'connectContacts';

export interface ExtensionConfig {
  /** Empty string: fall back to AWS_PROFILE, then `default`. */
  profile: string;
  /** Empty string: the profile's region, then AWS_REGION / AWS_DEFAULT_REGION. */
  region: string;
  transport: TransportSettings;
  /** Requests per second and burst per profile and region; read on every call, no reload needed. */
  requestBudget: RequestBudget;
  timeZone: TimeZoneChoice;
  historyMaxEntries: number;
  /** Instance ID → the log group its flow logs are in, where not /aws/connect/<alias> (connectContacts.flowLogGroups). */
  flowLogGroups: Record<string, string>;
  /** VS Code's workbench.editor.enablePreview: a lookup reuses the preview panel. */
  previewPanels: boolean;
}

function nonNegative(n: unknown, fallback: number): number {
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : fallback;
}

function positive(n: unknown, fallback: number): number {
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : fallback;
}

/**
 * Amazon Connect's default quota per account and region, shared by its APIs: about 2 requests per
 * second, burst 5 (docs.aws.amazon.com/connect/latest/APIReference/best-practices-connect-apis.html).
 */
const serviceDefaultBudget: RequestBudget = { requestsPerSecond: 2, burst: 5 };

export function readConfig(): ExtensionConfig {
  const c = vscode.workspace.getConfiguration(configSection);
  const text = (key: string): string => (c.get<string>(key) ?? '').trim();
  return {
    profile: text('profile'),
    region: text('region'),
    transport: {
      endpointUrl: text('endpointUrl') || undefined,
      logsEndpointUrl: text('logsEndpointUrl') || undefined,
      connectTimeoutSeconds: nonNegative(c.get('connectTimeoutSeconds'), 10),
      readTimeoutSeconds: nonNegative(c.get('readTimeoutSeconds'), 30),
      caBundle: text('caBundle') || undefined,
      verifyTls: c.get<boolean>('verifyTls') !== false,
      maxAttempts: Math.max(1, Math.floor(nonNegative(c.get('maxAttempts'), 3))),
    },
    requestBudget: {
      requestsPerSecond: positive(c.get('requestsPerSecond'), serviceDefaultBudget.requestsPerSecond),
      burst: Math.max(1, Math.floor(positive(c.get('requestBurst'), serviceDefaultBudget.burst))),
    },
    timeZone: c.get<string>('timeZone') === 'utc' ? 'utc' : 'local',
    historyMaxEntries: Math.floor(nonNegative(c.get('history.maxEntries'), 200)),
    flowLogGroups: normalizeFlowLogGroups(c.get('flowLogGroups')),
    previewPanels: vscode.workspace.getConfiguration('workbench.editor').get<boolean>('enablePreview') !== false,
  };
}

/** Hover cards and links on contact IDs in text documents: on or off, and for which languages ([] = all). */
export interface ContactLinksConfig {
  enabled: boolean;
  languages: string[];
}

/** Read on every hover, link scan and cursor move: only these two settings, not the whole config. */
export function readContactLinksConfig(): ContactLinksConfig {
  const c = vscode.workspace.getConfiguration(`${configSection}.contactLinks`);
  const languages = c.get<unknown>('languages');
  return {
    enabled: c.get<boolean>('enabled') !== false,
    languages: Array.isArray(languages) ? languages.filter((l): l is string => typeof l === 'string' && l !== '') : [],
  };
}

/**
 * Writes the profile or region where the current value comes from (scopeForPick): the user's
 * settings, or the workspace's when those set it. Returns the note to show, if any.
 */
export async function updateAccountSetting(key: 'profile' | 'region', value: string): Promise<string | undefined> {
  const config = vscode.workspace.getConfiguration(configSection);
  const choice = scopeForPick(`${configSection}.${key}`, config.inspect(key));
  await config.update(key, value, choice.scope === 'workspace' ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global);
  return choice.note;
}

/** Settings that change who we call and how: clients are rebuilt and the explorer reloads. */
const accountKeys = ['profile', 'region', 'endpointUrl', 'logsEndpointUrl', 'connectTimeoutSeconds', 'readTimeoutSeconds', 'caBundle', 'verifyTls', 'maxAttempts'];

export function affectsAccount(e: vscode.ConfigurationChangeEvent): boolean {
  return accountKeys.some((key) => e.affectsConfiguration(`${configSection}.${key}`));
}

export function affectsTimeZone(e: vscode.ConfigurationChangeEvent): boolean {
  return e.affectsConfiguration(`${configSection}.timeZone`);
}
