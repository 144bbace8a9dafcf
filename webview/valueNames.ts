// Names for the IDs and ARNs a contact holds (queue, agent, hierarchy groups, routing profile,
// flows, the instance), from the story's names: the Fields tree shows them beside the values.
import type { ResourceName } from '../src/contact/story';

export type NameLookup = (value: string) => ResourceName | undefined;

/** An ID as Connect writes them; anything else (free text) is never looked up. */
const idPattern = /^[A-Za-z0-9_-]{1,256}$/;

/** A lookup over the story's names: by ID, by ARN, and by an ARN's last path segment. */
export function nameLookup(names: Record<string, ResourceName>): NameLookup {
  const byId = new Map<string, ResourceName>();
  const byArn = new Map<string, ResourceName>();
  for (const name of Object.values(names)) {
    if (!name || typeof name.id !== 'string' || typeof name.name !== 'string' || name.name === '') continue;
    if (!byId.has(name.id)) byId.set(name.id, name);
    if (typeof name.arn === 'string' && name.arn) byArn.set(name.arn, name);
  }
  return (value) => {
    if (value.length > 2048) return undefined;
    if (value.startsWith('arn:')) {
      const exact = byArn.get(value);
      if (exact) return exact;
      const last = value.slice(value.lastIndexOf('/') + 1);
      return last && last !== value && idPattern.test(last) ? byId.get(last) : undefined;
    }
    return idPattern.test(value) ? byId.get(value) : undefined;
  };
}

/** The ID an ARN ends with (a hierarchy group's ARN in AgentInfo.HierarchyGroups), else the text. */
export function idFromArn(arn: string): string {
  const slash = arn.lastIndexOf('/');
  return arn.startsWith('arn:') && slash >= 0 ? arn.slice(slash + 1) : arn;
}
