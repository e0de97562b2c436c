import { dayOf } from '../db/raw-values.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { EntityManager } from '../db/orm.js';
import { renderCertificates } from '../documents/certificate.pdf.js';
import { getSettings } from '../settings/settings.service.js';
import { UserError } from '../web/errors.js';
import { field, type FormBody } from '../web/forms.js';
import { certificateDocs, certificateStyle } from './certificate-docs.js';
import { issueCertificates, reissueCertificate, voidCertificate } from './certificate.service.js';
import { certificationOf } from './certification.js';
import { sendPdf } from '../web/download.js';
import { uncertifiedGifts } from './gifts.js';
import { yearField } from './routes.js';
import { CERT_NAMES, MSG, PAGE_TEXT, STATUS_LABELS } from './ui-text.js';

type Row = Record<string, unknown>;

async function renderPage(em: EntityManager, reply: FastifyReply, year: number | null, err?: UserError) {
  const y = year ?? Number(new Date().toISOString().slice(0, 4));
  const certification = certificationOf(await getSettings(em));
  const certificates = await em.execute<Row[]>(
    'select c.*, m.member_no from donation_certificate c left join member m on m.id = c.member_id where c.year = ? order by c.number',
    [y],
  );
  const pending = (await uncertifiedGifts(em, y)).length;
  return reply.render(
    'receipts/certificates',
    {
      title: PAGE_TEXT.certificatesTitle(y),
      year: y,
      certificates,
      pending,
      dateOf: dayOf,
      statusLabels: STATUS_LABELS,
      missing: 'missing' in certification ? certification.missing : [],
      error: err?.message,
      errors: err?.fieldErrors ?? {},
    },
    err?.statusCode ?? 200,
  );
}

async function attempt(req: FastifyRequest, reply: FastifyReply, run: () => Promise<unknown>) {
  try {
    return await run();
  } catch (err) {
    if (!(err instanceof UserError) || err.statusCode === 404) throw err;
    return renderPage(req.em.fork(), reply, null, err);
  }
}

/** 寄附金受領証明書: the year's list, issue (per gift or combined) and void. */
export async function certificateRoutes(app: FastifyInstance): Promise<void> {
  app.get('/certificates', async (req, reply) => {
    const q = field(req.query as FormBody, 'year');
    return attempt(req, reply, () => renderPage(req.em, reply, q ? yearField(q) : null));
  });

  app.post('/certificates/issue', async (req, reply) =>
    attempt(req, reply, async () => {
      const body = req.body as FormBody;
      const year = yearField(field(body, 'year'));
      const style = await certificateStyle(req.em, app.config.dataDir);
      const r = await issueCertificates(req.em, { year, combined: field(body, 'combined') === '1' });
      if (!r.length) throw new UserError(MSG.nothingToCertify, 409);
      const em = req.em.fork();
      return sendPdf(reply, PAGE_TEXT.certificatesFile(year), (out) =>
        renderCertificates(
          certificateDocs(
            em,
            r.map((c) => c.id),
          ),
          style,
          out,
        ),
      );
    }),
  );

  app.post('/certificates/:number/reissue', async (req, reply) =>
    attempt(req, reply, async () => {
      const style = await certificateStyle(req.em, app.config.dataDir);
      const c = await reissueCertificate(req.em, (req.params as { number: string }).number);
      const em = req.em.fork();
      return sendPdf(reply, CERT_NAMES.reissueFile(c.number), (out) =>
        renderCertificates(certificateDocs(em, [c.id], { reissue: true }), style, out),
      );
    }),
  );

  app.post('/certificates/:number/void', async (req, reply) =>
    attempt(req, reply, async () => {
      const c = await voidCertificate(
        req.em,
        (req.params as { number: string }).number,
        field(req.body as FormBody, 'reason'),
      );
      return reply.redirectWithFlash(`/certificates?year=${c.year}`, PAGE_TEXT.certificateVoided(c.number));
    }),
  );
}
