import type { FastifyInstance, FastifyReply } from 'fastify';
import { sendCsv } from '../../web/download.js';
import { field, type FormBody } from '../../web/forms.js';
import { DEFAULT_COLUMNS, HEADERS } from './import-columns.js';
import { ImportFileError } from './import-file.js';
import { planImport, type ImportPlan } from './import-plan.js';
import { ImportPlanChanged, importMembers } from './import.service.js';
import { deleteUpload, readUpload, saveUpload, type StoredUpload } from './uploads.js';
import { ENCODING_NAMES, IMPORT_TEXT, TEMPLATE_ROW } from './ui-text.js';

const SHOW = ['all', 'error', 'new', 'update'] as const;
const PREVIEW_PAGE = 200;

async function renderPreview(
  reply: FastifyReply,
  upload: StoredUpload,
  plan: ImportPlan | null,
  extra: Record<string, unknown> = {},
  status = 200,
) {
  const q = reply.request.query as Record<string, string | undefined>;
  const show = (SHOW as readonly string[]).includes(q.show ?? '') ? q.show! : 'all';
  const shown = plan ? plan.rows.filter((r) => show === 'all' || r.status === show) : [];
  // A page of rows at a time: a 50,000-row file previews as fast as a 50-row one.
  const pages = Math.max(1, Math.ceil(shown.length / PREVIEW_PAGE));
  const page = Math.min(Math.max(Math.trunc(Number(q.page)) || 1, 1), pages);
  const rows = shown.slice((page - 1) * PREVIEW_PAGE, page * PREVIEW_PAGE);
  const pager = {
    page,
    pages,
    total: shown.length,
    from: (page - 1) * PREVIEW_PAGE + 1,
    to: (page - 1) * PREVIEW_PAGE + rows.length,
  };
  return reply.render(
    'member-import/preview',
    { title: IMPORT_TEXT.previewTitle, upload, plan, rows, show, pager, encodings: ENCODING_NAMES, ...extra },
    status,
  );
}

/** Plans the stored file; a file that is not a readable table is shown as an error on the preview. */
async function planOrError(reply: FastifyReply, upload: StoredUpload) {
  try {
    return { plan: await planImport(reply.request.em, upload.bytes) };
  } catch (err) {
    if (err instanceof ImportFileError) return { plan: null, error: err.message };
    throw err;
  }
}

export async function memberImportRoutes(app: FastifyInstance): Promise<void> {
  app.get('/members/import', { config: { role: 'staff' } }, async (_req, reply) =>
    reply.render('member-import/upload', {
      title: IMPORT_TEXT.title,
      columns: DEFAULT_COLUMNS.map((k) => HEADERS[k][0]),
    }),
  );

  app.get('/members/import/template.csv', async (_req, reply) =>
    sendCsv(
      reply,
      IMPORT_TEXT.templateFileName,
      'member-import-template.csv',
      DEFAULT_COLUMNS.map((k) => HEADERS[k][0]!),
      [TEMPLATE_ROW],
    ),
  );

  app.post('/members/import', async (req, reply) => {
    const file = req.isMultipart() ? await req.file() : undefined;
    const bytes = file ? await file.toBuffer() : null;
    if (!file || !bytes?.length) {
      const columns = DEFAULT_COLUMNS.map((k) => HEADERS[k][0]);
      return reply.render(
        'member-import/upload',
        { title: IMPORT_TEXT.title, columns, error: IMPORT_TEXT.chooseFile },
        422,
      );
    }
    const id = saveUpload(app.config.dataDir, file.filename || 'members.csv', bytes);
    return reply.redirect(`/members/import/${id}`, 303);
  });

  app.get('/members/import/:id', { config: { role: 'staff' } }, async (req, reply) => {
    const upload = readUpload(app.config.dataDir, (req.params as { id: string }).id);
    const { plan, error } = await planOrError(reply, upload);
    return renderPreview(reply, upload, plan, { error }, error ? 422 : 200);
  });

  app.post('/members/import/:id/commit', async (req, reply) => {
    const upload = readUpload(app.config.dataDir, (req.params as { id: string }).id);
    const body = req.body as FormBody;
    try {
      const result = await importMembers(req.em, upload.bytes, {
        onlyValid: field(body, 'onlyValid') === '1',
        fingerprint: field(body, 'fingerprint') || undefined,
      });
      if (!result.committed) {
        const error = result.plan.fileErrors[0] ?? IMPORT_TEXT.errorsNothingImported;
        return renderPreview(reply, upload, result.plan, { error }, 422);
      }
      deleteUpload(app.config.dataDir, upload.id);
      const skipped = result.plan.counts.error ? IMPORT_TEXT.skippedErrors(result.plan.counts.error) : '';
      return reply.redirectWithFlash(
        '/members?sort=memberNo',
        IMPORT_TEXT.imported(result.created, result.updated, skipped),
      );
    } catch (err) {
      if (err instanceof ImportPlanChanged) return renderPreview(reply, upload, err.plan, { error: err.message }, 409);
      if (err instanceof ImportFileError) return renderPreview(reply, upload, null, { error: err.message }, 422);
      throw err;
    }
  });

  app.post('/members/import/:id/cancel', async (req, reply) => {
    deleteUpload(app.config.dataDir, (req.params as { id: string }).id);
    return reply.redirectWithFlash('/members/import', IMPORT_TEXT.cancelled);
  });
}
