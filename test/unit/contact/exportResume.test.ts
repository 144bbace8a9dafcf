import * as assert from 'node:assert/strict';
import { csvLine } from '../../../src/contact/csvCells';
import { NotAnExportError, ResumeScanner, scanExport } from '../../../src/contact/exportResume';
import { csvHeader } from '../../../src/contact/searchRows';

const jsonLine = (id: string) => `${JSON.stringify({ Contact: { Id: id, Channel: 'VOICE' } })}\n`;

describe('export resume', () => {
  it('keeps whole JSON lines and cuts a half-written last one', () => {
    const whole = jsonLine('a') + jsonLine('b');
    const state = scanExport('jsonl', Buffer.from(`${whole}{"Contact": {"Id": "c", "Cha`));
    assert.deepEqual([...state.ids], ['a', 'b']);
    assert.equal(state.keepBytes, Buffer.byteLength(whole));
    assert.equal(state.droppedBytes, Buffer.byteLength(`{"Contact": {"Id": "c", "Cha`));
  });

  it('reads IDs across chunk boundaries, multi-byte text included', () => {
    const text = jsonLine('é-1') + jsonLine('ü-2');
    const bytes = Buffer.from(text);
    const s = new ResumeScanner('jsonl');
    for (let i = 0; i < bytes.length; i += 7) s.push(bytes.subarray(i, i + 7));
    const state = s.finish();
    assert.deepEqual([...state.ids], ['é-1', 'ü-2']);
    assert.equal(state.droppedBytes, 0);
  });

  it('reads a CSV export whose cells hold line breaks, and cuts a record cut short', () => {
    const head = csvLine(csvHeader) + csvLine(['id-1', 'VOICE', 'multi\nline queue']) + csvLine(['id-2', 'CHAT']);
    const state = scanExport('csv', Buffer.from(`${head}id-3,"half`));
    assert.deepEqual([...state.ids], ['id-1', 'id-2']);
    assert.equal(state.headerPresent, true);
    assert.equal(state.keepBytes, Buffer.byteLength(head));
  });

  it('refuses to append to a file that is not an export of that format', () => {
    assert.throws(() => scanExport('csv', Buffer.from('name,phone\r\nx,y\r\n')), NotAnExportError);
    assert.throws(() => scanExport('jsonl', Buffer.from('hello\n')), /Line 1 is not a DescribeContact record/);
    assert.equal(scanExport('jsonl', Buffer.alloc(0)).keepBytes, 0);
  });
});
