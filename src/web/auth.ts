import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { setCurrentActor, withActor } from '../db/actor.js';
import { hasControlChars, CONTROL_CHAR_MESSAGE } from '../lib/text-input.js';
import { ForbiddenError, UserError } from './errors.js';
import { readMultipartBody } from './multipart-body.js';
import { roleAtLeast, type StaffRole } from './roles.js';
import type { SessionLookup } from './types.js';

/**
 * Per request: a fresh EntityManager, an actor slot for the audit log, then the guard.
 * Every route needs a session unless its config says role: 'public'; POST and other
 * writes need at least 事務局, and admin pages say role: 'admin'.
 */
export function registerAuth(app: FastifyInstance, deps: { resolveSession: SessionLookup }): void {
  app.decorateRequest('em', null as never);
  app.decorateRequest('staff', null);
  app.addHook('onRequest', (req, _reply, done) => {
    req.em = app.orm.em.fork();
    withActor({ staffId: null, name: '未ログイン' }, done);
  });
  app.addHook('onRequest', async (req, reply) => guard(app, deps.resolveSession, req, reply));
  // Upload forms: the fields (with the hidden _csrf) become the body before the CSRF check.
  app.addHook('preHandler', async (req) => readMultipartBody(req));
  app.addHook('preHandler', (req, reply, done) => {
    if (req.method === 'GET' || req.method === 'HEAD') return done();
    app.csrfProtection(req, reply, done);
  });
  // Every form, whatever its parser: a control character is refused before any of it is read.
  app.addHook('preHandler', async (req) => {
    if (req.method !== 'GET' && req.method !== 'HEAD' && bodyHasControlChars(req.body))
      throw new UserError(CONTROL_CHAR_MESSAGE, 422);
  });
}

function neededRole(req: FastifyRequest): StaffRole | 'public' {
  const configured = req.routeOptions.config?.role;
  if (configured) return configured;
  return req.method === 'GET' || req.method === 'HEAD' ? 'viewer' : 'staff';
}

async function guard(
  app: FastifyInstance,
  resolveSession: SessionLookup,
  req: FastifyRequest,
  reply: FastifyReply,
): Promise<void> {
  if (req.url.startsWith('/assets/')) return;
  if (!req.routeOptions.url) return; // 404s are answered by the not-found handler
  const needed = neededRole(req);
  if (!app.state.setupDone && needed !== 'public') return void reply.redirect('/setup');
  const sid = req.session.get('sid');
  if (sid) {
    const staff = await resolveSession(req.em, sid);
    if (staff?.active) {
      req.staff = staff;
      setCurrentActor({ staffId: staff.id, name: staff.displayName });
    } else {
      req.session.delete();
    }
  }
  if (needed === 'public') return;
  if (!req.staff) {
    if (req.method === 'GET') return void reply.redirect(`/login?next=${encodeURIComponent(req.url)}`);
    throw new ForbiddenError('ログインしてください');
  }
  if (!roleAtLeast(req.staff.role, needed)) throw new ForbiddenError();
}

export function can(staff: { role: StaffRole } | null, role: StaffRole): boolean {
  return !!staff && roleAtLeast(staff.role, role);
}

function bodyHasControlChars(body: unknown): boolean {
  if (!body || typeof body !== 'object' || Buffer.isBuffer(body)) return false;
  return Object.values(body as Record<string, unknown>).some((v) =>
    Array.isArray(v)
      ? v.some((x) => typeof x === 'string' && hasControlChars(x))
      : typeof v === 'string' && hasControlChars(v),
  );
}
