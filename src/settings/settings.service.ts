import type { EntityManager } from '../db/orm.js';
import { Setting } from './setting.entity.js';

/** Organisation-wide settings; each key is stored as its own row so changes audit cleanly. */
export interface Settings {
  orgName: string;
  orgPostalCode: string;
  orgAddress: string;
  orgPhone: string;
  orgEmail: string;
  representative: string;
  /** 年度 start month (1–12), default April. */
  fiscalYearStartMonth: number;
  /** Dates on printed documents: 和暦 or 西暦. */
  era: 'wareki' | 'seireki';
  /** One line per account, printed as 振込先 on invoices. */
  bankAccounts: string[];
  /** Days from issue to due date on dues invoices. */
  dueDays: number;
  /** Unpaid years before a member is proposed for lapse (退会候補). */
  graceYears: number;
  /** Transfer fees a payer's bank may deduct; a deposit short by one of these still settles. */
  transferFees: number[];
  /** Mid-year joiners: full fee, or monthly proration of the annual fee. */
  proration: 'none' | 'monthly';
  /** Printer offset for address labels and envelopes, mm (+ moves right / down). */
  labelOffsetX: number;
  labelOffsetY: number;
  /** 休眠: months without any payment, gift, attendance or record. */
  dormantMonths: number;
  /** SMTP for e-mailed newsletters (the password is kept apart: src/mailings/smtp.ts). */
  smtpHost: string;
  smtpPort: number;
  smtpSecurity: 'tls' | 'starttls' | 'none';
  smtpUser: string;
  smtpFrom: string;
}

export const DEFAULT_SETTINGS: Settings = {
  orgName: '',
  orgPostalCode: '',
  orgAddress: '',
  orgPhone: '',
  orgEmail: '',
  representative: '',
  fiscalYearStartMonth: 4,
  era: 'wareki',
  bankAccounts: [],
  dueDays: 30,
  graceYears: 2,
  transferFees: [110, 165, 220, 330, 440, 550, 660, 880],
  proration: 'none',
  labelOffsetX: 0,
  labelOffsetY: 0,
  dormantMonths: 24,
  smtpHost: '',
  smtpPort: 587,
  smtpSecurity: 'starttls',
  smtpUser: '',
  smtpFrom: '',
};

/**
 * Settings are read on most pages and change a few times a year: committed values are kept per
 * database connection for a few seconds (another process, e.g. the CLI, is seen after that), and
 * dropped at once when this process saves them. Reads inside a transaction always go to the
 * database, so an uncommitted value is never cached.
 */
const CACHE_MS = 5000;
const cache = new WeakMap<object, { at: number; value: Settings }>();

export async function getSettings(em: EntityManager): Promise<Settings> {
  const key = em.getConnection();
  const hit = cache.get(key);
  const inTransaction = !!em.getTransactionContext();
  if (hit && !inTransaction && Date.now() - hit.at < CACHE_MS) return structuredClone(hit.value);
  const rows = await em.find(Setting, {});
  const out: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const row of rows) if (row.key in DEFAULT_SETTINGS) out[row.key] = row.value;
  const value = out as unknown as Settings;
  if (!inTransaction) cache.set(key, { at: Date.now(), value: structuredClone(value) });
  return value;
}

/** Writes only the keys whose value changed (so the audit log shows real changes). */
export async function updateSettings(em: EntityManager, patch: Partial<Settings>): Promise<void> {
  const current = await em.find(Setting, {});
  const byKey = new Map(current.map((s) => [s.key, s]));
  for (const [key, value] of Object.entries(patch)) {
    if (!(key in DEFAULT_SETTINGS) || value === undefined) continue;
    const row = byKey.get(key);
    if (row) {
      if (JSON.stringify(row.value) !== JSON.stringify(value)) row.value = value;
    } else if (JSON.stringify((DEFAULT_SETTINGS as unknown as Record<string, unknown>)[key]) !== JSON.stringify(value)) {
      em.create(Setting, { key, value });
    }
  }
  await em.flush();
  cache.delete(em.getConnection());
}
