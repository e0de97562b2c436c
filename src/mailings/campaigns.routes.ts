import { pipeline } from 'node:stream/promises';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { drawCampaignBlock } from '../documents/campaign-block.js';
import { A4, createDocument, MARGIN } from '../documents/pdf.js';
import type { EntityManager } from '../db/orm.js';
import { sendPdf } from '../web/download.js';
import { idParam, UserError } from '../web/errors.js';
import type { FormBody } from '../web/forms.js';
import type { ICampaign } from './campaign.entity.js';
import { parseCampaign } from './campaign-progress.js';
import { campaignDonations, getCampaign, listCampaigns, progressOf, saveCampaign } from './campaigns.service.js';
import { CAMPAIGN_TEXT, MAIL_TEXT } from './ui-text.js';

export const periodOf = (c: ICampaign) => MAIL_TEXT.period(c.startsOn, c.endsOn);

function renderForm(reply: FastifyReply, values: FormBody, campaign: ICampaign | null, err?: UserError) {
  return reply.render(
    'mailings/campaign-form',
    {
      title: campaign ? MAIL_TEXT.campaignEdit(campaign.name) : MAIL_TEXT.campaignNew,
      values,
      campaign,
      kinds: CAMPAIGN_TEXT.kinds,
      error: err?.message,
      errors: err?.fieldErrors ?? {},
    },
    err?.statusCode ?? 200,
  );
}

async function save(em: EntityManager, reply: FastifyReply, id: number | null, body: FormBody) {
  const parsed = parseCampaign(body);
  const current = id ? await getCampaign(em, id) : null;
  if (parsed.errors) return renderForm(reply, body, current, new UserError(MAIL_TEXT.invalid, 422, parsed.errors));
  try {
    const c = await saveCampaign(em, id, parsed.value);
    return reply.redirectWithFlash(`/mailings/campaigns/${c.id}`, MAIL_TEXT.campaignSaved(c.name));
  } catch (err) {
    if (!(err instanceof UserError) || err.statusCode === 404) throw err;
    return renderForm(reply, body, current, err);
  }
}

/** キャンペーン: targets, linked donations, progress as a page and as a printable block. */
export async function campaignRoutes(app: FastifyInstance): Promise<void> {
  app.get('/mailings/campaigns', async (req, reply) => {
    const campaigns = await listCampaigns(req.em);
    const progress = await Promise.all(campaigns.map((c) => progressOf(req.em, c)));
    return reply.render('mailings/campaigns', { title: MAIL_TEXT.campaignsTitle, campaigns, progress, periodOf });
  });
  app.get('/mailings/campaigns/new', { config: { role: 'staff' } }, async (_req, reply) =>
    renderForm(reply, { targetKind: 'amount' }, null),
  );
  app.post('/mailings/campaigns', async (req, reply) => save(req.em, reply, null, req.body as FormBody));
  app.get('/mailings/campaigns/:id', async (req, reply) => {
    const c = await getCampaign(req.em, idParam((req.params as { id: string }).id));
    return reply.render('mailings/campaign', {
      title: c.name,
      campaign: c,
      progress: await progressOf(req.em, c),
      donations: await campaignDonations(req.em, c.id),
      period: periodOf(c),
      kinds: CAMPAIGN_TEXT.kinds,
    });
  });
  app.get('/mailings/campaigns/:id/edit', { config: { role: 'staff' } }, async (req, reply) => {
    const c = await getCampaign(req.em, idParam((req.params as { id: string }).id));
    return renderForm(
      reply,
      {
        ...c,
        targetValue: String(c.targetValue),
        endsOn: c.endsOn ?? '',
        description: c.description ?? '',
      } as unknown as FormBody,
      c,
    );
  });
  app.post('/mailings/campaigns/:id', async (req, reply) =>
    save(req.em, reply, idParam((req.params as { id: string }).id), req.body as FormBody),
  );
  app.get('/mailings/campaigns/:id/print', async (req, reply) => {
    const c = await getCampaign(req.em, idParam((req.params as { id: string }).id));
    const p = await progressOf(req.em, c);
    const doc = createDocument({ title: c.name });
    doc.addPage({ size: 'A4', margin: MARGIN });
    drawCampaignBlock(doc, { name: c.name, period: periodOf(c), ...p }, MARGIN, MARGIN, A4.width - 2 * MARGIN);
    return sendPdf(reply, `${c.name}.pdf`, async (out) => {
      const done = pipeline(doc, out);
      doc.end();
      await done;
    });
  });
}
