/**
 * Every setting as one registry entry: key, group, Japanese label and how a typed string
 * becomes a stored value. The settings page and `enishi settings set` both parse through
 * this table, so the same input is accepted or refused with the same message. Pure.
 */
import { isClockTime, parseDate } from '../lib/dates.js';
import { normalizePhone } from '../lib/phone.js';
import { normalizePostalCode } from '../lib/postal.js';
import { parsePrintSetting, type PrintSettingKey } from './print-settings.js';
import { CERTIFICATION_KINDS, GROUPS, SALUTATIONS, SETTING_TEXT, SETTINGS_TEXT } from './ui-text.js';

export { GROUPS };

export type Parsed = { value: unknown } | { error: string };

export interface SettingKey {
  key: string;
  group: string;
  label: string;
  /** How the page shows it: a one-line input, several lines, or a choice. */
  input: 'text' | 'textarea' | 'select';
  options?: readonly (readonly [string, string])[];
  hint?: string;
  parse(raw: string): Parsed;
  /** The stored value as the string the page and the CLI show (parse(format(v)) gives v back). */
  format(value: unknown): string;
}

type TextKey = keyof typeof SETTING_TEXT;
const T = SETTING_TEXT as unknown as Record<string, Record<string, string>>;
const label = (key: TextKey) => T[key]!.label!;
const error = (key: TextKey) => T[key]!.error!;
const hint = (key: TextKey) => T[key]!.hint;
/** The choices of a select, labelled from the key's text (the empty value's label is `none`). */
const optionsOf = (key: TextKey, values: readonly string[]) =>
  values.map((v) => [v, T[key]![v === '' ? 'none' : v]!] as const);

const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));

function text(key: TextKey, group: string, max = 200): SettingKey {
  const l = label(key);
  return {
    key,
    group,
    label: l,
    input: 'text',
    hint: hint(key),
    format: str,
    parse: (raw) => (raw.trim().length > max ? { error: SETTINGS_TEXT.tooLong(l, max) } : { value: raw.trim() }),
  };
}

function integer(key: TextKey, group: string, min: number, max: number): SettingKey {
  return {
    key,
    group,
    label: label(key),
    input: 'text',
    hint: hint(key),
    format: str,
    parse: (raw) => {
      const n = Number(raw.normalize('NFKC').trim());
      return raw.trim() !== '' && Number.isInteger(n) && n >= min && n <= max ? { value: n } : { error: error(key) };
    },
  };
}

function choice(key: TextKey, group: string, values: readonly string[]): SettingKey {
  const options = optionsOf(key, values);
  return {
    key,
    group,
    label: label(key),
    input: 'select',
    options,
    hint: hint(key),
    format: str,
    parse: (raw) => (options.some(([v]) => v === raw.trim()) ? { value: raw.trim() } : { error: error(key) }),
  };
}

/** An optional value with its own normaliser: empty is kept empty, anything else must normalise. */
function optional(key: TextKey, group: string, normalise: (raw: string) => string | null): SettingKey {
  return {
    key,
    group,
    label: label(key),
    input: 'text',
    hint: hint(key),
    format: str,
    parse: (raw) => {
      if (!raw.trim()) return { value: '' };
      const v = normalise(raw);
      return v ? { value: v } : { error: error(key) };
    },
  };
}

/** インボイス登録番号: 'T' and 13 digits (full-width, lower case and hyphens accepted as typed). */
export function normalizeInvoiceNumber(raw: string): string | null {
  const v = raw.normalize('NFKC').replace(/[\s-]/g, '').toUpperCase();
  return /^T\d{13}$/.test(v) ? v : null;
}

const ON_OFF = { on: true, off: false, true: true, false: false, '1': true, '0': false } as Record<string, boolean>;

function print(key: PrintSettingKey, values?: readonly string[]): SettingKey {
  return {
    key,
    group: GROUPS.print,
    label: label(key),
    input: values ? 'select' : 'text',
    options: values ? optionsOf(key, values) : undefined,
    hint: hint(key),
    format: str,
    parse: (raw) => parsePrintSetting(key, raw),
  };
}

const PRINT_KEYS: readonly SettingKey[] = [
  print('print.offsetX'),
  print('print.offsetY'),
  print('letters.salutation', SALUTATIONS),
  print('letters.layout', ['horizontal', 'vertical']),
];

/** A setting kept as JSON (lists and tables): typed as JSON on the page and the CLI, checked by parsing. */
function json(key: TextKey, group: string, check?: (v: unknown) => boolean): SettingKey {
  const l = label(key);
  return {
    key,
    group,
    label: l,
    input: 'textarea',
    hint: hint(key),
    format: (v) => JSON.stringify(v ?? null),
    parse: (raw) => {
      let value: unknown;
      try {
        value = JSON.parse(raw) as unknown;
      } catch {
        return { error: check ? error(key) : SETTINGS_TEXT.notJson(l) };
      }
      return !check || check(value) ? { value } : { error: error(key) };
    },
  };
}

/** jobSwitches: { name: { enabled: boolean, time: 'HH:MM' } } and nothing else. */
function validJobSwitches(v: unknown): boolean {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
  return Object.values(v).every(
    (j) =>
      !!j &&
      typeof j === 'object' &&
      typeof (j as { enabled?: unknown }).enabled === 'boolean' &&
      isClockTime((j as { time?: unknown }).time),
  );
}

const OPERATION_KEYS: readonly SettingKey[] = [
  text('accountingDuesAccount', GROUPS.operations),
  json('accountingDuesSubAccounts', GROUPS.operations),
  text('accountingDonationAccount', GROUPS.operations),
  text('accountingDonationSubAccount', GROUPS.operations),
  text('accountingFeeAccount', GROUPS.operations),
  text('accountingCreditAccount', GROUPS.operations),
  json('accountingDepositAccounts', GROUPS.operations),
  text('accountingTaxCategory', GROUPS.operations),
  text('accountingFeeTaxCategory', GROUPS.operations),
  choice('assemblyQuorum', GROUPS.operations, ['majority', 'two-thirds']),
  json('assemblyMemberTypes', GROUPS.operations),
  integer('labelOffsetX', GROUPS.operations, -20, 20),
  integer('labelOffsetY', GROUPS.operations, -20, 20),
  integer('dormantMonths', GROUPS.operations, 1, 240),
  text('smtpHost', GROUPS.operations),
  integer('smtpPort', GROUPS.operations, 1, 65535),
  choice('smtpSecurity', GROUPS.operations, ['tls', 'starttls', 'none']),
  text('smtpUser', GROUPS.operations),
  text('smtpFrom', GROUPS.operations),
];

const JOB_KEYS: readonly SettingKey[] = [
  json('jobSwitches', GROUPS.jobs, validJobSwitches),
  choice('invoiceRunMode', GROUPS.jobs, ['confirm', 'auto']),
  integer('reminderDaysAfterDue', GROUPS.jobs, 0, 365),
  integer('backupKeep', GROUPS.jobs, 1, 365),
];

export const SETTING_KEYS: readonly SettingKey[] = [
  text('orgName', GROUPS.org, 120),
  text('representative', GROUPS.org, 120),
  optional('orgPostalCode', GROUPS.org, normalizePostalCode),
  text('orgAddress', GROUPS.org),
  optional('orgPhone', GROUPS.org, normalizePhone),
  text('orgEmail', GROUPS.org),
  optional('orgInvoiceNumber', GROUPS.org, normalizeInvoiceNumber),
  {
    key: 'bankAccounts',
    group: GROUPS.transfer,
    label: label('bankAccounts'),
    input: 'textarea',
    hint: hint('bankAccounts'),
    format: (v) => (Array.isArray(v) ? v.join('\n') : str(v)),
    parse: (raw) => ({
      value: raw
        .split(/\r?\n/)
        .map((s) => s.trim())
        .filter(Boolean),
    }),
  },
  {
    ...integer('fiscalYearStartMonth', GROUPS.fiscal, 1, 12),
    input: 'select',
    options: Array.from({ length: 12 }, (_, i) => [String(i + 1), SETTINGS_TEXT.monthOption(i + 1)] as const),
  },
  integer('dueDays', GROUPS.fiscal, 0, 365),
  integer('graceYears', GROUPS.fiscal, 1, 10),
  choice('proration', GROUPS.fiscal, ['none', 'monthly']),
  {
    key: 'transferFees',
    group: GROUPS.fiscal,
    label: label('transferFees'),
    input: 'text',
    hint: hint('transferFees'),
    format: (v) => (Array.isArray(v) ? v.join(', ') : str(v)),
    parse: (raw) => {
      const fees = raw
        .split(/[,、\s]+/)
        .filter(Boolean)
        .map((f) => Number(f.normalize('NFKC')));
      return fees.some((f) => !Number.isInteger(f) || f <= 0 || f > 2000)
        ? { error: error('transferFees') }
        : { value: fees };
    },
  },
  choice('era', GROUPS.dates, ['wareki', 'seireki']),
  choice('receipt.paper', GROUPS.receipt, ['A4', 'A5']),
  {
    key: 'receipt.stampNote',
    group: GROUPS.receipt,
    label: label('receipt.stampNote'),
    input: 'select',
    options: optionsOf('receipt.stampNote', ['on', 'off']),
    hint: hint('receipt.stampNote'),
    format: (v) => (v ? 'on' : 'off'),
    parse: (raw) =>
      Object.hasOwn(ON_OFF, raw.trim().toLowerCase())
        ? { value: ON_OFF[raw.trim().toLowerCase()] }
        : { error: error('receipt.stampNote') },
  },
  choice('certification.kind', GROUPS.certification, ['', ...CERTIFICATION_KINDS]),
  text('certification.number', GROUPS.certification, 100),
  {
    ...optional('certification.date', GROUPS.certification, parseDate),
    hint: 'YYYY-MM-DD',
  },
  text('certification.activity', GROUPS.certification, 200),
  ...PRINT_KEYS,
  ...JOB_KEYS,
  ...OPERATION_KEYS,
];

const BY_KEY = new Map(SETTING_KEYS.map((k) => [k.key, k]));

export function settingKey(key: string): SettingKey | undefined {
  return BY_KEY.get(key);
}

/** One key from a typed string: the value to store, or the message to show. */
export function parseSetting(key: string, raw: string): Parsed {
  const entry = BY_KEY.get(key);
  if (!entry) return { error: SETTINGS_TEXT.unknownKey(key) };
  return entry.parse(raw);
}

/**
 * The keys present in a form body, parsed: values to save, or every field's message.
 * A key missing from the body keeps its stored value.
 */
export function parseSettingsForm(
  body: Record<string, string | undefined>,
): { values: Record<string, unknown> } | { errors: Record<string, string> } {
  const values: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const entry of SETTING_KEYS) {
    const raw = body[entry.key];
    if (raw === undefined) continue;
    const r = entry.parse(raw);
    if ('error' in r) errors[entry.key] = r.error;
    else values[entry.key] = r.value;
  }
  return Object.keys(errors).length ? { errors } : { values };
}

/** Groups in page order with their entries. */
export function settingGroups(): { group: string; keys: SettingKey[] }[] {
  const out: { group: string; keys: SettingKey[] }[] = [];
  for (const k of SETTING_KEYS) {
    const g = out.find((x) => x.group === k.group) ?? out[out.push({ group: k.group, keys: [] }) - 1]!;
    g.keys.push(k);
  }
  return out;
}
