/** A minimal decoder for the 8-bit PNGs `pdftoppm -png` writes (grey or RGB, read as grey), so tests can look for ink. */
import { inflateSync } from 'node:zlib';

export interface GreyImage { width: number; height: number; at(x: number, y: number): number }

export function decodeGreyPng(buf: Buffer): GreyImage {
  let pos = 8;
  let width = 0, height = 0, bpp = 1;
  const idat: Buffer[] = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.toString('ascii', pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      // pdftoppm writes 8-bit grey (type 0) or RGB (type 2), never interlaced.
      if (data[8] !== 8 || (data[9] !== 0 && data[9] !== 2) || data[12] !== 0) throw new Error('expected an 8-bit grey or RGB PNG');
      bpp = data[9] === 2 ? 3 : 1;
    } else if (type === 'IDAT') idat.push(data);
    pos += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * bpp;
  const px = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let i = 0; i < stride; i++) {
      const v = raw[y * (stride + 1) + 1 + i]!;
      const a = i >= bpp ? px[y * stride + i - bpp]! : 0;
      const b = y > 0 ? px[(y - 1) * stride + i]! : 0;
      const c = i >= bpp && y > 0 ? px[(y - 1) * stride + i - bpp]! : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const pred = [0, a, b, (a + b) >> 1, paeth][filter]!;
      px[y * stride + i] = (v + pred) & 0xff;
    }
  }
  const at = (x: number, y: number) => {
    const o = y * stride + x * bpp;
    return bpp === 1 ? px[o]! : Math.round((px[o]! + px[o + 1]! + px[o + 2]!) / 3);
  };
  return { width, height, at };
}

/** Share of dark pixels (< 128) in a rectangle given as fractions of the page (0–1). */
export function inkIn(img: GreyImage, box: { left: number; top: number; right: number; bottom: number }): number {
  let dark = 0, all = 0;
  for (let y = Math.floor(box.top * img.height); y < Math.floor(box.bottom * img.height); y++) {
    for (let x = Math.floor(box.left * img.width); x < Math.floor(box.right * img.width); x++) {
      all += 1;
      if (img.at(x, y) < 128) dark += 1;
    }
  }
  return all ? dark / all : 0;
}
