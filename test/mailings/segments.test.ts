import t from 'tap';
import type { SegmentFilter } from '../../src/mailings/segment-filter.js';
import { countSegment, segmentMembers } from '../../src/mailings/segments.service.js';
import { testDatabase } from '../helper.js';
import { segmentFixture } from './segment-fixture.js';

const ctx = { today: '2026-06-15', fiscalYear: 2026 };

t.test('each criterion selects exactly the members it describes', async (t) => {
  const { orm } = await testDatabase(t);
  const em = orm.em.fork();
  const f = await segmentFixture(em);
  const role = (n: string) => f.roles.get(n)!;
  const skill = (n: string) => f.skills.get(n)!;
  const cases: [string, SegmentFilter, number[]][] = [
    ['no criterion: everyone', {}, [1, 2, 3, 4, 5, 6, 7]],
    ['member type 賛助会員', { memberTypeIds: [f.types.get('賛助会員')!] }, [2]],
    ['organisations', { kinds: ['organization'] }, [3]],
    ['dues paid this 年度 (waived counts, a voided invoice does not, partial does not)', { dues: 'paid' }, [1, 6]],
    ['dues unpaid this 年度 (an old unpaid year does not count)', { dues: 'unpaid' }, [2, 3]],
    ['current 理事 (an ended term does not count)', { roleIds: [role('理事')] }, [1]],
    ['a role that starts next month does not count yet', { roleIds: [role('理事'), role('ボランティア')] }, [1]],
    ['skill 会計', { skillIds: [skill('会計')] }, [1]],
    ['any of two skills', { skillIds: [skill('会計'), skill('翻訳')] }, [1, 2]],
    ['都道府県', { prefectures: ['神奈川県'] }, [2, 3]],
    ['市区町村 prefix 横浜市', { city: '横浜市' }, [2, 3]],
    ['市区町村 in full', { city: '横浜市中区' }, [2]],
    ['a city with a wildcard character matches nothing', { city: '%' }, []],
    ['郵便番号 prefix 160', { postalPrefix: '160' }, [1, 6]],
    ['郵便番号 in full', { postalPrefix: '1600022' }, [1]],
    ['郵便番号 first digit', { postalPrefix: '2' }, [2, 3]],
    ['joined on or after', { joinedFrom: '2021-01-01' }, [2, 5, 6]],
    ['joined on or before', { joinedTo: '2019-12-31' }, [1, 3, 4]],
    ['joined within a period', { joinedFrom: '2019-01-01', joinedTo: '2021-12-31' }, [1, 5, 7]],
    ['donated at any time (a reversed gift does not count)', { donated: {} }, [1, 2, 3]],
    ['donated since April 2026', { donated: { from: '2026-04-01' } }, [1, 3]],
    ['donated at least 5,000 yen in the period, in total', { donated: { from: '2026-04-01', minTotal: 5000 } }, [1, 3]],
    [
      'donated at least 6,000 yen: only the sum of two gifts reaches it',
      { donated: { from: '2026-04-01', minTotal: 6000 } },
      [3],
    ],
    ['donated up to the end of 2025', { donated: { to: '2025-12-31' } }, [2]],
    ['took part in activity A (declining is not taking part)', { activityIds: [f.activityA] }, [1]],
    ['took part in A or B', { activityIds: [f.activityA, f.activityB] }, [1, 5]],
    ['birthday in April', { birthMonth: 4 }, [1, 4]],
    ['birthday in December', { birthMonth: 12 }, [2]],
    ['郵送物 不要', { mailPreferences: ['none'] }, [3]],
    ['郵送物 メール', { mailPreferences: ['email'] }, [2, 5]],
    ['has e-mail', { hasEmail: true }, [1, 3, 4, 5, 6, 7]],
    ['has no e-mail', { hasEmail: false }, [2]],
    ['criteria combine with and', { prefectures: ['東京都'], hasEmail: true, dues: 'paid' }, [1, 6]],
  ];
  for (const [name, filter, expected] of cases) {
    const { recipients } = await segmentMembers(em, filter, undefined, { ctx });
    t.same(
      recipients.map((r) => r.memberNo),
      expected,
      name,
    );
    const count = await countSegment(em, filter, undefined, ctx);
    t.equal(count.total, expected.length, `${name}: count`);
  }
});

t.test(
  'paper mailings leave out the withdrawn, 宛先不明, 郵送物「不要」 and members without an address, with a reason',
  async (t) => {
    const { orm } = await testDatabase(t);
    const em = orm.em.fork();
    await segmentFixture(em);
    const { recipients, excluded } = await segmentMembers(em, {}, 'post', { ctx });
    t.same(
      recipients.map((r) => r.memberNo),
      [1, 2, 6],
    );
    t.same(
      excluded.map((e) => [e.member.memberNo, e.reasonLabel]),
      [
        [3, '郵送物「不要」'],
        [4, '退会済み'],
        [5, '宛先不明（郵便物が戻ってきた）'],
        [7, '住所が未登録'],
      ],
    );
    t.same(await countSegment(em, {}, 'post', ctx, { breakdown: true }), {
      total: 7,
      included: 3,
      excluded: { no_mail: 1, withdrawn: 1, address_unknown: 1, no_address: 1 },
    });
    t.same(await countSegment(em, {}, 'post', ctx), { total: 7, included: 3, excluded: {} }, 'the quick count agrees');
  },
);

t.test(
  'e-mail leaves out the withdrawn, members without e-mail, bounced and opted-out addresses; a changed address is mailed again',
  async (t) => {
    const { orm } = await testDatabase(t);
    const em = orm.em.fork();
    await segmentFixture(em);
    const { recipients, excluded } = await segmentMembers(em, {}, 'email', { ctx });
    t.same(
      recipients.map((r) => r.memberNo),
      [1, 3, 7],
    );
    t.same(
      excluded.map((e) => [e.member.memberNo, e.reasonLabel]),
      [
        [2, 'メールアドレスが未登録'],
        [4, '退会済み'],
        [5, 'メールが届かない（不達）'],
        [6, 'メール配信停止'],
      ],
    );
    t.equal((await countSegment(em, {}, 'email', ctx)).included, 3);
    t.same((await countSegment(em, {}, 'email', ctx, { breakdown: true })).excluded, {
      no_email: 1,
      withdrawn: 1,
      bounced: 1,
      opted_out: 1,
    });
  },
);
