import { createServer } from 'node:net';
import { SMTPServer } from 'smtp-server';
import t from 'tap';
import { sendEmailMailing } from '../../src/mailings/email-send.service.js';
import { createMailing, mailingRecipients } from '../../src/mailings/mailings.service.js';
import { saveIssue } from '../../src/mailings/newsletters.service.js';
import { saveSmtp, smtpConfig, type SmtpConfig } from '../../src/mailings/smtp.js';
import { asTest } from '../supporters/fixtures.js';
import { testDatabase } from '../helper.js';
import { insertSeeds } from './fixtures.js';

interface Received {
  to: string[];
  raw: string;
}

/** A real SMTP server on 127.0.0.1; `refuse` addresses get a 550 at RCPT TO. */
async function smtp(
  t: { teardown(fn: () => unknown): void },
  refuse: string[] = [],
): Promise<{ port: number; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, cb) {
      if (refuse.includes(address.address)) cb(Object.assign(new Error('5.1.1 User unknown'), { responseCode: 550 }));
      else cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  t.teardown(close);
  return { port, received, close };
}

/** A port with nothing listening (a server that is down). */
async function deadPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

const config = (port: number): SmtpConfig => ({
  host: '127.0.0.1',
  port,
  security: 'none',
  user: '',
  password: '',
  from: 'office@example.jp',
});
const decodeSubject = (raw: string) => {
  const m = /^Subject: (.+(?:\r\n\s.+)*)/m.exec(raw)![1]!;
  return m
    .replace(/\r\n\s/g, '')
    .replace(/=\?UTF-8\?B\?([^?]+)\?=/gi, (_, b: string) => Buffer.from(b, 'base64').toString('utf8'))
    .replace(/\s+(?==\?)/g, '');
};

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

t.test('staff send an e-mail mailing from its page; an admin keeps the SMTP settings', async (t) => {
  const { build, loggedIn } = await import('../helper.js');
  const { app, em } = await build(t);
  await insertSeeds(em(), [{ no: 1, family: '山田', given: '太郎', email: 'taro@example.jp' }]);
  const server = await smtp(t);
  const admin = await loggedIn(app, 'admin');
  const bad = await admin.post('/mailings/smtp', { host: 'bad host', port: '0', security: 'none', from: '' });
  t.equal(bad.statusCode, 422);
  t.equal(
    (
      await admin.post('/mailings/smtp', {
        host: '127.0.0.1',
        port: String(server.port),
        security: 'none',
        user: '',
        password: '',
        from: 'office@example.jp',
      })
    ).statusCode,
    303,
  );
  t.notMatch((await admin.get('/mailings/smtp')).body, /value="S3cret/);
  const issue = await admin.post('/mailings/newsletters', {
    title: '秋号',
    number: '13',
    issuedOn: '2026-10-01',
    body: 'こんにちは',
  });
  const sendPage = await admin.post(`${String(issue.headers.location)}/mailings`, { segment: '', channel: 'email' });
  const url = String(sendPage.headers.location);
  t.match((await admin.get(url)).body, /メールを送る（未送信・失敗 1件）/);
  t.equal((await admin.post(`${url}/send`)).statusCode, 303);
  t.same(
    server.received.map((m) => m.to),
    [['taro@example.jp']],
  );
  t.match((await admin.get(url)).body, /送信済み/);
});
