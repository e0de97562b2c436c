/** Spreadsheet-safe CSV cells, for every CSV writer (exports, accounting files, labels). Pure. */

export type CsvCell = string | number | null | undefined;

/**
 * Leading characters that make Excel or LibreOffice read a cell as a formula (full-width too:
 * Japanese Excel accepts them), also behind apostrophes, so that taking one apostrophe off again
 * (csvCellText) gives back exactly the text that was written.
 */
const FORMULA_START = /^'*[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;

/**
 * One CSV cell, safe to open in a spreadsheet: text that could start a formula gets a leading
 * apostrophe. Numbers (money, counts) are real values, so a negative amount stays a number.
 */
export function csvCell(c: CsvCell): string {
  if (c === null || c === undefined) return '';
  if (typeof c === 'number') return String(c);
  return FORMULA_START.test(c) ? `'${c}` : c;
}

/** The text a cell written by csvCell stood for: the apostrophe put before a formula comes off (a re-import is exact). */
export function csvCellText(c: string): string {
  return c.startsWith("'") && FORMULA_START.test(c) ? c.slice(1) : c;
}
