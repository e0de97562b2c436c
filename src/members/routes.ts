import type { FastifyInstance, FastifyReply } from 'fastify';
import { historyOf } from '../audit/audit.service.js';
import type { EntityManager } from '../db/orm.js';
import { idParam, UserError } from '../web/errors.js';
import { errorData, field, type FormBody, onUserError } from '../web/forms.js';
import { registerViewHelpers } from '../web/render.js';
import { MemberType } from './member-type.entity.js';
import { parseMember, rawMember, type RawMember } from './member.form.js';
import { displayKana, displayName, fullAddress, honorific } from './member.model.js';
import { cachedMemberTypes } from './member-changes.js';
import {
  badgesOfColumns,
  loadListBadges,
  loadSections,
  loadTimeline,
  memberPageReads,
  prepareListBadgeColumns,
} from './member-page.js';
import { searchIndexFor } from './member-search-index.js';
import { searchMembers, type SortKey, type StatusFilter } from './member-search.js';
import {
  createMember,
  getMember,
  PossibleDuplicate,
  readmitMember,
  updateMember,
  withdrawMember,
} from './member.service.js';
import { PREFECTURES } from './prefectures.js';
import { LABELS, MEMBERS_TEXT } from './ui-text.js';
import { memberSkillsForm, saveMemberSkills } from './skills/member-skills.hooks.js';

const helpers = { displayName, displayKana, fullAddress, honorific, labels: LABELS };

async function formContext(em: EntityManager) {
  const types = await em.find(MemberType, { active: true }, { orderBy: { sortOrder: 'asc', id: 'asc' } });
  return { types, prefectures: PREFECTURES, ...helpers };
}

export async function memberRoutes(app: FastifyInstance): Promise<void> {
  registerViewHelpers({ displayName, displayKana });
  // Build the search index when the app is ready, in the background: the first list request
  // should not pay for reading 50,000 members. A failure here only means the first search builds it.
  const index = searchIndexFor(app.orm.em.getMetadata());
  let warming: Promise<void> | null = null;
  app.addHook('onReady', async () => {
    warming = index.rebuild(app.orm.em.fork()).catch((err) => app.log.warn({ err }, 'member search index'));
  });
  app.addHook('onClose', async () => {
    await warming;
  });
  app.get('/members', async (req, reply) => {
    const q = req.query as Record<string, string | undefined>;
    const params = {
      q: (q.q ?? '').slice(0, 100),
      status: (['active', 'withdrawn', 'all'].includes(q.status ?? '') ? q.status : undefined) as
        | StatusFilter
        | undefined,
      memberTypeId: Number(q.type) || null,
      sort: (['kana', 'memberNo', 'joinedOn'].includes(q.sort ?? '') ? q.sort : 'kana') as SortKey,
      page: Number(q.page) || 1,
    };
    // Two queries in all (with the session's): the rows carry the other domains' badge columns and
    // the database version; the member types and the search index are kept in memory per version.
    const columns = await prepareListBadgeColumns(req.em);
    const { dbVersion, ...result } = await searchMembers(req.em, params, { columns });
    if (params.q && result.total === 1 && q.jump === '1') return reply.redirect(`/members/${result.items[0]!.id}`);
    const types = await cachedMemberTypes(req.em, dbVersion);
    const badges = badgesOfColumns(columns, result.items, await loadListBadges(req.em, result.items));
    return reply.render('members/index', { title: MEMBERS_TEXT.members, ...result, params, types, badges, ...helpers });
  });

  app.get('/members/new', { config: { role: 'staff' } }, async (req, reply) => {
    const ctx = await formContext(req.em);
    const values = {
      kind: 'individual',
      memberTypeId: String(ctx.types[0]?.id ?? ''),
      mailPreference: 'post',
    } as Partial<RawMember>;
    return reply.render('members/form', {
      title: MEMBERS_TEXT.newMember,
      values,
      action: '/members',
      ...ctx,
      ...(await memberSkillsForm(req.em)),
    });
  });

  app.post('/members', async (req, reply) => {
    const body = req.body as FormBody;
    const raw = rawMember(body);
    const { value, errors } = parseMember(raw);
    const render = async (err: UserError, extra: Record<string, unknown> = {}) =>
      renderForm(
        reply,
        req.em,
        {
          title: MEMBERS_TEXT.newMember,
          values: raw,
          action: '/members',
          error: err.message,
          errors: err.fieldErrors,
          ...extra,
        },
        err.statusCode,
      );
    if (Object.keys(errors).length) return render(new UserError(MEMBERS_TEXT.checkInput, 422, errors));
    try {
      // Member and skills in one transaction: a refused skill list must not leave a half-registered member.
      const m = await req.em.transactional(async (tx) => {
        const created = await createMember(tx, value, { confirmDuplicate: field(body, 'confirmDuplicate') === '1' });
        await saveMemberSkills(tx, created.id, body);
        return created;
      });
      return reply.redirectWithFlash(`/members/${m.id}`, MEMBERS_TEXT.registered(displayName(m), m.memberNo));
    } catch (err) {
      if (err instanceof PossibleDuplicate) return render(err, { duplicates: err.candidates });
      return onUserError(err, (e) => render(e));
    }
  });

  app.get('/members/:id', async (req, reply) => {
    const member = await getMember(req.em, idParam((req.params as { id: string }).id));
    const page = memberPageReads();
    const [sections, timeline, history] = await Promise.all([
      loadSections(req.em, member, req.staff!, page),
      loadTimeline(req.em, member, page),
      historyOf(req.em, 'Member', member.id, 30),
    ]);
    return reply.render('members/show', {
      title: displayName(member),
      member,
      sections,
      timeline,
      history,
      ...helpers,
    });
  });

  app.get('/members/:id/edit', { config: { role: 'staff' } }, async (req, reply) => {
    const m = await getMember(req.em, idParam((req.params as { id: string }).id));
    const values: Partial<RawMember> = {};
    for (const [k, v] of Object.entries(m))
      if (typeof v === 'string' || typeof v === 'number') (values as Record<string, string>)[k] = String(v);
    values.memberTypeId = String(m.memberType.id);
    values.addressUnknown = m.addressUnknown ? '1' : '';
    return renderForm(reply, req.em, {
      title: MEMBERS_TEXT.editOf(displayName(m)),
      values,
      member: m,
      action: `/members/${m.id}`,
    });
  });

  app.post('/members/:id', async (req, reply) => {
    const id = idParam((req.params as { id: string }).id);
    const raw = rawMember(req.body as FormBody);
    const { value, errors } = parseMember(raw);
    try {
      if (Object.keys(errors).length) throw new UserError(MEMBERS_TEXT.checkInput, 422, errors);
      const m = await req.em.transactional(async (tx) => {
        const updated = await updateMember(tx, id, value);
        await saveMemberSkills(tx, updated.id, req.body);
        return updated;
      });
      return reply.redirectWithFlash(`/members/${m.id}`, MEMBERS_TEXT.saved);
    } catch (err) {
      return onUserError(err, async (e) => {
        const member = await getMember(req.em.fork(), id);
        return renderForm(
          reply,
          req.em.fork(),
          {
            title: MEMBERS_TEXT.editOf(displayName(member)),
            values: raw,
            member,
            action: `/members/${id}`,
            ...errorData(e),
          },
          e.statusCode,
        );
      });
    }
  });

  app.post('/members/:id/withdraw', async (req, reply) => {
    const body = req.body as FormBody;
    const m = await withdrawMember(req.em, idParam((req.params as { id: string }).id), {
      date: field(body, 'withdrawnOn'),
      reason: field(body, 'reason'),
    });
    return reply.redirectWithFlash(`/members/${m.id}`, MEMBERS_TEXT.withdrawn(displayName(m)));
  });

  app.post('/members/:id/readmit', async (req, reply) => {
    const m = await readmitMember(req.em, idParam((req.params as { id: string }).id));
    return reply.redirectWithFlash(`/members/${m.id}`, MEMBERS_TEXT.readmitted(displayName(m)));
  });
}

async function renderForm(reply: FastifyReply, em: EntityManager, data: Record<string, unknown>, status = 200) {
  const skills = await memberSkillsForm(
    em,
    (data.member as { id?: number } | undefined)?.id ?? null,
    reply.request.body,
  );
  return reply.render('members/form', { ...(await formContext(em)), ...skills, ...data }, status);
}
