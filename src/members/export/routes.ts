import type { FastifyInstance } from 'fastify';
import { MemberType } from '../member-type.entity.js';
import { MEMBERS_TEXT } from '../ui-text.js';
import type { SortKey, StatusFilter } from '../member-search.js';
import { DEFAULT_EXPORT_KEYS, EXPORT_COLUMNS } from './export-columns.js';
import { exportMembers } from './export.service.js';

type Query = Record<string, string | string[] | undefined>;
// The Japanese file name for browsers (RFC 5987) with an ASCII fallback. Not the supporters'
// helper: members sit below supporters in the layers (web/download.ts will hold the shared one).
const DISPOSITION = `attachment; filename="members.csv"; filename*=UTF-8''${encodeURIComponent(MEMBERS_TEXT.exportFileName)}`;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';
const many = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);

/** The member list's own filters, read the same way as on /members. */
function filterOf(q: Query) {
  const status = one(q.status);
  const sort = one(q.sort);
  return {
    q: one(q.q).slice(0, 100),
    status: (['active', 'withdrawn', 'all'].includes(status) ? status : undefined) as StatusFilter | undefined,
    memberTypeId: Number(one(q.type)) || null,
    sort: (['kana', 'memberNo', 'joinedOn'].includes(sort) ? sort : 'kana') as SortKey,
  };
}

/** 会員の書き出し: choose columns and encoding; the file re-imports through 会員の取り込み. */
export async function memberExportRoutes(app: FastifyInstance): Promise<void> {
  app.get('/members/export', { config: { role: 'staff' } }, async (req, reply) => {
    const q = req.query as Query;
    return reply.render('members/export', {
      title: MEMBERS_TEXT.exportTitle,
      columns: EXPORT_COLUMNS,
      chosen: DEFAULT_EXPORT_KEYS,
      filter: filterOf(q),
      types: await req.em.find(MemberType, {}, { orderBy: { sortOrder: 'asc' } }),
    });
  });

  app.get('/members/export.csv', { config: { role: 'staff' } }, async (req, reply) => {
    const q = req.query as Query;
    const encoding = one(q.encoding) === 'cp932' ? 'cp932' : 'utf-8-bom';
    const { bytes } = await exportMembers(req.em, { filter: filterOf(q), columns: many(q.columns), encoding });
    return reply
      .header('content-type', `text/csv; charset=${encoding === 'cp932' ? 'shift_jis' : 'utf-8'}`)
      .header('content-disposition', DISPOSITION)
      .header('cache-control', 'no-store')
      .send(bytes);
  });
}
