import type { FastifyInstance, FastifyReply } from 'fastify';
import { parseDate, todayInTokyo } from '../lib/dates.js';
import { displayKana, displayName, fullAddress } from '../members/member.model.js';
import { getMember } from '../members/member.service.js';
import { idParam } from '../web/errors.js';
import { errorData, type FormBody, onUserError } from '../web/forms.js';
import { sendCsv } from '../web/download.js';
import { listItems } from './lists.service.js';
import { formValue } from '../web/form-reader.js';
import { parseRoleAssignment } from './role.form.js';
import { assignRole, getAssignment, holdersOn, removeAssignment, updateAssignment } from './roles.service.js';
import { OFFICERS_CSV_HEADER, SUPPORTERS_TEXT } from './ui-text.js';

const idOf = (req: { params: unknown }) => idParam((req.params as { id: string }).id);

async function renderAssignmentForm(
  reply: FastifyReply,
  memberId: number,
  data: Record<string, unknown>,
  status = 200,
) {
  const em = reply.request.em.fork();
  const member = await getMember(em, memberId);
  return reply.render(
    'supporters/role-form',
    { member, memberName: displayName(member), roleTypes: await listItems(em, 'roles'), ...data },
    status,
  );
}

/** The roster query from ?date=&role= (today and every officer role by default). */
function rosterQuery(query: unknown) {
  const q = query as Record<string, string | undefined>;
  const date = (q.date && parseDate(q.date)) || todayInTokyo();
  return { date, roleId: Number(q.role) || null, invalidDate: !!q.date && !parseDate(q.date) };
}

export async function roleRoutes(app: FastifyInstance): Promise<void> {
  app.post('/members/:id/roles', async (req, reply) => {
    const memberId = idOf(req);
    try {
      const mr = await assignRole(req.em, memberId, formValue(parseRoleAssignment(req.body as FormBody)));
      return reply.redirectWithFlash(`/members/${memberId}`, SUPPORTERS_TEXT.roleAdded(mr.role.name));
    } catch (err) {
      return onUserError(err, (e) =>
        renderAssignmentForm(
          reply,
          memberId,
          { title: SUPPORTERS_TEXT.newRole, v: req.body, action: `/members/${memberId}/roles`, ...errorData(e) },
          e.statusCode,
        ),
      );
    }
  });

  app.get('/member-roles/:id', { config: { role: 'staff' } }, async (req, reply) => {
    const mr = await getAssignment(req.em, idOf(req));
    const v = { roleId: mr.role.id, startedOn: mr.startedOn, endedOn: mr.endedOn, note: mr.note };
    return renderAssignmentForm(reply, mr.member.id, {
      title: SUPPORTERS_TEXT.rolePeriod(mr.role.name),
      v,
      assignment: mr,
      action: `/member-roles/${mr.id}`,
    });
  });

  app.post('/member-roles/:id', async (req, reply) => {
    const mr = await getAssignment(req.em, idOf(req));
    const body = { ...(req.body as FormBody), roleId: String(mr.role.id) };
    try {
      await updateAssignment(req.em, mr.id, formValue(parseRoleAssignment(body)));
      return reply.redirectWithFlash(`/members/${mr.member.id}`, SUPPORTERS_TEXT.rolePeriodSaved(mr.role.name));
    } catch (err) {
      return onUserError(err, (e) =>
        renderAssignmentForm(
          reply,
          mr.member.id,
          {
            title: SUPPORTERS_TEXT.rolePeriod(mr.role.name),
            v: body,
            assignment: mr,
            action: `/member-roles/${mr.id}`,
            ...errorData(e),
          },
          e.statusCode,
        ),
      );
    }
  });

  app.post('/member-roles/:id/delete', async (req, reply) => {
    const mr = await removeAssignment(req.em, idOf(req));
    return reply.redirectWithFlash(`/members/${mr.member.id}`, SUPPORTERS_TEXT.roleRemoved(mr.role.name));
  });

  app.get('/supporters/officers', async (req, reply) => {
    const q = rosterQuery(req.query);
    const rows = await holdersOn(req.em, q.date, q.roleId);
    const error = q.invalidDate ? SUPPORTERS_TEXT.badRosterDate : null;
    return reply.render('supporters/officers', {
      title: SUPPORTERS_TEXT.officers,
      ...q,
      rows,
      roleTypes: await listItems(req.em, 'roles'),
      error,
      displayName,
      displayKana,
      fullAddress,
    });
  });

  app.get('/supporters/officers.csv', async (req, reply) => {
    const q = rosterQuery(req.query);
    const rows = (await holdersOn(req.em, q.date, q.roleId)).map((r) => {
      const m = r.member;
      return [
        r.role.name,
        m.memberNo,
        displayName(m),
        displayKana(m),
        r.startedOn,
        r.endedOn,
        m.postalCode,
        fullAddress(m),
        m.phone,
        m.mobile,
        m.email,
        r.note,
      ];
    });
    return sendCsv(reply, SUPPORTERS_TEXT.officersFile(q.date), `officers_${q.date}.csv`, OFFICERS_CSV_HEADER, rows);
  });
}
