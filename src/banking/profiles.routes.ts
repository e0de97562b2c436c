import type { FastifyInstance, FastifyReply } from 'fastify';
import { deleteUpload, readUpload, saveUpload, type StoredUpload } from '../members/import/uploads.js';
import { idParam, UserError } from '../web/errors.js';
import { errorData, field, type FormBody, onUserError } from '../web/forms.js';
import { importStatement } from './bank-import.service.js';
import { assertProfileName, deleteProfile, listProfiles, saveProfile } from './bank-profile.service.js';
import { previewRows } from './csv-preview.js';
import { mappingFromForm, refuseNonStatement, StatementError } from './statement.js';
import { ENCODING_LABELS, FLASH, MAPPING_FIELDS, MSG, TITLES } from './ui-text.js';
import { readMultipart } from './upload.js';

async function renderMapping(
  reply: FastifyReply,
  upload: StoredUpload,
  extra: Record<string, unknown> = {},
  status = 200,
) {
  const preview = previewRows(upload.bytes);
  return reply.render(
    'bank/profile-new',
    {
      title: TITLES.profiles,
      upload,
      preview,
      fields: MAPPING_FIELDS,
      encodings: ENCODING_LABELS,
      v: {},
      ...extra,
    },
    status,
  );
}

/** Generic CSV: upload a sample → see its columns → choose them → save a named profile → import with it. */
export async function bankProfileRoutes(app: FastifyInstance): Promise<void> {
  app.get('/bank/profiles', async (req, reply) =>
    reply.render('bank/profiles', {
      title: TITLES.profiles,
      profiles: await listProfiles(req.em),
      fields: MAPPING_FIELDS,
    }),
  );

  app.post('/bank/profiles/preview', async (req, reply) => {
    const { file } = await readMultipart(req);
    if (!file)
      return reply.render(
        'bank/profiles',
        { title: TITLES.profiles, profiles: await listProfiles(req.em), fields: MAPPING_FIELDS, error: MSG.chooseFile },
        422,
      );
    try {
      refuseNonStatement(file.bytes);
    } catch (err) {
      if (!(err instanceof StatementError)) throw err;
      return reply.render(
        'bank/profiles',
        { title: TITLES.profiles, profiles: await listProfiles(req.em), fields: MAPPING_FIELDS, error: err.message },
        422,
      );
    }
    return reply.redirect(`/bank/profiles/new/${saveUpload(app.config.dataDir, file.name, file.bytes)}`, 303);
  });

  app.get('/bank/profiles/new/:upload', { config: { role: 'staff' } }, async (req, reply) =>
    renderMapping(reply, readUpload(app.config.dataDir, (req.params as { upload: string }).upload)),
  );

  app.post('/bank/profiles', async (req, reply) => {
    const body = req.body as FormBody;
    const upload = readUpload(app.config.dataDir, field(body, 'upload'));
    try {
      const mapping = mappingFromForm(body);
      const replace = field(body, 'replace') === '1';
      if (field(body, 'then') !== 'import') {
        await saveProfile(req.em, field(body, 'name'), mapping, { replace });
        deleteUpload(app.config.dataDir, upload.id);
        return reply.redirectWithFlash('/bank/profiles', FLASH.profileSaved);
      }
      // Name checked first, profile saved only once the file imported: a bad file leaves nothing behind.
      await assertProfileName(req.em, field(body, 'name'), replace);
      const r = await importStatement(req.em, {
        bytes: upload.bytes,
        fileName: upload.filename,
        format: 'generic',
        mapping,
      });
      await saveProfile(req.em, field(body, 'name'), mapping, { replace: true });
      deleteUpload(app.config.dataDir, upload.id);
      return reply.redirectWithFlash(
        `/bank/imports/${r.import.id}`,
        FLASH.profileSavedAndImported(FLASH.imported(r.import.deposits, r.import.matched, r.import.review)),
      );
    } catch (err) {
      // A file that is not a statement is a user error of the mapping form too.
      const userErr = err instanceof StatementError ? new UserError(err.message, 422) : err;
      return onUserError(userErr, (e) => renderMapping(reply, upload, { v: body, ...errorData(e) }, e.statusCode));
    }
  });

  app.post('/bank/profiles/:id/delete', async (req, reply) => {
    await deleteProfile(req.em, idParam((req.params as { id: string }).id));
    return reply.redirectWithFlash('/bank/profiles', FLASH.profileDeleted);
  });
}
