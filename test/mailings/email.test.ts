import { execFileSync } from 'node:child_process';
import t from 'tap';
import { sendEmailMailing } from '../../src/mailings/email-send.service.js';
import { createMailing, mailingRecipients } from '../../src/mailings/mailings.service.js';
import { saveIssue } from '../../src/mailings/newsletters.service.js';
import { saveSmtp, smtpConfig } from '../../src/mailings/smtp.js';
import { config, deadPort, decodeSubject, smtp } from './smtp-fixture.js';
import { asTest } from '../supporters/fixtures.js';
import { testDatabase } from '../helper.js';
import { insertSeeds } from './fixtures.js';

async function setup(t: Parameters<typeof testDatabase>[0]) {
  const { orm } = await testDatabase(t);
  const em = orm.em.fork();
  await insertSeeds(em, [
    { no: 1, family: '山田', given: '太郎', email: 'taro@example.jp' },
    { no: 2, family: '佐藤', given: '花子', email: 'hanako@example.jp' },
    { no: 3, family: '鈴木', given: '一郎', email: null },
  ]);
  const issue = await asTest(() =>
    saveIssue(orm.em.fork(), null, {
      title: '夏号',
      number: 12,
      issuedOn: '2026-07-01',
      body: '# ごあいさつ\n\n暑中お見舞い申し上げます。',
      columnsBody: null,
      campaignId: null,
    }),
  );
  const mailing = await asTest(() =>
    createMailing(orm.em.fork(), { issueId: issue.id, segment: null, channel: 'email' }),
  );
  return { orm, mailingId: mailing.id };
}

t.test('each recipient gets one message with the PDF attached; a second run sends nothing again', async (t) => {
  const { orm, mailingId } = await setup(t);
  const server = await smtp(t);
  const r = await sendEmailMailing(orm.em.fork(), mailingId, { config: config(server.port) });
  t.same(r, { sent: 2, failed: 0, skipped: 0 });
  t.same(server.received.map((m) => m.to).sort(), [['hanako@example.jp'], ['taro@example.jp']]);
  for (const m of server.received) {
    t.equal(decodeSubject(m.raw), '会報 第12号「夏号」');
    t.match(m.raw, /Content-Type: application\/pdf/);
    const pdf =
      /Content-Transfer-Encoding: base64\r\nContent-Disposition: attachment;[^\r]*(?:\r\n [^\r]*)*\r\n\r\n([A-Za-z0-9+/=\r\n]+)/.exec(
        m.raw,
      );
    t.ok(
      pdf && Buffer.from(pdf[1]!.replace(/\s/g, ''), 'base64').subarray(0, 5).toString() === '%PDF-',
      'the attachment is the PDF',
    );
  }
  const again = await sendEmailMailing(orm.em.fork(), mailingId, { config: config(server.port) });
  t.same(again, { sent: 0, failed: 0, skipped: 0 }, 'never two copies to one person');
  t.equal(server.received.length, 2);
  const rows = await mailingRecipients(orm.em.fork(), mailingId);
  t.same(
    rows.map((x) => [x.memberNo, x.status]),
    [
      [1, 'sent'],
      [2, 'sent'],
      [3, 'excluded'],
    ],
  );
});

t.test(
  "a refused recipient keeps the server's answer and is sent on retry, the others are not sent twice",
  async (t) => {
    const { orm, mailingId } = await setup(t);
    const strict = await smtp(t, ['hanako@example.jp']);
    t.same(await sendEmailMailing(orm.em.fork(), mailingId, { config: config(strict.port) }), {
      sent: 1,
      failed: 1,
      skipped: 0,
    });
    const failed = (await mailingRecipients(orm.em.fork(), mailingId)).find((x) => x.memberNo === 2)!;
    t.equal(failed.status, 'failed');
    t.match(failed.error, /550.*User unknown/);
    const lenient = await smtp(t);
    t.same(await sendEmailMailing(orm.em.fork(), mailingId, { config: config(lenient.port) }), {
      sent: 1,
      failed: 0,
      skipped: 0,
    });
    t.same(
      lenient.received.map((m) => m.to),
      [['hanako@example.jp']],
      'only the failed one is retried',
    );
  },
);

t.test('a server that is down fails every recipient with the reason, and a retry later sends them', async (t) => {
  const { orm, mailingId } = await setup(t);
  const r = await sendEmailMailing(orm.em.fork(), mailingId, { config: config(await deadPort()) });
  t.same(r, { sent: 0, failed: 2, skipped: 0 });
  for (const x of (await mailingRecipients(orm.em.fork(), mailingId)).filter((x) => x.status !== 'excluded'))
    t.match(x.error, /ECONNREFUSED/);
  const up = await smtp(t);
  t.same(await sendEmailMailing(orm.em.fork(), mailingId, { config: config(up.port) }), {
    sent: 2,
    failed: 0,
    skipped: 0,
  });
});

t.test('the SMTP password is stored apart from the audited settings', async (t) => {
  const { orm } = await testDatabase(t);
  await asTest(() =>
    saveSmtp(orm.em.fork(), {
      host: 'smtp.example.jp',
      port: 587,
      security: 'starttls',
      user: 'office',
      password: 'S3cret-pw',
      from: 'office@example.jp',
    }),
  );
  t.equal((await smtpConfig(orm.em.fork())).password, 'S3cret-pw');
  await asTest(() =>
    saveSmtp(orm.em.fork(), {
      host: 'smtp.example.jp',
      port: 465,
      security: 'tls',
      user: 'office',
      password: null,
      from: 'office@example.jp',
    }),
  );
  const c = await smtpConfig(orm.em.fork());
  t.same([c.port, c.security, c.password], [465, 'tls', 'S3cret-pw'], 'an empty password field keeps the stored one');
  const audit = JSON.stringify(await orm.em.fork().getKnex()('audit_log').select('*'));
  t.notMatch(audit, /S3cret-pw/, 'the audit log never holds the password');
  t.match(audit, /smtp\.example\.jp/, 'the other settings are audited');
});

async function webMailing(t: Parameters<typeof testDatabase>[0], port: number) {
  const { build, loggedIn } = await import('../helper.js');
  const ctx = await build(t);
  await insertSeeds(ctx.em(), [
    { no: 1, family: '山田', given: '太郎', email: 'taro@example.jp' },
    { no: 2, family: '佐藤', given: '花子', email: 'hanako@example.jp' },
  ]);
  const admin = await loggedIn(ctx.app, 'admin');
  await admin.get('/mailings/smtp');
  await admin.post('/mailings/smtp', {
    host: '127.0.0.1',
    port: String(port),
    security: 'none',
    user: '',
    password: '',
    from: 'office@example.jp',
  });
  const issue = await admin.post('/mailings/newsletters', {
    title: '秋号',
    number: '13',
    issuedOn: '2026-10-01',
    body: 'こんにちは',
  });
  const sendPage = await admin.post(`${String(issue.headers.location)}/mailings`, { segment: '', channel: 'email' });
  return { ...ctx, admin, url: String(sendPage.headers.location) };
}

/** Starts the send from the mailing's page, waits for the batch and returns its state. */
async function sendInBackground(ctx: Awaited<ReturnType<typeof webMailing>>) {
  await ctx.admin.get(ctx.url);
  const res = await ctx.admin.post(`${ctx.url}/send`);
  const id = Number(/^\/batches\/(\d+)$/.exec(String(res.headers.location))?.[1]);
  if (!id) return { res, id: 0, status: null };
  await ctx.app.batches.settled(id);
  return { res, id, status: JSON.parse((await ctx.admin.get(`/batches/${id}/status.json`)).body) };
}

t.test('an admin keeps the SMTP settings; a bad form is refused and the password is never shown', async (t) => {
  const server = await smtp(t);
  const { admin } = await webMailing(t, server.port);
  const bad = await admin.post('/mailings/smtp', { host: 'bad host', port: '0', security: 'none', from: '' });
  t.equal(bad.statusCode, 422);
  t.notMatch((await admin.get('/mailings/smtp')).body, /value="S3cret/);
});

t.test('sending from the page runs as a batch with progress, marks each recipient and offers a report', async (t) => {
  const server = await smtp(t, ['hanako@example.jp']);
  const ctx = await webMailing(t, server.port);
  t.match((await ctx.admin.get(ctx.url)).body, /メールを送る（未送信・失敗 2件）/);
  const first = await sendInBackground(ctx);
  t.equal(first.res.statusCode, 303, 'goes to the batch page');
  t.match(first.status, { kind: 'mailing-email', status: 'done', done: 2, total: 2, percent: 100 });
  t.same(
    server.received.map((m) => m.to),
    [['taro@example.jp']],
  );
  const page = (await ctx.admin.get(ctx.url)).body;
  t.match(page, /送信済み/);
  t.match(page, /失敗：550 5\.1\.1 User unknown/, "the failed one shows the server's answer");
  t.match(page, /メールを送る（未送信・失敗 1件）/);
  t.match(page, new RegExp(`href="/batches/${first.id}"`), 'the page links its batches');
  const report = await ctx.admin.get(`/batches/${first.id}/download`);
  t.equal(report.headers['content-type'], 'application/pdf');
  const text = pdfText(report.rawPayload);
  t.match(text, /今回 送信 1件・失敗 1件/);
  t.match(text, /hanako@example\.jp/);
  const audit = JSON.stringify(await ctx.em().getKnex()('audit_log').where({ entity_name: 'Mailing' }).select('*'));
  t.match(audit, /emailSent/, 'the send is in the change log');

  // Retry (the same button) sends only the failed one, once the server takes it.
  const lenient = await smtp(t);
  await ctx.admin.get('/mailings/smtp');
  await ctx.admin.post('/mailings/smtp', {
    host: '127.0.0.1',
    port: String(lenient.port),
    security: 'none',
    user: '',
    password: '',
    from: 'office@example.jp',
  });
  const retry = await sendInBackground(ctx);
  t.match(retry.status, { status: 'done', done: 1, total: 1 });
  t.same(
    lenient.received.map((m) => m.to),
    [['hanako@example.jp']],
    'only the failed one is sent again',
  );
  t.equal(server.received.length, 1, 'nobody got a second copy');
  const third = await sendInBackground(ctx);
  t.equal(third.id, 0, 'nothing left: no batch is started');
  t.match((await ctx.admin.get(ctx.url)).body, /未送信・失敗の宛先はありません/);
  t.equal(lenient.received.length, 1);
});

t.test('a server that is down: the batch finishes, every recipient failed with the reason', async (t) => {
  const ctx = await webMailing(t, await deadPort());
  const run = await sendInBackground(ctx);
  t.match(run.status, { status: 'done', done: 2, total: 2 });
  t.match((await ctx.admin.get(ctx.url)).body, /失敗：[^<]*ECONNREFUSED/);
  t.match((await ctx.admin.get(ctx.url)).body, /メールを送る（未送信・失敗 2件）/);
});

t.test('two sends started at once never mail one person twice', async (t) => {
  const server = await smtp(t);
  const ctx = await webMailing(t, server.port);
  await ctx.admin.get(ctx.url);
  const [a, b] = await Promise.all([ctx.admin.post(`${ctx.url}/send`), ctx.admin.post(`${ctx.url}/send`)]);
  await ctx.app.batches.settled();
  t.ok([a, b].every((r) => r.statusCode === 303));
  t.same(server.received.map((m) => m.to).sort(), [['hanako@example.jp'], ['taro@example.jp']]);
});

t.test('a recipient left 送信中 by a stopped run is never resent until staff release it', async (t) => {
  const server = await smtp(t);
  const ctx = await webMailing(t, server.port);
  const knex = ctx.em().getKnex();
  const mailingId = Number(/(\d+)$/.exec(ctx.url)![1]);
  // As if the process ended while the message to 山田 was on its way.
  await knex('mailing_recipient').where({ mailing_id: mailingId, member_no: 1 }).update({ status: 'sending' });
  await sendInBackground(ctx);
  t.same(
    server.received.map((m) => m.to),
    [['hanako@example.jp']],
    'the one in doubt is not sent again',
  );
  const page = (await ctx.admin.get(ctx.url)).body;
  t.match(page, /送信中のまま止まった宛先が 1件あります/);
  t.equal((await ctx.admin.post(`${ctx.url}/release`)).statusCode, 303);
  t.match((await ctx.admin.get(ctx.url)).body, /送信中のまま止まった 1件を「失敗」に戻しました/);
  await sendInBackground(ctx);
  t.same(
    server.received.map((m) => m.to),
    [['hanako@example.jp'], ['taro@example.jp']],
    'sent once released',
  );
  const audit = JSON.stringify(await knex('audit_log').where({ entity_name: 'Mailing' }).select('changes'));
  t.match(audit, /released/);
});

t.test('a paper mailing prints its labels as a batch with progress', async (t) => {
  const { build, loggedIn } = await import('../helper.js');
  const ctx = await build(t);
  await insertSeeds(ctx.em(), [
    { no: 1, family: '山田', given: '太郎', email: null },
    { no: 2, family: '佐藤', given: '花子', email: null },
  ]);
  const admin = await loggedIn(ctx.app, 'staff');
  const issue = await admin.post('/mailings/newsletters', {
    title: '冬号',
    number: '14',
    issuedOn: '2026-12-01',
    body: 'x',
  });
  const url = String(
    (await admin.post(`${String(issue.headers.location)}/mailings`, { segment: '', channel: 'post' })).headers.location,
  );
  t.match((await admin.get(url)).body, /バックグラウンドで印刷/);
  const bad = await admin.post(`${url}/print`, { sheet: '99', start: '1' });
  t.equal(bad.statusCode, 422);
  const res = await admin.post(`${url}/print`, { sheet: '12', start: '1' });
  const id = Number(/^\/batches\/(\d+)$/.exec(String(res.headers.location))?.[1]);
  t.ok(id > 0);
  await ctx.app.batches.settled(id);
  const status = JSON.parse((await admin.get(`/batches/${id}/status.json`)).body);
  t.match(status, { kind: 'mailing-labels', status: 'done', done: 2, total: 2 });
  const text = pdfText((await admin.get(`/batches/${id}/download`)).rawPayload);
  t.match(text, /山田 太郎/);
  t.match(text, /佐藤 花子/);
});

function pdfText(buf: Buffer): string {
  return execFileSync('pdftotext', ['-layout', '-', '-'], { input: buf, encoding: 'utf8' });
}
