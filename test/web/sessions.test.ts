import t, { type Test } from 'tap';
import { onPostgres } from '../../src/db/write-lock.js';
import { resolveSession, SESSION_TRUST_MS } from '../../src/staff/sessions.service.js';
import { StaffSession } from '../../src/staff/staff-session.entity.js';
import { Staff } from '../../src/staff/staff.entity.js';
import { build, Client, loggedIn, PASSWORD } from '../helper.js';

type T = Test;

/** A second browser holding a copy of the client's cookie, as a thief or a forgotten tab would. */
function copyOf(c: Client): Client {
  const old = new Client(c.app);
  old.cookies = new Map(c.cookies);
  old.csrf = c.csrf;
  return old;
}

async function signedOut(t: T, c: Client, what: string) {
  const res = await c.get('/members');
  t.equal(res.statusCode, 302, what);
  t.match(res.headers.location, /^\/login/, what);
}

async function office(t: T) {
  const { app, em } = await build(t);
  const admin = await loggedIn(app, 'admin');
  const staff = await loggedIn(app, 'staff');
  const me = await em().findOneOrFail(Staff, { role: 'staff' });
  const old = copyOf(staff);
  t.equal((await old.get('/members')).statusCode, 200, 'the copied cookie works before the event');
  return { app, em, admin, staff, me, old };
}

t.test('after logout the old cookie no longer reads or writes', async (t) => {
  const { em, staff, old } = await office(t);
  t.equal((await staff.post('/logout')).statusCode, 303);
  await signedOut(t, old, 'GET with the old cookie');
  const write = await old.post('/members', { familyName: '山田', familyKana: 'ヤマダ', memberTypeId: '1' });
  t.equal(write.statusCode, 403, 'POST with the old cookie');
  t.equal(await em().count(StaffSession, { staffId: (await em().findOneOrFail(Staff, { role: 'staff' })).id }), 0);
});

t.test('changing one’s own password ends the other sessions and keeps this one', async (t) => {
  const { staff, old } = await office(t);
  await staff.get('/account');
  const res = await staff.post('/account/password', {
    current: PASSWORD,
    password: 'a-new-password-2026',
    password2: 'a-new-password-2026',
  });
  t.equal(res.statusCode, 303);
  await signedOut(t, old, 'the cookie from before the change');
  t.equal((await staff.get('/members')).statusCode, 200, 'the browser that changed it stays signed in');
});

t.test('an administrator resetting the password ends that person’s sessions', async (t) => {
  const { admin, me, old } = await office(t);
  await admin.get('/staff');
  t.equal((await admin.post(`/staff/${me.id}/password`, { password: 'reset-password-2026' })).statusCode, 303);
  await signedOut(t, old, 'after a reset');
});

t.test('a role change ends that person’s sessions', async (t) => {
  const { admin, me, old } = await office(t);
  await admin.get('/staff');
  t.equal((await admin.post(`/staff/${me.id}/role`, { role: 'viewer' })).statusCode, 303);
  await signedOut(t, old, 'after a role change');
});

t.test('deactivating an account ends its sessions', async (t) => {
  const { admin, me, old } = await office(t);
  await admin.get('/staff');
  t.equal((await admin.post(`/staff/${me.id}/active`, { active: '0' })).statusCode, 303);
  await signedOut(t, old, 'after deactivation');
});

t.test('a session idle longer than the idle timeout ends; a recent one goes on', async (t) => {
  const { em, staff, me } = await office(t);
  const idle = new Date(Date.now() - 59 * 60_000);
  await em().nativeUpdate(StaffSession, { staffId: me.id }, { lastSeenAt: idle });
  t.equal((await staff.get('/members')).statusCode, 200, '59 minutes idle: still signed in');
  await em().nativeUpdate(StaffSession, { staffId: me.id }, { lastSeenAt: new Date(Date.now() - 61 * 60_000) });
  await signedOut(t, staff, '61 minutes idle');
  t.equal(await em().count(StaffSession, { staffId: me.id }), 0, 'the idle session row is gone');
});

t.test('the idle timeout is read from ENISHI_SESSION_IDLE_MINUTES', async (t) => {
  const { loadConfig } = await import('../../src/config.js');
  t.equal(loadConfig({}).sessionIdleMinutes, 60);
  t.equal(loadConfig({ ENISHI_SESSION_IDLE_MINUTES: '15' }).sessionIdleMinutes, 15);
  t.throws(() => loadConfig({ ENISHI_SESSION_IDLE_MINUTES: 'soon' }), /ENISHI_SESSION_IDLE_MINUTES/);
});

t.test(
  'the session cookie written at login already holds the CSRF secret, so pages after it do not rewrite it',
  async (t) => {
    const { app } = await build(t);
    await loggedIn(app, 'admin');
    const staff = new Client(app);
    await staff.get('/login');
    const login = await staff.post('/login', {
      loginId: (await app.orm.em.fork().findOneOrFail(Staff, { role: 'admin' })).loginId,
      password: PASSWORD,
    });
    t.equal(login.statusCode, 303, 'signed in');
    for (const path of ['/members', '/members?q=やまだ']) {
      const res = await staff.get(path);
      t.equal(res.statusCode, 200, path);
      t.notOk(res.headers['set-cookie'], `${path} sets no cookie (no session encrypted again per page)`);
    }
    const csrf = /name="_csrf" value="([^"]+)"/.exec((await staff.get('/members/new')).body)?.[1];
    t.ok(csrf, 'the page still carries a token');
    staff.csrf = csrf!;
    const write = await staff.post('/members', { familyName: '山田', familyKana: 'ヤマダ', memberTypeId: '1' });
    t.not(write.statusCode, 403, 'and that token is accepted with the unchanged cookie');
  },
);

t.test(
  'a session is read from the database once per trust window, and again at once after a session or staff write',
  async (t) => {
    const { app, em } = await build(t);
    const staff = await loggedIn(app, 'staff');
    const sid = (
      await em().findOneOrFail(StaffSession, { staffId: (await em().findOneOrFail(Staff, { role: 'staff' })).id })
    ).id;
    const reads: string[] = [];
    const listen = (q: { sql: string }) => {
      if (/from staff_session s join staff/.test(q.sql)) reads.push(q.sql);
    };
    app.orm.em.getKnex().on('query', listen);
    t.teardown(() => void app.orm.em.getKnex().off('query', listen));
    const sqlite = !onPostgres(em());
    // Past the window of the login's own requests, well within the minute after which last_seen is written.
    const now = Date.now() + SESSION_TRUST_MS + 1;
    const first = await resolveSession(em(), sid, 3600_000, new Date(now));
    t.equal(first?.role, 'staff');
    await resolveSession(em(), sid, 3600_000, new Date(now + 1000));
    t.equal(reads.length, sqlite ? 1 : 2, 'within the window: no second read (SQLite)');
    await resolveSession(em(), sid, 3600_000, new Date(now + SESSION_TRUST_MS + 1));
    t.equal(reads.length, sqlite ? 2 : 3, 'after the window: read again');
    await em().nativeUpdate(Staff, { role: 'staff' }, { displayName: '改名さん' });
    const renamed = await resolveSession(em(), sid, 3600_000, new Date(now + SESSION_TRUST_MS + 2));
    t.equal(renamed?.displayName, '改名さん', 'a staff write is seen on the very next request');
    await em().nativeDelete(StaffSession, { id: sid });
    t.equal(
      await resolveSession(em(), sid, 3600_000, new Date(now + SESSION_TRUST_MS + 3)),
      null,
      'a deleted session at once',
    );
    await signedOut(t, staff, 'and the browser is signed out');
  },
);
