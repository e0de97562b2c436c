import t from 'tap';
import { buildMatchContext, matchDeposit, type MatchInvoice, type MatchMember } from '../../src/banking/matcher.js';
import { kanaKey } from '../../src/banking/payer-name.js';

/**
 * Property test for the rule that matters most: an automatic match is never the wrong member.
 * A seeded register with many homonyms, households and multi-year arrears; deposits written the
 * way payers write them (half-width, numbers, fees, wrong numbers, other people's names).
 */
let seed = 20260507;
const rnd = (n: number) => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return Math.floor((seed / 2 ** 31) * n);
};
const pick = <T>(xs: T[]): T => xs[rnd(xs.length)]!;
const FAMILY = [
  'ヤマダ',
  'スズキ',
  'タナカ',
  'サトウ',
  'イトウ',
  'ワタナベ',
  'コバヤシ',
  'カトウ',
  'ヨシダ',
  'ヤマモト',
  'ナカムラ',
  'マツモト',
];
const GIVEN = [
  'タロウ',
  'ハナコ',
  'ケンイチ',
  'ユウコ',
  'シュン',
  'ミキ',
  'ジュンコ',
  'ヒロシ',
  'マコト',
  'サトシ',
  'ケイコ',
  'ヨウコ',
  'ダイスケ',
  'アキラ',
];
// Full-width katakana → the half-width bank form, small kana written large (ｼｭﾝ → ｼﾕﾝ), as banks send it.
const HALF = new Map<string, string>();
for (let c = 0xff66; c <= 0xff9d; c++) {
  const h = String.fromCharCode(c);
  for (const mark of ['', '\uff9e', '\uff9f']) HALF.set((h + mark).normalize('NFKC'), h + mark);
}
const LARGE: Record<string, string> = {
  ャ: 'ヤ',
  ュ: 'ユ',
  ョ: 'ヨ',
  ッ: 'ツ',
  ァ: 'ア',
  ィ: 'イ',
  ゥ: 'ウ',
  ェ: 'エ',
  ォ: 'オ',
};
const half = (s: string) => [...s].map((c) => HALF.get(LARGE[c] ?? c) ?? c).join('');

function register(n: number) {
  const members: MatchMember[] = [];
  const invoices: MatchInvoice[] = [];
  for (let id = 1; id <= n; id++) {
    const household = rnd(10) === 0 ? Math.ceil(id / 2) : null;
    members.push({
      id,
      memberNo: String(id),
      kind: 'individual',
      familyKana: pick(FAMILY),
      givenKana: pick(GIVEN),
      orgKana: '',
      name: `会員${id}`,
      householdId: household,
    });
    for (let y = 0, years = rnd(3); y < years; y++)
      invoices.push({
        id: invoices.length + 1,
        invoiceNo: `${2026 - y}-${id}`,
        memberId: id,
        fiscalYear: 2026 - y,
        open: pick([3000, 5000, 5000, 10000]),
      });
  }
  return { members, invoices };
}

t.test('no automatic match ever names a member other than the one who paid', async (t) => {
  const { members, invoices } = register(1500);
  const ctx = buildMatchContext({ members, openInvoices: invoices, aliases: [] });
  const keys = new Map<string, number>();
  for (const m of members)
    keys.set(kanaKey(m.familyKana + m.givenKana), (keys.get(kanaKey(m.familyKana + m.givenKana)) ?? 0) + 1);
  const open = (id: number) => invoices.filter((i) => i.memberId === id).reduce((s, i) => s + i.open, 0);
  let autos = 0;
  let wrongNumberAutos = 0;
  for (let k = 0; k < 3000; k++) {
    const m = pick(members);
    const other = pick(members);
    const name = half(`${m.familyKana} ${m.givenKana}`);
    const amount = pick([open(m.id), open(m.id) - 220, open(m.id) + 3000, 5000, 3000]) || 5000;
    const style = rnd(4);
    const payer =
      style === 0
        ? name
        : style === 1
          ? `${m.memberNo}${name}`
          : style === 2
            ? `${other.memberNo}${name}`
            : `${m.memberNo}`;
    const r = matchDeposit(ctx, { amount, payer });
    if (!r.auto) continue;
    autos++;
    const best = r.suggestions[0]!;
    // Another's number with a name that is also theirs (a homonym) points to them: the number decides.
    const sameName = kanaKey(other.familyKana + other.givenKana) === kanaKey(m.familyKana + m.givenKana);
    t.equal(best.memberId, style === 2 && sameName ? other.id : m.id, `auto for ${payer} ${amount}`);
    t.ok(
      best.certain && (best.difference === 0 || best.fee > 0) && best.surplus === 0,
      'auto only when certain and settled',
    );
    if (style === 2 && !sameName) wrongNumberAutos++;
    if (style === 0) t.equal(keys.get(kanaKey(name)), 1, 'auto by name only when the name is unique');
  }
  t.ok(autos > 100, `some deposits were matched automatically (${autos})`);
  t.equal(wrongNumberAutos, 0, 'a number naming someone else never auto-confirms');
});

t.test(
  'a family name alone never confirms automatically and lists exactly the members of that name whose dues fit',
  async (t) => {
    // A family name fits several people by nature (a seeded register of 1,500 has ~125 of each):
    // whoever wrote only ｷﾑﾗ, staff must choose, so no deposit written this way is ever automatic.
    const { members, invoices } = register(1500);
    const ctx = buildMatchContext({ members, openInvoices: invoices, aliases: [] });
    const fees = [0, 110, 165, 220, 330, 440, 550, 660, 880];
    const open = (id: number) => invoices.filter((i) => i.memberId === id).reduce((s, i) => s + i.open, 0);
    for (let k = 0; k < 300; k++) {
      const m = pick(members);
      const amount = pick([open(m.id), open(m.id) - 220, 5000, 3000, 10000]) || 5000;
      const r = matchDeposit(ctx, { amount, payer: half(m.familyKana) });
      t.equal(r.auto, false, `${half(m.familyKana)} ${amount}: review`);
      const fitting = members
        .filter((o) => o.familyKana === m.familyKana && open(o.id) > 0 && fees.includes(open(o.id) - amount))
        .map((o) => o.memberNo)
        .sort();
      t.same(
        r.suggestions
          .filter((s) => s.reasons.some((x) => x.includes('姓のみ')))
          .map((s) => s.memberNo)
          .sort(),
        fitting,
        `${half(m.familyKana)} ${amount}: every member of that name whose dues fit, and only them`,
      );
    }
  },
);

t.test('matching 10,000 deposits against 50,000 members uses the indexes (no scans)', async (t) => {
  const { members, invoices } = register(50000);
  const started = performance.now();
  const ctx = buildMatchContext({ members, openInvoices: invoices, aliases: [] });
  for (let k = 0; k < 10000; k++) {
    const m = pick(members);
    matchDeposit(ctx, {
      amount: pick([5000, 4780, 10000, 8000]),
      payer: rnd(2) ? half(`${m.familyKana} ${m.givenKana}`) : `${m.memberNo}ﾔﾏﾀﾞ ﾀﾛ`,
    });
  }
  const ms = performance.now() - started;
  t.ok(ms < 15000, `build + 10,000 matches took ${Math.round(ms)} ms`);
});
