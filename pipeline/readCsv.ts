/**
 * Reads CSV text as RFC 4180 describes it (fields quoted with `"`, quotes doubled inside,
 * commas and line breaks allowed inside quotes, CRLF or LF line ends), tolerating what
 * spreadsheets write: a byte-order mark, a last line without its line end. Used by
 * `npm run import`. Pure: text in, rows out.
 */

export type CsvRow = { /** The row's number as a spreadsheet shows it: the header is row 1. */ row: number; cells: string[] };

/** Every record of `text`, blank lines skipped; `error` names an unclosed quote. */
export function readCsv(text: string): { rows: CsvRow[]; error?: string } {
  const s = text.replace(/^\uFEFF/, '');
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let record = 1;
  const endRecord = () => {
    cells.push(cell);
    if (cells.length > 1 || cells[0] !== '') rows.push({ row: record, cells });
    record += 1;
    cells = [];
    cell = '';
  };
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c !== '"') cell += c;
      else if (s[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = false;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      endRecord();
    } else cell += c;
  }
  if (quoted) return { rows, error: `row ${record}: a quoted field is never closed` };
  if (cell !== '' || cells.length > 0) endRecord();
  return { rows };
}
