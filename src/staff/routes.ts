import type { FastifyInstance } from 'fastify';
import { formValue } from '../web/form-reader.js';
import { formError } from '../web/forms.js';
import { FORM_TEXT } from '../web/ui-text.js';
import { NotFoundError, UserError, idParam } from '../web/errors.js';
import { ROLE_LABELS, STAFF_ROLES, type StaffRole } from '../web/roles.js';
import {
  authenticate,
  changeRole,
  createStaff,
  findStaff,
  listStaff,
  resetPassword,
  setActive,
} from './staff.service.js';
import { verifyPassword } from './password.js';
import { parseNewStaff, parsePasswordChange, parseSetup } from './staff.form.js';
import { STAFF_ERRORS, STAFF_FLASH, STAFF_TITLES } from './ui-text.js';

type Body = Record<string, string | undefined>;

/** Only same-site paths, so a crafted login link cannot send staff elsewhere. */
function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/(?![/\\])/.test(next) ? next : '/members';
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
      const staff = await createStaff(req.em, formValue(parseSetup(b)));
      app.state.setupDone = true;
      req.session.set('staffId', staff.id);
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

  app.post(
    '/login',
    { config: { role: 'public', rateLimit: { max: 10, timeWindow: '5 minutes' } } },
    async (req, reply) => {
      const b = req.body as Body;
      const staff = await authenticate(req.em, b.loginId ?? '', b.password ?? '');
      if (!staff) {
        return reply.render(
          'staff/login',
          {
            title: STAFF_TITLES.login,
            next: safeNext(b.next),
            loginId: b.loginId ?? '',
            error: STAFF_ERRORS.badLogin,
          },
          401,
        );
      }
      req.session.regenerate?.();
      req.session.set('staffId', staff.id);
      return reply.redirect(safeNext(b.next), 303);
    },
  );

  app.post('/logout', { config: { role: 'viewer' } }, async (req, reply) => {
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
      await resetPassword(req.em, staff.id, formValue(parsePasswordChange(b)));
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
    const input = formValue(parseNewStaff(req.body as Body));
    const values = { loginId: input.loginId, displayName: input.displayName, role: input.role };
    try {
      const s = await createStaff(req.em, input);
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
