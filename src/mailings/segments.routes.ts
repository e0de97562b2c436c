import type { FastifyInstance, FastifyReply } from 'fastify';
import type { EntityManager } from '../db/orm.js';
import { MemberType } from '../members/member-type.entity.js';
import { displayNameOfRow } from '../members/member.model.js';
import { PREFECTURES } from '../members/prefectures.js';
import { idParam, NotFoundError, UserError } from '../web/errors.js';
import { field, type FormBody } from '../web/forms.js';
import { filterToForm, parseSegmentFilter, type SegmentFilter } from './segment-filter.js';
import { Segment } from './segment.entity.js';
import { countSegment, listSegments, saveSegment, segmentMembers } from './segments.service.js';
import { CHANNEL_LABELS, DUES_FILTER_LABELS, EXCLUSION_REASONS, MONTHS, MAIL_TEXT } from './ui-text.js';

async function choices(em: EntityManager) {
  const knex = em.getKnex();
  const [types, roles, skills, activities] = await Promise.all([
    em.find(MemberType, {}, { orderBy: { sortOrder: 'asc' } }),
    em.execute(knex('supporter_role').select('id', 'name').orderBy('sort_order')),
    em.execute(knex('skill').select('id', 'name').orderBy('sort_order')),
    em.execute(knex('activity').select('id', 'title', 'starts_on').orderBy('starts_on', 'desc').limit(100)),
  ]);
  return {
    types,
    roles,
    skills,
    activities,
    prefectures: PREFECTURES,
    months: MONTHS,
    duesLabels: DUES_FILTER_LABELS,
    channels: CHANNEL_LABELS,
  };
}

/** The segment page: the form, the count on each channel and the first members (with why some are left out). */
async function renderSegment(
  em: EntityManager,
  reply: FastifyReply,
  data: {
    segment?: { id: number; name: string; note?: string | null } | null;
    values: FormBody;
    filter?: SegmentFilter;
    err?: UserError;
  },
) {
  const filter = data.filter ?? {};
  const [post, email, preview] = await Promise.all([
    countSegment(em, filter, 'post', undefined, { breakdown: true }),
    countSegment(em, filter, 'email', undefined, { breakdown: true }),
    segmentMembers(em, filter, 'post', { limit: 30 }),
  ]);
  return reply.render(
    'mailings/segment',
    {
      title: data.segment ? MAIL_TEXT.segmentTitle(data.segment.name) : MAIL_TEXT.segmentNew,
      ...(await choices(em)),
      segment: data.segment ?? null,
      values: data.values,
      counts: { post, email },
      preview,
      reasons: EXCLUSION_REASONS,
      displayNameOfRow,
      error: data.err?.message,
      errors: data.err?.fieldErrors ?? {},
    },
    data.err?.statusCode ?? 200,
  );
}

function parseOrThrow(body: FormBody): SegmentFilter {
  const parsed = parseSegmentFilter(body);
  if (parsed.errors) throw new UserError(MAIL_TEXT.invalid, 422, parsed.errors);
  return parsed.value;
}

export async function segmentRoutes(app: FastifyInstance): Promise<void> {
  app.get('/mailings/segments', async (req, reply) => {
    const segments = await listSegments(req.em);
    const counts = await Promise.all(segments.map((s) => countSegment(req.em, s.filter, 'post')));
    return reply.render('mailings/segments', { title: MAIL_TEXT.segmentsTitle, segments, counts });
  });

  /** The live count under the form (views/assets/segment-count.js); same numbers as the page. */
  app.get('/mailings/segments/count', async (req, reply) => {
    const parsed = parseSegmentFilter(req.query as FormBody);
    if (parsed.errors) return reply.code(422).send({ errors: parsed.errors });
    const [post, email] = await Promise.all([
      countSegment(req.em, parsed.value, 'post'),
      countSegment(req.em, parsed.value, 'email'),
    ]);
    return { total: post.total, post: post.included, email: email.included };
  });

  app.get('/mailings/segments/new', async (req, reply) => {
    const q = req.query as FormBody;
    const parsed = parseSegmentFilter(q);
    const err = parsed.errors ? new UserError(MAIL_TEXT.invalid, 422, parsed.errors) : undefined;
    return renderSegment(req.em, reply, { values: q, filter: parsed.value, err });
  });

  app.get('/mailings/segments/:id', async (req, reply) => {
    const segment = await req.em.findOne(Segment, { id: idParam((req.params as { id: string }).id) });
    if (!segment) throw new NotFoundError();
    return renderSegment(req.em, reply, {
      segment,
      values: { name: segment.name, note: segment.note ?? '', ...filterToForm(segment.filter) },
      filter: segment.filter,
    });
  });

  for (const url of ['/mailings/segments', '/mailings/segments/:id']) {
    app.post(url, async (req, reply) => {
      const body = req.body as FormBody;
      const raw = (req.params as { id?: string }).id;
      const id = raw ? idParam(raw) : null;
      try {
        const filter = parseOrThrow(body);
        const saved = await saveSegment(req.em, id, {
          name: field(body, 'name'),
          note: field(body, 'note').trim() || null,
          filter,
        });
        return reply.redirectWithFlash(`/mailings/segments/${saved.id}`, MAIL_TEXT.segmentSaved(saved.name));
      } catch (err) {
        if (!(err instanceof UserError) || err.statusCode === 404) throw err;
        const segment = id ? await req.em.fork().findOne(Segment, { id }) : null;
        return renderSegment(req.em.fork(), reply, {
          segment,
          values: body,
          filter: parseSegmentFilter(body).value,
          err,
        });
      }
    });
  }
}
