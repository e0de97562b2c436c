import type { EntityManager } from '../../db/orm.js';
import { searchIndexFor } from '../member-search-index.js';
import { quickSearchTerms, type SearchParams } from '../member-search.js';
import { chosenColumns, memberCsv, type ExportEncoding, type ExportRow } from './export-columns.js';

const date = (v: unknown) =>
  v === null || v === undefined ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10);

/** The ids the member list shows for these filters, in its order, every page. */
export async function filteredMemberIds(
  em: EntityManager,
  p: Pick<SearchParams, 'q' | 'status' | 'memberTypeId' | 'sort'>,
): Promise<number[]> {
  const terms = p.q ? quickSearchTerms(p.q) : {};
  if (!terms) return [];
  const status = p.status ?? (p.q ? 'all' : 'active');
  const index = searchIndexFor(em.getMetadata());
  await index.ensureFresh(em);
  return [
    ...index.search(
      { ...terms, status: status === 'all' ? undefined : status, typeId: p.memberTypeId ?? null },
      p.sort ?? 'kana',
    ),
  ];
}

async function rowsFor(em: EntityManager, ids: number[]): Promise<ExportRow[]> {
  const out = new Map<number, ExportRow>();
  for (let i = 0; i < ids.length; i += 500) {
    const part = ids.slice(i, i + 500);
    const marks = part.map(() => '?').join(',');
    const rows = await em.execute<Record<string, unknown>[]>(
      `select m.*, t.name as type_name from member m join member_type t on t.id = m.member_type_id where m.id in (${marks})`,
      part,
    );
    for (const r of rows)
      out.set(Number(r.id), {
        ...(r as unknown as ExportRow),
        member_no: Number(r.member_no),
        birth_date: date(r.birth_date),
        joined_on: date(r.joined_on),
        withdrawn_on: date(r.withdrawn_on),
        skills: [],
      });
    // Skills by table name: the members domain does not import the supporters domain that owns them.
    const skills = await em.execute<{ member_id: number; name: string }[]>(
      `select ms.member_id, s.name from member_skill ms join skill s on s.id = ms.skill_id where ms.member_id in (${marks}) order by s.name`,
      part,
    );
    for (const sk of skills) out.get(Number(sk.member_id))?.skills.push(sk.name);
  }
  return ids.map((id) => out.get(id)!).filter(Boolean);
}

/** The member list as a CSV, filtered like the list, with the chosen columns. */
export async function exportMembers(
  em: EntityManager,
  opts: {
    filter: Pick<SearchParams, 'q' | 'status' | 'memberTypeId' | 'sort'>;
    columns: string[];
    encoding: ExportEncoding;
  },
): Promise<{ bytes: Buffer; count: number }> {
  const rows = await rowsFor(em, await filteredMemberIds(em, opts.filter));
  return { bytes: memberCsv(rows, chosenColumns(opts.columns), opts.encoding), count: rows.length };
}
