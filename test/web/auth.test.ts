import t from 'tap';
import { Staff } from '../../src/staff/staff.entity.js';
import { Member } from '../../src/members/member.entity.js';
import { addStaff, build, Client, loggedIn, PASSWORD } from '../helper.js';

t.test('first-run setup creates an administrator, logs them in, and then /setup is gone', async (t) => {
  const { app, em } = await build(t);
  const c = new Client(app);
  const first = await c.get('/members');
  t.equal(first.statusCode, 302);
  t.equal(first.headers.location, '/setup');
  const page = await c.get('/setup');
  t.equal(page.statusCode, 200);
  t.match(page.body, '管理者アカウントの作成');
  const mismatch = await c.post('/setup', {
    loginId: 'jimukyoku',
    displayName: '事務局 花子',
    password: PASSWORD,
    password2: 'other-password-1',
  });
  t.equal(mismatch.statusCode, 422);
  t.match(mismatch.body, 'パスワードが一致しません');
  t.equal(await em().count(Staff, {}), 0, 'a refused setup writes nothing');
  const ok = await c.post('/setup', {
    loginId: 'jimukyoku',
    displayName: '事務局 花子',
    password: PASSWORD,
    password2: PASSWORD,
  });
  t.equal(ok.statusCode, 303);
  const staff = await em().findOneOrFail(Staff, { loginId: 'jimukyoku' });
  t.equal(staff.role, 'admin');
  t.match(staff.passwordHash, /^scrypt\$/, 'password stored as a scrypt hash');
  t.notMatch(staff.passwordHash, PASSWORD);
  t.equal((await c.get('/members')).statusCode, 200, 'the new admin is logged in');
  t.equal((await new Client(app).get('/setup')).statusCode, 404);
  t.equal(
    (
      await new Client(app).post('/setup', {
        loginId: 'evil',
        displayName: 'x',
        password: PASSWORD,
        password2: PASSWORD,
      })
    ).statusCode,
    404,
  );
});

t.test('every page except login needs a session', async (t) => {
  const { app } = await build(t);
  await addStaff(app, 'admin');
  const anon = new Client(app);
  for (const url of ['/members', '/members/1', '/staff', '/audit', '/settings', '/member-types']) {
    const res = await anon.get(url);
    t.equal(res.statusCode, 302, url);
    t.match(res.headers.location, /^\/login/, url);
  }
  t.equal((await anon.get('/login')).statusCode, 200);
  const post = await anon.post('/members', { familyName: '山田' });
  t.equal(post.statusCode, 403, 'an anonymous POST is refused');
});

t.test('a POST without a CSRF token is refused and changes nothing', async (t) => {
  const { app, em } = await build(t);
  const c = await loggedIn(app, 'staff');
  const types = await c.get('/members/new');
  const typeId = /name="memberTypeId"><option value="(\d+)"/.exec(types.body)![1]!;
  const res = await c.post(
    '/members',
    { familyName: '山田', familyKana: 'ヤマダ', memberTypeId: typeId },
    { csrf: false },
  );
  t.equal(res.statusCode, 403);
  t.match(res.body, '送信の確認ができませんでした');
  const forged = await c.request({
    method: 'POST',
    url: '/members',
    payload: `familyName=x&familyKana=x&memberTypeId=${typeId}&_csrf=forged`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  t.equal(forged.statusCode, 403);
  t.equal(await em().count(Member, {}), 0);
});

t.test('a viewer can read but cannot change anything (403)', async (t) => {
  const { app, em } = await build(t);
  const admin = await loggedIn(app, 'admin');
  await admin.post('/members', { kind: 'individual', familyName: '山田', familyKana: 'やまだ', memberTypeId: '1' });
  const member = await em().findOneOrFail(Member, { memberNo: 1 });
  const viewer = await loggedIn(app, 'viewer');
  t.equal((await viewer.get('/members')).statusCode, 200);
  t.equal((await viewer.get(`/members/${member.id}`)).statusCode, 200);
  t.equal((await viewer.get('/members/new')).statusCode, 403);
  t.equal((await viewer.get(`/members/${member.id}/edit`)).statusCode, 403);
  const attempts: [string, Record<string, string>][] = [
    ['/members', { familyName: '佐藤', familyKana: 'サトウ', memberTypeId: '1' }],
    [`/members/${member.id}`, { familyName: '変更', familyKana: 'ヘンコウ', memberTypeId: '1' }],
    [`/members/${member.id}/withdraw`, {}],
    ['/member-types', { name: '新種別', annualFee: '100' }],
    ['/staff', { loginId: 'evil', displayName: 'x', password: PASSWORD, role: 'admin' }],
    ['/settings', { orgName: 'x', fiscalYearStartMonth: '4' }],
  ];
  for (const [url, form] of attempts) t.equal((await viewer.post(url, form)).statusCode, 403, `viewer POST ${url}`);
  const after = await em().findOneOrFail(Member, { memberNo: 1 });
  t.equal(after.familyName, '山田');
  t.equal(after.status, 'active');
  t.equal(await em().count(Member, {}), 1);
  t.equal(await em().count(Staff, { loginId: 'evil' }), 0);
  const page = await viewer.get(`/members/${member.id}`);
  t.notMatch(page.body, '/withdraw', 'the viewer is not offered the withdraw button either');
});

t.test('事務局 staff edit records but cannot manage staff or settings', async (t) => {
  const { app } = await build(t);
  const staff = await loggedIn(app, 'staff');
  t.equal((await staff.get('/staff')).statusCode, 403);
  t.equal((await staff.get('/audit')).statusCode, 403);
  t.equal((await staff.get('/settings')).statusCode, 403);
  t.equal(
    (await staff.post('/staff', { loginId: 'x1234', displayName: 'x', password: PASSWORD, role: 'admin' })).statusCode,
    403,
  );
});

t.test('login refuses wrong passwords and deactivated accounts; logout ends the session', async (t) => {
  const { app } = await build(t);
  await addStaff(app, 'staff', 'tanaka');
  const c = new Client(app);
  await c.get('/login');
  const wrong = await c.post('/login', { loginId: 'tanaka', password: 'wrong-password' });
  t.equal(wrong.statusCode, 401);
  t.match(wrong.body, 'ログインIDまたはパスワードが違います');
  await c.login('tanaka');
  t.equal((await c.get('/members')).statusCode, 200);
  await c.post('/logout');
  t.equal((await c.get('/members')).statusCode, 302);

  const admin = await loggedIn(app, 'admin');
  const staffRow = await app.orm.em.fork().findOneOrFail(Staff, { loginId: 'tanaka' });
  const c2 = new Client(app);
  await c2.login('tanaka');
  t.equal((await admin.post(`/staff/${staffRow.id}/active`, { active: '0' })).statusCode, 303);
  t.equal((await c2.get('/members')).statusCode, 302, 'an open session of a deactivated account stops working');
  const again = await new Client(app).post('/login', { loginId: 'tanaka', password: PASSWORD });
  t.equal(again.statusCode, 401);
});

t.test('an admin creates staff, resets a password, and cannot deactivate the last admin', async (t) => {
  const { app, em } = await build(t);
  const admin = await loggedIn(app, 'admin');
  const weak = await admin.post('/staff', { loginId: 'suzuki', displayName: '鈴木', password: 'short', role: 'staff' });
  t.equal(weak.statusCode, 422);
  t.match(weak.body, '10文字以上');
  t.equal(
    (await admin.post('/staff', { loginId: 'suzuki', displayName: '鈴木', password: PASSWORD, role: 'staff' }))
      .statusCode,
    303,
  );
  const suzuki = await em().findOneOrFail(Staff, { loginId: 'suzuki' });
  t.equal((await admin.post(`/staff/${suzuki.id}/password`, { password: 'a-brand-new-password' })).statusCode, 303);
  await new Client(app).login('suzuki', 'a-brand-new-password');
  const me = await em().findOneOrFail(Staff, { role: 'admin' });
  const self = await admin.post(`/staff/${me.id}/active`, { active: '0' });
  t.equal(self.statusCode, 422);
  t.match(self.body, '自分自身を無効にすることはできません');
});

t.test('login attempts from one address are rate-limited', async (t) => {
  const { app } = await build(t);
  await addStaff(app, 'staff', 'sato');
  const c = new Client(app);
  await c.get('/login');
  const codes: number[] = [];
  // Guesses at many accounts, so no account lock (login-limit.test.ts) answers before the address limit.
  for (let i = 0; i < 31; i++)
    codes.push((await c.post('/login', { loginId: `guess${i}`, password: 'nope-nope' })).statusCode);
  t.ok(codes.includes(429), `some attempts are refused with 429 (${codes.join(',')})`);
  const last = await c.post('/login', { loginId: 'sato', password: PASSWORD });
  t.equal(last.statusCode, 429, 'even the right password waits out the window');
});

t.test('pages carry security headers and a 404 page in Japanese', async (t) => {
  const { app } = await build(t);
  await addStaff(app, 'admin');
  const res = await new Client(app).get('/login');
  t.match(res.headers['content-security-policy'], "default-src 'self'");
  t.equal(res.headers['x-content-type-options'], 'nosniff');
  t.match(res.headers['set-cookie'], /HttpOnly/i);
  const missing = await new Client(app).get('/no-such-page');
  t.equal(missing.statusCode, 404);
  t.match(missing.body, 'ページが見つかりません');
  // Every answer, found or not, carries the same set: the CSP as configured, framing refused, no
  // HSTS (plain HTTP on the office LAN), and no X-Powered-By.
  for (const [what, r] of [
    ['login page', res],
    ['404 page', missing],
    ['static file', await new Client(app).get('/assets/app.css')],
  ] as const) {
    const csp = String(r.headers['content-security-policy']);
    t.match(csp, "script-src 'self'", `${what}: scripts only from the app`);
    t.match(csp, "form-action 'self'", `${what}: forms post only to the app`);
    t.notMatch(csp, 'upgrade-insecure-requests', `${what}: no upgrade to HTTPS the LAN does not have`);
    t.equal(r.headers['x-frame-options'], 'SAMEORIGIN', `${what}: not framed by other sites`);
    t.equal(r.headers['referrer-policy'], 'no-referrer', `${what}: no referrer leaves the app`);
    t.equal(r.headers['strict-transport-security'], undefined, `${what}: no HSTS`);
    t.equal(r.headers['x-powered-by'], undefined, `${what}: no X-Powered-By`);
  }
});
