// Names shared by the explorer's labels and a panel: when the panel's details arrive if the
// explorer is already loading the same names in the background. The real ResourceNames and
// RequestScheduler (production options, Connect's default budget) on a fake clock; the service
// answers each Describe* call 100 ms after its grant.
import * as assert from 'node:assert/strict';
import type { ConnectService } from '../../../src/aws/connectService';
import { budgetKey, RequestScheduler } from '../../../src/aws/scheduler';
import type { CallOptions, RequestPriority } from '../../../src/aws/types';
import { ResourceNames } from '../../../src/story/resourceNames';
import { FakeClock } from '../aws/fakeClock';

function harness() {
  const clock = new FakeClock();
  const scheduler = new RequestScheduler({ clock });
  const budget = { requestsPerSecond: 2, burst: 5 };
  const sent: { what: string; at: number; priority: RequestPriority }[] = [];
  const send = async (what: string, signal: AbortSignal | undefined, options: CallOptions | undefined) => {
    const priority = options?.priority ?? 'visible';
    const grant = await scheduler.acquire({ key: budgetKey('connect', 'p', 'us-east-1'), budget, priority, signal, operation: what });
    sent.push({ what, at: clock.now(), priority: typeof priority === 'string' ? priority : priority.current });
    await new Promise<void>((resolve) => clock.later(resolve, 100));
    grant.settle('answered');
  };
  const connect = {
    describeResource: async (_t, _i, kind, id, signal, options) => {
      await send(`${kind} ${id}`, signal, options);
      return { name: { kind, id, name: `name of ${id}` } };
    },
    describeInstance: async (_t, instanceId, signal, options) => {
      await send('instance', signal, options);
      return { id: instanceId, arn: '', alias: 'acme' };
    },
  } as Pick<ConnectService, 'describeResource' | 'describeInstance'> as ConnectService;
  return { clock, sent, names: new ResourceNames(() => connect) };
}

const scope = { profile: 'p', region: 'us-east-1', instanceId: 'i-1' };

describe('ResourceNames: a panel asking for names the explorer is loading', () => {
  it('gives the panel its agent and queue within seconds, not after every background label', async () => {
    const { clock, sent, names } = harness();
    // The explorer's Recent contacts: labels for 20 agents and 4 queues, in the background, no signal.
    for (let i = 0; i < 20; i++) void names.describe(scope, 'user', `agent-${i}`, { priority: 'background' });
    for (let i = 0; i < 4; i++) void names.describe(scope, 'queue', `queue-${i}`, { priority: 'background' });
    await clock.advance(1_000);
    // The person opens the last row's contact: its panel asks the same agent and queue, and one more.
    const panel = new AbortController();
    const answered: Record<string, number> = {};
    for (const [kind, id] of [['user', 'agent-19'], ['queue', 'queue-3'], ['routingProfile', 'rp-1']] as const) {
      void names.describe(scope, kind, id, { priority: 'visible', signal: panel.signal }).then(() => (answered[id] = clock.now()));
    }
    await clock.advance(30_000);

    const late = Object.entries(answered).filter(([, at]) => at > 3_000).map(([id, at]) => `${id} at ${(at / 1000).toFixed(1)} s`);
    assert.equal(Object.keys(answered).length, 3);
    assert.deepEqual(late, [], 'asked at 1 s: answered within 2 s');
    assert.equal(sent.filter((s) => s.what === 'user agent-19').length, 1, 'still one call per name');
    assert.equal(names.calls, 25);
    assert.equal(sent.find((s) => s.what === 'queue queue-3')?.priority, 'visible');
    assert.equal(sent.find((s) => s.what === 'user agent-0')?.priority, 'background', 'labels nobody else asked for stay in the background');
  });

  it('raises the instance alias the Timeline needs when a hover card asked first', async () => {
    const { clock, sent, names } = harness();
    for (let i = 0; i < 10; i++) void names.describe(scope, 'user', `agent-${i}`, { priority: 'background' });
    void names.instance(scope, undefined, 'background');
    await clock.advance(1_000);
    let aliasAt: number | undefined;
    void names.instance(scope, new AbortController().signal, 'visible').then(() => (aliasAt = clock.now()));
    await clock.advance(30_000);
    assert.ok(aliasAt !== undefined && aliasAt <= 2_000, `answered at ${aliasAt} ms`);
    assert.equal(sent.filter((s) => s.what === 'instance').length, 1);
  });
});
