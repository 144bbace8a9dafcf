import * as assert from 'node:assert/strict';
import { parseHostMessage } from '../../../src/protocol/messages';
import type { TimelineState } from '../../../src/timeline/timelineState';
import { isTimelineWire, packTimeline, unpackTimeline } from '../../../src/timeline/timelineWire';
import { flowLogIds, sampleIds } from '../../endpoint/sampleIds';
import { sampleTimeline } from '../../webview/fixtures/timeline';

describe('the Timeline as it crosses to the webview', () => {
  let longChat: TimelineState;
  let voice: TimelineState;
  before(async () => {
    longChat = await sampleTimeline(flowLogIds.longChat.contactId);
    voice = await sampleTimeline(sampleIds.voice);
  });

  it('arrives equal to what the host had: every row and mark, absent fields still absent', () => {
    for (const state of [longChat, voice]) {
      const back = unpackTimeline(structuredClone(packTimeline(state)));
      assert.deepStrictEqual(back, state);
    }
    assert.ok(longChat.rows.length > 5000, `the long chat has ${longChat.rows.length} rows`);
  });

  it('keeps hostile and empty text as it was', () => {
    const row = { ...longChat.rows[0], flowName: '<img src=x onerror=alert(1)>', identifier: '', results: '\u202e-1' };
    const state: TimelineState = { ...longChat, rows: [row] };
    assert.deepStrictEqual(unpackTimeline(packTimeline(state)).rows, [row]);
  });

  it('sends each repeated string once, so the long chat is a fraction of its size as objects', () => {
    const wire = JSON.stringify(packTimeline(longChat)).length;
    const objects = JSON.stringify(longChat).length;
    assert.ok(wire < objects / 2, `${wire} bytes packed against ${objects} as objects`);
  });

  it('passes the webview\'s check, and a message of another shape does not', () => {
    const message = { type: 'timeline', contactId: voice.contactId, timeline: packTimeline(voice) };
    assert.ok(parseHostMessage(structuredClone(message)));
    assert.equal(parseHostMessage({ ...message, timeline: voice }), undefined, 'rows as objects');
    const wire = packTimeline(voice);
    assert.equal(isTimelineWire({ ...wire, rows: { count: wire.rows.count + 1, columns: wire.rows.columns } }), false, 'a column shorter than the count');
  });
});
