/** A4 address-label sheets (mm): the makers' geometry and where each label of a run goes. Pure. */

export const A4_MM = { width: 210, height: 297 } as const;
export const mm = (v: number): number => (v * 72) / 25.4;

export interface SheetSpec {
  key: string;
  label: string;
  width: number;
  height: number;
  cols: number;
  rows: number;
  x0: number;
  y0: number;
  dx: number;
  dy: number;
}

/** x0/y0 = left/top margin, dx/dy = pitch (a pitch equal to the size means labels touch). */
export const SHEETS: Record<string, SheetSpec> = {
  '12': {
    key: '12',
    label: '12面（86.4×42.3mm）',
    width: 86.4,
    height: 42.3,
    cols: 2,
    rows: 6,
    x0: 18.6,
    y0: 21.2,
    dx: 86.4,
    dy: 42.3,
  },
  '12r': {
    key: '12r',
    label: '12面 角丸（83.8×42.3mm）',
    width: 83.8,
    height: 42.3,
    cols: 2,
    rows: 6,
    x0: 20.3,
    y0: 20.3,
    dx: 87.6,
    dy: 42.3,
  },
  '18': {
    key: '18',
    label: '18面（70×42.3mm）',
    width: 70,
    height: 42.3,
    cols: 3,
    rows: 6,
    x0: 0,
    y0: 21.2,
    dx: 70,
    dy: 42.3,
  },
  '21': {
    key: '21',
    label: '21面（70×42.43mm）',
    width: 70,
    height: 42.43,
    cols: 3,
    rows: 7,
    x0: 0,
    y0: 0,
    dx: 70,
    dy: 42.43,
  },
  '24': {
    key: '24',
    label: '24面（66×33.9mm）',
    width: 66,
    height: 33.9,
    cols: 3,
    rows: 8,
    x0: 6,
    y0: 12.9,
    dx: 66,
    dy: 33.9,
  },
  '44': {
    key: '44',
    label: '44面（48.3×25.4mm）',
    width: 48.3,
    height: 25.4,
    cols: 4,
    rows: 11,
    x0: 8.4,
    y0: 8.8,
    dx: 48.3,
    dy: 25.4,
  },
};

export const perSheet = (s: SheetSpec): number => s.cols * s.rows;

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}
export interface Offset {
  x: number;
  y: number;
}

/** The rectangle (mm from the page's top left) of label `slot` (0-based, row by row) with the printer offset. */
export function labelRect(s: SheetSpec, slot: number, offset: Offset = { x: 0, y: 0 }): Rect {
  const col = slot % s.cols;
  const row = Math.floor(slot / s.cols);
  return { x: s.x0 + col * s.dx + offset.x, y: s.y0 + row * s.dy + offset.y, w: s.width, h: s.height };
}

export interface Placement {
  sheet: number;
  slot: number;
  rect: Rect;
}

/**
 * Where the n-th label of a run goes. `start` (1-based) is the first free label of a half-used
 * first sheet; later sheets start at their first label.
 */
export function placement(s: SheetSpec, index: number, start = 1, offset?: Offset): Placement {
  const n = index + (start - 1);
  const slot = n % perSheet(s);
  return { sheet: Math.floor(n / perSheet(s)), slot, rect: labelRect(s, slot, offset) };
}

export function sheetCount(s: SheetSpec, labels: number, start = 1): number {
  return labels === 0 ? 0 : Math.ceil((labels + start - 1) / perSheet(s));
}

/** null when the start position is on the sheet, else the Japanese message. */
export function checkStart(s: SheetSpec, start: number): string | null {
  return Number.isInteger(start) && start >= 1 && start <= perSheet(s)
    ? null
    : `開始位置は 1〜${perSheet(s)} で指定してください`;
}
