import type { FastifyInstance, FastifyReply } from 'fastify';
import { idParam, UserError } from '../web/errors.js';
import { errorData, field, type FormBody, onUserError } from '../web/forms.js';
import { importStatement } from './bank-import.service.js';
import { confidenceLabel, confidenceWord } from './confidence.js';
import { listProfiles, profileMapping } from './bank-profile.service.js';
import { paymentsToThank } from '../dues/thanks.service.js';
import { listImports, loadImportPage } from './import-page.js';
import { loadLinePage, parseConfirmation } from './line-page.js';
import {
  confirm,
  markDonation,
  markNonMemberDonation,
  markNotDues,
  skip,
  undoImport,
  undoLine,
} from './review.service.js';
import { formatChoices, FORMATS, StatementError } from './statement.js';
import { ENCODING_LABELS, FLASH, MSG, STATUS_LABELS, TITLES } from './ui-text.js';
import { readMultipart } from './upload.js';

const FORMAT_LABELS = Object.fromEntries(FORMATS.map((f) => [f.name, f.label]));
const id = (req: { params: unknown }) => idParam((req.params as { id: string }).id);

async function renderIndex(reply: FastifyReply, extra: Record<string, unknown> = {}, status = 200) {
  const em = reply.request.em;
  const data = {
    imports: await listImports(em),
    formats: formatChoices(),
    formatLabels: FORMAT_LABELS,
    profiles: await listProfiles(em),
    statusLabels: STATUS_LABELS,
  };
  return reply.render('bank/index', { title: TITLES.index, ...data, ...extra }, status);
}

async function renderLine(reply: FastifyReply, lineId: number, extra: Record<string, unknown> = {}, status = 200) {
  const query = reply.request.query as FormBody;
  // A refused POST shows its own form again (the payer chosen, the amounts typed, the members found).
  const form = reply.request.method === 'POST' ? ((reply.request.body ?? {}) as FormBody) : null;
  const page = await loadLinePage(reply.request.em, lineId, query, form);
  return reply.render(
    'bank/line',
    { title: TITLES.line(page.line.line), ...page, statusLabels: STATUS_LABELS, confidenceLabel, ...extra },
    status,
  );
}

/** Runs a line action; a user error re-renders the line page with the message (422/409). */
async function lineAction(reply: FastifyReply, lineId: number, run: () => Promise<unknown>, flash: string) {
  try {
    await run();
  } catch (err) {
    return onUserError(err, (e) => renderLine(reply, lineId, errorData(e), e.statusCode));
  }
  const importId = (
    await reply.request.em
      .fork()
      .getConnection()
      .execute<{ bank_import_id: number }[]>('select bank_import_id from bank_transaction where id = ?', [lineId])
  )[0]?.bank_import_id;
  return reply.redirectWithFlash(importId ? `/bank/imports/${importId}#queue` : '/bank', flash);
}

export async function bankRoutes(app: FastifyInstance): Promise<void> {
  app.get('/bank', async (_req, reply) => renderIndex(reply));

  app.post('/bank/imports', async (req, reply) => {
    const { file, fields: f } = await readMultipart(req);
    if (!file) return renderIndex(reply, { error: MSG.chooseFile }, 422);
    const profileId = /^profile:(\d+)$/.exec(f.format ?? '')?.[1];
    try {
      const mapping = profileId ? await profileMapping(req.em, Number(profileId)) : undefined;
      const format = profileId ? 'generic' : f.format || undefined;
      const r = await importStatement(req.em, { bytes: file.bytes, fileName: file.name, format, mapping });
      // A re-upload: nothing new, nothing stored; say so on the list instead of opening an empty import.
      if (r.allKnown) return reply.redirectWithFlash('/bank', r.message!);
      return reply.redirectWithFlash(
        `/bank/imports/${r.import.id}`,
        FLASH.imported(r.import.deposits, r.import.matched, r.import.review),
      );
    } catch (err) {
      // A file that is not a statement: the parser's message (line and problem), nothing stored.
      if (err instanceof StatementError) return renderIndex(reply, { error: err.message, fileName: file.name }, 422);
      return onUserError(err, (e) => renderIndex(reply, { error: e.message }, e.statusCode));
    }
  });

  app.get('/bank/imports/:id', async (req, reply) => {
    const page = await loadImportPage(req.em, id(req));
    return reply.render('bank/import', {
      title: TITLES.import(page.imp.id),
      ...page,
      statusLabels: STATUS_LABELS,
      encodings: ENCODING_LABELS,
      formatLabels: FORMAT_LABELS,
      confidenceWord,
    });
  });

  app.post('/bank/imports/:id/undo', async (req, reply) => {
    const importId = id(req);
    try {
      await undoImport(req.em, importId, field(req.body as FormBody, 'reason'));
    } catch (err) {
      return onUserError(err, async (e) => {
        const page = await loadImportPage(req.em.fork(), importId);
        return reply.render(
          'bank/import',
          {
            title: TITLES.import(importId),
            ...page,
            statusLabels: STATUS_LABELS,
            encodings: ENCODING_LABELS,
            formatLabels: FORMAT_LABELS,
            confidenceWord,
            error: e.message,
          },
          e.statusCode,
        );
      });
    }
    return reply.redirectWithFlash(`/bank/imports/${importId}`, FLASH.importUndone);
  });

  app.get('/bank/lines/:id', async (req, reply) => renderLine(reply, id(req)));

  app.post('/bank/lines/:id/confirm', async (req, reply) =>
    lineAction(
      reply,
      id(req),
      async () => confirm(req.em, id(req), parseConfirmation(req.body as FormBody)),
      FLASH.confirmed,
    ),
  );

  app.post('/bank/lines/:id/donation', async (req, reply) => {
    const body = req.body as FormBody;
    return lineAction(
      reply,
      id(req),
      async () => {
        const memberId = Number(field(body, 'memberId'));
        if (!memberId) throw new UserError(MSG.chooseMember, 422, { memberId: MSG.chooseMember });
        await markDonation(req.em, id(req), {
          memberId,
          purpose: field(body, 'donationPurpose') || null,
          learnAlias: field(body, 'learnAlias') === '1',
        });
      },
      FLASH.donation,
    );
  });

  app.post('/bank/lines/:id/non-member-donation', async (req, reply) => {
    const body = req.body as FormBody;
    return lineAction(
      reply,
      id(req),
      async () =>
        markNonMemberDonation(req.em, id(req), {
          donorName: field(body, 'donorName'),
          postalCode: field(body, 'postalCode'),
          address: field(body, 'donorAddress'),
          purpose: field(body, 'purpose'),
        }),
      FLASH.nonMemberDonation,
    );
  });

  app.post('/bank/lines/:id/not-dues', async (req, reply) =>
    lineAction(
      reply,
      id(req),
      async () => markNotDues(req.em, id(req), field(req.body as FormBody, 'note')),
      FLASH.notDues,
    ),
  );

  app.post('/bank/lines/:id/skip', async (req, reply) =>
    lineAction(reply, id(req), async () => skip(req.em, id(req), field(req.body as FormBody, 'note')), FLASH.skipped),
  );

  app.post('/bank/lines/:id/undo', async (req, reply) =>
    lineAction(
      reply,
      id(req),
      async () => undoLine(req.em, id(req), field(req.body as FormBody, 'reason')),
      FLASH.lineUndone,
    ),
  );

  app.get('/bank/to-thank', async (req, reply) =>
    reply.render('bank/to-thank', { title: TITLES.toThank, payments: await paymentsToThank(req.em) }),
  );
}
