import { execFileSync } from 'node:child_process';
import t from 'tap';
import { pendingSources } from '../../src/letters/thank-sources.js';
import { saveSmtp } from '../../src/mailings/smtp.js';
import { issueReceiptFor } from '../../src/receipts/receipt.service.js';
import { thankOffice } from '../letters/fixtures.js';
import { asTest } from '../supporters/fixtures.js';
import { attachmentsOf, decodeSubject, smtp } from './smtp-fixture.js';

type T = Parameters<typeof thankOffice>[0];

const pdfText = (buf: Buffer) => execFileSync('pdftotext', ['-layout', '-', '-'], { input: buf, encoding: 'utf8' });
const squash = (s: string) => s.replace(/\s+/g, '');

/** The letters office, with 株式会社 佐藤商店 taking its mail by e-mail and the SMTP settings at `port`. */
async function office(t: T, port: number) {
  const ctx = await thankOffice(t);
  await ctx
    .em()
    .getKnex()('member')
    .where({ id: ctx.org.id })
    .update({ email: 'sato@example.jp', mail_preference: 'email' });
  await useServer(ctx, port);
  return ctx;
}
async function useServer(ctx: Awaited<ReturnType<typeof thankOffice>>, port: number) {
  await asTest(() =>
    saveSmtp(ctx.em(), {
      host: '127.0.0.1',
      port,
      security: 'none',
      user: '',
      password: '',
      from: 'office@example.jp',
    }),
  );
}

const send = async (ctx: Awaited<ReturnType<typeof thankOffice>>, memberId: number, kind: string, ref: string) => {
  await ctx.c.get(`/members/${memberId}`);
  const res = await ctx.c.post(`/mailings/members/${memberId}/email-document`, { kind, ref });
  const page = (await ctx.c.get(`/members/${memberId}`)).body;
  return { res, page };
};

t.test('a thank-you letter is e-mailed with the printed PDF, recorded as sent and shown on the timeline', async (t) => {
  const server = await smtp(t);
  const ctx = await office(t, server.port);
  const key = `donation:${ctx.donation.id}`;
  const before = (await ctx.c.get(`/members/${ctx.org.id}`)).body;
  t.match(before, /礼状・領収書をメールで送る/);
  t.match(before, new RegExp(`name="ref" value="${key}"`));
  const { res, page } = await send(ctx, ctx.org.id, 'thank_letter', key);
  t.equal(res.statusCode, 303);
  t.match(page, /sato@example\.jp にメールで送りました/);
  t.equal(server.received.length, 1);
  const [msg] = server.received;
  t.same(msg!.to, ['sato@example.jp']);
  t.equal(decodeSubject(msg!.raw), 'NPO法人 縁の会より御礼');
  const [att] = attachmentsOf(msg!.raw);
  t.equal(att!.filename, '御礼状.pdf');
  const text = squash(pdfText(att!.content));
  t.match(text, /株式会社佐藤商店/, 'the attachment is the letter to this member');
  t.match(text, /NPO法人縁の会/);
  t.match(page, /礼状（donation:\d+）をメールで送りました/, 'on the member timeline');
  t.notOk(
    (await pendingSources(ctx.em())).some((s) => s.key === key),
    'the letter left the to-thank list',
  );
  const again = await send(ctx, ctx.org.id, 'thank_letter', key);
  t.match(again.page, /この礼状は送る対象ではありません/);
  t.equal(server.received.length, 1, 'never two copies');
  const audit = await ctx.em().getKnex()('audit_log').where({ entity_name: 'MailedDocument' }).select('action');
  t.ok(audit.length >= 2, 'the send is in the change log');
});

t.test('a receipt is e-mailed once with its PDF; a second send is refused', async (t) => {
  const server = await smtp(t);
  const ctx = await office(t, server.port);
  const issued = await asTest(() => issueReceiptFor(ctx.em(), { donationId: ctx.donation.id }, '2026-05-03'));
  const number = issued.number;
  const { page } = await send(ctx, ctx.org.id, 'receipt', number);
  t.match(page, /sato@example\.jp にメールで送りました/);
  const [msg] = server.received;
  t.same(msg!.to, ['sato@example.jp']);
  t.equal(decodeSubject(msg!.raw), `領収書（${number}）NPO法人 縁の会`);
  const [att] = attachmentsOf(msg!.raw);
  t.equal(att!.filename, `領収書_${number}.pdf`);
  const text = squash(pdfText(att!.content));
  t.match(text, new RegExp(number));
  t.match(text, /10,000/);
  t.match(page, /メールで送付済み/);
  t.match(page, new RegExp(`領収書（${number}）をメールで送りました`));
  const again = await send(ctx, ctx.org.id, 'receipt', number);
  t.match(again.page, /この書類はすでにメールで送っています/);
  t.equal(server.received.length, 1);
});

t.test("a refused recipient keeps the server's answer, and sending again later goes through", async (t) => {
  const strict = await smtp(t, ['sato@example.jp']);
  const ctx = await office(t, strict.port);
  const key = `donation:${ctx.donation.id}`;
  const first = await send(ctx, ctx.org.id, 'thank_letter', key);
  t.match(first.page, /送信できませんでした：550 5\.1\.1 User unknown/);
  t.match(first.page, /礼状（donation:\d+）のメール送信に失敗/);
  t.ok(
    (await pendingSources(ctx.em())).some((s) => s.key === key),
    'still on the to-thank list',
  );
  const lenient = await smtp(t);
  await useServer(ctx, lenient.port);
  const second = await send(ctx, ctx.org.id, 'thank_letter', key);
  t.match(second.page, /にメールで送りました/);
  t.equal(lenient.received.length, 1);
});

t.test('members whose 郵送物 is not メール, or whose address bounced, get nothing by e-mail', async (t) => {
  const server = await smtp(t);
  const ctx = await office(t, server.port);
  const taroPage = (await ctx.c.get(`/members/${ctx.taro.id}`)).body;
  t.notMatch(taroPage, /礼状・領収書をメールで送る/, 'no section for a member who takes post');
  const paper = await send(ctx, ctx.taro.id, 'thank_letter', `dues:${ctx.payment.id}`);
  t.match(paper.page, /郵送物が「メール」の会員だけにメールで送れます/);
  await ctx.c.get('/mailings/contacts');
  await ctx.c.post('/mailings/contacts', { email: 'sato@example.jp', mark: 'bounced', reason: '550' });
  const bounced = await send(ctx, ctx.org.id, 'thank_letter', `donation:${ctx.donation.id}`);
  t.match(bounced.page, /このアドレスは不達として記録されています/);
  t.equal(server.received.length, 0);
  const bad = await send(ctx, ctx.org.id, 'letter', 'x');
  t.match(bad.page, /送る書類を選んでください/);
});
