/** 寄附金受領証明書 (認定NPO法人 / 特例認定): A4, donor in the envelope window; long lists continue on 別紙 pages. */
import { formatDateJa } from '../lib/dates.js';
import type { OrgInfo } from './letter-layout.js';
import { openSeal } from './receipt.pdf.js';
import { streamPages } from './pdf.js';
import {
  addFramePage,
  fit,
  put,
  drawAmountBox,
  drawDocTitle,
  drawIssuer,
  drawNumber,
  drawPayerLine,
  drawWindowAddress,
  type Frame,
  type PayerInfo,
} from './stamp-layout.js';

export interface CertificateDoc {
  number: string;
  combined: boolean;
  /** 再発行: the same number, marked so. */
  reissue?: boolean;
  issuedOn: string;
  donor: PayerInfo;
  total: number;
  totalText: string;
  gifts: { date: string; amount: number; amountText: string }[];
}

/** The certification facts (printed as fixed rows) and the organisation's wording around them. */
export interface CertificateWords {
  activity: string[];
  certification: string[];
  /** e.g. ['認定通知書の番号', '新宿区指令第1234号'], ['認定年月日', '令和6年4月1日'] */
  facts: [string, string][];
  note: string[];
}

export interface CertificateStyle {
  org: OrgInfo;
  seal: string | null;
  words(doc: CertificateDoc): CertificateWords;
}

type Doc = PDFKit.PDFDocument;
const FIRST_PAGE_ROWS = 5;
const MORE_PAGE_ROWS = 36;

function drawGiftRows(
  doc: Doc,
  f: Frame,
  gifts: CertificateDoc['gifts'],
  era: OrgInfo['era'],
  y: number,
  total: string | null,
  more: boolean,
): number {
  const x0 = f.left + 60;
  const x1 = f.right - 60;
  const mid = x0 + (x1 - x0) / 2;
  doc
    .save()
    .rect(x0, y, x1 - x0, 18)
    .fill('#eeeeee')
    .restore();
  put(doc, '受領年月日', x0 + 8, y + 4, 10, { bold: true });
  put(doc, '金額', mid, y + 4, 10, { bold: true, width: x1 - mid - 10, align: 'right' });
  let ry = y + 18;
  for (const g of gifts) {
    put(doc, formatDateJa(g.date, era), x0 + 8, ry + 3, 10);
    put(doc, g.amountText, mid, ry + 3, 10, { width: x1 - mid - 10, align: 'right' });
    ry += 16;
  }
  if (more) {
    put(doc, '（以下、別紙のとおり）', x0 + 8, ry + 3, 9.5);
    ry += 16;
  }
  if (total) {
    put(doc, '合計', x0 + 8, ry + 3, 10, { bold: true });
    put(doc, total, mid, ry + 3, 10, { bold: true, width: x1 - mid - 10, align: 'right' });
    ry += 17;
  }
  doc
    .save()
    .lineWidth(0.5)
    .strokeColor('#666')
    .rect(x0, y, x1 - x0, ry - y)
    .stroke();
  for (let ly = y + 18; ly < ry - 1; ly += 16) doc.moveTo(x0, ly).lineTo(x1, ly).stroke();
  doc.restore();
  return ry + 12;
}

function paragraphs(doc: Doc, f: Frame, lines: string[], y: number, size = 10): number {
  for (const p of lines) {
    fit(doc, p, f.left + 30, y, f.width - 60, 3, size);
    y = doc.y + 3;
  }
  return y;
}

/** Adds the certificate's page(s). */
export function drawCertificatePages(doc: Doc, c: CertificateDoc, style: CertificateStyle, seal: unknown): void {
  const { org } = style;
  const w = style.words(c);
  const f = addFramePage(doc, 'A4');
  drawNumber(doc, f, '証明書番号', c.number, c.issuedOn, org.era);
  drawWindowAddress(doc, c.donor, org.offset);
  let y = drawDocTitle(doc, f, '寄附金受領証明書', f.top - 6, c.reissue ?? false);
  y = drawPayerLine(doc, f, c.donor, y - 4);
  fit(
    doc,
    `ご住所　${[c.donor.postalCode ? `〒${c.donor.postalCode}` : '', (c.donor.address ?? '').replace(/\n/g, ' ')].filter(Boolean).join(' ')}`,
    f.left + 4,
    y - 6,
    f.width - 8,
    2,
    10,
  );
  y = drawAmountBox(doc, f, '寄附金額', c.totalText, doc.y + 8);
  const more = c.gifts.length > FIRST_PAGE_ROWS;
  y = drawGiftRows(doc, f, c.gifts.slice(0, FIRST_PAGE_ROWS), org.era, y, c.totalText, more);
  y = paragraphs(doc, f, w.activity, y);
  y = paragraphs(doc, f, w.certification, y + 4);
  for (const [label, value] of w.facts) {
    put(doc, label, f.left + 50, y + 2, 10);
    fit(doc, value, f.left + 200, y + 2, f.width - 230, 1, 10);
    y += 16;
  }
  y = paragraphs(doc, f, w.note, y + 6, 9);
  drawIssuer(doc, f, org, Math.max(y + 10, 640), seal);
  for (let i = FIRST_PAGE_ROWS; i < c.gifts.length; i += MORE_PAGE_ROWS) {
    const g = addFramePage(doc, 'A4');
    put(doc, `寄附金受領証明書　別紙（${c.number}）`, g.left, 50, 14, { bold: true });
    fit(doc, `${c.donor.name} ${c.donor.honorific}`, g.left, 74, g.width, 1, 11);
    const last = i + MORE_PAGE_ROWS >= c.gifts.length;
    drawGiftRows(doc, g, c.gifts.slice(i, i + MORE_PAGE_ROWS), org.era, 100, last ? c.totalText : null, !last);
  }
}

export function renderCertificates(
  cs: Iterable<CertificateDoc> | AsyncIterable<CertificateDoc>,
  style: CertificateStyle,
  out: NodeJS.WritableStream,
): Promise<void> {
  const seals = new WeakMap<Doc, unknown>();
  return streamPages(
    cs,
    (doc, c) => {
      if (!seals.has(doc)) seals.set(doc, openSeal(doc, style.seal));
      drawCertificatePages(doc, c, style, seals.get(doc));
    },
    out,
    { title: '寄附金受領証明書' },
  );
}
