/** PDF documents with embedded Japanese fonts (pdfkit + Noto Sans JP). */
import { createWriteStream, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pipeline } from 'node:stream/promises';
import PDFDocument from 'pdfkit';

export const A4 = { width: 595.28, height: 841.89 } as const;
export const MARGIN = 50;

const require = createRequire(import.meta.url);
const FONT_FILES = {
  jp: '@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf',
  'jp-bold': '@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf',
  // 明朝 for letters: a thank-you letter in a gothic face reads like a notice.
  'jp-serif': '@expo-google-fonts/noto-serif-jp/400Regular/NotoSerifJP_400Regular.ttf',
} as const;
type FontName = keyof typeof FONT_FILES;

// Each TTF is 5.5 MB: read once per process, not once per document (the main cost of many PDFs).
const fontCache = new Map<FontName, Buffer>();
function fontBytes(name: FontName): Buffer {
  let buf = fontCache.get(name);
  if (!buf) {
    buf = readFileSync(require.resolve(FONT_FILES[name]));
    fontCache.set(name, buf);
  }
  return buf;
}

/**
 * A4 document with fonts 'jp' (default), 'jp-bold' and 'jp-serif' registered; pdfkit embeds only the glyphs used.
 * autoFirstPage is false: every drawXxxPage function adds its own page, so one document can hold
 * any number of letters and the caller never has to special-case the first one.
 */
export function createDocument(opts: { title?: string } = {}): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    autoFirstPage: false,
    lang: 'ja-JP',
    displayTitle: Boolean(opts.title),
    info: { Title: opts.title ?? '', Creator: 'Enishi' },
  });
  for (const name of Object.keys(FONT_FILES) as FontName[]) doc.registerFont(name, fontBytes(name));
  doc.font('jp');
  return doc;
}

/** For small documents already drawn in memory (one receipt). Large batches: use streamPages. */
export async function writePdfToFile(doc: PDFKit.PDFDocument, path: string): Promise<void> {
  const done = pipeline(doc, createWriteStream(path));
  doc.end();
  await done;
}

export function pdfToBuffer(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

// pdfkit pushes into its readable buffer without waiting for the reader: above this many
// buffered bytes we pause drawing until the output has caught up, so memory stays flat.
const MAX_BUFFERED = 1 << 20;

/**
 * pdfkit caches the glyph layout of every distinct word per font and never evicts it; Japanese
 * has few spaces, so each sentence with a name or number in it is a new entry (~13 KB/page).
 * Emptying the caches now and then keeps memory flat; turning them off makes pages 4x slower.
 * `_fontFamilies` and `layoutCache` are pdfkit internals, hence the defensive access.
 */
function trimFontCaches(doc: PDFKit.PDFDocument): void {
  const families = (doc as unknown as { _fontFamilies?: Record<string, { layoutCache?: object }> })._fontFamilies;
  for (const font of Object.values(families ?? {})) {
    if (font.layoutCache) font.layoutCache = Object.create(null) as object;
  }
}

const yieldToIo = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Draws one or more pages per item straight into `out` (file, HTTP response, stdout) while
 * drawing, so a 5,000-page batch never sits in memory. `draw` must add its own page(s).
 * An empty input gives a one-page PDF saying so rather than a PDF without pages.
 */
export async function streamPages<T>(
  items: Iterable<T> | AsyncIterable<T>,
  draw: (doc: PDFKit.PDFDocument, item: T) => void,
  out: NodeJS.WritableStream,
  opts: { title?: string } = {},
): Promise<void> {
  const doc = createDocument(opts);
  const done = pipeline(doc, out);
  let failed = false;
  done.catch(() => (failed = true)); // the error itself is rethrown by `await done` below
  let count = 0;
  try {
    for await (const item of items) {
      if (failed || doc.destroyed) break;
      draw(doc, item);
      count += 1;
      // Yield to I/O regularly so data flows out, and wait while the output is slower than drawing.
      if (count % 20 === 0) await yieldToIo();
      if (count % 200 === 0) trimFontCaches(doc);
      while (!failed && !doc.destroyed && doc.readableLength > MAX_BUFFERED) await sleep(2);
    }
  } catch (err) {
    // Bad data or a failing source: close the output too, so no half-written file stays open.
    doc.destroy(err as Error);
    await done.catch(() => undefined);
    throw err;
  }
  if (count === 0 && !failed) {
    doc.addPage().fontSize(12).text('出力する対象がありません。');
  }
  if (!doc.destroyed) doc.end();
  await done;
}
