import type { FastifyInstance, FastifyReply } from 'fastify';
import { displayKana, displayName } from '../members/member.model.js';
import { idParam } from '../web/errors.js';
import { errorData, field, fields, type FormBody, onUserError } from '../web/forms.js';
import {
  addParticipantByMemberNo,
  addParticipants,
  getActivity,
  listActivities,
  participantsOf,
  removeParticipation,
  saveActivity,
  setParticipationStatus,
  statusCounts,
} from './activities.service.js';
import { parseActivity } from './activity.form.js';
import { callListRows } from './call-list.js';
import { sendCsv } from '../web/download.js';
import { formValue } from '../web/form-reader.js';
import { findHelpers } from './find-helpers.js';
import { listItems } from './lists.service.js';
import { PARTICIPATION_STATUSES, type ParticipationStatus } from './participation.entity.js';
import { CALL_LIST_HEADER, PARTICIPATION_LABELS, SUPPORTERS_TEXT } from './ui-text.js';

const idOf = (req: { params: unknown }) => idParam((req.params as { id: string }).id);
const SHOWN_CANDIDATES = 100;

/** What the staff typed, for the re-rendered form (skill ids as numbers, as the form reads them). */
const typedValues = (body: unknown) => ({
  ...(body as FormBody),
  skillIds: fields(body as FormBody, 'skillIds').map(Number),
});

async function renderForm(reply: FastifyReply, data: Record<string, unknown>, status = 200) {
  return reply.render(
    'supporters/activity-form',
    { skills: await listItems(reply.request.em.fork(), 'skills'), ...data },
    status,
  );
}

export async function activityRoutes(app: FastifyInstance): Promise<void> {
  app.get('/activities', async (req, reply) => {
    const { upcoming, past } = await listActivities(req.em);
    const counts = await statusCounts(
      req.em,
      [...upcoming, ...past].map((a) => a.id),
    );
    return reply.render('supporters/activities', { title: SUPPORTERS_TEXT.activities, upcoming, past, counts });
  });

  app.get('/activities/new', { config: { role: 'staff' } }, async (_req, reply) =>
    renderForm(reply, { title: SUPPORTERS_TEXT.newActivity, v: { skillIds: [] }, action: '/activities' }),
  );

  app.post('/activities', async (req, reply) => {
    try {
      const a = await saveActivity(req.em, null, formValue(parseActivity(req.body as FormBody)));
      return reply.redirectWithFlash(`/activities/${a.id}`, SUPPORTERS_TEXT.activityAdded(a.title));
    } catch (err) {
      return onUserError(err, (e) =>
        renderForm(
          reply,
          { title: SUPPORTERS_TEXT.newActivity, v: typedValues(req.body), action: '/activities', ...errorData(e) },
          e.statusCode,
        ),
      );
    }
  });

  app.get('/activities/:id', async (req, reply) => {
    const activity = await getActivity(req.em, idOf(req));
    const [participants, counts, candidates, skills] = [
      await participantsOf(req.em, activity.id),
      (await statusCounts(req.em, [activity.id])).get(activity.id)!,
      await findHelpers(req.em, activity),
      await listItems(req.em, 'skills'),
    ];
    const skillNames = skills.filter((s) => activity.skillIds.includes(s.id)).map((s) => s.name);
    return reply.render('supporters/activity', {
      title: activity.title,
      activity,
      participants,
      counts,
      skillNames,
      candidates: candidates.slice(0, SHOWN_CANDIDATES),
      candidateTotal: candidates.length,
      statuses: PARTICIPATION_STATUSES,
      labels: PARTICIPATION_LABELS,
      displayName,
      displayKana,
    });
  });

  app.get('/activities/:id/edit', { config: { role: 'staff' } }, async (req, reply) => {
    const a = await getActivity(req.em, idOf(req));
    return renderForm(reply, {
      title: SUPPORTERS_TEXT.editOf(a.title),
      v: a,
      activity: a,
      action: `/activities/${a.id}`,
    });
  });

  app.post('/activities/:id', async (req, reply) => {
    const a = await getActivity(req.em, idOf(req));
    try {
      await saveActivity(req.em, a.id, formValue(parseActivity(req.body as FormBody)));
      return reply.redirectWithFlash(`/activities/${a.id}`, SUPPORTERS_TEXT.activitySaved);
    } catch (err) {
      return onUserError(err, (e) =>
        renderForm(
          reply,
          {
            title: SUPPORTERS_TEXT.editOf(a.title),
            v: typedValues(req.body),
            activity: a,
            action: `/activities/${a.id}`,
            ...errorData(e),
          },
          e.statusCode,
        ),
      );
    }
  });

  app.post('/activities/:id/participants', async (req, reply) => {
    const id = idOf(req);
    const body = req.body as FormBody;
    const status = (PARTICIPATION_STATUSES as readonly string[]).includes(field(body, 'status'))
      ? (field(body, 'status') as ParticipationStatus)
      : 'asked';
    const memberNo = field(body, 'memberNo').normalize('NFKC').trim();
    const added = memberNo
      ? await addParticipantByMemberNo(req.em, id, Number(memberNo), status)
      : await addParticipants(req.em, id, fields(body, 'memberIds').map(Number).filter(Number.isSafeInteger), status);
    return reply.redirectWithFlash(
      `/activities/${id}`,
      added ? SUPPORTERS_TEXT.participantsAdded(added, PARTICIPATION_LABELS[status]) : SUPPORTERS_TEXT.nobodyChosen,
      added ? 'ok' : 'error',
    );
  });

  app.post('/participations/:id', async (req, reply) => {
    const body = req.body as FormBody;
    const note = field(body, 'note').trim().slice(0, 200);
    const p = await setParticipationStatus(
      req.em,
      idOf(req),
      field(body, 'status'),
      body.note === undefined ? undefined : note || null,
    );
    return reply.redirectWithFlash(
      `/activities/${p.activity.id}#participants`,
      SUPPORTERS_TEXT.participationSet(displayName(p.member), PARTICIPATION_LABELS[p.status]),
    );
  });

  app.post('/participations/:id/delete', async (req, reply) => {
    const p = await removeParticipation(req.em, idOf(req));
    return reply.redirectWithFlash(
      `/activities/${p.activity.id}#participants`,
      SUPPORTERS_TEXT.participantRemoved(displayName(p.member)),
    );
  });

  app.get('/activities/:id/call-list.csv', async (req, reply) => {
    const activity = await getActivity(req.em, idOf(req));
    const rows = callListRows(await participantsOf(req.em, activity.id), await findHelpers(req.em, activity));
    return sendCsv(
      reply,
      SUPPORTERS_TEXT.callListFile(activity.title, activity.startsOn),
      `call-list-${activity.id}.csv`,
      CALL_LIST_HEADER,
      rows,
    );
  });
}
