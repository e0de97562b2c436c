import type { FastifyInstance } from 'fastify';
import { safeNext } from '../web/back-url.js';
import { formError } from '../web/forms.js';
import { NotFoundError, UserError, idParam } from '../web/errors.js';
import { ROLE_LABELS, STAFF_ROLES, type StaffRole } from '../web/roles.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { recordEvent } from '../audit/audit.service.js';
import { attemptLogin } from './login.service.js';
import { endSession, startSession } from './sessions.service.js';
import { FORM_TEXT } from '../web/ui-text.js';
import { STAFF_ERRORS, STAFF_FLASH, STAFF_TEXT, STAFF_TITLES } from './ui-text.js';
import {
  changeRole,
  createFirstAdmin,
  createStaff,
  findStaff,
  listStaff,
  resetPassword,
  setActive,
} from './staff.service.js';
import { verifyPassword } from './password.js';

type Body = Record<string, string | undefined>;

/** Per-address limit on login attempts (the per-account lock is in login.service.ts). */
const LOGIN_ADDRESS_LIMIT = { max: 30, timeWindow: '5 minutes' };

/** A fresh server-side session for this browser; the cookie carries only its random id. */
async function signIn(req: FastifyRequest, reply: FastifyReply, staffId: number): Promise<void> {
  const sid = await startSession(req.em, staffId, { ip: req.ip, userAgent: req.headers['user-agent'] ?? '' });
  req.session.regenerate?.();
  req.session.set('sid', sid);
  // A fresh CSRF secret goes into the same cookie, so the next pages need not rewrite the session.
  reply.generateCsrf();
}

export async function staffRoutes(app: FastifyInstance): Promise<void> {
  app.get('/setup', { config: { role: 'public' } }, async (_req, reply) => {
    if (app.state.setupDone) throw new NotFoundError();
    return reply.render('staff/setup', { title: STAFF_TITLES.setup, values: {} });
  });

  app.post('/setup', { config: { role: 'public' } }, async (req, reply) => {
    if (app.state.setupDone) throw new NotFoundError();
    const b = req.body as Body;
    const values = { loginId: b.loginId ?? '', displayName: b.displayName ?? '' };
    try {
      if ((b.password ?? '') !== (b.password2 ?? ''))
        throw new UserError(FORM_TEXT.checkInput, 422, { password2: STAFF_ERRORS.passwordMismatch });
      const staff = await createFirstAdmin(req.em, { ...values, password: b.password ?? '' });
      app.state.setupDone = true;
      if (!staff) throw new UserError(STAFF_TEXT.setupAlreadyDone, 409);
      await signIn(req, reply, staff.id);
      return reply.redirectWithFlash('/members', STAFF_FLASH.setupDone);
    } catch (err) {
      return formError(reply, err, 'staff/setup', { title: STAFF_TITLES.setup, values });
    }
  });

  app.get('/login', { config: { role: 'public' } }, async (req, reply) => {
    if (!app.state.setupDone) return reply.redirect('/setup');
    return reply.render('staff/login', {
      title: STAFF_TITLES.login,
      next: safeNext((req.query as Body).next),
      loginId: '',
    });
  });

  app.post('/login', { config: { role: 'public', rateLimit: LOGIN_ADDRESS_LIMIT } }, async (req, reply) => {
    const b = req.body as Body;
    const result = await attemptLogin(req.em, b.loginId ?? '', b.password ?? '', req.ip);
    if (!('staff' in result)) {
      return reply.render(
        'staff/login',
        {
          title: STAFF_TITLES.login,
          next: safeNext(b.next),
          loginId: b.loginId ?? '',
          error: result.refused === 'locked' ? STAFF_TEXT.locked(result.minutes) : STAFF_TEXT.badLogin,
        },
        result.refused === 'locked' ? 423 : 401,
      );
    }
    await signIn(req, reply, result.staff.id);
    return reply.redirect(safeNext(b.next), 303);
  });

  app.post('/logout', { config: { role: 'viewer' } }, async (req, reply) => {
    const sid = req.session.get('sid');
    if (sid) await endSession(req.em, sid);
    await recordEvent(req.em, { entityName: 'Staff', entityId: req.staff!.id, action: 'logout' });
    req.session.delete();
    return reply.redirect('/login', 303);
  });

  app.get('/account', async (_req, reply) => reply.render('staff/account', { title: STAFF_TITLES.account }));

  app.post('/account/password', { config: { role: 'viewer' } }, async (req, reply) => {
    const b = req.body as Body;
    // req.staff is only who is signed in; the password hash lives on the staff record.
    const staff = await findStaff(req.em, req.staff!.id);
    if (!staff) throw new NotFoundError();
    try {
      if (!(await verifyPassword(b.current ?? '', staff.passwordHash)))
        throw new UserError(FORM_TEXT.checkInput, 422, { current: STAFF_ERRORS.currentPasswordWrong });
      if ((b.password ?? '') !== (b.password2 ?? ''))
        throw new UserError(FORM_TEXT.checkInput, 422, { password2: STAFF_ERRORS.passwordMismatch });
      await resetPassword(req.em, staff.id, b.password ?? '');
      await signIn(req, reply, staff.id); // every older session of this account has just ended
      return reply.redirectWithFlash('/account', STAFF_FLASH.passwordChanged);
    } catch (err) {
      return formError(reply, err, 'staff/account', { title: STAFF_TITLES.account });
    }
  });

  app.get('/staff', { config: { role: 'admin' } }, async (req, reply) =>
    reply.render('staff/index', {
      title: STAFF_TITLES.staff,
      list: await listStaff(req.em),
      roles: STAFF_ROLES,
      roleLabels: ROLE_LABELS,
      values: {},
    }),
  );

  app.post('/staff', { config: { role: 'admin' } }, async (req, reply) => {
    const b = req.body as Body;
    const values = {
      loginId: b.loginId ?? '',
      displayName: b.displayName ?? '',
      role: (b.role ?? 'staff') as StaffRole,
    };
    try {
      const s = await createStaff(req.em, { ...values, password: b.password ?? '' });
      return reply.redirectWithFlash('/staff', STAFF_FLASH.created(s.displayName));
    } catch (err) {
      const list = await listStaff(req.em.fork());
      return formError(reply, err, 'staff/index', {
        title: STAFF_TITLES.staff,
        list,
        roles: STAFF_ROLES,
        roleLabels: ROLE_LABELS,
        values,
      });
    }
  });

  app.post('/staff/:id/active', { config: { role: 'admin' } }, async (req, reply) => {
    const active = (req.body as Body).active === '1';
    const s = await setActive(req.em, req.staff!, idParam((req.params as Body).id), active);
    return reply.redirectWithFlash('/staff', STAFF_FLASH.activeSet(s.displayName, active));
  });

  app.post('/staff/:id/password', { config: { role: 'admin' } }, async (req, reply) => {
    const s = await resetPassword(req.em, idParam((req.params as Body).id), (req.body as Body).password ?? '');
    return reply.redirectWithFlash('/staff', STAFF_FLASH.passwordReset(s.displayName));
  });

  app.post('/staff/:id/role', { config: { role: 'admin' } }, async (req, reply) => {
    const s = await changeRole(
      req.em,
      req.staff!,
      idParam((req.params as Body).id),
      (req.body as Body).role as StaffRole,
    );
    return reply.redirectWithFlash('/staff', STAFF_FLASH.roleChanged(s.displayName, ROLE_LABELS[s.role]));
  });
}
