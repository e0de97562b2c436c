import type { EntityManager } from '../db/orm.js';
import { onPostgres } from '../db/write-lock.js';
import { kanaSearchKey } from '../lib/kana.js';
import { foldKanjiVariants } from '../lib/kanji-variants.js';

/**
 * An in-process n-gram index over the member search keys, so quick search on 50,000 members
 * answers in well under a millisecond instead of scanning the table with LIKE '%…%'.
 * The database stays the source of truth. The index is rebuilt when members changed:
 * - in this process: every flush, commit or batch write that touched member rows bumps a counter
 *   (member-changes.ts), so the check costs nothing;
 * - in another process (CLI, job, restore): SQLite's `data_version` moves on another
 *   connection's commit; PostgreSQL (several connections) compares (max id, max updated_at).
 * The list reads that database version as a column of its rows query (versionSql), so a fresh
 * index costs no query of its own; only a changed version rebuilds and reads again.
 */
interface Row {
  id: number;
  memberNo: number;
  joinedOn: string;
  kana: string;
  /** An organisation's contact person's フリガナ (search key form). */
  contactKana: string;
  /** Names with 異体字 folded (髙 → 高): the query is folded the same way. */
  name: string;
  phones: string;
  email: string;
  status: string;
  typeId: number;
}

export interface IndexQuery {
  kana?: string;
  name?: string;
  digits?: string;
  email?: string;
  memberNo?: number;
  status?: string;
  typeId?: number | null;
}

const GRAM = 2;
const RESULTS_KEPT = 200;

export class MemberSearchIndex {
  private rows: Row[] = [];
  private grams = new Map<string, number[]>();
  private byMemberNo = new Map<number, number>();
  /** Answers per query (status/type/sort and terms), until the next rebuild; the newest RESULTS_KEPT. */
  private results = new Map<string, number[]>();
  /** In-process member writes seen (touch), and its value when the index was built. */
  private changes = 0;
  private builtAt = -1;
  /** The database version (versionSql) read just before the last build. */
  private dbVersion: string | null = null;
  private building: Promise<void> | null = null;

  /** Members were written in this process: the next search rebuilds. */
  touch(): void {
    this.changes++;
  }

  /** A scalar SQL expression whose value moves when another connection or process changed members. */
  versionSql(em: EntityManager): string {
    return onPostgres(em)
      ? "(select concat(max(id), '|', max(updated_at)) from member)"
      : '(select data_version from pragma_data_version)';
  }

  /** Built, and no write of this process since. */
  get builtForChanges(): boolean {
    return this.dbVersion !== null && this.builtAt === this.changes;
  }

  /** Whether a database version read with the rows (versionSql) is the one the index was built at. */
  isCurrent(dbVersion: unknown): boolean {
    return this.builtForChanges && String(dbVersion) === this.dbVersion;
  }

  /** Up to date with the database, with one cheap version query (callers that read no rows with it). */
  async ensureFresh(em: EntityManager): Promise<void> {
    if (this.builtForChanges) {
      const [v] = await em.getConnection().execute<{ v: unknown }[]>(`select ${this.versionSql(em)} as v`);
      if (this.isCurrent(v?.v)) return;
    }
    await this.rebuild(em);
  }

  /** Builds the index (concurrent callers share one build). */
  async rebuild(em: EntityManager): Promise<void> {
    this.building ??= this.build(em).finally(() => (this.building = null));
    await this.building;
  }

  private async build(em: EntityManager): Promise<void> {
    // Both read before the rows: a write landing meanwhile leaves them behind, so the next search rebuilds.
    const changes = this.changes;
    const [v] = await em.getConnection().execute<{ v: unknown }[]>(`select ${this.versionSql(em)} as v`);
    const rows = await em
      .getConnection()
      .execute<Record<string, unknown>[]>(
        'select id, member_no, joined_on, kana_key, contact_kana, name_key, phone_digits, email, status, member_type_id from member order by kana_key, member_no',
      );
    const grams = new Map<string, number[]>();
    this.rows = rows.map((r, pos) => {
      const row: Row = {
        id: Number(r.id),
        memberNo: Number(r.member_no),
        joinedOn: String(r.joined_on ?? ''),
        kana: String(r.kana_key ?? ''),
        contactKana: kanaSearchKey(String(r.contact_kana ?? '')),
        name: foldKanjiVariants(String(r.name_key ?? '')),
        phones: String(r.phone_digits ?? ''),
        email: String(r.email ?? '').toLowerCase(),
        status: String(r.status),
        typeId: Number(r.member_type_id),
      };
      for (const g of new Set(
        [row.kana, row.contactKana, row.name, row.email].flatMap((f) => gramsOf(f)).concat(gramsOf(row.phones, 3, 'p')),
      )) {
        let list = grams.get(g);
        if (!list) {
          list = [];
          grams.set(g, list);
        }
        list.push(pos);
      }
      return row;
    });
    this.grams = grams;
    this.byMemberNo = new Map(this.rows.map((r, pos) => [r.memberNo, pos]));
    this.results.clear();
    this.builtAt = changes;
    this.dbVersion = String(v?.v);
  }

  /** Every matching id, in フリガナ order (or by member number / newest joined first). */
  search(q: IndexQuery, sort: 'kana' | 'memberNo' | 'joinedOn' = 'kana'): number[] {
    // Staff repeat and refine the same searches; an answer holds until members change (rebuild).
    const key = JSON.stringify([q.status, q.typeId, sort, q.memberNo, q.kana, q.name, q.digits, q.email]);
    const hit = this.results.get(key);
    if (hit) return hit;
    const ids = this.collect(q, sort);
    if (this.results.size >= RESULTS_KEPT) this.results.delete(this.results.keys().next().value!);
    this.results.set(key, ids);
    return ids;
  }

  private collect(q: IndexQuery, sort: 'kana' | 'memberNo' | 'joinedOn'): number[] {
    const hits: Row[] = [];
    for (const pos of this.candidates(q)) {
      const r = this.rows[pos]!;
      if (q.status && r.status !== q.status) continue;
      if (q.typeId && r.typeId !== q.typeId) continue;
      if (matches(r, q)) hits.push(r);
    }
    if (sort === 'memberNo') hits.sort((a, b) => a.memberNo - b.memberNo);
    if (sort === 'joinedOn')
      hits.sort((a, b) => (a.joinedOn < b.joinedOn ? 1 : a.joinedOn > b.joinedOn ? -1 : b.memberNo - a.memberNo));
    return hits.map((r) => r.id);
  }

  /** Union of the rarest gram's posting list for each searched field (sorted positions), else every row. */
  private candidates(q: IndexQuery): Iterable<number> {
    // Phone digits are indexed as trigrams: digit bigrams are too common to narrow anything down.
    const terms = [q.kana, q.name, q.email].filter((t): t is string => !!t).map((t) => gramsOf(t));
    if (q.digits) terms.push(gramsOf(q.digits, 3, 'p'));
    if ((terms.length === 0 && q.memberNo === undefined) || terms.some((g) => g.length === 0)) return this.rows.keys();
    const union = new Set<number>();
    const byNo = q.memberNo === undefined ? undefined : this.byMemberNo.get(q.memberNo);
    if (byNo !== undefined) union.add(byNo);
    for (const grams of terms) {
      let best: number[] | undefined;
      for (const g of grams) {
        const list = this.grams.get(g) ?? [];
        if (!best || list.length < best.length) best = list;
      }
      for (const pos of best ?? []) union.add(pos);
    }
    return [...union].sort((a, b) => a - b);
  }
}

function gramsOf(s: string, n = GRAM, tag = ''): string[] {
  const out: string[] = [];
  for (let i = 0; i + n <= s.length; i++) out.push(tag + s.slice(i, i + n));
  return out;
}

function matches(r: Row, q: IndexQuery): boolean {
  if (q.memberNo === undefined && !q.kana && !q.name && !q.digits && !q.email) return true; // a plain list
  return (
    (q.memberNo !== undefined && r.memberNo === q.memberNo) ||
    (!!q.kana && (r.kana.includes(q.kana) || r.contactKana.includes(q.kana))) ||
    (!!q.name && r.name.includes(q.name)) ||
    (!!q.digits && r.phones.includes(q.digits)) ||
    (!!q.email && r.email.includes(q.email))
  );
}

const indexes = new WeakMap<object, MemberSearchIndex>();

/** One index per ORM instance (per database). */
export function searchIndexFor(orm: object): MemberSearchIndex {
  let idx = indexes.get(orm);
  if (!idx) {
    idx = new MemberSearchIndex();
    indexes.set(orm, idx);
  }
  return idx;
}
