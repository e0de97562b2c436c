/** What a 寄附金受領証明書 must carry, checked before printing. Pure functions. */
import type { Settings } from '../settings/settings.service.js';

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
  if (!s['certification.kind']) missing.push('認定の種類（認定・特例認定）');
  if (!s['certification.number'].trim()) missing.push('通知書の番号');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s['certification.date'])) missing.push('認定年月日');
  if (!s['certification.activity'].trim()) missing.push('寄附金に係る事業');
  if (!s.orgName.trim()) missing.push('団体名');
  if (!s.orgAddress.trim()) missing.push('団体の住所');
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
  return `${c.kind}特定非営利活動法人`;
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
  if (!p.orgName.trim()) missing.push('団体名');
  if (!p.orgAddress.trim()) missing.push('団体の住所');
  if (!p.text.includes(c.number)) missing.push('通知書の番号');
  if (!p.text.includes(formattedDate)) missing.push('認定年月日');
  if (!p.text.includes(c.activity) || !p.text.includes('寄附金')) missing.push('寄附金に係る事業の文言');
  if (!p.donorName.trim()) missing.push('寄附者の氏名');
  if (!p.donorAddress.trim()) missing.push('寄附者の住所');
  if (!p.gifts.length || p.gifts.some((g) => !/^\d{4}-\d{2}-\d{2}$/.test(g.date) || !(g.amount > 0)))
    missing.push('受領年月日と金額');
  if (p.total !== p.gifts.reduce((s, g) => s + g.amount, 0)) missing.push('合計金額');
  return missing;
}
