/**
 * Every setting as one registry entry: key, group, Japanese label and how a typed string
 * becomes a stored value. The settings page and `enishi settings set` both parse through
 * this table, so the same input is accepted or refused with the same message. Pure.
 */
import { parseDate } from '../lib/dates.js';
import { normalizePostalCode } from '../lib/postal.js';
import { parsePrintSetting, type PrintSettingKey } from './print-settings.js';

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

export const GROUPS = {
  org: '団体情報（請求書・領収書に印刷されます）',
  dues: '会費',
  receipt: '領収書',
  certification: '寄附金受領証明書（認定NPO法人・特例認定NPO法人）',
  print: '印刷と礼状',
  operations: '会計連携・定時ジョブ・発送',
} as const;

const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));

function text(key: string, group: string, label: string, max = 200): SettingKey {
  return {
    key,
    group,
    label,
    input: 'text',
    format: str,
    parse: (raw) =>
      raw.trim().length > max ? { error: `${label}は${max}文字以内で入力してください` } : { value: raw.trim() },
  };
}

function integer(key: string, group: string, label: string, min: number, max: number, error: string): SettingKey {
  return {
    key,
    group,
    label,
    input: 'text',
    format: str,
    parse: (raw) => {
      const n = Number(raw.normalize('NFKC').trim());
      return raw.trim() !== '' && Number.isInteger(n) && n >= min && n <= max ? { value: n } : { error };
    },
  };
}

function choice(
  key: string,
  group: string,
  label: string,
  options: readonly (readonly [string, string])[],
  error: string,
  hint?: string,
): SettingKey {
  return {
    key,
    group,
    label,
    input: 'select',
    options,
    hint,
    format: str,
    parse: (raw) => (options.some(([v]) => v === raw.trim()) ? { value: raw.trim() } : { error }),
  };
}

const ON_OFF = { on: true, off: false, true: true, false: false, '1': true, '0': false } as Record<string, boolean>;

function print(
  key: PrintSettingKey,
  label: string,
  options?: readonly (readonly [string, string])[],
  hint?: string,
): SettingKey {
  return {
    key,
    group: GROUPS.print,
    label,
    input: options ? 'select' : 'text',
    options,
    hint,
    format: str,
    parse: (raw) => parsePrintSetting(key, raw),
  };
}

const PRINT_KEYS: readonly SettingKey[] = [
  print(
    'print.offsetX',
    '印刷のずれ 横（mm）',
    undefined,
    '窓付き封筒（長形3号）の窓から宛名がずれるときは、ずれた分だけ逆向きに入れてください（右・下がプラス）。',
  ),
  print('print.offsetY', '印刷のずれ 縦（mm）'),
  print('letters.salutation', '礼状の頭語', [
    ['拝啓', '拝啓 … 敬具（標準）'],
    ['謹啓', '謹啓 … 謹白（改まった場合）'],
    ['前略', '前略 … 草々（時候の挨拶なし）'],
  ]),
  print('letters.layout', '礼状の向き', [
    ['horizontal', '横書き'],
    ['vertical', '縦書き'],
  ]),
];

/** A setting kept as JSON (lists and tables): typed as JSON on the page and the CLI, checked by parsing. */
function json(key: string, group: string, label: string): SettingKey {
  return {
    key,
    group,
    label,
    input: 'textarea',
    format: (v) => JSON.stringify(v ?? null),
    parse: (raw) => {
      try {
        return { value: JSON.parse(raw) as unknown };
      } catch {
        return { error: `${label}はJSONの形で入力してください` };
      }
    },
  };
}

const OPERATION_KEYS: readonly SettingKey[] = [
  text('accountingDuesAccount', GROUPS.operations, '会計：受取会費の勘定科目'),
  json('accountingDuesSubAccounts', GROUPS.operations, '会計：会員種別ごとの補助科目'),
  text('accountingDonationAccount', GROUPS.operations, '会計：受取寄付金の勘定科目'),
  text('accountingDonationSubAccount', GROUPS.operations, '会計：受取寄付金の補助科目'),
  text('accountingFeeAccount', GROUPS.operations, '会計：振込手数料の勘定科目'),
  text('accountingCreditAccount', GROUPS.operations, '会計：預り金の勘定科目'),
  json('accountingDepositAccounts', GROUPS.operations, '会計：入金方法ごとの借方科目'),
  text('accountingTaxCategory', GROUPS.operations, '会計：会費・寄付の税区分'),
  text('accountingFeeTaxCategory', GROUPS.operations, '会計：手数料の税区分'),
  json('jobSwitches', GROUPS.operations, '定時ジョブの有効・無効と時刻'),
  json('invoiceRunMode', GROUPS.operations, '年度初日の一括発行（"confirm" か "auto"）'),
  integer(
    'reminderDaysAfterDue',
    GROUPS.operations,
    '督促：支払期限から何日後',
    0,
    365,
    '0〜365の日数で入力してください',
  ),
  integer('backupKeep', GROUPS.operations, '夜間バックアップを残す数', 1, 365, '1〜365で入力してください'),
  json('assemblyQuorum', GROUPS.operations, '社員総会の定足数（"majority" か "two-thirds"）'),
  json('assemblyMemberTypes', GROUPS.operations, '社員総会で数える会員種別'),
  integer('labelOffsetX', GROUPS.operations, '宛名ラベルの横のずれ（mm）', -20, 20, '-20〜20のmmで入力してください'),
  integer('labelOffsetY', GROUPS.operations, '宛名ラベルの縦のずれ（mm）', -20, 20, '-20〜20のmmで入力してください'),
  integer('dormantMonths', GROUPS.operations, '休眠とみなす月数', 1, 240, '1〜240の月数で入力してください'),
  text('smtpHost', GROUPS.operations, 'メール：SMTPサーバー'),
  integer('smtpPort', GROUPS.operations, 'メール：ポート', 1, 65535, '1〜65535で入力してください'),
  json('smtpSecurity', GROUPS.operations, 'メール：暗号化'),
  text('smtpUser', GROUPS.operations, 'メール：ユーザー名'),
  text('smtpFrom', GROUPS.operations, 'メール：差出人'),
];

export const SETTING_KEYS: readonly SettingKey[] = [
  text('orgName', GROUPS.org, '団体名', 120),
  text('representative', GROUPS.org, '代表者（肩書と氏名）', 120),
  {
    key: 'orgPostalCode',
    group: GROUPS.org,
    label: '郵便番号',
    input: 'text',
    format: str,
    parse: (raw) => {
      if (!raw.trim()) return { value: '' };
      const code = normalizePostalCode(raw);
      return code ? { value: code } : { error: '郵便番号は7桁の数字で入力してください' };
    },
  },
  text('orgAddress', GROUPS.org, '住所'),
  text('orgPhone', GROUPS.org, '電話', 40),
  text('orgEmail', GROUPS.org, 'メール'),
  {
    ...integer('fiscalYearStartMonth', GROUPS.dues, '年度の開始月', 1, 12, '1〜12の月を選んでください'),
    input: 'select',
    options: Array.from({ length: 12 }, (_, i) => [String(i + 1), `${i + 1}月`] as const),
  },
  choice(
    'era',
    GROUPS.dues,
    '印刷物の日付',
    [
      ['wareki', '和暦（令和8年4月1日）'],
      ['seireki', '西暦（2026年4月1日）'],
    ],
    '和暦（wareki）か西暦（seireki）を選んでください',
  ),
  {
    key: 'bankAccounts',
    group: GROUPS.dues,
    label: '振込先（1行に1口座）',
    input: 'textarea',
    format: (v) => (Array.isArray(v) ? v.join('\n') : str(v)),
    parse: (raw) => ({
      value: raw
        .split(/\r?\n/)
        .map((s) => s.trim())
        .filter(Boolean),
    }),
  },
  integer('dueDays', GROUPS.dues, '支払期限（発行日から何日後）', 0, 365, '0〜365の日数で入力してください'),
  integer('graceYears', GROUPS.dues, '退会候補とする未納年数', 1, 10, '1〜10の年数で入力してください'),
  choice(
    'proration',
    GROUPS.dues,
    '年度途中の入会',
    [
      ['none', '年会費の全額'],
      ['monthly', '月割り'],
    ],
    '全額（none）か月割り（monthly）を選んでください',
  ),
  {
    key: 'transferFees',
    group: GROUPS.dues,
    label: '振込手数料として許容する金額（円、カンマ区切り）',
    input: 'text',
    format: (v) => (Array.isArray(v) ? v.join(', ') : str(v)),
    parse: (raw) => {
      const fees = raw
        .split(/[,、\s]+/)
        .filter(Boolean)
        .map((f) => Number(f.normalize('NFKC')));
      return fees.some((f) => !Number.isInteger(f) || f <= 0 || f > 2000)
        ? { error: '手数料は 110, 220 のように円単位でカンマ区切りで入力してください' }
        : { value: fees };
    },
  },
  choice(
    'receipt.paper',
    GROUPS.receipt,
    '用紙',
    [
      ['A4', 'A4（窓付き封筒の宛名つき）'],
      ['A5', 'A5 横'],
    ],
    '用紙は A4 か A5 を選んでください',
  ),
  {
    key: 'receipt.stampNote',
    group: GROUPS.receipt,
    label: '印紙税の非課税の注記',
    input: 'select',
    options: [
      ['on', '印刷する'],
      ['off', '印刷しない'],
    ],
    hint: '「印紙税法基本通達別表第1第17号文書により非課税」',
    format: (v) => (v ? 'on' : 'off'),
    parse: (raw) =>
      Object.hasOwn(ON_OFF, raw.trim().toLowerCase())
        ? { value: ON_OFF[raw.trim().toLowerCase()] }
        : { error: '印紙税の注記は on か off で指定してください' },
  },
  choice(
    'certification.kind',
    GROUPS.certification,
    '認定の種類',
    [
      ['', '認定を受けていない'],
      ['認定', '認定NPO法人'],
      ['特例認定', '特例認定NPO法人'],
    ],
    '認定の種類は「認定」「特例認定」または空欄で指定してください',
  ),
  text('certification.number', GROUPS.certification, '認定（特例認定）通知書の番号', 100),
  {
    key: 'certification.date',
    group: GROUPS.certification,
    label: '認定（特例認定）年月日',
    input: 'text',
    hint: 'YYYY-MM-DD',
    format: str,
    parse: (raw) => {
      if (!raw.trim()) return { value: '' };
      const d = parseDate(raw);
      return d ? { value: d } : { error: '認定年月日は 2024-04-01 のように入力してください' };
    },
  },
  {
    ...text('certification.activity', GROUPS.certification, '寄附金に係る事業（特定非営利活動）', 200),
    hint: '例：子どもの居場所づくり　→「…に係る（子どもの居場所づくり）事業に関連する寄附金として受領いたしました」',
  },
  ...PRINT_KEYS,
  ...OPERATION_KEYS,
];

const BY_KEY = new Map(SETTING_KEYS.map((k) => [k.key, k]));

export function settingKey(key: string): SettingKey | undefined {
  return BY_KEY.get(key);
}

/** One key from a typed string: the value to store, or the message to show. */
export function parseSetting(key: string, raw: string): Parsed {
  const entry = BY_KEY.get(key);
  if (!entry) return { error: `不明な設定項目です: ${key}` };
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
