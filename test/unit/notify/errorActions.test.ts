// Which buttons an error gets: Retry only where repeating can change the answer; a caller's own
// fixes first; Select Region on "not found" only when the caller does not know better.
import * as assert from 'node:assert/strict';
import { actionsFor, isRetryable } from '../../../src/notify/errorActions';

describe('the actions an error offers', () => {
  it('offers no Retry for not found or invalid input, even when the caller could retry', () => {
    assert.deepEqual(actionsFor({ kind: 'NotFound', message: '' }, { canRetry: true }), ['selectRegion']);
    assert.deepEqual(actionsFor({ kind: 'InvalidInput', message: '' }, { canRetry: true }), ['showLog']);
    assert.equal(isRetryable('NotFound'), false);
    assert.equal(isRetryable('InvalidInput'), false);
  });

  it('offers Select Region on not found unless the caller says the region is not the cause', () => {
    assert.deepEqual(actionsFor({ kind: 'NotFound', message: '' }, { canRetry: false, selectRegion: false }), []);
  });

  it('offers Retry for passing failures when the caller can retry', () => {
    assert.deepEqual(actionsFor({ kind: 'Throttling', message: '' }, { canRetry: true }), ['retry', 'showLog']);
    assert.deepEqual(actionsFor({ kind: 'Throttling', message: '' }, { canRetry: false }), ['showLog']);
    assert.deepEqual(actionsFor({ kind: 'Timeout', message: '' }, { canRetry: true }), ['retry', 'openSettings', 'showLog']);
  });
});
