/** What a 寄附金受領証明書 must carry, checked before printing. Pure functions. */
import type { Settings } from '../settings/settings.service.js';
import { CERT_TEXT } from './ui-text.js';

export interface Certification {
  kind: '認定' | '特例認定';
  number: string;
  date: string;
  activity: string;
}

type CertSettings = Pick<
  Settings,
  | 'certification.kind'
  | 'certification.number'
  | 'certification.date'
  | 'certification.activity'
  | 'orgName'
  | 'orgAddress'
>;

/** The certification from the settings, or the Japanese names of the items still empty. */
export function certificationOf(s: CertSettings): { value: Certification } | { missing: string[] } {
  const missing: string[] = [];
  if (!s['certification.kind']) missing.push(CERT_TEXT.kindItem);
  if (!s['certification.number'].trim()) missing.push(CERT_TEXT.numberItem);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s['certification.date'])) missing.push(CERT_TEXT.dateItem);
  if (!s['certification.activity'].trim()) missing.push(CERT_TEXT.activityItem);
  if (!s.orgName.trim()) missing.push(CERT_TEXT.orgName);
  if (!s.orgAddress.trim()) missing.push(CERT_TEXT.orgAddress);
  if (missing.length) return { missing };
  return {
    value: {
      kind: s['certification.kind'] as Certification['kind'],
      number: s['certification.number'].trim(),
      date: s['certification.date'],
      activity: s['certification.activity'].trim(),
    },
  };
}

/** 認定特定非営利活動法人 / 特例認定特定非営利活動法人. */
export function corporationKind(c: Certification): string {
  return CERT_TEXT.corporation(c.kind);
}

export interface PrintedCertificate {
  orgName: string;
  orgAddress: string;
  donorName: string;
  donorAddress: string;
  total: number;
  gifts: { date: string; amount: number }[];
  text: string;
}

/**
 * Items the donor's tax return depends on that the page would lack, given everything printed
 * on it (`text`: the organisation's wording joined). An edited template that drops the
 * activity sentence or the certification is caught here, not by the tax office.
 */
export function missingItems(p: PrintedCertificate, c: Certification, formattedDate: string): string[] {
  const missing: string[] = [];
  if (!p.orgName.trim()) missing.push(CERT_TEXT.orgName);
  if (!p.orgAddress.trim()) missing.push(CERT_TEXT.orgAddress);
  if (!p.text.includes(c.number)) missing.push(CERT_TEXT.numberItem);
  if (!p.text.includes(formattedDate)) missing.push(CERT_TEXT.dateItem);
  if (!p.text.includes(c.activity) || !p.text.includes(CERT_TEXT.giftWord)) missing.push(CERT_TEXT.activityWording);
  if (!p.donorName.trim()) missing.push(CERT_TEXT.donorName);
  if (!p.donorAddress.trim()) missing.push(CERT_TEXT.donorAddress);
  if (!p.gifts.length || p.gifts.some((g) => !/^\d{4}-\d{2}-\d{2}$/.test(g.date) || !(g.amount > 0)))
    missing.push(CERT_TEXT.gifts);
  if (p.total !== p.gifts.reduce((s, g) => s + g.amount, 0)) missing.push(CERT_TEXT.total);
  return missing;
}
