/**
 * Size limits for uploaded files, checked before any parsing so a hostile or mistaken file gets
 * a clear message in milliseconds instead of stopping the server (a 10 MB cell, 200,000 rows).
 * Pure: the callers turn a Problem into their own error with the domain's words.
 */
export interface FileLimits {
  bytes: number;
  lines: number;
  lineLength: number;
}

export type LimitProblem =
  | { kind: 'bytes'; limit: number }
  | { kind: 'lines'; limit: number; found: number }
  | { kind: 'lineLength'; limit: number; line: number };

/** The first limit the text breaks (line ends already normalised to \n), or null. */
export function limitProblem(byteLength: number, text: string | null, limits: FileLimits): LimitProblem | null {
  if (byteLength > limits.bytes) return { kind: 'bytes', limit: limits.bytes };
  if (text === null) return null;
  let lines = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    lines++;
    if (end - start > limits.lineLength) return { kind: 'lineLength', limit: limits.lineLength, line: lines };
    start = end + 1;
  }
  if (text.endsWith('\n')) lines--;
  if (lines > limits.lines) return { kind: 'lines', limit: limits.lines, found: lines };
  return null;
}

/** Yields to the event loop, so a long loop lets other requests run between its chunks. */
export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
