/**
 * The one check on text coming in from forms and files. A NUL or other control character
 * breaks SQLite statements and printed documents, and no staff member types one on purpose,
 * so it is refused with a message that names where it is. Tab and line ends stay allowed:
 * textareas and CSV/TSV files hold them.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/;

export const CONTROL_CHAR_MESSAGE =
  '使えない制御文字（NUL など）が含まれています。文字を打ち直すか、ファイルを保存し直してください';

export function hasControlChars(text: string): boolean {
  return CONTROL.test(text);
}

/** The 1-based line of the first control character, or null when the text is clean. */
export function controlCharLine(text: string): number | null {
  const at = text.search(CONTROL);
  if (at < 0) return null;
  let line = 1;
  for (let i = 0; i < at; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * \r\n, \n and \r all end a line (Excel on Mac, pasted text and hand-edited files mix them);
 * a CSV reader that guesses one kind from the first line silently merges the rest into one row.
 */
export function normalizeLineEnds(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
