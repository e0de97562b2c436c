import t from 'tap';
import { AuditLog } from '../../src/audit/audit-log.entity.js';
import { loadConfig } from '../../src/config.js';
import { LOGIN_LOCK } from '../../src/staff/login.service.js';
import { Staff } from '../../src/staff/staff.entity.js';
import { addStaff, build, Client, loggedIn, PASSWORD } from '../helper.js';

const spoofed = (i: number) => ({ 'x-forwarded-for': `203.0.113.${i}` });

async function tryLogin(c: Client, loginId: string, password: string, headers: Record<string, string> = {}) {
  const body = new URLSearchParams({ loginId, password, _csrf: c.csrf }).toString();
  return c.request({
    method: 'POST',
    url: '/login',
    payload: body,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
  });
}

t.test('a spoofed X-Forwarded-For does not reset the per-address limit, nor land in the log', async (t) => {
  const { app, em } = await build(t);
  await addStaff(app, 'staff', 'hanako');
  const c = new Client(app);
  await c.get('/login');
  let last = 0;
  for (let i = 0; i < 31; i++) last = (await tryLogin(c, `nobody${i}`, 'wrong-password', spoofed(i))).statusCode;
  t.equal(last, 429, 'the 31st attempt from one address is refused whatever the header says');
  const logged = await em().find(AuditLog, { action: 'login_failed' });
  t.equal(logged.length, 30);
  t.notOk(
    logged.some((l) => JSON.stringify(l.changes).includes('203.0.113.')),
    'the log has the real address',
  );
});

t.test('proxy headers are trusted only when ENISHI_TRUST_PROXY says so', async (t) => {
  t.equal(loadConfig({}).trustProxy, false);
  t.equal(loadConfig({ ENISHI_TRUST_PROXY: '127.0.0.1' }).trustProxy, '127.0.0.1');
  t.equal(loadConfig({ ENISHI_TRUST_PROXY: '1' }).trustProxy, 1);
});

t.test('after ten wrong passwords the right one is refused with a clear message, and it is audited', async (t) => {
  const { app, em } = await build(t);
  await addStaff(app, 'staff', 'hanako');
  const c = new Client(app);
  await c.get('/login');
  for (let i = 0; i < LOGIN_LOCK.failures - 1; i++) {
    t.equal((await tryLogin(c, 'hanako', 'wrong-password', spoofed(i))).statusCode, 401);
  }
  const locking = await tryLogin(c, 'hanako', 'wrong-password');
  t.equal(locking.statusCode, 423);
  const right = await tryLogin(c, 'hanako', PASSWORD);
  t.equal(right.statusCode, 423, 'the right password is refused while locked');
  t.match(right.body, '一時的にロックされています');
  t.match(right.body, '15分ほど待って');
  const me = await em().findOneOrFail(Staff, { loginId: 'hanako' });
  t.ok(me.lockedUntil && me.lockedUntil.getTime() > Date.now() + 14 * 60_000);
  t.equal(await em().count(AuditLog, { action: 'lockout', entityId: String(me.id) }), 1);
  t.equal(await em().count(AuditLog, { action: 'login_failed', entityId: String(me.id) }), 11);
  const admin = await loggedIn(app, 'admin');
  const log = (await admin.get(`/audit?entity=Staff&id=${me.id}`)).body;
  t.match(log, 'ロック');
  t.match(log, 'ログイン失敗');
  t.match(log, '127.0.0.1');
});

t.test('the lock expires, and a good login is audited and clears the count', async (t) => {
  const { app, em } = await build(t);
  await addStaff(app, 'staff', 'hanako');
  const c = new Client(app);
  await c.get('/login');
  for (let i = 0; i < LOGIN_LOCK.failures; i++) await tryLogin(c, 'hanako', 'wrong-password');
  t.equal((await tryLogin(c, 'hanako', PASSWORD)).statusCode, 423);
  await em().nativeUpdate(Staff, { loginId: 'hanako' }, { lockedUntil: new Date(Date.now() - 1000) });
  t.equal((await tryLogin(c, 'hanako', PASSWORD)).statusCode, 303, 'after the lock time the right password works');
  const me = await em().findOneOrFail(Staff, { loginId: 'hanako' });
  t.equal(me.failedLogins, 0);
  t.equal(await em().count(AuditLog, { action: 'login', entityId: String(me.id) }), 1);
});
