/** Decoding uploaded text files (bank CSVs, member lists) that may be UTF-8 or Shift_JIS. */
import iconv from 'iconv-lite';

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'cp932';

/**
 * Excel and Japanese banks still export Shift_JIS; newer tools export UTF-8, with or without BOM.
 * Strict UTF-8 decoding fails on almost any Shift_JIS text with kana or kanji, so it is a
 * reliable test. cp932 rather than shift_jis: it covers ①, ㈱ and 髙 (IBM/NEC extensions).
 */
export function decodeText(buf: Buffer): { text: string; encoding: TextEncodingName } {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(buf.subarray(3)), encoding: 'utf-8-bom' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(buf, 'cp932'), encoding: 'cp932' };
  }
}

/**
 * A UTF-16 byte-order mark (Excel's 「Unicode テキスト」): every other byte is NUL, so without this
 * test such a file is only ever refused as binary or as holding control characters.
 */
export function hasUtf16Bom(buf: Buffer): boolean {
  return buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff));
}

/** For Shift_JIS exports (bank transfer files, Excel-friendly CSV) and for tests. */
export function encodeCp932(s: string): Buffer {
  return iconv.encode(s, 'cp932');
}
