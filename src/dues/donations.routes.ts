import type { FastifyInstance, FastifyReply } from 'fastify';
import type { EntityManager } from '../db/orm.js';
import { parseDate, todayInTokyo } from '../lib/dates.js';
import { parseYen } from '../lib/money.js';
import { Member } from '../members/member.entity.js';
import { displayName } from '../members/member.model.js';
import { idParam, UserError } from '../web/errors.js';
import { field, type FormBody } from '../web/forms.js';
import { yen } from './dues-pages.js';
import { listDonations, recordDonation, reverseDonation } from './donation.service.js';
import type { PaymentMethod } from './payment.entity.js';
import { METHOD_LABELS } from './ui-text.js';

async function renderList(em: EntityManager, reply: FastifyReply, q: FormBody, extra: Record<string, unknown> = {}, status = 200) {
  const from = parseDate(field(q, 'from')) ?? undefined;
  const to = parseDate(field(q, 'to')) ?? undefined;
  const [items, total] = await listDonations(em, { from, to, limit: 200 });
  const sum = items.filter((d) => d.status === 'active').reduce((s, d) => s + d.amount, 0);
  return reply.render('dues/donations', {
    title: '寄付', items, total, sum, from: from ?? '', to: to ?? '', today: todayInTokyo(), methods: METHOD_LABELS, values: {}, yen, displayName, ...extra,
  }, status);
}

/** 寄付: the list (with a date range and total) and standalone donations, which the receipts issue will print. */
export async function donationRoutes(app: FastifyInstance): Promise<void> {
  app.get('/dues/donations', async (req, reply) => renderList(req.em, reply, req.query as FormBody));

  app.post('/dues/donations', async (req, reply) => {
    const body = req.body as FormBody;
    try {
      const memberNo = field(body, 'memberNo').normalize('NFKC').trim();
      const member = memberNo ? await req.em.findOne(Member, { memberNo: Number(memberNo) || -1 }) : null;
      if (memberNo && !member) throw new UserError('入力内容を確認してください', 422, { memberNo: `会員番号 ${memberNo} の会員はいません` });
      const amount = parseYen(field(body, 'amount'));
      const receivedOn = parseDate(field(body, 'receivedOn'));
      await recordDonation(req.em, {
        memberId: member?.id ?? null, donorName: field(body, 'donorName') || null, receivedOn: receivedOn ?? '', amount: amount ?? 0,
        method: field(body, 'method') as PaymentMethod, purpose: field(body, 'purpose') || null, note: field(body, 'note') || null,
      });
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      return renderList(req.em.fork(), reply, {}, { values: body, error: err.message, errors: err.fieldErrors }, err.statusCode);
    }
    return reply.redirectWithFlash('/dues/donations', '寄付を記録しました');
  });

  app.post('/dues/donations/:id/reverse', async (req, reply) => {
    try {
      await reverseDonation(req.em, idParam((req.params as { id: string }).id), field(req.body as FormBody, 'reason'));
    } catch (err) {
      if (!(err instanceof UserError) || err.statusCode === 404) throw err;
      return renderList(req.em.fork(), reply, {}, { error: err.message }, err.statusCode);
    }
    return reply.redirectWithFlash('/dues/donations', '寄付を取り消しました');
  });
}
