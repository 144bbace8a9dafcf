// Step 1 of Describe Contact, as data: which rows the instance picker shows for what the person
// typed, and which one Enter takes. Pure (no `vscode`), so the rules are tested in plain Node:
// - a typed alias, ID or ARN of a known instance selects that instance's row;
// - text that is neither a known instance nor an instance ID (a UUID) or ARN is never offered as one;
// - a UUID that is not a listed instance is most likely a contact ID: say so, offer the search;
// - with nothing typed, Enter takes the last-used instance, and its row says so.
import { cleanInput, parseContactInput, parseInstanceInput } from '../aws/ids';
import type { AccountTarget, ConnectErrorInfo, ContactRef, InstanceSummary } from '../aws/types';
import { actionsFor, actionTitles, problemWords, type ErrorAction } from '../notify/errorActions';

/** An instance of an earlier lookup, newest first; the alias when it is known. */
export interface RecentInstance {
  id: string;
  alias?: string;
}

/** Where ListInstances is for the profile and region. */
export type Listing =
  | { state: 'loading' }
  | { state: 'listed'; instances: InstanceSummary[] }
  | { state: 'failed'; error: ConnectErrorInfo }
  | { state: 'noRegion'; problem?: string };

export interface InstanceStepInput {
  account: AccountTarget;
  /** What is typed in the picker. */
  text: string;
  recent: RecentInstance[];
  listing: Listing;
  /** With nothing typed, this instance's row is the active one (coming back from step 2). */
  preferInstanceId?: string;
}

export type RowAction =
  | { kind: 'instance'; instanceId: string; region: string; alias?: string }
  /** A pasted contact ARN names the instance and the contact: no step 2. */
  | { kind: 'contact'; target: ContactRef }
  /** Look for this contact ID in every listed instance. */
  | { kind: 'search'; contactId: string }
  /** A typed UUID while the instance list loads: Enter waits for the list to tell what it is. */
  | { kind: 'await'; instanceId: string }
  | { kind: 'fix'; action: ErrorAction }
  /** Explains; Enter does nothing. */
  | { kind: 'none' };

export interface StepRow {
  label: string;
  description?: string;
  detail?: string;
  action: RowAction;
  /** Shown whatever is typed (the picker's filter would hide it otherwise). */
  alwaysShow?: boolean;
  /** The row Enter takes. */
  active?: boolean;
}

export type StepEntry = StepRow | { separator: string };

export function isSeparator(entry: StepEntry): entry is { separator: string } {
  return 'separator' in entry;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** "acme-sales", or the ID when the alias is unknown. */
export function instanceName(instance: { id: string; alias?: string }): string {
  return instance.alias ?? instance.id;
}

function where(account: AccountTarget): string {
  return `${account.region || 'no region'} (profile ${account.profile})`;
}

interface Known {
  id: string;
  alias?: string;
}

/** The known instance the text names: its alias (any case), its ID, or its ARN in this region. */
export function matchKnownInstance(text: string, known: Known[], region: string): Known | undefined {
  const clean = cleanInput(text);
  if (!clean) return undefined;
  const lower = clean.toLowerCase();
  const byAlias = known.find((k) => k.alias !== undefined && k.alias.toLowerCase() === lower);
  if (byAlias) return byAlias;
  const byId = known.find((k) => k.id.toLowerCase() === lower);
  if (byId) return byId;
  if (clean.startsWith('arn:')) {
    const parsed = parseInstanceInput(clean);
    if (parsed.ok && parsed.arn?.region === region) return known.find((k) => k.id.toLowerCase() === parsed.instanceId.toLowerCase());
  }
  return undefined;
}

/** The picker's rows, in order, with the one Enter takes marked active. */
export function instanceStepRows(input: InstanceStepInput): StepEntry[] {
  const { account, listing } = input;
  const listed = listing.state === 'listed' ? listing.instances : [];
  const listedAlias = new Map(listed.map((i) => [i.id, i.alias]));
  const recent = dedupe(input.recent).map((r) => ({ id: r.id, alias: listedAlias.get(r.id) ?? r.alias }));
  const recentIds = new Set(recent.map((r) => r.id));

  const recentRows: StepRow[] = recent.map((r, index) => {
    const mark = index === 0 ? 'last used' : 'recent';
    return {
      label: `$(history) ${instanceName(r)}`,
      description: r.alias ? `${mark} · ${r.id}` : mark,
      action: { kind: 'instance', instanceId: r.id, region: account.region, alias: r.alias },
    };
  });
  const listedRows: StepRow[] = listed
    .filter((i) => !recentIds.has(i.id))
    .map((i) => ({
      label: instanceName(i),
      description: i.alias ? i.id : undefined,
      detail: i.status && i.status !== 'ACTIVE' ? `status ${i.status}` : undefined,
      action: { kind: 'instance', instanceId: i.id, region: account.region, alias: i.alias },
    }));
  const instanceRows = [...recentRows, ...listedRows];
  const rowFor = (id: string) => instanceRows.find((r) => r.action.kind === 'instance' && r.action.instanceId === id);

  const typed: StepRow[] = [];
  const text = cleanInput(input.text);
  let active: StepRow | undefined;
  if (text === '') {
    active = (input.preferInstanceId ? rowFor(input.preferInstanceId) : undefined) ?? instanceRows[0];
  } else {
    const known = matchKnownInstance(text, [...recent, ...listed], account.region);
    if (known) {
      active = rowFor(known.id);
      if (active) active.alwaysShow = true;
    } else {
      typed.push(...typedRows(text, input, [...recent, ...listed]));
      active = typed[0];
    }
  }
  if (active) active.active = true;

  const entries: StepEntry[] = [...typed];
  if (recentRows.length) entries.push({ separator: 'Recent' }, ...recentRows);
  const status = listingRows(input);
  if (listedRows.length) entries.push({ separator: 'Instances' }, ...listedRows);
  // A plain line (no label beside the row, which would cut its text short).
  if (status.length) entries.push(...(entries.length ? [{ separator: '' }] : []), ...status);
  return entries;
}

function dedupe(recent: RecentInstance[]): RecentInstance[] {
  const seen = new Set<string>();
  return recent.filter((r) => (seen.has(r.id) ? false : (seen.add(r.id), true)));
}

/** Rows for typed text that names no known instance. */
function typedRows(text: string, input: InstanceStepInput, known: Known[]): StepRow[] {
  const { account, listing } = input;
  if (/[:/]contact\//.test(text)) {
    const parsed = parseContactInput(text);
    if (!parsed.ok) return [{ label: `$(error) ${text}`, detail: parsed.message, action: { kind: 'none' }, alwaysShow: true }];
    const region = parsed.arn?.region ?? account.region;
    const instance = known.find((k) => k.id === parsed.instanceId);
    return [{
      label: `$(arrow-right) ${parsed.contactId}`,
      description: `contact ARN: instance ${instance ? instanceName(instance) : parsed.instanceId}, ${region}`,
      action: { kind: 'contact', target: { profile: account.profile, region, instanceId: parsed.instanceId ?? '', contactId: parsed.contactId } },
      alwaysShow: true,
    }];
  }
  const parsed = parseInstanceInput(text);
  if (!parsed.ok) return [{ label: `$(error) ${text}`, detail: parsed.message, action: { kind: 'none' }, alwaysShow: true }];

  if (parsed.arn) {
    const region = parsed.arn.region;
    const unlisted = listing.state === 'listed' && region === account.region;
    return [{
      label: `$(edit) ${parsed.instanceId}`,
      description: `instance ARN, ${region}`,
      detail: unlisted ? `Not one of the instances listed in ${where(account)}; looking in it anyway.` : parsed.warning,
      action: { kind: 'instance', instanceId: parsed.instanceId, region },
      alwaysShow: true,
    }];
  }

  if (!uuidPattern.test(parsed.instanceId)) {
    // Not an ID: part of an alias or ID is left to the list's own filter; anything else is explained.
    const lower = text.toLowerCase();
    if (known.some((k) => k.id.toLowerCase().includes(lower) || (k.alias ?? '').toLowerCase().includes(lower))) return [];
    return [{
      label: `$(info) No instance is called "${text}"`,
      detail: listing.state === 'listed'
        ? `Pick an instance of ${where(account)} from the list, or type an instance ID (a UUID) or ARN.`
        : listing.state === 'loading'
          ? 'Looking for it in the instance list…'
          : 'The instance list could not be loaded: type the instance ID (a UUID) or ARN.',
      action: { kind: 'none' },
      alwaysShow: true,
    }];
  }

  const id = parsed.instanceId;
  switch (listing.state) {
    case 'loading':
      return [{ label: `$(edit) ${id}`, description: 'instance ID — checking the instance list…', action: { kind: 'await', instanceId: id }, alwaysShow: true }];
    case 'listed':
      if (listing.instances.length === 0) {
        return [{
          label: `$(edit) ${id}`,
          description: 'use this instance ID',
          detail: `No instances are listed in ${where(account)}; if this is a contact ID, paste its contact ARN instead.`,
          action: { kind: 'instance', instanceId: id, region: account.region },
          alwaysShow: true,
        }];
      }
      return [
        {
          label: `$(search) Look for contact ${id} in the ${count(listing.instances.length, 'listed instance')}`,
          detail: `This is not an instance of ${where(account)}: it looks like a contact ID.`,
          action: { kind: 'search', contactId: id },
          alwaysShow: true,
        },
        {
          label: `$(edit) Use ${id} as the instance ID`,
          description: `not listed in ${account.region}`,
          action: { kind: 'instance', instanceId: id, region: account.region },
          alwaysShow: true,
        },
      ];
    case 'failed':
    case 'noRegion':
      return [{
        label: `$(edit) ${id}`,
        description: 'use this instance ID',
        detail: 'Without the instance list this ID cannot be checked; if it is a contact ID, paste its contact ARN instead.',
        action: { kind: 'instance', instanceId: id, region: account.region },
        alwaysShow: true,
      }];
  }
}

/** What failed while listing, and the actions that fix it, as rows. */
function listingRows(input: InstanceStepInput): StepRow[] {
  const { account, listing } = input;
  switch (listing.state) {
    case 'loading':
      return [];
    case 'listed':
      return listing.instances.length === 0
        ? [{ label: `$(info) No instances in ${where(account)}`, detail: 'Select another region, or type an instance ID or ARN.', action: { kind: 'fix', action: 'selectRegion' } }]
        : [];
    case 'noRegion':
      return [{ label: '$(warning) No AWS region is set', detail: listing.problem ?? 'Select a region to list its instances, or paste an instance ARN.', action: { kind: 'fix', action: 'selectRegion' } }];
    case 'failed': {
      // What failed (the row), how to fix it (its detail), and the fixes as rows of their own.
      const error: StepRow = {
        label: `$(error) Could not list the instances of ${account.region}: ${problemWords(listing.error.kind)}`,
        detail: listing.error.kind === 'AccessDenied'
          ? `Profile ${account.profile} needs the IAM action connect:ListInstances; an instance ID or ARN can still be typed.`
          : (listing.error.hint ?? listing.error.message),
        action: { kind: 'none' },
      };
      const fixes = actionsFor(listing.error, { canRetry: true });
      return [error, ...fixes.map((a): StepRow => ({ label: `$(${fixIcons[a]}) ${actionTitles[a]}`, action: { kind: 'fix', action: a } }))];
    }
  }
}

const fixIcons: Record<ErrorAction, string> = {
  selectProfile: 'account',
  selectRegion: 'globe',
  copySsoLogin: 'copy',
  openSettings: 'settings-gear',
  openAwsConfig: 'go-to-file',
  retry: 'refresh',
  showLog: 'output',
};

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
