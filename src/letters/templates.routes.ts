import type { FastifyInstance, FastifyReply } from 'fastify';
import { templateDef } from '../documents/template-catalog.js';
import { createTemplateStore, TemplateError } from '../documents/templates.js';
import { sendPdf } from '../web/download.js';
import { NotFoundError } from '../web/errors.js';
import { field, formError, type FormBody } from '../web/forms.js';
import { prepareTemplatePreview } from './template-preview.js';
import { EDITOR_TEXT, TEXT } from './ui-text.js';

type Params = { group: string; file: string };

/** Staff edit the organisation's copy of a document's words; the shipped default stays in templates/. */
export async function templateRoutes(app: FastifyInstance): Promise<void> {
  const store = () => createTemplateStore(app.config.dataDir);
  const nameOf = (p: Params) => {
    const name = `${p.group}/${p.file}`;
    if (!templateDef(name)) throw new NotFoundError(TEXT.unknownTemplate);
    return name;
  };
  const edit = (reply: FastifyReply, name: string, text: string, extra: Record<string, unknown> = {}, status = 200) => {
    const def = templateDef(name)!;
    const s = store();
    return reply.render(
      'letters/template-edit',
      {
        title: EDITOR_TEXT.editTitle(def.title),
        def,
        text,
        defaultText: s.readDefault(name),
        overridden: s.isOverridden(name),
        memberNo: '',
        ...extra,
      },
      status,
    );
  };
  const staffOnly = { config: { role: 'staff' as const } };

  app.get('/letters/templates', staffOnly, async (_req, reply) =>
    reply.render('letters/templates', { title: TEXT.templatesTitle, items: store().list() }),
  );

  app.get<{ Params: Params }>('/letters/templates/:group/:file', staffOnly, async (req, reply) => {
    const name = nameOf(req.params);
    return edit(reply, name, store().read(name));
  });

  app.post<{ Params: Params }>('/letters/templates/:group/:file', staffOnly, async (req, reply) => {
    const name = nameOf(req.params);
    const text = field(req.body as FormBody, 'text');
    try {
      store().save(name, text);
      return reply.redirectWithFlash(`/letters/templates/${name}`, TEXT.saved);
    } catch (err) {
      if (!(err instanceof TemplateError)) throw err;
      return edit(reply, name, text, { error: err.message }, 422);
    }
  });

  app.post<{ Params: Params }>('/letters/templates/:group/:file/reset', staffOnly, async (req, reply) => {
    const name = nameOf(req.params);
    store().reset(name);
    return reply.redirectWithFlash(`/letters/templates/${name}`, TEXT.reset);
  });

  // The draft in the textarea is previewed without saving it.
  app.post<{ Params: Params }>('/letters/templates/:group/:file/preview', staffOnly, async (req, reply) => {
    const name = nameOf(req.params);
    const body = req.body as FormBody;
    const text = field(body, 'text');
    const memberNo = field(body, 'memberNo');
    try {
      const render = await prepareTemplatePreview(req.em, app.config.dataDir, store(), name, text, memberNo);
      return sendPdf(reply, EDITOR_TEXT.previewFile(name), async (out) => void (await render(out)));
    } catch (err) {
      return formError(reply, err, 'letters/template-edit', {
        title: EDITOR_TEXT.editTitle(templateDef(name)!.title),
        def: templateDef(name),
        text,
        defaultText: store().readDefault(name),
        overridden: store().isOverridden(name),
        memberNo,
      });
    }
  });
}
