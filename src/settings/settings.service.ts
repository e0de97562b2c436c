import type { EntityManager } from '../db/orm.js';
import { Setting } from './setting.entity.js';
import { SETTING_DEFAULTS_TEXT as D, SALUTATIONS, type CertificationKind, type Salutation } from './ui-text.js';
import { deepFreeze, type DeepReadonly } from '../lib/deep-freeze.js';

/** Organisation-wide settings; each key is stored as its own row so changes audit cleanly. */
export interface Settings {
  orgName: string;
  orgPostalCode: string;
  orgAddress: string;
  orgPhone: string;
  orgEmail: string;
  representative: string;
  /** インボイス登録番号 (T + 13 digits) when the organisation is a registered issuer; else empty. */
  orgInvoiceNumber: string;
  /** 年度 start month (1–12), default April. */
  fiscalYearStartMonth: number;
  /** Dates on screens and printed documents: 和暦 or 西暦. */
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
  /** 領収書: paper size, and whether the 印紙税 non-taxable note is printed. */
  'receipt.paper': 'A4' | 'A5';
  'receipt.stampNote': boolean;
  /** 認定NPO法人 / 特例認定: empty when not certified (no 寄附金受領証明書 then). */
  'certification.kind': '' | CertificationKind;
  'certification.number': string;
  'certification.date': string;
  'certification.activity': string;
  /** Printer offset in mm, so the address lands in the envelope window (+ = right / down). */
  'print.offsetX': number;
  'print.offsetY': number;
  /** 頭語 of thank-you letters (its 結語 follows from it). */
  'letters.salutation': Salutation;
  /** Thank-you letters: horizontal or vertical (縦書き) A4. */
  'letters.layout': 'horizontal' | 'vertical';
  /** 会計ソフト連携: 受取会費 (sub-account per member type name; missing → the type's name). */
  accountingDuesAccount: string;
  accountingDuesSubAccounts: Record<string, string>;
  accountingDonationAccount: string;
  accountingDonationSubAccount: string;
  /** A fee-short transfer: the deducted fee is an expense. */
  accountingFeeAccount: string;
  /** Remainders kept for later dues (預り金 on the member page). */
  accountingCreditAccount: string;
  /** Debit account per way of payment (普通預金 / 振替貯金 / 現金), with sub-account (the bank account). */
  accountingDepositAccounts: Record<'bank' | 'postal' | 'cash' | 'other', { account: string; sub: string }>;
  /** 税区分 for dues without 対価性 and donations; and for the fee. */
  accountingTaxCategory: string;
  accountingFeeTaxCategory: string;
  /** Scheduled jobs (src/jobs/schedule.ts): on/off and time 'HH:MM' (Asia/Tokyo) per job name. */
  jobSwitches: Record<string, { enabled: boolean; time: string }>;
  /** The year's invoice run job: issue at once, or leave a preview for staff to confirm. */
  invoiceRunMode: 'confirm' | 'auto';
  /** Reminder list refresh: days after the due date. */
  reminderDaysAfterDue: number;
  /** Nightly backup: how many archives to keep. */
  backupKeep: number;
  /** 社員総会 quorum: more than half, or two thirds, of 正会員 in good standing. */
  assemblyQuorum: 'majority' | 'two-thirds';
  /** Member type names counted as 正会員 for the 社員総会 roster. */
  assemblyMemberTypes: string[];
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
  orgInvoiceNumber: '',
  fiscalYearStartMonth: 4,
  era: 'wareki',
  bankAccounts: [],
  dueDays: 30,
  graceYears: 2,
  transferFees: [110, 165, 220, 330, 440, 550, 660, 880],
  proration: 'none',
  'receipt.paper': 'A4',
  'receipt.stampNote': true,
  'certification.kind': '',
  'certification.number': '',
  'certification.date': '',
  'certification.activity': '',
  'print.offsetX': 0,
  'print.offsetY': 0,
  'letters.salutation': SALUTATIONS[0],
  'letters.layout': 'horizontal',
  accountingDuesAccount: D.duesAccount,
  accountingDuesSubAccounts: {},
  accountingDonationAccount: D.donationAccount,
  accountingDonationSubAccount: '',
  accountingFeeAccount: D.feeAccount,
  accountingCreditAccount: D.creditAccount,
  accountingDepositAccounts: {
    bank: { account: D.bankAccount, sub: '' },
    postal: { account: D.postalAccount, sub: '' },
    cash: { account: D.cashAccount, sub: '' },
    other: { account: D.bankAccount, sub: '' },
  },
  accountingTaxCategory: D.taxOutOfScope,
  accountingFeeTaxCategory: D.taxOutOfScope,
  jobSwitches: {},
  invoiceRunMode: 'confirm',
  reminderDaysAfterDue: 30,
  backupKeep: 14,
  assemblyQuorum: 'majority',
  assemblyMemberTypes: [D.assemblyMemberType],
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
const cache = new WeakMap<object, { at: number; value: DeepReadonly<Settings> }>();

export async function getSettings(em: EntityManager): Promise<Settings> {
  return structuredClone(await readSettings(em)) as Settings;
}

/**
 * The same values, read-only and shared (frozen, not copied): for hot paths that only read them,
 * such as every page's date style and the member list's badges. Change a copy from getSettings.
 */
export async function readSettings(em: EntityManager): Promise<DeepReadonly<Settings>> {
  const key = em.getConnection();
  const hit = cache.get(key);
  const inTransaction = !!em.getTransactionContext();
  if (hit && !inTransaction && Date.now() - hit.at < CACHE_MS) return hit.value;
  const rows = await em.find(Setting, {});
  const out = structuredClone(DEFAULT_SETTINGS) as unknown as Record<string, unknown>;
  for (const row of rows) if (row.key in DEFAULT_SETTINGS) out[row.key] = structuredClone(row.value);
  const value = deepFreeze(out as unknown as Settings);
  if (!inTransaction) cache.set(key, { at: Date.now(), value });
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
    } else if (
      JSON.stringify((DEFAULT_SETTINGS as unknown as Record<string, unknown>)[key]) !== JSON.stringify(value)
    ) {
      em.create(Setting, { key, value });
    }
  }
  await em.flush();
  cache.delete(em.getConnection());
}
