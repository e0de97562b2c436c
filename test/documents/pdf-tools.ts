import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';

export interface Word {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

function scratch(pdf: Buffer): { dir: string; file: string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'enishi-pdf-'));
  const file = join(dir, 'in.pdf');
  writeFileSync(file, pdf);
  return { dir, file, done: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Every word pdftotext -bbox finds, with its box in points from the page's top left. */
export function pdfWords(pdf: Buffer): Word[] {
  const s = scratch(pdf);
  try {
    const html = execFileSync('pdftotext', ['-bbox', s.file, '-'], { encoding: 'utf8' });
    const words: Word[] = [];
    let page = -1;
    for (const line of html.split('\n')) {
      if (line.includes('<page ')) page += 1;
      const m = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
      if (m)
        words.push({
          page,
          xMin: +m[1]!,
          yMin: +m[2]!,
          xMax: +m[3]!,
          yMax: +m[4]!,
          text: m[5]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'),
        });
    }
    return words;
  } finally {
    s.done();
  }
}

export interface Gray {
  width: number;
  height: number;
  data: Uint8Array;
  png: Buffer;
}

/** Renders one page to an 8-bit grey PNG with pdftoppm and decodes it (filters 0–4, no interlace). */
export function renderGray(pdf: Buffer, page = 1, dpi = 60): Gray {
  const s = scratch(pdf);
  try {
    execFileSync('pdftoppm', [
      '-png',
      '-gray',
      '-r',
      String(dpi),
      '-f',
      String(page),
      '-l',
      String(page),
      '-singlefile',
      s.file,
      join(s.dir, 'out'),
    ]);
    const png = readFileSync(join(s.dir, 'out.png'));
    return { ...decodeGrayPng(png), png };
  } finally {
    s.done();
  }
}

/** Decodes an 8-bit grey or RGB PNG (filters 0–4, no interlace) to one grey byte per pixel. */
function decodeGrayPng(png: Buffer): { width: number; height: number; data: Uint8Array } {
  let pos = 8;
  let width = 0;
  let height = 0;
  let bpp = 1;
  const idat: Buffer[] = [];
  while (pos < png.length) {
    const len = png.readUInt32BE(pos);
    const type = png.toString('latin1', pos + 4, pos + 8);
    const body = png.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      if (body[8] !== 8 || (body[9] !== 0 && body[9] !== 2) || body[12] !== 0)
        throw new Error('expected an 8-bit grey or RGB PNG');
      bpp = body[9] === 2 ? 3 : 1;
    }
    if (type === 'IDAT') idat.push(body);
    pos += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * bpp;
  const pix = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x]!;
      const a = x >= bpp ? pix[y * stride + x - bpp]! : 0;
      const b = y > 0 ? pix[(y - 1) * stride + x]! : 0;
      const c = x >= bpp && y > 0 ? pix[(y - 1) * stride + x - bpp]! : 0;
      const p = a + b - c;
      const paeth =
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
          ? a
          : Math.abs(p - b) <= Math.abs(p - c)
            ? b
            : c;
      pix[y * stride + x] = (v + [0, a, b, (a + b) >> 1, paeth][f]!) & 0xff;
    }
  }
  const data = new Uint8Array(width * height);
  for (let i = 0; i < width * height; i++)
    data[i] = bpp === 1 ? pix[i]! : Math.round((pix[i * 3]! + pix[i * 3 + 1]! + pix[i * 3 + 2]!) / 3);
  return { width, height, data };
}
