import type { FastifyInstance } from 'fastify';
import { registerCampaignChoices } from '../dues/campaign-port.js';
import { campaignRoutes } from './campaigns.routes.js';
import { campaignChoicesFor } from './campaigns.service.js';
import { contactRoutes } from './contacts.routes.js';
import { emailDocumentRoutes } from './email-documents.routes.js';
import { emailRoutes } from './email.routes.js';
import { labelRoutes } from './labels.routes.js';
import { newsletterRoutes } from './newsletters.routes.js';
import { sendRoutes } from './sends.routes.js';
import { segmentRoutes } from './segments.routes.js';
import { specialDayRoutes } from './special-days.routes.js';
import { MAIL_TEXT } from './ui-text.js';

/** 発送・会報: segments, labels and envelopes, special days, campaigns, newsletters. */
export async function mailingRoutes(app: FastifyInstance): Promise<void> {
  app.get('/mailings', async (_req, reply) => reply.render('mailings/index', { title: MAIL_TEXT.mailingsTitle }));
  await app.register(segmentRoutes);
  await app.register(labelRoutes);
  await app.register(specialDayRoutes);
  await app.register(campaignRoutes);
  await app.register(newsletterRoutes);
  await app.register(sendRoutes);
  await app.register(emailRoutes);
  await app.register(contactRoutes);
  await app.register(emailDocumentRoutes);
  registerCampaignChoices(campaignChoicesFor); // the donation form offers the running campaigns
}
