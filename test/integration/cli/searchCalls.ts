// The SearchContacts calls both CLI suites make against an endpoint with synthetic contacts: the search panel's
// criteria (channels, agent hierarchy group, a searchable contact attribute), a range over the 8-week limit, and
// what the endpoint serves for them (every page, signed here).
import { sampleIds } from '../../endpoint/sampleIds';
import { fetchServed } from './cliHarness';

/** Synthetic contacts for the CLI searches: about 20 match the criteria below in the last 8 weeks. */
export const searchSynthetic = 3000;

const nowSec = Math.floor(Date.now() / 1000);
const week = 7 * 86400;

/** The last 8 weeks (the longest range one search may cover) and the panel's criteria. */
export const criteriaSearchBody = {
  InstanceId: sampleIds.instanceA,
  TimeRange: { Type: 'INITIATION_TIMESTAMP', StartTime: nowSec - 8 * week, EndTime: nowSec },
  SearchCriteria: {
    Channels: ['VOICE', 'CHAT'],
    AgentHierarchyGroups: { L1Ids: ['9e1a0000-0000-4000-8000-00000000e001'] },
    SearchableContactAttributes: { Criteria: [{ Key: 'intent', Values: ['CardDecline'] }], MatchType: 'MATCH_ALL' },
  },
  Sort: { FieldName: 'INITIATION_TIMESTAMP', Order: 'ASCENDING' },
};

function argsFor(body: typeof criteriaSearchBody, extra: string[]): string[] {
  return [
    'connect', 'search-contacts',
    '--instance-id', body.InstanceId,
    '--time-range', JSON.stringify(body.TimeRange),
    '--search-criteria', JSON.stringify(body.SearchCriteria),
    '--sort', JSON.stringify(body.Sort),
    ...extra,
  ];
}

export const criteriaSearchArgs = (extra: string[] = []) => argsFor(criteriaSearchBody, extra);

/** Nine weeks: more than one search may cover. */
export const tooLongSearchBody = { ...criteriaSearchBody, TimeRange: { ...criteriaSearchBody.TimeRange, StartTime: nowSec - 9 * week } };
export const tooLongSearchArgs = () => argsFor(tooLongSearchBody, []);

/** Every page the endpoint serves for a search of `pageSize`, and their contacts together. */
export async function servedSearch(endpointUrl: string, pageSize: number): Promise<{ contacts: Record<string, unknown>[]; totalCount: number; pages: number }> {
  const contacts: Record<string, unknown>[] = [];
  let token: unknown;
  let totalCount = 0;
  let pages = 0;
  do {
    const s = await fetchServed(endpointUrl, '/search-contacts', { method: 'POST', body: JSON.stringify({ ...criteriaSearchBody, MaxResults: pageSize, ...(token ? { NextToken: token } : {}) }) });
    if (s.status !== 200) throw new Error(`SearchContacts: ${s.status} ${JSON.stringify(s.body).slice(0, 200)}`);
    contacts.push(...(s.body.Contacts as Record<string, unknown>[]));
    totalCount = s.body.TotalCount as number;
    token = s.body.NextToken;
    pages++;
  } while (token);
  return { contacts, totalCount, pages };
}
