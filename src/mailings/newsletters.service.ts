import type { EntityManager } from '../db/orm.js';
import { formatDateJa } from '../lib/dates.js';
import { imageIds, markdownBlocks } from '../documents/markdown-blocks.js';
import { drawNewsletter } from '../documents/newsletter.pdf.js';
import { getSettings } from '../settings/settings.service.js';
import { NotFoundError, UserError } from '../web/errors.js';
import { Campaign } from './campaign.entity.js';
import { progressOf } from './campaigns.service.js';
import { imageType, type IssueInput } from './newsletter-form.js';
import { NewsletterImage, NewsletterIssue, type INewsletterIssue } from './newsletter.entity.js';
import { MAIL_TEXT } from './ui-text.js';

export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

export async function getIssue(em: EntityManager, id: number): Promise<INewsletterIssue> {
  const issue = await em.findOne(NewsletterIssue, { id });
  if (!issue) throw new NotFoundError(MAIL_TEXT.issueNotFound);
  return issue;
}

export function listIssues(em: EntityManager) {
  return em.find(NewsletterIssue, {}, { orderBy: { issuedOn: 'desc', id: 'desc' } });
}

export async function saveIssue(em: EntityManager, id: number | null, input: IssueInput): Promise<INewsletterIssue> {
  if (input.campaignId && !(await em.findOne(Campaign, { id: input.campaignId }))) {
    throw new UserError(MAIL_TEXT.invalid, 422, { campaignId: MAIL_TEXT.badCampaign });
  }
  const issue = id ? await getIssue(em, id) : em.create(NewsletterIssue, input);
  Object.assign(issue, input);
  await em.flush();
  return issue;
}

/**
 * Stores an uploaded image for an issue. Written without the ORM: the audit log would copy the
 * whole file into a change row; the issue's text, which refers to the image, is audited.
 */
export async function addImage(em: EntityManager, issueId: number, fileName: string, bytes: Buffer): Promise<number> {
  await getIssue(em, issueId);
  const mime = imageType(bytes);
  if (!mime) throw new UserError(MAIL_TEXT.badImageType, 422);
  if (bytes.length > MAX_IMAGE_BYTES) throw new UserError(MAIL_TEXT.imageTooBig, 422);
  const knex = em.getKnex();
  const [row] = await knex('newsletter_image')
    .insert({
      issue_id: issueId,
      file_name: fileName.slice(0, 200) || 'image',
      mime,
      data: bytes,
      created_at: new Date(),
    })
    .returning('id');
  return Number(typeof row === 'object' ? (row as { id: number }).id : row);
}

export async function issueImages(em: EntityManager, issueId: number) {
  return em.find(NewsletterImage, { issueId }, { fields: ['id', 'fileName', 'mime'], orderBy: { id: 'asc' } });
}

export async function imageBytes(em: EntityManager, id: number): Promise<{ mime: string; data: Buffer }> {
  const img = await em.findOne(NewsletterImage, { id });
  if (!img) throw new NotFoundError(MAIL_TEXT.imageNotFound);
  return { mime: img.mime, data: Buffer.from(img.data as Uint8Array) };
}

/** The issue as a PDF document (not yet ended): blocks, two-column part, images, campaign block. */
export async function issuePdf(em: EntityManager, id: number): Promise<PDFKit.PDFDocument> {
  const issue = await getIssue(em, id);
  const settings = await getSettings(em);
  const blocks = markdownBlocks(issue.body);
  const columns = issue.columnsBody ? markdownBlocks(issue.columnsBody) : [];
  const wanted = [...new Set([...imageIds(blocks), ...imageIds(columns)])];
  const images = new Map<number, Buffer>();
  for (const img of wanted.length ? await em.find(NewsletterImage, { id: { $in: wanted }, issueId: id }) : [])
    images.set(img.id, Buffer.from(img.data as Uint8Array));
  const campaign = issue.campaignId ? await em.findOne(Campaign, { id: issue.campaignId }) : null;
  const block = campaign
    ? {
        name: campaign.name,
        period: MAIL_TEXT.period(campaign.startsOn, campaign.endsOn),
        ...(await progressOf(em, campaign)),
      }
    : null;
  return drawNewsletter({
    orgName: settings.orgName,
    title: issue.title,
    number: issue.number,
    dateLabel: formatDateJa(issue.issuedOn, settings.era),
    blocks,
    columns,
    campaign: block,
    images,
  });
}
