// What the VS Code features share, built once by the composition (features.ts). No feature takes
// the whole: each names the members it uses (its own Pick<FeatureServices, …>).
import type * as vscode from 'vscode';
import type { ConnectService } from './aws/connectService';
import type { ProfileListing } from './aws/profiles';
import type { AccountTarget, ConnectErrorInfo, ContactRef, RequestPriority } from './aws/types';
import type { ContactDocument } from './contact/contactDocument';
import type { ExtensionConfig } from './config';
import type { HistoryStore } from './history/historyStore';
import type { ErrorActionsArg } from './notify/errorNotifications';
import type { ResourceNames } from './story/resourceNames';

export interface FeatureServices {
  context: vscode.ExtensionContext;
  /** The Connect service: created lazily; the SDK loads on its first call. */
  connect(): ConnectService;
  config(): ExtensionConfig;
  /** The active profile and region (settings, else AWS_PROFILE / profile region / env), resolved. */
  activeAccount(): Promise<AccountTarget & { regionProblem?: string }>;
  /** Fires when the profile, region, a setting or the AWS config files change. */
  onDidChangeAccount: vscode.Event<void>;
  /** The one shared profile listing, as the SDK loads the files. */
  profiles(): Promise<ProfileListing>;
  history: HistoryStore;
  /** Fetched contacts, so the explorer and the copy actions share one fetch per contact. */
  contacts: ContactCache;
  log: vscode.LogOutputChannel;
  /** Names of queues, users, groups, routing profiles and instances: cached in memory, shared by panels and the explorer. */
  names: ResourceNames;
  /**
   * Brings an open contact's panel to the front at once and fetches it again behind the scenes;
   * resolves with the fresh contact (undefined if the refresh failed: the panel shows why).
   * Undefined when no panel is open for the contact.
   */
  revealOpenPanel(ref: ContactRef): Promise<ContactDocument | undefined> | undefined;
  /**
   * Opens a panel for a contact that is being fetched, when a lookup would otherwise create one
   * (no preview panel to reuse), so the page loads during the call. Undefined when not needed.
   */
  openLoadingPanel(ref: ContactRef): { readonly closed: boolean; close(): void } | undefined;
  /** Opens (or focuses) the contact panel for a contact. */
  openContactPanel(ref: ContactRef): Promise<void>;
  /** Runs the Describe Contact prompts with the instance filled in. */
  describeContactIn(target: AccountTarget & { instanceId: string }): Promise<void>;
  /** Reduces any failure (or an already-reduced ConnectErrorInfo) to what a person reads. */
  describeError(error: unknown): ConnectErrorInfo;
  /**
   * Shows a core error as a notification with the actions that fix it: a retry function, or
   * the caller's own fixes (shown first), a retry, and whether Select Region fits.
   */
  showError(error: unknown, actions?: ErrorActionsArg): void;
}

export interface ContactCache {
  /** The contact, fetched on first use; `force` refetches. Throws ConnectServiceError. */
  get(ref: ContactRef, options?: { force?: boolean; signal?: AbortSignal; priority?: RequestPriority }): Promise<ContactDocument>;
  peek(ref: ContactRef): ContactDocument | undefined;
  /** When a cached document was fetched (ISO 8601). */
  fetchedAt(doc: ContactDocument): string | undefined;
}

/** The argument VS Code passes to copy commands from an explorer field node. */
export interface FieldTarget {
  ref: ContactRef;
  path: (string | number)[];
}
