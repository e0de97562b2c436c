import { csvCell } from '../../lib/csv-cell.js';
import { stringify } from 'csv-stringify/sync';
import iconv from 'iconv-lite';
import { HEADERS, type ColumnKey } from '../import/import-columns.js';
import { LABELS, MEMBERS_TEXT } from '../ui-text.js';

/** A member as the export reads it: plain values of one query (skills joined by the service). */
export interface ExportRow {
  member_no: number;
  kind: string;
  status: string;
  family_name: string | null;
  given_name: string | null;
  family_kana: string | null;
  given_kana: string | null;
  org_name: string | null;
  org_kana: string | null;
  contact_person: string | null;
  contact_kana?: string | null;
  type_name: string;
  postal_code: string | null;
  prefecture: string | null;
  city: string | null;
  address1: string | null;
  address2: string | null;
  phone: string | null;
  mobile: string | null;
  email: string | null;
  birth_date: string | null;
  joined_on: string | null;
  withdrawn_on: string | null;
  mail_preference: string;
  notes: string | null;
  skills: string[];
}

export type ExportKey = ColumnKey | 'status' | 'withdrawnOn';

const joinName = (a: string | null, b: string | null) => [a, b].filter(Boolean).join(' ');
const s = (v: string | null | undefined) => v ?? '';

/**
 * Every column staff may choose, with the header the member import reads (its first accepted
 * header), so an exported file goes back in through the import unchanged. 状態 and 退会日 are
 * for reading only: the import ignores columns it does not know.
 */
export const EXPORT_COLUMNS: { key: ExportKey; header: string; value: (r: ExportRow) => string | number }[] = [
  { key: 'memberNo', header: HEADERS.memberNo[0]!, value: (r) => r.member_no },
  { key: 'kind', header: HEADERS.kind[0]!, value: (r) => LABELS.kind[r.kind] ?? LABELS.kind.individual! },
  { key: 'fullName', header: HEADERS.fullName[0]!, value: (r) => joinName(r.family_name, r.given_name) },
  { key: 'fullKana', header: HEADERS.fullKana[0]!, value: (r) => joinName(r.family_kana, r.given_kana) },
  { key: 'familyName', header: HEADERS.familyName[0]!, value: (r) => s(r.family_name) },
  { key: 'givenName', header: HEADERS.givenName[0]!, value: (r) => s(r.given_name) },
  { key: 'familyKana', header: HEADERS.familyKana[0]!, value: (r) => s(r.family_kana) },
  { key: 'givenKana', header: HEADERS.givenKana[0]!, value: (r) => s(r.given_kana) },
  { key: 'orgName', header: HEADERS.orgName[0]!, value: (r) => s(r.org_name) },
  { key: 'orgKana', header: HEADERS.orgKana[0]!, value: (r) => s(r.org_kana) },
  { key: 'contactPerson', header: HEADERS.contactPerson[0]!, value: (r) => s(r.contact_person) },
  { key: 'contactKana', header: HEADERS.contactKana[0]!, value: (r) => s(r.contact_kana) },
  { key: 'memberType', header: HEADERS.memberType[0]!, value: (r) => r.type_name },
  { key: 'postalCode', header: HEADERS.postalCode[0]!, value: (r) => s(r.postal_code) },
  { key: 'prefecture', header: HEADERS.prefecture[0]!, value: (r) => s(r.prefecture) },
  { key: 'city', header: HEADERS.city[0]!, value: (r) => s(r.city) },
  { key: 'address1', header: HEADERS.address1[0]!, value: (r) => s(r.address1) },
  { key: 'address2', header: HEADERS.address2[0]!, value: (r) => s(r.address2) },
  { key: 'phone', header: HEADERS.phone[0]!, value: (r) => s(r.phone) },
  { key: 'mobile', header: HEADERS.mobile[0]!, value: (r) => s(r.mobile) },
  { key: 'email', header: HEADERS.email[0]!, value: (r) => s(r.email) },
  { key: 'birthDate', header: HEADERS.birthDate[0]!, value: (r) => s(r.birth_date) },
  { key: 'joinedOn', header: HEADERS.joinedOn[0]!, value: (r) => s(r.joined_on) },
  {
    key: 'mailPreference',
    header: HEADERS.mailPreference[0]!,
    value: (r) => LABELS.mailPreference[r.mail_preference] ?? LABELS.mailPreference.post!,
  },
  { key: 'skills', header: HEADERS.skills[0]!, value: (r) => r.skills.join(MEMBERS_TEXT.listSeparator) },
  { key: 'notes', header: HEADERS.notes[0]!, value: (r) => s(r.notes) },
  {
    key: 'status',
    header: MEMBERS_TEXT.exportStatusHeader,
    value: (r) => LABELS.status[r.status === 'withdrawn' ? 'withdrawn' : 'active']!,
  },
  { key: 'withdrawnOn', header: MEMBERS_TEXT.exportWithdrawnOnHeader, value: (r) => s(r.withdrawn_on) },
];

/** Chosen by default: every importable column, names split so a name with a space survives the trip. */
export const DEFAULT_EXPORT_KEYS: ExportKey[] = EXPORT_COLUMNS.map((c) => c.key).filter(
  (k) => k !== 'fullName' && k !== 'fullKana' && k !== 'status' && k !== 'withdrawnOn',
);

/** Keeps known keys in the table's order (the order staff see them on the form); none → the default set. */
export function chosenColumns(keys: string[]): typeof EXPORT_COLUMNS {
  const set = new Set(keys);
  const out = EXPORT_COLUMNS.filter((c) => set.has(c.key));
  return out.length ? out : EXPORT_COLUMNS.filter((c) => DEFAULT_EXPORT_KEYS.includes(c.key));
}

export type ExportEncoding = 'utf-8-bom' | 'cp932';

/**
 * CSV that Excel opens as is: UTF-8 with BOM or Shift_JIS (cp932), CRLF, every cell quoted as
 * needed and defused of formulas like every other export (the member import takes the apostrophe off).
 */
export function memberCsv(rows: ExportRow[], columns: typeof EXPORT_COLUMNS, encoding: ExportEncoding): Buffer {
  const text = stringify(
    [columns.map((c) => c.header), ...rows.map((r) => columns.map((c) => csvCell(String(c.value(r)))))],
    {
      record_delimiter: 'windows',
      // A line break inside a cell (備考) must be quoted: a reader may take any line end as the end of a row.
      quoted_match: /[\r\n]/,
    },
  );
  return encoding === 'cp932'
    ? iconv.encode(text, 'cp932')
    : Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}
