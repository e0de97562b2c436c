/** The newsletter form and image uploads. Pure. */
import { parseDate } from '../lib/dates.js';
import type { FormBody } from '../web/forms.js';
import type { Parsed } from './segment-filter.js';
import { MAIL_TEXT } from './ui-text.js';

export interface IssueInput {
  title: string;
  number: number;
  issuedOn: string;
  body: string;
  columnsBody: string | null;
  campaignId: number | null;
}

const one = (b: FormBody, k: string) => {
  const v = b[k];
  return (Array.isArray(v) ? v[0] : v) ?? '';
};

export function parseIssue(body: FormBody): Parsed<IssueInput> {
  const errors: Record<string, string> = {};
  const title = one(body, 'title').normalize('NFKC').trim();
  if (!title || [...title].length > 200) errors.title = MAIL_TEXT.badTitle;
  const rawNo = one(body, 'number').normalize('NFKC').trim();
  const number = Number(rawNo);
  if (!/^\d{1,6}$/.test(rawNo) || number < 1) errors.number = MAIL_TEXT.badNumber;
  const issuedOn = parseDate(one(body, 'issuedOn'));
  if (!issuedOn) errors.issuedOn = MAIL_TEXT.badIssuedOn;
  const text = one(body, 'body').replace(/\r\n/g, '\n');
  if (text.length > 100_000) errors.body = MAIL_TEXT.bodyTooLong;
  const columns = one(body, 'columnsBody').replace(/\r\n/g, '\n');
  if (columns.length > 50_000) errors.columnsBody = MAIL_TEXT.columnsTooLong;
  const campaignId = Number(one(body, 'campaignId')) || null;
  if (Object.keys(errors).length) return { errors };
  return {
    value: { title, number, issuedOn: issuedOn!, body: text, columnsBody: columns.trim() ? columns : null, campaignId },
  };
}

/** PNG or JPEG by the file's first bytes (the name and the browser's type are not trusted). */
export function imageType(bytes: Buffer): 'image/png' | 'image/jpeg' | null {
  if (bytes.length > 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return null;
}
