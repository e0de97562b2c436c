/**
 * Fitting an address block into a fixed box: wrap each line to the width and shrink the type
 * until everything fits; at the smallest size, lines that still do not fit are cut with …
 * Pure: the caller passes how wide a text is at a size (pdfkit's widthOfString in practice).
 */

export type LineKind = 'postal' | 'address' | 'name';
export interface BlockLine {
  text: string;
  kind: LineKind;
}
export interface FittedLine {
  text: string;
  kind: LineKind;
  size: number;
  y: number;
}
export type Measure = (text: string, size: number) => number;

/** Type size of each kind relative to the names. */
const SCALE: Record<LineKind, number> = { postal: 0.8, address: 0.8, name: 1 };
/** Line height over type size: Noto Sans JP's own line box (ascender + descender) is 1.45 em. */
export const LEADING = 1.45;

/** Runs of Latin letters, digits and hyphens stay together (1-2-3, B604); anything else breaks anywhere. */
function tokens(text: string): string[] {
  return text.match(/[A-Za-z0-9０-９\-－‐.]+|\s+|./gu) ?? [];
}

/** Greedy wrap; a token wider than the whole line is split character by character. */
export function wrap(text: string, width: number, size: number, measure: Measure): string[] {
  const lines: string[] = [];
  let cur = '';
  const push = (piece: string) => {
    if (cur && measure(cur + piece, size) > width) {
      lines.push(cur.trimEnd());
      cur = piece.trimStart();
    } else cur += piece;
  };
  for (const tok of tokens(text)) {
    if (measure(tok, size) > width) for (const ch of tok) push(ch);
    else push(tok);
  }
  if (cur.trim()) lines.push(cur.trimEnd());
  return lines;
}

function layout(block: BlockLine[], width: number, base: number, measure: Measure): FittedLine[] {
  const out: FittedLine[] = [];
  let y = 0;
  let prev: LineKind | null = null;
  for (const line of block) {
    const size = base * SCALE[line.kind];
    if (prev && prev !== 'name' && line.kind === 'name') y += size * 0.5; // air between address and names
    for (const text of wrap(line.text, width, size, measure)) {
      out.push({ text, kind: line.kind, size, y });
      y += size * LEADING;
    }
    prev = line.kind;
  }
  return out;
}

const bottom = (lines: FittedLine[]) => lines.reduce((b, l) => Math.max(b, l.y + l.size * LEADING), 0);

/** Largest size from `max` down to `min` (0.5 pt steps) at which the block fits the box. */
export function fitBlock(
  block: BlockLine[],
  width: number,
  height: number,
  measure: Measure,
  max = 12,
  min = 5,
): { lines: FittedLine[]; fits: boolean } {
  for (let base = max; base >= min; base -= 0.5) {
    const lines = layout(block, width, base, measure);
    if (bottom(lines) <= height) return { lines, fits: true };
  }
  // Still too much at the smallest size: keep what fits and mark the cut.
  const all = layout(block, width, min, measure);
  const kept = all.filter((l) => l.y + l.size * LEADING <= height);
  const last = kept[kept.length - 1];
  if (last && kept.length < all.length) {
    let text = last.text;
    while (text && measure(text + '…', last.size) > width) text = text.slice(0, -1);
    last.text = text + '…';
  }
  return { lines: kept, fits: false };
}
