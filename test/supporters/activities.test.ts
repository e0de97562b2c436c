import t from 'tap';
import type { EntityManager } from '../../src/db/orm.js';
import { Activity } from '../../src/supporters/activity.entity.js';
import { rankHelpers, type HelperCandidate } from '../../src/supporters/find-helpers.js';
import { Participation } from '../../src/supporters/participation.entity.js';
import { Skill } from '../../src/members/skills/skill.entity.js';
import { setMemberSkills } from '../../src/members/skills/skills.service.js';
import { build, loggedIn, type Client } from '../helper.js';
import { addMember, asTest } from './fixtures.js';

const skillId = async (em: EntityManager, name: string) => (await em.findOneOrFail(Skill, { name })).id;

async function newActivity(c: Client, em: EntityManager, form: Record<string, string | string[]>) {
  const res = await c.post('/activities', form);
  if (res.statusCode !== 303) throw new Error(res.body);
  return em.findOneOrFail(Activity, { title: form.title as string });
}

t.test(
  'find helpers: active, contactable members with a wanted skill, ranked by matching skills, then past help, then フリガナ',
  async (t) => {
    const { app, em } = await build(t);
    const c = await loggedIn(app, 'staff');
    const [kaikei, event, drive] = [
      await skillId(em(), '会計'),
      await skillId(em(), 'イベント運営'),
      await skillId(em(), '車の運転'),
    ];
    const person = async (family: string, kana: string, skills: number[], extra = {}) => {
      const m = await addMember(em(), { familyName: family, familyKana: kana, phone: '03-1111-2222', ...extra });
      await asTest(() =>
        setMemberSkills(
          em(),
          m.id,
          skills.map((skillId) => ({ skillId, note: null })),
        ),
      );
      return m;
    };
    const both = await person('渡辺', 'ワタナベ', [event, drive]);
    const veteran = await person('伊藤', 'イトウ', [event]);
    const newcomer = await person('青木', 'アオキ', [event]);
    const other = await person('加藤', 'カトウ', [kaikei]);
    const noMail = await person('木村', 'キムラ', [event], { mailPreference: 'none' });
    const gone = await person('林', 'ハヤシ', [event]);
    await c.post(`/members/${gone.id}/withdraw`, { reason: '転居' });

    const past = await newActivity(c, em(), { title: '春のバザー', startsOn: '2025-04-01', skillIds: [String(event)] });
    await c.post(`/activities/${past.id}/participants`, { memberNo: String(veteran.memberNo), status: 'took_part' });
    const fair = await newActivity(c, em(), {
      title: '秋のバザー',
      startsOn: '2099-10-12',
      place: '公民館',
      helpersWanted: '5',
      skillIds: [String(event), String(drive)],
    });

    const page = (await c.get(`/activities/${fair.id}`)).body;
    const list = page.slice(page.indexOf('id="find-helpers"'));
    const order = ['渡辺', '伊藤', '青木'].map((n) => list.indexOf(`>${n}</a>`));
    t.ok(
      order.every((p) => p > 0),
      'all three helpers are found',
    );
    t.same(
      [...order].sort((a, b) => a - b),
      order,
      'two matching skills first, then the one who helped before, then by フリガナ',
    );
    for (const n of ['加藤', '木村', '林'])
      t.notMatch(list, `>${n}</a>`, `${n} is not a candidate (wrong skill / no contact / withdrawn)`);
    t.match(
      list,
      /<td class="num">1<\/td>\s*<td class="nowrap">2025-04-01<\/td>/,
      'how often and when last each helped',
    );

    t.equal(
      (await c.post(`/activities/${fair.id}/participants`, { memberIds: [String(both.id), String(newcomer.id)] }))
        .statusCode,
      303,
    );
    const after = (await c.get(`/activities/${fair.id}`)).body;
    t.notMatch(
      after.slice(after.indexOf('id="find-helpers"')),
      '>渡辺</a>',
      'people already asked leave the candidate list',
    );
    t.match(after, '依頼 2 人／承諾 0 人／参加 0 人');
    t.ok(other && noMail);
  },
);

t.test('rankHelpers orders by matching skills, then times helped, then フリガナ and member number', async (t) => {
  const c = (memberNo: number, kanaKey: string, matchCount: number, timesHelped: number) =>
    ({ memberNo, kanaKey, matchCount, timesHelped }) as HelperCandidate;
  const ranked = rankHelpers([
    c(1, 'イ', 1, 0),
    c(2, 'ア', 1, 0),
    c(3, 'ウ', 1, 5),
    c(4, 'エ', 2, 0),
    c(5, 'ア', 1, 0),
  ]);
  t.same(
    ranked.map((x) => x.memberNo),
    [4, 3, 2, 5, 1],
  );
});

t.test(
  'staff mark who was asked, accepted and took part; counts show on the activity and history on the member page',
  async (t) => {
    const { app, em } = await build(t);
    const c = await loggedIn(app, 'staff');
    const a = await addMember(em(), { familyName: '山田', familyKana: 'ヤマダ' });
    const b = await addMember(em(), { familyName: '佐藤', familyKana: 'サトウ' });
    const act = await newActivity(c, em(), { title: '清掃活動', startsOn: '2026/5/10', helpersWanted: '3' });
    await c.post(`/activities/${act.id}/participants`, { memberNo: String(a.memberNo), status: 'asked' });
    await c.post(`/activities/${act.id}/participants`, { memberNo: String(b.memberNo), status: 'asked' });
    const dup = await c.post(`/activities/${act.id}/participants`, { memberNo: String(a.memberNo), status: 'asked' });
    t.equal(dup.statusCode, 409, 'the same member is not listed twice');
    const pa = await em().findOneOrFail(Participation, { member: a.id });
    const pb = await em().findOneOrFail(Participation, { member: b.id });
    t.ok(pa.askedOn, 'the day of asking is kept');
    await c.post(`/participations/${pa.id}`, { status: 'accepted', note: '午前のみ' });
    await c.post(`/participations/${pa.id}`, { status: 'took_part', note: '午前のみ' });
    await c.post(`/participations/${pb.id}`, { status: 'declined' });
    t.equal((await c.post(`/participations/${pb.id}`, { status: 'maybe' })).statusCode, 422);
    const page = (await c.get(`/activities/${act.id}`)).body;
    t.match(page, '依頼 2 人／承諾 1 人／参加 1 人／辞退 1 人（必要 3 人）');
    const list = (await c.get('/activities')).body;
    t.match(list, '清掃活動');
    const member = (await c.get(`/members/${a.id}`)).body;
    t.match(member, '参加 <strong>1</strong> 回');
    t.match(member, '清掃活動（参加）', 'the participation is on the timeline');
    t.equal((await c.post(`/participations/${pb.id}/delete`)).statusCode, 303);
    t.equal(await em().count(Participation, { activity: act.id }), 1);
  },
);

t.test('the call-for-help CSV lists people on the activity first, then candidates, as UTF-8 with BOM', async (t) => {
  const { app, em } = await build(t);
  const c = await loggedIn(app, 'staff');
  const kids = await skillId(em(), '子ども支援');
  const a = await addMember(em(), {
    familyName: '山田',
    givenName: '花子',
    familyKana: 'ヤマダ',
    givenKana: 'ハナコ',
    mobile: '090-1234-5678',
  });
  const b = await addMember(em(), { familyName: '小川', givenName: '誠', familyKana: 'オガワ', givenKana: 'マコト' });
  for (const m of [a, b])
    await asTest(() => setMemberSkills(em(), m.id, [{ skillId: kids, note: m === b ? '保育士' : null }]));
  const act = await newActivity(c, em(), { title: '夏休み学習会', startsOn: '2099-08-01', skillIds: String(kids) });
  await c.post(`/activities/${act.id}/participants`, { memberNo: String(a.memberNo), status: 'accepted' });
  const csv = await c.get(`/activities/${act.id}/call-list.csv`);
  t.equal(csv.statusCode, 200);
  t.equal(csv.rawPayload.subarray(0, 3).toString('hex'), 'efbbbf');
  t.match(String(csv.headers['content-disposition']), encodeURIComponent('協力依頼リスト_夏休み学習会_2099-08-01.csv'));
  const lines = csv.rawPayload.toString('utf8').slice(1).trim().split('\r\n');
  t.equal(
    lines[0],
    '状況,会員番号,氏名,フリガナ,電話,携帯,メール,郵便番号,住所,協力できる分野,これまでの参加回数,最後の参加,メモ,結果',
  );
  t.match(lines[1], `承諾,${a.memberNo},山田 花子,ヤマダ ハナコ,,090-1234-5678`);
  t.match(lines[2], `未依頼,${b.memberNo},小川 誠,オガワ マコト`);
  t.match(lines[2], '子ども支援（保育士）,0');
});

t.test('an activity without a title or with an end before its start is refused with 422', async (t) => {
  const { app, em } = await build(t);
  const c = await loggedIn(app, 'staff');
  const blank = await c.get('/activities/new');
  t.match(blank.body, /name="skillIds" value="\d+"> 会計/, 'the form offers the skills to look for');
  const res = await c.post('/activities', {
    title: '',
    startsOn: '2026-05-10',
    endsOn: '2026-05-01',
    helpersWanted: '-1',
  });
  t.equal(res.statusCode, 422);
  t.match(res.body, '活動名を入力してください');
  t.match(res.body, '終了日は開始日より後の日付にしてください');
  t.match(res.body, '0以上の整数で入力してください');
  t.equal(await em().count(Activity, {}), 0);
  const act = await newActivity(c, em(), { title: '総会', startsOn: '2026-06-01' });
  t.match((await c.get(`/activities/${act.id}/edit`)).body, 'value="総会"');
  t.equal(
    (await c.post(`/activities/${act.id}`, { title: '第10回 総会', startsOn: '2026-06-01', place: '区民センター' }))
      .statusCode,
    303,
  );
  t.equal((await em().findOneOrFail(Activity, { id: act.id })).place, '区民センター');
  t.equal((await c.get('/activities/999')).statusCode, 404);
});
