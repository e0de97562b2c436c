/** A minimal decoder for the 8-bit grey PNGs `pdftoppm -png -gray` writes, so tests can look for ink. */
import { inflateSync } from 'node:zlib';

export interface GreyImage { width: number; height: number; at(x: number, y: number): number }

export function decodeGreyPng(buf: Buffer): GreyImage {
  let pos = 8;
  let width = 0, height = 0;
  const idat: Buffer[] = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.toString('ascii', pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      if (data[8] !== 8 || data[9] !== 0 || data[12] !== 0) throw new Error('expected an 8-bit grey, non-interlaced PNG');
    } else if (type === 'IDAT') idat.push(data);
    pos += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const px = Buffer.alloc(width * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (width + 1)]!;
    for (let x = 0; x < width; x++) {
      const v = raw[y * (width + 1) + 1 + x]!;
      const a = x > 0 ? px[y * width + x - 1]! : 0;
      const b = y > 0 ? px[(y - 1) * width + x]! : 0;
      const c = x > 0 && y > 0 ? px[(y - 1) * width + x - 1]! : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const pred = [0, a, b, (a + b) >> 1, paeth][filter]!;
      px[y * width + x] = (v + pred) & 0xff;
    }
  }
  return { width, height, at: (x, y) => px[y * width + x]! };
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
