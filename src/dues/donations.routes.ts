import type { FastifyInstance, FastifyReply } from 'fastify';
import type { EntityManager } from '../db/orm.js';
import { parseDate, todayInTokyo } from '../lib/dates.js';
import { parseYen } from '../lib/money.js';
import { Member } from '../members/member.entity.js';
import { displayName } from '../members/member.model.js';
import { idParam, UserError } from '../web/errors.js';
import { field, type FormBody } from '../web/forms.js';
import { campaignChoices } from './campaign-port.js';
import { listDonations, recordManualDonation, reverseDonation } from './donation.service.js';
import { LikelyDuplicateError } from './payment-rules.js';
import type { PaymentMethod } from './payment.entity.js';
import { FORM_TEXT } from '../web/ui-text.js';
import { FLASH, METHOD_LABELS, MSG, TITLES } from './ui-text.js';

async function renderList(
  em: EntityManager,
  reply: FastifyReply,
  q: FormBody,
  extra: Record<string, unknown> = {},
  status = 200,
) {
  const from = parseDate(field(q, 'from')) ?? undefined;
  const to = parseDate(field(q, 'to')) ?? undefined;
  const [items, total] = await listDonations(em, { from, to, limit: 200 });
  // The total covers the whole period, not only the 200 rows shown.
  const range = [from ? 'and received_on >= ?' : '', to ? 'and received_on <= ?' : ''].join(' ');
  const rows = await em.execute<{ s: number | null }[]>(
    `select sum(amount) as s from donation where status = 'active' ${range}`,
    [from, to].filter(Boolean),
  );
  const sum = Number(rows[0]?.s ?? 0);
  return reply.render(
    'dues/donations',
    {
      title: TITLES.donations,
      items,
      total,
      sum,
      from: from ?? '',
      to: to ?? '',
      methods: METHOD_LABELS,
      displayName,
      ...extra,
    },
    status,
  );
}

async function renderNew(em: EntityManager, reply: FastifyReply, values: FormBody, err?: UserError) {
  return reply.render(
    'dues/donations-new',
    {
      title: TITLES.newDonation,
      values,
      today: todayInTokyo(),
      methods: METHOD_LABELS,
      campaigns: await campaignChoices(em, todayInTokyo()),
      duplicateOf: err instanceof LikelyDuplicateError ? err.recordedHref : null,
      duplicateText: { confirm: MSG.confirmDuplicate, see: MSG.seeRecordedDonation },
      error: err?.message,
      errors: err?.fieldErrors ?? {},
    },
    err?.statusCode ?? 200,
  );
}

/** The donor is a member (by 会員番号, full-width digits accepted) or a named non-member. */
async function saveDonation(em: EntityManager, body: FormBody): Promise<void> {
  const memberNo = field(body, 'memberNo').normalize('NFKC').trim();
  const member = memberNo ? await em.findOne(Member, { memberNo: Number(memberNo) || -1 }) : null;
  if (memberNo && !member) throw new UserError(FORM_TEXT.checkInput, 422, { memberNo: MSG.noSuchMemberNo(memberNo) });
  const rawAmount = field(body, 'amount');
  const amount = parseYen(rawAmount);
  const receivedOn = parseDate(field(body, 'receivedOn'));
  if (field(body, 'receivedOn') && !receivedOn)
    throw new UserError(FORM_TEXT.checkInput, 422, { receivedOn: MSG.donationDateInvalid });
  const campaignId = Number(field(body, 'campaignId')) || null;
  if (campaignId && !(await campaignChoices(em, todayInTokyo())).some((c) => c.id === campaignId)) {
    throw new UserError(FORM_TEXT.checkInput, 422, { campaignId: MSG.campaignNotListed });
  }
  const input = {
    memberId: member?.id ?? null,
    donorName: field(body, 'donorName') || null,
    donorAddress: field(body, 'donorAddress') || null,
    receivedOn: receivedOn ?? '',
    amount: amount ?? 0,
    method: field(body, 'method') as PaymentMethod,
    purpose: field(body, 'purpose') || null,
    note: field(body, 'note') || null,
    campaignId,
  };
  await recordManualDonation(em, input, { confirmDuplicate: field(body, 'confirmDuplicate') === '1' });
}

/** 寄付: the list (with a date range and total) and standalone donations, which the receipts issue will print. */
export async function donationRoutes(app: FastifyInstance): Promise<void> {
  app.get('/dues/donations', async (req, reply) => renderList(req.em, reply, req.query as FormBody));
  app.get('/dues/donations/new', { config: { role: 'staff' } }, async (req, reply) =>
    renderNew(req.em, reply, { method: 'cash' }),
  );

  // POST /dues/donations is kept as well: the first version of the form posted there.
  for (const url of ['/dues/donations/new', '/dues/donations']) {
    app.post(url, async (req, reply) => {
      const body = req.body as FormBody;
      try {
        await saveDonation(req.em, body);
      } catch (err) {
        if (!(err instanceof UserError) || err.statusCode === 404) throw err;
        return renderNew(req.em.fork(), reply, body, err);
      }
      return reply.redirectWithFlash('/dues/donations', FLASH.donationRecorded);
    });
  }

  app.post('/dues/donations/:id/reverse', async (req, reply) => {
    try {
      await reverseDonation(req.em, idParam((req.params as { id: string }).id), field(req.body as FormBody, 'reason'));
    } catch (err) {
      if (!(err instanceof UserError) || err.statusCode === 404) throw err;
      return renderList(req.em.fork(), reply, {}, { error: err.message }, err.statusCode);
    }
    return reply.redirectWithFlash('/dues/donations', FLASH.donationReversed);
  });
}
