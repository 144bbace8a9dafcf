import * as assert from 'node:assert/strict';
import { csvLine, neutraliseCell, parseCsvRecord } from '../../../src/contact/csvCells';

describe('CSV cells', () => {
  it('neutralises every cell a spreadsheet would run as a formula', () => {
    for (const hostile of ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) {
      assert.equal(neutraliseCell(hostile), `'${hostile}`);
    }
    assert.equal(neutraliseCell('Support queue'), 'Support queue');
    assert.equal(neutraliseCell(''), '');
  });

  it('quotes commas, quotes and line breaks, and reads them back', () => {
    const cells = ['a,b', 'say "hi"', 'two\nlines', '=cmd|calc', 'plain'];
    const line = csvLine(cells);
    assert.equal(line, '"a,b","say ""hi""","two\nlines",\'=cmd|calc,plain\r\n');
    assert.deepEqual(parseCsvRecord(line.replace(/\r\n$/, '')), ['a,b', 'say "hi"', 'two\nlines', "'=cmd|calc", 'plain']);
  });
});
