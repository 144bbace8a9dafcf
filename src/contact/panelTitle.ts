// A contact panel's tab title: enough to tell open contacts apart at a glance. Pure.
import type { AccountTarget, ContactRef } from '../aws/types';
import type { ContactDocument } from './contactDocument';
import { shortId } from './contactSummary';
import { displayText } from './format';

export interface PanelTitleContext {
  /** The active profile and region (the status bar's), and the instance last used, if known. */
  active?: AccountTarget & { instanceId?: string };
  /** The contact's instance alias, if known (ListInstances, the instance picker). */
  instanceAlias?: string;
}

/**
 * `CHAT · 8b3f4e5d`; with ` · acme-sales` (the instance alias) or ` · eu-west-2` (the region, and
 * the profile when that differs too) when the contact is not in the active profile, region or
 * instance. `Contact · 8b3f4e5d` while the channel is unknown (the contact is still loading).
 */
export function contactPanelTitle(ref: ContactRef, doc: ContactDocument | undefined, context: PanelTitleContext = {}): string {
  const rawChannel = doc?.Contact?.Channel;
  const channel = typeof rawChannel === 'string' && rawChannel !== '' ? displayText(rawChannel, 20) : 'Contact';
  const parts = [channel, displayText(shortId(ref.contactId), 12)];
  const where = placeOf(ref, context);
  if (where) parts.push(where);
  return parts.join(' · ');
}

function placeOf(ref: ContactRef, { active, instanceAlias }: PanelTitleContext): string | undefined {
  if (!active) return undefined;
  const otherProfile = ref.profile !== active.profile;
  const otherRegion = ref.region !== active.region;
  const otherInstance = active.instanceId !== undefined && ref.instanceId !== active.instanceId;
  if (!otherProfile && !otherRegion && !otherInstance) return undefined;
  const alias = instanceAlias?.trim();
  if (alias) return displayText(alias, 40);
  if (otherProfile || otherRegion) return displayText([otherProfile ? ref.profile : '', otherRegion || otherProfile ? ref.region : ''].filter(Boolean).join(' '), 60);
  // Another instance of the same profile and region, alias unknown: its ID's first group.
  return `instance ${displayText(shortId(ref.instanceId), 12)}`;
}
