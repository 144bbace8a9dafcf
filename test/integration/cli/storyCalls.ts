// The contact story's calls both CLI suites make: each CLI command and the request path that fetches what
// the endpoint serves for it. All name the maximal contact or what it names, plus the hostile queue, and
// the queue and user lists of its instance.
import { hostileResources, maximalResources, sampleIds } from '../../endpoint/sampleIds';

export interface StoryCall {
  /** The CliResults key. */
  key: string;
  operation: string;
  args: string[];
  /** Path and query of the same request, for fetchServed. */
  path: string;
}

const a = sampleIds.instanceA;
const m = sampleIds.maximal;
/** Every reference type the maximal contact has (the CLI sends them as repeated referenceTypes). */
export const referenceTypes = ['URL', 'ATTACHMENT', 'STRING', 'NUMBER', 'DATE', 'EMAIL'];

export const storyCalls: StoryCall[] = [
  {
    key: 'describe-queue',
    operation: 'DescribeQueue',
    args: ['connect', 'describe-queue', '--instance-id', a, '--queue-id', maximalResources.queue.id],
    path: `/queues/${a}/${maximalResources.queue.id}`,
  },
  {
    key: 'describe-queue (hostile)',
    operation: 'DescribeQueue',
    args: ['connect', 'describe-queue', '--instance-id', sampleIds.instanceB, '--queue-id', hostileResources.queue.id],
    path: `/queues/${sampleIds.instanceB}/${encodeURIComponent(hostileResources.queue.id)}`,
  },
  {
    key: 'describe-user',
    operation: 'DescribeUser',
    args: ['connect', 'describe-user', '--instance-id', a, '--user-id', maximalResources.agent.id],
    path: `/users/${a}/${maximalResources.agent.id}`,
  },
  {
    key: 'describe-user-hierarchy-group',
    operation: 'DescribeUserHierarchyGroup',
    args: ['connect', 'describe-user-hierarchy-group', '--instance-id', a, '--hierarchy-group-id', maximalResources.hierarchyGroups[4].id],
    path: `/user-hierarchy-groups/${a}/${maximalResources.hierarchyGroups[4].id}`,
  },
  {
    key: 'describe-routing-profile',
    operation: 'DescribeRoutingProfile',
    args: ['connect', 'describe-routing-profile', '--instance-id', a, '--routing-profile-id', maximalResources.routingProfile.id],
    path: `/routing-profiles/${a}/${maximalResources.routingProfile.id}`,
  },
  {
    key: 'describe-contact-flow',
    operation: 'DescribeContactFlow',
    args: ['connect', 'describe-contact-flow', '--instance-id', a, '--contact-flow-id', maximalResources.flow.id],
    path: `/contact-flows/${a}/${maximalResources.flow.id}`,
  },
  {
    key: 'list-associated-contacts',
    operation: 'ListAssociatedContacts',
    args: ['connect', 'list-associated-contacts', '--instance-id', a, '--contact-id', m],
    path: `/contact/associated/${a}?contactId=${m}`,
  },
  {
    key: 'list-contact-references',
    operation: 'ListContactReferences',
    args: ['connect', 'list-contact-references', '--instance-id', a, '--contact-id', m, '--reference-types', ...referenceTypes],
    path: `/contact/references/${a}/${m}?${referenceTypes.map((t) => `referenceTypes=${t}`).join('&')}`,
  },
  {
    key: 'list-contact-evaluations',
    operation: 'ListContactEvaluations',
    args: ['connect', 'list-contact-evaluations', '--instance-id', a, '--contact-id', m],
    path: `/contact-evaluations/${a}?contactId=${m}`,
  },
  // The search panel picks queues and agents by name from these.
  {
    key: 'list-queues',
    operation: 'ListQueues',
    args: ['connect', 'list-queues', '--instance-id', a, '--queue-types', 'STANDARD'],
    path: `/queues-summary/${a}?queueTypes=STANDARD`,
  },
  {
    key: 'list-users',
    operation: 'ListUsers',
    args: ['connect', 'list-users', '--instance-id', a],
    path: `/users-summary/${a}`,
  },
];

/** DescribeQueue of the queue the renewal callback names and no instance has. */
export const missingQueueCall: StoryCall = {
  key: 'queue not found',
  operation: 'DescribeQueue',
  args: ['connect', 'describe-queue', '--instance-id', a, '--queue-id', sampleIds.missingQueue],
  path: `/queues/${a}/${sampleIds.missingQueue}`,
};
