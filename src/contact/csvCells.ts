// CSV text whose cells stay text in a spreadsheet. Pure.
//
// A cell starting with `=`, `+`, `-` or `@` is run as a formula by Excel, LibreOffice and Google
// Sheets, and a leading tab or carriage return is trimmed by some of them before that check
// (OWASP, "CSV Injection"). Contact data is untrusted (attribute values, names a caller typed), so
// such a cell gets a leading apostrophe: the spreadsheet shows the text, the apostrophe hidden.

const formulaStart = /^[=+\-@\t\r]/;

export function neutraliseCell(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text;
}

/** RFC 4180: quoted when it holds a comma, quote, CR or LF; quotes doubled. */
export function quoteCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, neutralised and quoted, ending in CRLF (RFC 4180). */
export function csvLine(cells: readonly string[]): string {
  return `${cells.map((c) => quoteCell(neutraliseCell(c))).join(',')}\r\n`;
}

/** The fields of one record (without its line ending), undoing quoteCell. */
export function parseCsvRecord(record: string): string[] {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    let cell = '';
    if (record[i] === '"') {
      i++;
      for (;;) {
        const q = record.indexOf('"', i);
        if (q < 0) {
          cell += record.slice(i);
          i = record.length;
          break;
        }
        cell += record.slice(i, q);
        if (record[q + 1] === '"') {
          cell += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
    }
    const comma = record.indexOf(',', i);
    cell += comma < 0 ? record.slice(i) : record.slice(i, comma);
    out.push(cell);
    if (comma < 0) return out;
    i = comma + 1;
  }
}
