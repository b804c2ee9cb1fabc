/** A parsed CSV row with the 1-based line on which it starts. */
export interface CsvRow {
  line: number;
  cells: string[];
}

/**
 * RFC 4180 CSV: quoted cells with doubled quotes, commas and newlines inside quotes, CRLF or LF.
 * Throws with the line number on an unterminated quote.
 */
export function parseCsv(text: string): CsvRow[] {
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let rowLine = 1;
  let inQuotes = false;
  let quoteLine = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && cell.length === 0) {
      inQuotes = true;
      quoteLine = line;
    } else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      if (cells.length > 1 || (cells[0] ?? '').trim() !== '') rows.push({ line: rowLine, cells });
      cells = [];
      cell = '';
      line++;
      rowLine = line;
    } else cell += ch;
  }
  if (inQuotes) throw new SyntaxError(`unterminated quoted cell starting on line ${quoteLine}`);
  cells.push(cell);
  if (cells.length > 1 || (cells[0] ?? '').trim() !== '') rows.push({ line: rowLine, cells });
  return rows;
}

/**
 * One CSV cell, safe to open in Excel/WPS: quoted when needed, and text that a spreadsheet would
 * run as a formula (leading =, +, -, @, tab, CR) prefixed with an apostrophe.
 */
export function csvCell(value: string | number): string {
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
