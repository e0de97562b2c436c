import t from 'tap';
import { buildMatchContext, matchDeposit, type MatchInvoice, type MatchMember } from '../../src/banking/matcher.js';

let nextId = 1;
const members: MatchMember[] = [];
const invoices: MatchInvoice[] = [];
function member(
  memberNo: string,
  family: string,
  given: string,
  opts: { org?: string; household?: number; open?: [number, number][]; name?: string } = {},
): number {
  const id = nextId++;
  members.push({
    id,
    memberNo,
    kind: opts.org ? 'organization' : 'individual',
    familyKana: opts.org ? '' : family,
    givenKana: opts.org ? '' : given,
    orgKana: opts.org ?? '',
    name: opts.name ?? `${family} ${given}`,
    householdId: opts.household ?? null,
  });
  for (const [fiscalYear, open] of opts.open ?? [[2026, 5000]])
    invoices.push({
      id: 1000 + invoices.length,
      invoiceNo: `${fiscalYear}-${String(invoices.length + 1).padStart(6, '0')}`,
      memberId: id,
      fiscalYear,
      open,
    });
  return id;
}

member('1', 'ヤマダ', 'タロウ', { name: '山田 太郎' });
member('1024', 'スズキ', 'ハナコ', { open: [[2026, 3000]] });
member('3', 'タカハシ', 'ケンイチ');
member('4', '', '', { org: 'ミドリノモリ', open: [[2026, 10000]], name: '特定非営利活動法人みどりの森' });
member('5', 'サトウ', 'マサル', {
  open: [
    [2025, 5000],
    [2026, 5000],
  ],
});
member('6', 'イトウ', 'ヨシコ', { household: 1, open: [[2026, 5000]] });
member('7', 'イトウ', 'カズオ', { household: 1, open: [[2026, 3000]] });
member('8', 'ワタナベ', 'シュン');
member('9', 'タナカ', 'ミキ');
member('10', 'タナカ', 'ミキ');
member('11', 'コバヤシ', 'ジュンコ');
member('12', 'キムラ', 'タクヤ', { open: [] });
member('13', 'ナカムラ', 'ヒロシ');
member('14', 'ハヤシ', 'マコト');
member('15', 'フジタ', 'ケイコ');
member('16', 'オノ', 'ユウジ');
member('17', 'マツモト', 'サトシ', { open: [[2026, 5000]] });
member('18', '', '', { org: 'アオゾラシヨウジ', open: [[2026, 10000]], name: '株式会社あおぞら商事' });
member('19', 'イノウエ', 'マリ', {
  open: [
    [2024, 5000],
    [2025, 5000],
    [2026, 5000],
  ],
});
member('20', 'シミズ', 'ケン');
const byNo = new Map(members.map((m) => [m.memberNo, m.id]));
const ctx = buildMatchContext({
  members,
  openInvoices: invoices,
  feeTolerances: [110, 165, 220, 330, 440, 550, 660, 880],
  aliases: [
    { payerKey: 'ヤマダハナコ', memberId: byNo.get('1')! },
    { payerKey: 'ハヤシシヨウテン', memberId: byNo.get('14')! },
    { payerKey: 'シミズケン', memberId: byNo.get('13')! },
  ],
});

// [what, payer, amount, auto?, best member number (null: no suggestion), allocated invoices of best, reason fragment]
const SCENARIOS: [string, string, number, boolean, string | null, number, string][] = [
  ['exact kana name, exact amount', 'ﾔﾏﾀﾞ ﾀﾛｳ', 5000, true, '1', 1, 'フリガナが完全に一致'],
  ['member number prefix', '1024ｽｽﾞｷ ﾊﾅｺ', 3000, true, '1024', 1, '会員番号 1024'],
  ['member number suffix', 'ｽｽﾞｷ ﾊﾅｺ 1024', 3000, true, '1024', 1, '会員番号 1024'],
  ['member number with a space', '1024 ｽｽﾞｷ ﾊﾅｺ', 3000, true, '1024', 1, '会員番号'],
  ['member number but a different name', '1024ﾅｶﾑﾗ ﾋﾛｼ', 3000, false, '13', 1, 'フリガナが完全に一致'],
  [
    'member number of someone else, amount fits the named member',
    '1024ﾅｶﾑﾗ ﾋﾛｼ',
    5000,
    false,
    '13',
    1,
    'フリガナが完全に一致',
  ],
  ['learned alias (wife pays for husband)', 'ﾔﾏﾀﾞ ﾊﾅｺ', 5000, true, '1', 1, '学習済み'],
  ['alias of a shop name', 'ﾊﾔｼｼﾖｳﾃﾝ', 5000, true, '14', 1, '学習済み'],
  ['alias conflicting with the exact name of another member', 'ｼﾐｽﾞ ｹﾝ', 5000, false, '13', 1, '学習済み'],
  ['homonyms: two タナカ ミキ', 'ﾀﾅｶ ﾐｷ', 5000, false, '9', 1, '同じフリガナの会員が 2 人'],
  ['homonyms resolved by member number', '10ﾀﾅｶ ﾐｷ', 5000, true, '10', 1, '会員番号 10'],
  ['two years at once', 'ｻﾄｳ ﾏｻﾙ', 10000, true, '5', 2, '2 年度分'],
  ['one of two open years', 'ｻﾄｳ ﾏｻﾙ', 5000, false, '5', 1, '2025年度分と一致'],
  ['three years at once', 'ｲﾉｳｴ ﾏﾘ', 15000, true, '19', 3, '3 年度分'],
  ['household: one transfer for husband and wife', 'ｲﾄｳ ﾖｼｺ', 8000, true, '6', 2, '世帯'],
  ['household payer by family name only', 'ｲﾄｳ', 8000, false, '6', 2, '姓が一致'],
  ['fee short 220', 'ﾀｶﾊｼ ｹﾝｲﾁ', 4780, true, '3', 1, '振込手数料 220円'],
  ['fee short 110', 'ﾀｶﾊｼ ｹﾝｲﾁ', 4890, true, '3', 1, '振込手数料 110円'],
  ['fee short 880', 'ﾀｶﾊｼ ｹﾝｲﾁ', 4120, true, '3', 1, '振込手数料 880円'],
  ['short by a non-fee amount (partial)', 'ﾀｶﾊｼ ｹﾝｲﾁ', 4000, false, '3', 1, '足りない'],
  ['surplus: dues plus a donation', 'ﾏﾂﾓﾄ ｻﾄｼ', 8000, false, '17', 1, '多い'],
  ['typo: one letter wrong', 'ﾏﾂﾓﾄ ｻﾄｼｲ', 5000, false, '17', 1, '名前が似ている'],
  ['ヂ/ジ variant', 'ﾌﾁﾞﾀ ｹｲｺ', 5000, true, '15', 1, 'フリガナが完全に一致'],
  ['ヲ/オ variant', 'ｦﾉ ﾕｳｼﾞ', 5000, true, '16', 1, 'フリガナが完全に一致'],
  ['small kana written large', 'ﾜﾀﾅﾍﾞ ｼﾕﾝ', 5000, true, '8', 1, 'フリガナが完全に一致'],
  ['small kana ｼﾞﾕﾝ', 'ｺﾊﾞﾔｼ ｼﾞﾕﾝｺ', 5000, true, '11', 1, 'フリガナが完全に一致'],
  ['long vowel dropped (ユウジ vs ﾕｰｼﾞ)', 'ｵﾉ ﾕｰｼﾞ', 5000, false, '16', 1, '名前が似ている'],
  ['corporate payer for 団体会員 (front)', 'ﾄｸﾋ)ﾐﾄﾞﾘﾉﾓﾘ', 10000, true, '4', 1, '団体会員'],
  ['corporate payer (legal form behind)', 'ｱｵｿﾞﾗｼﾖｳｼﾞ(ｶ', 10000, true, '18', 1, '団体会員'],
  ['corporate payer, fee short', 'ｶ)ｱｵｿﾞﾗｼﾖｳｼﾞ', 9560, true, '18', 1, '振込手数料 440円'],
  ['unknown payer', 'ﾘｿｸ', 12, false, null, 0, ''],
  ['unknown payer with a dues-like amount', 'ｺｳｴﾝｶｲ ﾖﾘ', 5000, false, null, 0, ''],
  ['member without open invoices', 'ｷﾑﾗ ﾀｸﾔ', 5000, false, '12', 0, '未納の請求がありません'],
  ['kanji name (ゆうちょ slip)', '山田 太郎', 5000, true, '1', 1, 'フリガナが完全に一致'],
  ['prefix word before the name', 'ﾌﾘｺﾐ ﾔﾏﾀﾞ ﾀﾛｳ', 5000, true, '1', 1, 'フリガナが完全に一致'],
  ['non-existent member number', '9999ｷﾀｶﾞﾜ', 5000, false, null, 0, ''],
  ['member number alone, no name: never certain', '1024', 3000, false, '1024', 1, '名前の記載なし'],
  ['member number in brackets', '(1024)ｽｽﾞｷ ﾊﾅｺ', 3000, true, '1024', 1, '会員番号 1024'],
  ['団体会員 by kanji name with 株式会社 (ゆうちょ slip)', '株式会社あおぞら商事', 10000, true, '18', 1, '団体会員'],
  ['corporate payer with a branch word', 'ｶ)ｱｵｿﾞﾗｼﾖｳｼﾞ ﾎﾝｼﾔ', 10000, true, '18', 1, '団体会員'],
  [
    "number with a relative's name (same family name, nobody else of that name)",
    '17ﾏﾂﾓﾄ ﾖｳｺ',
    5000,
    true,
    '17',
    1,
    '会員番号 17',
  ],
  [
    'number of one member, the exact name of others (homonyms)',
    '17ﾀﾅｶ ﾐｷ',
    5000,
    false,
    '9',
    1,
    '同じフリガナの会員が 2 人',
  ],
  ['homonyms with a fee-short amount stay in review', 'ﾀﾅｶ ﾐｷ', 4780, false, '9', 1, '同じフリガナ'],
];

t.test(`matcher scenarios (${SCENARIOS.length})`, async (t) => {
  for (const [what, payer, amount, auto, bestNo, allocCount, reason] of SCENARIOS) {
    const r = matchDeposit(ctx, { amount, payer });
    const best = r.suggestions[0];
    t.equal(r.auto, auto, `${what}: ${auto ? 'automatic' : 'review'}`);
    t.equal(best?.memberNo ?? null, bestNo, `${what}: best suggestion`);
    if (best) {
      t.equal(best.allocations.length, allocCount, `${what}: invoices allocated`);
      t.ok(
        best.allocations.reduce((s, a) => s + a.amount, 0) <= amount,
        `${what}: never allocates more than the deposit`,
      );
      t.match(best.reasons.join(' / '), reason, `${what}: reason shown`);
      t.ok(
        r.suggestions.every((s, k) => k === 0 || s.score <= r.suggestions[k - 1]!.score),
        `${what}: ranked by score`,
      );
    }
  }
});

t.test('homonyms: both members are suggested, neither is certain', async (t) => {
  const r = matchDeposit(ctx, { amount: 5000, payer: 'ﾀﾅｶ ﾐｷ' });
  t.same(r.suggestions.map((s) => s.memberNo).sort(), ['10', '9']);
  t.ok(r.suggestions.every((s) => !s.certain));
});

t.test('fee and surplus are reported as such', async (t) => {
  const fee = matchDeposit(ctx, { amount: 4780, payer: 'ﾀｶﾊｼ ｹﾝｲﾁ' }).suggestions[0]!;
  t.same([fee.fee, fee.difference, fee.surplus], [220, -220, 0]);
  const surplus = matchDeposit(ctx, { amount: 8000, payer: 'ﾏﾂﾓﾄ ｻﾄｼ' }).suggestions[0]!;
  t.same([surplus.fee, surplus.surplus, surplus.allocations[0]!.amount], [0, 3000, 5000]);
});

t.test(
  'a payer who writes only the family name gets every member of that name whose dues equal the amount, best first, never automatically',
  async (t) => {
    const family: MatchMember[] = [];
    const open: MatchInvoice[] = [];
    const add = (id: number, family_: string, given: string, dues: number[], household: number | null = null) => {
      family.push({
        id,
        memberNo: String(id),
        kind: 'individual',
        familyKana: family_,
        givenKana: given,
        orgKana: '',
        name: `${family_} ${given}`,
        householdId: household,
      });
      dues.forEach((d, k) => {
        open.push({ id: id * 10 + k, invoiceNo: `2026-${id}-${k}`, memberId: id, fiscalYear: 2026 - k, open: d });
      });
    };
    // Twelve キムラ owing exactly 5,000 (more than the five suggestions a deposit shows otherwise),
    // one owing 5,220 (fee short), one owing 3,000, one owing 10,000 over two years, and a ナカムラ owing 5,000.
    for (let id = 101; id <= 112; id++)
      add(id, 'キムラ', `ナマエ${String.fromCharCode(0x30a2 + (id - 101) * 2)}`, [5000]);
    add(113, 'キムラ', 'フィー', [5220]);
    add(114, 'キムラ', 'スクナイ', [3000]);
    add(115, 'キムラ', 'ニネン', [5000, 5000]);
    add(116, 'ナカムラ', 'ホカ', [5000]);
    const c = buildMatchContext({ members: family, openInvoices: open, aliases: [] });
    const r = matchDeposit(c, { amount: 5000, payer: 'ｷﾑﾗ' });
    t.equal(r.auto, false, 'never confirmed automatically');
    t.ok(
      r.suggestions.every((s) => !s.certain),
      'nobody is certain',
    );
    t.same(
      r.suggestions.map((s) => s.memberNo),
      [...Array.from({ length: 12 }, (_, k) => String(101 + k)), '113'],
      'all twelve exact members first, then the one a transfer fee explains; not the ones whose dues differ',
    );
    t.ok(
      r.suggestions.every((s) => s.reasons.some((x) => x.includes('姓のみ'))),
      'each says it was found by the family name alone',
    );
    t.same(
      r.suggestions[0]!.allocations.map((a) => a.amount),
      [5000],
      'the suggestion settles that member’s dues',
    );

    const one = buildMatchContext({
      members: family.slice(12, 13),
      openInvoices: open.filter((i) => i.memberId === 113),
      aliases: [],
    });
    const single = matchDeposit(one, { amount: 5220, payer: 'ｷﾑﾗ' });
    t.same(
      single.suggestions.map((s) => s.memberNo),
      ['113'],
      'a single member of that family name is suggested',
    );
    t.equal(single.auto, false, 'even a single member found by the family name alone is not confirmed automatically');
  },
);
