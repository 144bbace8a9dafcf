import * as assert from 'node:assert/strict';
import { exportCancelledText, exportProgressText, exportSummaryText } from '../../../src/contact/exportText';

describe('Export texts', () => {
  it('says the count of the total, the rate and the time left', () => {
    assert.equal(exportProgressText({ written: 100, skipped: 0, missing: 0, total: 1100, elapsedMs: 10_000 }), '100 of 1,100 · 10/s · 1 min 40 s left');
    assert.equal(exportProgressText({ written: 12_000, skipped: 0, missing: 0, total: 40_000, elapsedMs: 1_000_000 }), '12,000 of 40,000 · 12/s · 38 min 54 s left');
    assert.equal(exportProgressText({ written: 10, skipped: 0, missing: 0, total: 100_000, elapsedMs: 1000 }), '10 of 100,000 · 10/s · 2 h 46 min left');
  });

  it('counts contacts already in the file and those gone, so the count reaches the total', () => {
    assert.equal(exportProgressText({ written: 10, skipped: 50, missing: 0, total: 70, elapsedMs: 5_000 }), '60 of 70 · 50 already in the file · 2.0/s · 5 s left');
    assert.equal(exportProgressText({ written: 9, skipped: 0, missing: 2, total: 11, elapsedMs: 3_000 }), '11 of 11 · 2 no longer exist · 3.0/s · 0 s left');
    assert.equal(exportProgressText({ written: 10, skipped: 0, missing: 1, total: 11, elapsedMs: 3_000 }), '11 of 11 · 1 no longer exists · 3.3/s · 0 s left');
    assert.equal(exportProgressText({ written: 9, skipped: 0, missing: 0, withoutId: 2, total: 11, elapsedMs: 3_000 }), '11 of 11 · 2 without an ID · 3.0/s · 0 s left');
  });

  it('gives no rate for the first second of writing, when one contact would read as thousands a second', () => {
    assert.equal(exportProgressText({ written: 1, skipped: 0, missing: 0, total: 11, elapsedMs: 3 }), '1 of 11');
    assert.equal(exportProgressText({ written: 0, skipped: 0, missing: 0, total: 11, elapsedMs: 0 }), '0 of 11');
  });

  it('marks a total still being counted, and promises no time left from it', () => {
    assert.equal(exportProgressText({ written: 20, skipped: 0, missing: 0, total: 50, totalComplete: false, elapsedMs: 2_000 }), '20 of 50+ · 10/s');
    assert.equal(exportProgressText({ written: 20, skipped: 0, missing: 0, elapsedMs: 2_000 }), '20 · 10/s');
  });

  it('never shows 60 seconds within a minute', () => {
    assert.equal(exportProgressText({ written: 1, skipped: 0, missing: 0, total: 120, elapsedMs: 1_000 }), '1 of 120 · 1.0/s · 1 min 59 s left');
    assert.equal(exportProgressText({ written: 21, skipped: 0, missing: 0, total: 272, elapsedMs: 10_000 }), '21 of 272 · 2.1/s · 2 min 0 s left');
  });

  it('closes with what was written, what the file held already and what is gone', () => {
    assert.equal(exportSummaryText({ written: 11, skipped: 0, missing: 0 }, 'c.jsonl'), 'Exported 11 contacts to c.jsonl.');
    assert.equal(exportSummaryText({ written: 1, skipped: 1, missing: 1 }, 'c.csv'), 'Exported 1 contact to c.csv. 1 contact was in the file already. 1 contact the search listed no longer exists.');
    assert.equal(exportSummaryText({ written: 0, skipped: 2_000, missing: 3 }, 'c.jsonl'), 'Exported 0 contacts to c.jsonl. 2,000 contacts were in the file already. 3 contacts the search listed no longer exist.');
  });

  it('says on cancel how many lines the file holds and how to resume', () => {
    assert.equal(exportCancelledText({ written: 1_000, skipped: 0, missing: 0 }, 'c.jsonl'), 'Export cancelled: 1,000 contacts written to c.jsonl. Export again to the same file to resume where it stopped.');
    assert.equal(exportCancelledText({ written: 5, skipped: 7, missing: 0 }, 'c.csv'), 'Export cancelled: 5 contacts written to c.csv (7 more were in it already). Export again to the same file to resume where it stopped.');
  });
});
