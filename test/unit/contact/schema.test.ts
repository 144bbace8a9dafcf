import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { enums } from '../../../src/contact/describeContactSchema';
import { schemaAt, structureMembers } from '../../../src/contact/schema';
import { repoRoot } from './samples';

describe('DescribeContact schema', () => {
  it('is what scripts/gen-schema.mjs generates from the installed botocore model', () => {
    const out = execFileSync('node', [path.join(repoRoot(), 'scripts', 'gen-schema.mjs'), '--check'], { encoding: 'utf8' });
    assert.match(out, /matches/);
  });

  it('types members by path, through lists, maps and recursive shapes', () => {
    assert.deepEqual(schemaAt(['Contact', 'InitiationTimestamp']), { type: 'timestamp' });
    assert.deepEqual(schemaAt(['Contact', 'AgentInfo', 'AgentInitiatedHoldDuration']), { type: 'duration', unit: 's' });
    assert.deepEqual(schemaAt(['Contact', 'ChatMetrics', 'AgentMetrics', 'MaxResponseTimeInMillis']), { type: 'duration', unit: 'ms' });
    assert.deepEqual(schemaAt(['Contact', 'RelatedContactId']), { type: 'contactId' });
    assert.deepEqual(schemaAt(['Contact', 'Id']), { type: 'string' });
    assert.equal(schemaAt(['Contact', 'Tags'])?.type, 'map');
    assert.deepEqual(schemaAt(['Contact', 'Tags', 'any-key']), { type: 'string' });
    assert.equal(schemaAt(['Contact', 'SegmentAttributes', 'k', 'ValueMap', 'k2', 'ValueList', 3, 'ValueInteger'])?.type, 'integer');
    assert.equal(schemaAt(['Contact', 'RoutingCriteria', 'Steps', 0, 'Expression', 'OrExpression', 1, 'AndExpression', 0, 'AttributeCondition', 'ProficiencyLevel'])?.type, 'float');
    assert.equal(schemaAt(['Contact', 'Recordings', 'x']), undefined);
    assert.equal(schemaAt(['Contact', 'NotAMember']), undefined);
  });

  it('knows the enums and member order', () => {
    assert.deepEqual(enums.Channel.split(' '), ['VOICE', 'CHAT', 'TASK', 'EMAIL']);
    assert.deepEqual([...structureMembers('QueueInfo').keys()], ['Id', 'EnqueueTimestamp']);
  });
});
