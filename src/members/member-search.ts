import type { EntityManager } from '../db/orm.js';
import { readRows } from '../db/sqlite-direct.js';
import { onPostgres } from '../db/write-lock.js';
import { kanaSearchKey, normalizeText } from '../lib/kana.js';
import { foldKanjiVariants } from '../lib/kanji-variants.js';
import type { MemberKind, MemberStatus } from './member.entity.js';
import { searchIndexFor, type IndexQuery } from './member-search-index.js';

export type StatusFilter = 'active' | 'withdrawn' | 'all';
export type SortKey = 'kana' | 'memberNo' | 'joinedOn';

export interface SearchParams {
  q?: string;
  status?: StatusFilter;
  memberTypeId?: number | null;
  sort?: SortKey;
  page?: number;
  perPage?: number;
}

/**
 * What a list row shows, and only that: plain values read in one query (no entity hydration on
 * hot paths; every column more is one more value node-sqlite3 turns into JavaScript per row).
 */
export interface MemberRow {
  id: number;
  memberNo: number;
  kind: MemberKind;
  status: MemberStatus;
  familyName: string | null;
  givenName: string | null;
  familyKana: string | null;
  givenKana: string | null;
  orgName: string | null;
  orgKana: string | null;
  contactPerson: string | null;
  phone: string | null;
  mobile: string | null;
  prefecture: string | null;
  city: string | null;
  addressUnknown: boolean;
  memberType: { name: string };
  /** Values of the extra columns asked for (list badges), by key. */
  extra?: Record<string, unknown>;
}

export interface SearchResult {
  items: MemberRow[];
  total: number;
  page: number;
  pages: number;
  perPage: number;
}

/**
 * Quick search as staff type it on the phone: a member number, phone digits in any format,
 * フリガナ (katakana, hiragana or half-width, also partial), kanji name or e-mail.
 */
export function quickSearchTerms(q: string): IndexQuery | null {
  const text = normalizeText(q).trim();
  if (!text) return null;
  const digits = text.replace(/[-‐－ー()（）\s+]/g, '');
  if (/^\d+$/.test(digits)) {
    return {
      memberNo: digits.length <= 9 ? Number(digits) : undefined,
      digits: digits.length >= 3 ? digits.replace(/^81/, '0') : undefined,
    };
  }
  const kana = kanaSearchKey(text);
  return {
    kana: /^[ァ-ヶー]+$/.test(kana) ? kana : undefined,
    name: foldKanjiVariants(text.replace(/\s+/g, '')),
    email: /[A-Za-z0-9@.]/.test(text) ? text.toLowerCase() : undefined,
  };
}

/** Extra scalar columns read with the rows (list badges of other domains), by key into MemberRow.extra. */
export interface ExtraColumn {
  key: string;
  sql: string;
  bindings: unknown[];
}

export async function searchMembers(
  em: EntityManager,
  p: SearchParams,
  opts: { columns?: ExtraColumn[] } = {},
): Promise<SearchResult & { dbVersion: unknown }> {
  const perPage = Math.min(Math.max(p.perPage ?? 50, 1), 500);
  const terms = p.q ? quickSearchTerms(p.q) : {};
  const index = searchIndexFor(em.getMetadata());
  if (!terms) return { items: [], total: 0, page: 1, pages: 1, perPage, dbVersion: undefined };
  const status = p.status ?? (p.q ? 'all' : 'active');
  const version = `${index.versionSql(em)} as db_version`;
  const extra = (opts.columns ?? []).map((c) => `, ${c.sql} as "x_${c.key}"`).join('');
  const extraBindings = (opts.columns ?? []).flatMap((c) => c.bindings);
  // The in-memory index finds and orders the ids; SQL reads only the rows of the page, and with
  // them the database version: if another connection changed members since the index was built,
  // rebuild and read again (once), so a fresh index costs no query of its own.
  // Plain SQL text: building it with the query builder cost more than running it.
  for (let attempt = 0; ; attempt++) {
    if (!index.builtForChanges) await index.rebuild(em);
    const ids = index.search(
      { ...terms, status: status === 'all' ? undefined : status, typeId: p.memberTypeId ?? null },
      p.sort ?? 'kana',
    );
    const total = ids.length;
    const pages = Math.max(1, Math.ceil(total / perPage));
    const current = Math.min(Math.max(p.page ?? 1, 1), pages);
    const slice = ids.slice((current - 1) * perPage, current * perPage);
    const [sql, bindings] = slice.length
      ? [
          `${ROWS_SQL}, ${version}${extra} ${ROWS_FROM} where ${idsWhere(em, slice)}`,
          [...extraBindings, ...idsBindings(em, slice)],
        ]
      : [`select ${version}`, []];
    const raw = await readRows(em, sql, bindings);
    const dbVersion = raw[0]?.db_version;
    if (attempt === 0 && !index.isCurrent(dbVersion)) {
      await index.rebuild(em);
      continue;
    }
    const rows = slice.length ? raw.map((r) => toRow(r, opts.columns)) : [];
    const pos = new Map(slice.map((id, i) => [id, i]));
    rows.sort((a, b) => pos.get(a.id)! - pos.get(b.id)!);
    return { items: rows, total, page: current, pages, perPage, dbVersion };
  }
}

const ROWS_SQL = `select m.id, m.member_no, m.kind, m.status, m.family_name, m.given_name, m.family_kana,
  m.given_kana, m.org_name, m.org_kana, m.contact_person, m.phone, m.mobile, m.prefecture, m.city,
  m.address_unknown, t.name as type_name`;
const ROWS_FROM = 'from member m join member_type t on t.id = m.member_type_id';

/**
 * The page's ids. On SQLite one JSON array bound as one value: the statement is the same for any
 * page (prepared once), and binding 50 values one by one cost more main-thread time than the
 * JSON text does on SQLite's thread.
 */
const idsWhere = (em: EntityManager, ids: number[]) =>
  onPostgres(em) ? `m.id in (${ids.map(() => '?').join(',')})` : 'm.id in (select value from json_each(?))';
const idsBindings = (em: EntityManager, ids: number[]): unknown[] => (onPostgres(em) ? ids : [JSON.stringify(ids)]);

function toRow(r: Record<string, unknown>, columns?: ExtraColumn[]): MemberRow {
  const s = (k: string) => (r[k] ?? null) as string | null;
  return {
    id: Number(r.id),
    memberNo: Number(r.member_no),
    kind: r.kind as MemberKind,
    status: r.status as MemberStatus,
    familyName: s('family_name'),
    givenName: s('given_name'),
    familyKana: s('family_kana'),
    givenKana: s('given_kana'),
    orgName: s('org_name'),
    orgKana: s('org_kana'),
    contactPerson: s('contact_person'),
    phone: s('phone'),
    mobile: s('mobile'),
    prefecture: s('prefecture'),
    city: s('city'),
    addressUnknown: !!r.address_unknown && r.address_unknown !== '0',
    memberType: { name: String(r.type_name) },
    ...(columns?.length ? { extra: Object.fromEntries(columns.map((c) => [c.key, r[`x_${c.key}`] ?? null])) } : {}),
  };
}
