// The explorer's nodes: plain data, no `vscode`. The tree provider maps each to a TreeItem.
// Contact and field nodes carry `ref` (and fields `path`) at top level, because VS Code passes
// the node itself to menu commands: the copy commands read `{ ref, path }` from it.
import type { AccountTarget, ContactRef } from '../aws/types';
import type { FieldKind, PathSegment } from '../contact/fieldNode';

export type GroupKind = 'history' | 'pinned' | 'recent';

/** The few facts a contact row shows, from the history or from SearchContacts. */
export interface ContactFacts {
  channel?: string;
  initiationTimestamp?: string;
  queue?: string;
  agent?: string;
  disconnectReason?: string;
  initiationMethod?: string;
}

interface NodeBase {
  /** Stable across refreshes: VS Code keeps expansion and selection by it. */
  id: string;
  parentId?: string;
}

export interface AccountNode extends NodeBase {
  kind: 'account';
  target: AccountTarget;
  /** The profile and region chosen in the status bar (cannot be removed from the tree). */
  active: boolean;
  /** Set when the active account has no usable region. */
  problem?: string;
}

export interface InstanceNode extends NodeBase {
  kind: 'instance';
  target: AccountTarget;
  instanceId: string;
  alias?: string;
  arn?: string;
  status?: string;
  /** Added by hand (by ID or ARN): removable. */
  manual: boolean;
}

export interface GroupNode extends NodeBase {
  kind: 'group';
  group: GroupKind;
  target: AccountTarget;
  instanceId: string;
}

export interface ContactNode extends NodeBase {
  kind: 'contact';
  /** Which group shows it: decides the menu (Remove from History, Unpin). */
  source: GroupKind;
  ref: ContactRef;
  facts: ContactFacts;
  pinned: boolean;
  /** History rows: when it was looked up; pinned rows: when it was pinned. */
  lookedUpAt?: string;
}

export interface FieldTreeNode extends NodeBase {
  kind: 'field';
  /** The contact row it belongs to (a contact can be under History, Pinned and Recent at once). */
  contactNodeId: string;
  ref: ContactRef;
  path: PathSegment[];
  key: string;
  fieldKind: FieldKind;
  display: string;
  value: unknown;
  expandable: boolean;
}

export interface LoadMoreNode extends NodeBase {
  kind: 'loadMore';
  /** The group node it pages. */
  groupId: string;
  shown: number;
  total?: number;
}

export interface LoadingNode extends NodeBase {
  kind: 'loading';
  text: string;
}

export interface MessageNode extends NodeBase {
  kind: 'message';
  text: string;
  /** A tooltip with more words, e.g. how to add an instance. */
  detail?: string;
}

export interface ErrorNode extends NodeBase {
  kind: 'error';
  /** The node whose children failed to load: Retry reloads it. */
  ownerId: string;
  message: string;
  hint?: string;
  errorKind?: string;
  requestId?: string;
  /** The failed step was "Load more": retrying fetches the next page again. */
  retryLoadMore?: boolean;
}

export type ExplorerNode =
  | AccountNode
  | InstanceNode
  | GroupNode
  | ContactNode
  | FieldTreeNode
  | LoadMoreNode
  | LoadingNode
  | MessageNode
  | ErrorNode;

export function assertNever(value: never): never {
  throw new Error(`Unexpected explorer node: ${JSON.stringify(value)}`);
}

const idOf = (...parts: (string | number)[]): string => JSON.stringify(parts);

export const nodeIds = {
  account: (t: AccountTarget) => idOf('account', t.profile, t.region),
  instance: (t: AccountTarget, instanceId: string) => idOf('instance', t.profile, t.region, instanceId),
  group: (t: AccountTarget, instanceId: string, group: GroupKind) => idOf('group', group, t.profile, t.region, instanceId),
  contact: (source: GroupKind, ref: ContactRef) => idOf('contact', source, ref.profile, ref.region, ref.instanceId, ref.contactId),
  field: (contactId: string, path: readonly PathSegment[]) => idOf('field', contactId, ...path.map((p) => (typeof p === 'number' ? `#${p}` : `.${p}`))),
  loadMore: (groupId: string) => idOf('loadMore', groupId),
  loading: (ownerId: string) => idOf('loading', ownerId),
  message: (ownerId: string) => idOf('message', ownerId),
  error: (ownerId: string) => idOf('error', ownerId),
};
