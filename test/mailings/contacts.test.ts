import t from 'tap';
import { markAddress, markedList, parseMark, undoMark } from '../../src/mailings/contacts.service.js';
import { createMailing, mailingRecipients } from '../../src/mailings/mailings.service.js';
import { saveIssue } from '../../src/mailings/newsletters.service.js';
import { segmentMembers } from '../../src/mailings/segments.service.js';
import { build, loggedIn, testDatabase } from '../helper.js';
import { asTest } from '../supporters/fixtures.js';
import { insertSeeds } from './fixtures.js';

const SEEDS = [
  { no: 1, family: '山田', given: '太郎', email: 'yamada@example.jp' },
  { no: 2, family: '山田', given: '花子', email: 'yamada@example.jp' },
  { no: 3, family: '佐藤', given: '一郎', email: 'sato@example.jp' },
  { no: 4, family: '鈴木', given: '次郎', email: 'suzuki@example.jp' },
];

const emailView = async (em: Parameters<typeof segmentMembers>[0]) => {
  const r = await segmentMembers(em, {}, 'email');
  return {
    to: r.recipients.map((m) => m.memberNo),
    out: r.excluded.map((x) => [x.member.memberNo, x.reason, x.reasonLabel]),
  };
};

t.test('the mark form is parsed: full-width address narrowed, a bounce needs its reason', async (t) => {
  t.same(parseMark({ email: 'ｙａｍａｄａ＠Example.JP', mark: 'opted_out', reason: '' }).value, {
    email: 'yamada@example.jp',
    mark: 'opted_out',
    reason: '',
  });
  t.ok(parseMark({ email: 'yamada@example.jp', mark: 'bounced', reason: '' }).errors?.reason);
  t.ok(parseMark({ email: 'not an address', mark: 'bounced', reason: 'x' }).errors?.email);
  t.ok(parseMark({ email: 'a@example.jp', mark: 'deleted', reason: 'x' }).errors?.mark);
  t.ok(parseMark({ email: 'a@example.jp', mark: 'bounced', reason: 'あ'.repeat(401) }).errors?.reason);
});

t.test(
  'bounced and opted-out addresses are left out of e-mail with their reason, and undo brings them back',
  async (t) => {
    const { orm } = await testDatabase(t);
    await insertSeeds(orm.em.fork(), SEEDS);
    const ids = await asTest(() =>
      markAddress(
        orm.em.fork(),
        { email: 'yamada@example.jp', mark: 'bounced', reason: '550 User unknown' },
        '2026-11-30',
      ),
    );
    t.equal(ids.length, 2, 'every member with the address is marked');
    await asTest(() =>
      markAddress(orm.em.fork(), { email: 'sato@example.jp', mark: 'opted_out', reason: '電話で希望' }, '2026-12-01'),
    );
    t.same(await emailView(orm.em.fork()), {
      to: [4],
      out: [
        [1, 'bounced', 'メールが届かない（不達）：550 User unknown'],
        [2, 'bounced', 'メールが届かない（不達）：550 User unknown'],
        [3, 'opted_out', 'メール配信停止：電話で希望'],
      ],
    });
    const paper = await segmentMembers(orm.em.fork(), {}, 'post');
    t.equal(paper.recipients.length, 4, 'paper mailings are not affected');

    const list = await markedList(orm.em.fork());
    t.same(
      list.map((r) => [r.memberNo, r.mark, r.email, r.on, r.reason]),
      [
        [3, 'opted_out', 'sato@example.jp', '2026-12-01', '電話で希望'],
        [1, 'bounced', 'yamada@example.jp', '2026-11-30', '550 User unknown'],
        [2, 'bounced', 'yamada@example.jp', '2026-11-30', '550 User unknown'],
      ],
    );

    // A mailing made now freezes the exclusions with the reason staff wrote.
    const issue = await asTest(() =>
      saveIssue(orm.em.fork(), null, {
        title: '冬号',
        number: 3,
        issuedOn: '2026-12-01',
        body: 'x',
        columnsBody: null,
        campaignId: null,
      }),
    );
    const mailing = await asTest(() =>
      createMailing(orm.em.fork(), { issueId: issue.id, segment: null, channel: 'email' }),
    );
    t.same(
      (await mailingRecipients(orm.em.fork(), mailing.id)).map((r) => [r.memberNo, r.status, r.reasonLabel]),
      [
        [1, 'excluded', 'メールが届かない（不達）：550 User unknown'],
        [2, 'excluded', 'メールが届かない（不達）：550 User unknown'],
        [3, 'excluded', 'メール配信停止：電話で希望'],
        [4, 'listed', null],
      ],
    );

    await asTest(() => undoMark(orm.em.fork(), ids[0]!, 'bounced'));
    await asTest(() => undoMark(orm.em.fork(), list[0]!.memberId, 'opted_out'));
    t.same((await emailView(orm.em.fork())).to, [1, 3, 4]);

    // A new address for member 2: the old bounce no longer applies (listed as stale).
    await orm.em.fork().getKnex()('member').where({ member_no: 2 }).update({ email: 'hanako@example.jp' });
    t.same((await emailView(orm.em.fork())).to, [1, 2, 3, 4]);
    t.same(
      (await markedList(orm.em.fork())).map((r) => [r.memberNo, r.stale]),
      [[2, true]],
    );

    const audit = await orm.em.fork().getKnex()('audit_log').where({ entity_name: 'MailingContact' }).select('action');
    t.same(
      audit.map((a: { action: string }) => a.action).sort(),
      ['create', 'create', 'create', 'update', 'update'],
      'each mark and undo is in the change log',
    );
  },
);

t.test('an address no member has is refused and nothing changes', async (t) => {
  const { orm } = await testDatabase(t);
  await insertSeeds(orm.em.fork(), SEEDS);
  const err = await asTest(() =>
    markAddress(orm.em.fork(), { email: 'nobody@example.jp', mark: 'bounced', reason: 'x' }),
  ).catch((e: { statusCode?: number }) => e);
  t.equal((err as { statusCode?: number }).statusCode, 422);
  t.same(await markedList(orm.em.fork()), []);
});

t.test('staff mark and undo on the page; bad input is a 422 with the message and changes nothing', async (t) => {
  const { app, em } = await build(t);
  await insertSeeds(em(), SEEDS);
  const staff = await loggedIn(app, 'staff');
  t.match((await staff.get('/mailings')).body, /href="\/mailings\/contacts"/);
  t.match((await staff.get('/mailings/contacts')).body, /記録はありません/);
  const bad = await staff.post('/mailings/contacts', { email: 'yamada', mark: 'bounced', reason: '' });
  t.equal(bad.statusCode, 422);
  t.match(bad.body, /メールアドレスを正しく入力してください/);
  t.match(bad.body, /不達の理由（サーバーの応答など）を入力してください/);
  const unknown = await staff.post('/mailings/contacts', { email: 'nobody@example.jp', mark: 'bounced', reason: 'x' });
  t.equal(unknown.statusCode, 422);
  t.match(unknown.body, /nobody@example\.jp の会員はいません/);
  t.same(await markedList(em()), []);

  const ok = await staff.post('/mailings/contacts', {
    email: 'suzuki@example.jp',
    mark: 'opted_out',
    reason: '退会予定',
  });
  t.equal(ok.statusCode, 303);
  const page = (await staff.get('/mailings/contacts')).body;
  t.match(page, /suzuki@example\.jp<\/td><td>配信停止<\/td><td>\d{4}-\d{2}-\d{2}<\/td><td>退会予定<\/td>/);
  const [row] = await markedList(em());
  t.equal((await staff.post(`/mailings/contacts/${row!.memberId}/undo`, { mark: 'opted_out' })).statusCode, 303);
  t.same(await markedList(em()), []);
  t.equal((await staff.post(`/mailings/contacts/${row!.memberId}/undo`, { mark: 'opted_out' })).statusCode, 404);

  const viewer = await loggedIn(app, 'viewer');
  const refused = await viewer.post('/mailings/contacts', { email: 'suzuki@example.jp', mark: 'bounced', reason: 'x' });
  t.equal(refused.statusCode, 403, 'a viewer cannot mark');
  t.notMatch((await viewer.get('/mailings/contacts')).body, /記録する<\/button>/);
});
