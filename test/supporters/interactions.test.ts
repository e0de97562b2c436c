import t from 'tap';
import { AuditLog } from '../../src/audit/audit-log.entity.js';
import { Staff } from '../../src/staff/staff.entity.js';
import { Interaction } from '../../src/supporters/interaction.entity.js';
import {
  interactionLines,
  openFollowUps,
  openNotesOfMember,
  unthankedGifts,
} from '../../src/supporters/interactions.service.js';
import { build, loggedIn } from '../helper.js';
import { addMember } from './fixtures.js';

const call = { occurredOn: '2026-04-01', occurredTime: '10:30', channel: '電話', summary: '会費の振込について' };

t.test(
  'an interaction with a gift and a follow-up shows on the member timeline, the follow-ups list and the gifts list',
  async (t) => {
    const { app, em } = await build(t);
    const c = await loggedIn(app, 'staff');
    const m = await addMember(em(), {
      familyName: '山田',
      givenName: '太郎',
      familyKana: 'ヤマダ',
      givenKana: 'タロウ',
    });
    const page = await c.get(`/members/${m.id}`);
    t.match(page.body, '対応を記録する', 'the member page has the interaction form');
    t.match(page.body, /<option value="\d+" selected>staffさん<\/option>/, 'the logged-in staff member is preselected');
    const res = await c.post(`/members/${m.id}/interactions`, {
      ...call,
      content: '来週振り込むとのこと',
      gift: '手作りのお菓子',
      followUp: '振込を確認する',
      followUpDue: '2026/4/10',
    });
    t.equal(res.statusCode, 303);
    const saved = await em().findOneOrFail(Interaction, { member: m.id }, { populate: ['staff'] });
    t.equal(saved.staff?.displayName, 'staffさん');
    t.equal(saved.followUpDue, '2026-04-10', 'dates are normalised');
    const show = (await c.get(`/members/${m.id}`)).body;
    t.match(show, '電話：会費の振込について');
    t.match(show, '頂いた物：手作りのお菓子（お礼未）');
    t.match(show, '次回話すこと：振込を確認する');
    t.match(show, '2026-04-01</span> <span class="kind">対応</span>', 'on the timeline with its date');
    t.match((await c.get('/supporters/follow-ups')).body, '振込を確認する');
    t.match((await c.get('/supporters/gifts')).body, '手作りのお菓子');
  },
);

t.test('marking a follow-up done and a gift thanked takes them off the lists', async (t) => {
  const { app, em } = await build(t);
  const c = await loggedIn(app, 'staff');
  const m = await addMember(em(), { familyName: '佐藤', familyKana: 'サトウ' });
  await c.post(`/members/${m.id}/interactions`, { ...call, gift: '野菜', followUp: '総会の出欠を聞く' });
  const i = await em().findOneOrFail(Interaction, { member: m.id });
  t.equal(
    (await c.post(`/interactions/${i.id}/follow-up-done`, { back: '/supporters/follow-ups' })).headers.location,
    '/supporters/follow-ups',
  );
  t.equal(
    (await c.post(`/interactions/${i.id}/thanked`, { on: '令和8年4月3日', back: 'https://evil.example/' })).headers
      .location,
    `/members/${m.id}`,
    'only local back links are followed',
  );
  const after = await em().findOneOrFail(Interaction, { id: i.id });
  t.equal(after.followUpDone, true);
  t.ok(after.followUpDoneOn);
  t.equal(after.giftThankedOn, '2026-04-03');
  t.match((await c.get('/supporters/follow-ups')).body, '未対応のものはありません');
  t.match((await c.get('/supporters/gifts')).body, 'お礼がまだのものはありません');
  t.equal((await c.post(`/interactions/${i.id}/thanked`, { on: 'いつか' })).statusCode, 422, 'a bad date is refused');
});

t.test('open follow-ups are listed oldest first, by due date when one is set', async (t) => {
  const { app, em } = await build(t);
  const c = await loggedIn(app, 'staff');
  const m = await addMember(em(), { familyName: '鈴木', familyKana: 'スズキ' });
  await c.post(`/members/${m.id}/interactions`, { ...call, occurredOn: '2026-05-01', followUp: '三番目' });
  await c.post(`/members/${m.id}/interactions`, {
    ...call,
    occurredOn: '2026-05-20',
    followUp: '一番目',
    followUpDue: '2026-04-15',
  });
  await c.post(`/members/${m.id}/interactions`, { ...call, occurredOn: '2026-04-20', followUp: '二番目' });
  const body = (await c.get('/supporters/follow-ups')).body;
  const pos = ['一番目', '二番目', '三番目'].map((s) => body.indexOf(s));
  t.ok(pos.every((p) => p > 0));
  t.same(
    [...pos].sort((a, b) => a - b),
    pos,
  );
});

t.test('an interaction without 要件 or with a bad time is refused with 422 and keeps what was typed', async (t) => {
  const { app, em } = await build(t);
  const c = await loggedIn(app, 'staff');
  const m = await addMember(em(), { familyName: '高橋', familyKana: 'タカハシ' });
  t.match((await c.get(`/members/${m.id}/interactions/new`)).body, 'name="summary"', 'the full-page form exists too');
  const res = await c.post(`/members/${m.id}/interactions`, {
    ...call,
    summary: '',
    occurredTime: '25:99',
    content: '長い話をした',
  });
  t.equal(res.statusCode, 422);
  t.match(res.body, '要件を入力してください');
  t.match(res.body, '時刻は 14:30 のように入力してください');
  t.match(res.body, '長い話をした');
  t.equal(await em().count(Interaction, {}), 0);
  const bad = await c.post(`/members/${m.id}/interactions`, { ...call, channel: 'FAX' });
  t.equal(bad.statusCode, 422, 'channels are a fixed list');
  t.equal((await c.post('/members/99999/interactions', call)).statusCode, 404);
});

t.test('editing an interaction changes the staff member and is audited; viewers may read but not write', async (t) => {
  const { app, em } = await build(t);
  const c = await loggedIn(app, 'staff');
  await loggedIn(app, 'admin');
  const m = await addMember(em(), { familyName: '田中', familyKana: 'タナカ' });
  await c.post(`/members/${m.id}/interactions`, call);
  const i = await em().findOneOrFail(Interaction, { member: m.id });
  const adminId = (await em().findOneOrFail(Staff, { role: 'admin' })).id;
  const res = await c.post(`/interactions/${i.id}`, {
    ...call,
    staffId: String(adminId),
    summary: '会費の振込について（再）',
  });
  t.equal(res.statusCode, 303);
  const after = await em().findOneOrFail(Interaction, { id: i.id }, { populate: ['staff'] });
  t.equal(after.staff?.displayName, 'adminさん');
  const logs = await em().find(
    AuditLog,
    { entityName: 'Interaction', entityId: String(i.id) },
    { orderBy: { id: 'asc' } },
  );
  t.same(
    logs.map((l) => l.action),
    ['create', 'update'],
  );
  t.same(
    logs[1]!.changes.summary,
    ['会費の振込について', '会費の振込について(再)'],
    'full-width brackets are normalised like every text field',
  );
  const viewer = await loggedIn(app, 'viewer');
  t.equal((await viewer.get(`/interactions/${i.id}`)).statusCode, 200);
  t.equal((await viewer.post(`/members/${m.id}/interactions`, call)).statusCode, 403);
});

t.test(
  'the timeline reads notes newest first: by day, then by time, a note without a time after the timed ones',
  async (t) => {
    const { app, em } = await build(t);
    const c = await loggedIn(app, 'staff');
    const m = await addMember(em(), {
      familyName: '北村',
      givenName: '一',
      familyKana: 'キタムラ',
      givenKana: 'ハジメ',
    });
    const notes: [string, string, string][] = [
      ['2026-04-01', '09:00', '朝の電話'],
      ['2026-04-02', '', '時刻なし'],
      ['2026-04-02', '15:00', '午後の電話'],
      ['2026-04-02', '08:00', '朝一番'],
      ['2026-03-31', '', '前月末'],
    ];
    for (const [occurredOn, occurredTime, summary] of notes) {
      const res = await c.post(`/members/${m.id}/interactions`, { occurredOn, occurredTime, channel: '電話', summary });
      t.equal(res.statusCode, 303, summary);
    }
    const lines = await interactionLines(em(), m.id);
    t.same(
      lines.map((l) => l.summary),
      ['午後の電話', '朝一番', '時刻なし', '朝の電話', '前月末'],
    );
    t.same(
      lines.map((l) => [l.occurredOn, l.occurredTime, l.followUpDone, l.gift]),
      [
        ['2026-04-02', '15:00', false, null],
        ['2026-04-02', '08:00', false, null],
        ['2026-04-02', null, false, null],
        ['2026-04-01', '09:00', false, null],
        ['2026-03-31', null, false, null],
      ],
      'dates as calendar days, no time as null',
    );
    t.equal((await interactionLines(em(), m.id, 2)).length, 2, 'the limit holds');
    const page = (await c.get(`/members/${m.id}`)).body;
    t.ok(page.indexOf('午後の電話') < page.indexOf('前月末'), 'the page shows them in that order');
  },
);

t.test(
  'the member page reads open follow-ups and unthanked gifts in one query, in the office lists’ order',
  async (t) => {
    const { app, em } = await build(t);
    const c = await loggedIn(app, 'staff');
    const m = await addMember(em(), {
      familyName: '北村',
      givenName: '一',
      familyKana: 'キタムラ',
      givenKana: 'ハジメ',
    });
    const other = await addMember(em(), {
      familyName: '南田',
      givenName: '二',
      familyKana: 'ミナミダ',
      givenKana: 'ジ',
    });
    const notes: Record<string, string>[] = [
      { occurredOn: '2026-04-03', summary: '期限あり', followUp: '資料送付', followUpDue: '2026-04-05' },
      { occurredOn: '2026-04-01', summary: '期限なし', followUp: '折り返し' },
      { occurredOn: '2026-04-02', summary: '済み', followUp: '済んだ件', followUpDone: '1' },
      { occurredOn: '2026-04-04', summary: '贈り物', gift: '野菜' },
      { occurredOn: '2026-03-30', summary: '古い贈り物', gift: '果物', followUp: '両方' },
      { occurredOn: '2026-04-02', summary: 'お礼済み', gift: '花', giftThankedOn: '2026-04-03' },
    ];
    for (const n of notes) {
      const res = await c.post(`/members/${m.id}/interactions`, { channel: '電話', ...n });
      t.equal(res.statusCode, 303, n.summary);
    }
    await c.post(`/members/${other.id}/interactions`, {
      occurredOn: '2026-04-01',
      channel: '電話',
      summary: '他',
      followUp: '他の人',
    });
    const mine = await openNotesOfMember(em(), m.id);
    type NoteLike = {
      id: number;
      occurredOn: string;
      followUp?: string | null;
      followUpDue?: string | null;
      gift?: string | null;
    };
    const pick = (xs: NoteLike[]) =>
      xs.map((x) => ({
        id: x.id,
        occurredOn: x.occurredOn,
        followUp: x.followUp ?? null,
        followUpDue: x.followUpDue ?? null,
        gift: x.gift ?? null,
      }));
    t.same(pick(mine.followUps), pick(await openFollowUps(em(), m.id)));
    t.same(pick(mine.gifts), pick(await unthankedGifts(em(), m.id)));
    t.same(
      mine.followUps.map((f) => f.followUp),
      ['両方', '折り返し', '資料送付'],
      'the longest waiting first (by due date when set); done ones left out',
    );
    t.same(
      mine.gifts.map((g) => g.gift),
      ['果物', '野菜'],
      'gifts in the order received; thanked ones left out',
    );
    t.same(mine.followUps[2]!.followUpDue, '2026-04-05');
  },
);
