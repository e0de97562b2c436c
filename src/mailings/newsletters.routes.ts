import { pipeline } from 'node:stream/promises';
import type { FastifyInstance, FastifyReply } from 'fastify';
import MarkdownIt from 'markdown-it';
import { sendPdf } from '../web/download.js';
import type { EntityManager } from '../db/orm.js';
import { todayInTokyo } from '../lib/dates.js';
import { addTimelineSource } from '../members/member-page.js';
import { idParam, UserError } from '../web/errors.js';
import { field, type FormBody } from '../web/forms.js';
import { listCampaigns } from './campaigns.service.js';
import { createMailing, mailingsOfMember } from './mailings.service.js';
import { MAILING_CHANNELS, type MailingChannel } from './mailing.entity.js';
import { Mailing } from './mailing.entity.js';
import { parseIssue } from './newsletter-form.js';
import type { INewsletterIssue } from './newsletter.entity.js';
import { addImage, getIssue, imageBytes, issueImages, issuePdf, listIssues, saveIssue } from './newsletters.service.js';
import { listSegments } from './segments.service.js';
import { CHANNEL_LABELS, MAIL_TEXT, SEND_TEXT } from './ui-text.js';

// Staff text on pages: HTML typed by staff is shown as text, links only to http(s).
const md = new MarkdownIt({ html: false, linkify: false });

async function renderIssue(
  em: EntityManager,
  reply: FastifyReply,
  issue: INewsletterIssue | null,
  values: FormBody,
  err?: UserError,
) {
  const [campaigns, segments] = await Promise.all([listCampaigns(em), listSegments(em)]);
  const images = issue ? await issueImages(em, issue.id) : [];
  const mailings = issue ? await em.find(Mailing, { issueId: issue.id }, { orderBy: { id: 'desc' } }) : [];
  return reply.render(
    'mailings/newsletter',
    {
      title: issue ? MAIL_TEXT.issueTitle(issue.number) : MAIL_TEXT.issueNew,
      issue,
      values,
      campaigns,
      segments,
      images,
      mailings,
      channels: CHANNEL_LABELS,
      preview: issue ? md.render(issue.body) : '',
      previewColumns: issue?.columnsBody ? md.render(issue.columnsBody) : '',
      error: err?.message,
      errors: err?.fieldErrors ?? {},
    },
    err?.statusCode ?? 200,
  );
}

const issueValues = (i: INewsletterIssue): FormBody => ({
  title: i.title,
  number: String(i.number),
  issuedOn: i.issuedOn,
  body: i.body,
  columnsBody: i.columnsBody ?? '',
  campaignId: i.campaignId ? String(i.campaignId) : '',
});

async function save(em: EntityManager, reply: FastifyReply, id: number | null, body: FormBody) {
  const parsed = parseIssue(body);
  const issue = id ? await getIssue(em, id) : null;
  if (parsed.errors) return renderIssue(em, reply, issue, body, new UserError(MAIL_TEXT.invalid, 422, parsed.errors));
  try {
    const saved = await saveIssue(em, id, parsed.value);
    return reply.redirectWithFlash(`/mailings/newsletters/${saved.id}`, MAIL_TEXT.issueSaved(saved.number));
  } catch (err) {
    if (!(err instanceof UserError) || err.statusCode === 404) throw err;
    return renderIssue(em.fork(), reply, issue, body, err);
  }
}

export async function newsletterRoutes(app: FastifyInstance): Promise<void> {
  addTimelineSource('mailings', async (em, member) =>
    (await mailingsOfMember(em, member.id)).map((r) => ({
      at: new Date(r.created_at as string).toISOString(),
      kind: MAIL_TEXT.timelineKind,
      title: MAIL_TEXT.timelineTitle(r.number, r.title, CHANNEL_LABELS[r.channel] ?? r.channel),
      detail: r.status === 'failed' ? MAIL_TEXT.timelineFailed : null,
      href: `/mailings/sends/${r.mailing_id}`,
    })),
  );

  app.get('/mailings/newsletters', async (req, reply) =>
    reply.render('mailings/newsletters', { title: MAIL_TEXT.issuesTitle, issues: await listIssues(req.em) }),
  );
  app.get('/mailings/newsletters/new', { config: { role: 'staff' } }, async (req, reply) =>
    renderIssue(req.em, reply, null, { issuedOn: todayInTokyo() }),
  );
  app.post('/mailings/newsletters', async (req, reply) => save(req.em, reply, null, req.body as FormBody));
  app.get('/mailings/newsletters/:id', async (req, reply) => {
    const issue = await getIssue(req.em, idParam((req.params as { id: string }).id));
    return renderIssue(req.em, reply, issue, issueValues(issue));
  });
  app.post('/mailings/newsletters/:id', async (req, reply) =>
    save(req.em, reply, idParam((req.params as { id: string }).id), req.body as FormBody),
  );

  app.post('/mailings/newsletters/:id/images', async (req, reply) => {
    const id = idParam((req.params as { id: string }).id);
    const file = req.isMultipart() ? await req.file() : undefined;
    const bytes = file ? await file.toBuffer().catch(() => null) : null;
    try {
      if (!file || !bytes) throw new UserError(MAIL_TEXT.noImageFile, 422);
      const imageId = await addImage(req.em, id, file.filename, bytes);
      return reply.redirectWithFlash(`/mailings/newsletters/${id}`, MAIL_TEXT.imageAdded(imageId));
    } catch (err) {
      if (!(err instanceof UserError) || err.statusCode === 404) throw err;
      const issue = await getIssue(req.em, id);
      return renderIssue(req.em, reply, issue, issueValues(issue), err);
    }
  });
  app.get('/mailings/newsletters/images/:imageId', async (req, reply) => {
    const img = await imageBytes(req.em, idParam((req.params as { imageId: string }).imageId));
    return reply.type(img.mime).header('cache-control', 'private, max-age=3600').send(img.data);
  });
  app.get('/mailings/newsletters/:id/pdf', async (req, reply) => {
    const id = idParam((req.params as { id: string }).id);
    const issue = await getIssue(req.em, id);
    const doc = await issuePdf(req.em, id);
    return sendPdf(reply, SEND_TEXT.attachment(issue.number), async (out) => {
      const done = pipeline(doc, out);
      doc.end();
      await done;
    });
  });
  app.post('/mailings/newsletters/:id/mailings', async (req, reply) => {
    const id = idParam((req.params as { id: string }).id);
    const body = req.body as FormBody;
    const channel = field(body, 'channel') as MailingChannel;
    if (!MAILING_CHANNELS.includes(channel)) throw new UserError(MAIL_TEXT.badChannel, 422);
    const mailing = await createMailing(req.em, { issueId: id, segment: field(body, 'segment') || null, channel });
    return reply.redirectWithFlash(`/mailings/sends/${mailing.id}`, MAIL_TEXT.mailingMade(mailing.recipientCount));
  });
}
