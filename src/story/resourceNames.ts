// Names for the IDs in contacts, shared by the panel's story and the explorer's labels: one
// in-memory cache per profile·region·instance, every miss one Describe* call through the scheduler.
import type { ConnectService, InstanceDetails } from '../aws/connectService';
import { toErrorInfo } from '../aws/errors';
import { NameCache } from '../aws/nameCache';
import type { DescribedResource } from '../aws/storyShapes';
import type { AccountTarget, RequestPriority } from '../aws/types';
import type { NamedKind } from '../contact/story';

export type ResourceKind = Exclude<NamedKind, 'instance'>;
export type InstanceScope = AccountTarget & { instanceId: string };

export class ResourceNames {
  private readonly cache: NameCache;

  constructor(
    private readonly connect: () => ConnectService,
    cache?: NameCache,
  ) {
    // A name that is not found (deleted since the contact) stays not found for the cache's lifetime.
    this.cache = cache ?? new NameCache({ keepFailure: (error) => toErrorInfo(error).kind === 'NotFound' });
  }

  /** The resource's name (cached); a user's also names its routing profile and group. */
  describe(scope: InstanceScope, kind: ResourceKind, id: string, options: { signal?: AbortSignal; priority?: RequestPriority } = {}): Promise<DescribedResource> {
    return this.cache.get(keyOf(scope, kind, id), (signal, priority) => this.connect().describeResource(scope, scope.instanceId, kind, id, signal, { priority }), options.signal, options.priority ?? 'visible');
  }

  /** The instance's alias and access URL (cached); a hover card asks at background priority. */
  instance(scope: InstanceScope, signal?: AbortSignal, priority?: RequestPriority): Promise<InstanceDetails> {
    return this.cache.get(keyOf(scope, 'instance'), (s, p) => this.connect().describeInstance(scope, scope.instanceId, s, { priority: p }), signal, priority ?? 'visible');
  }

  /** A name already known, without a call: for labels drawn now. */
  peek(scope: InstanceScope, kind: ResourceKind, id: string): string | undefined {
    return this.cache.peek<DescribedResource>(keyOf(scope, kind, id))?.name.name;
  }

  /** Describe* calls made so far (cache misses). */
  get calls(): number {
    return this.cache.misses;
  }

  clear(): void {
    this.cache.clear();
  }
}

function keyOf(scope: InstanceScope, kind: NamedKind, id = ''): string {
  return JSON.stringify([scope.profile, scope.region, scope.instanceId, kind, id]);
}
