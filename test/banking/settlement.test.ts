import t from 'tap';
import type { Suggestion } from '../../src/banking/matcher.js';
import {
  settleDeposit,
  SETTLED_BY_EARLIER_LINE,
  storedSuggestion,
  withFee,
  type OpenAmounts,
} from '../../src/banking/settlement.js';

/** A suggestion for member 1 with allocations [invoice id, yen]; invoice numbers follow the id. */
function sug(allocs: [number, number][], o: Partial<Suggestion> = {}): Suggestion {
  return {
    memberId: 1,
    memberNo: '1',
    name: '山田 太郎',
    difference: 0,
    fee: 0,
    surplus: 0,
    score: 1,
    reasons: ['会員番号'],
    certain: true,
    allocations: allocs.map(([invoiceId, amount]) => ({
      invoiceId,
      invoiceNo: `2026-${invoiceId}`,
      memberId: 1,
      amount,
    })),
    ...o,
  };
}
const open = (entries: [number, number][]): OpenAmounts => new Map(entries);

t.test('an accepted fee is added onto the invoices up to what each still has open', async (t) => {
  const cases: { name: string; s: Suggestion; open: [number, number][]; want: number[] }[] = [
    {
      name: 'a fee spread over several invoices fills the first, then the next',
      s: sug(
        [
          [1, 4950],
          [2, 2940],
        ],
        { fee: 110 },
      ),
      open: [
        [1, 5000],
        [2, 3000],
      ],
      want: [5000, 3000],
    },
    {
      name: 'a fee larger than what is open adds only what is open',
      s: sug([[1, 4950]], { fee: 110 }),
      open: [[1, 5000]],
      want: [5000],
    },
    {
      name: 'no fee leaves the allocations as the matcher made them',
      s: sug([
        [1, 3000],
        [2, 2000],
      ]),
      open: [
        [1, 5000],
        [2, 5000],
      ],
      want: [3000, 2000],
    },
    {
      name: 'an invoice missing from the open amounts gets no fee',
      s: sug([[9, 4890]], { fee: 110 }),
      open: [],
      want: [4890],
    },
    {
      name: 'an invoice already fully allocated passes the fee on to the next',
      s: sug(
        [
          [1, 5000],
          [2, 2890],
        ],
        { fee: 110 },
      ),
      open: [
        [1, 5000],
        [2, 3000],
      ],
      want: [5000, 3000],
    },
  ];
  for (const c of cases)
    t.same(
      withFee(c.s, open(c.open)).map((a) => a.amount),
      c.want,
      c.name,
    );
});

t.test('a suggestion is stored with the fee on its invoices and its score rounded', async (t) => {
  const s = storedSuggestion(sug([[1, 4890]], { fee: 110, score: 0.8765, difference: -110 }), open([[1, 5000]]));
  t.same(s, {
    memberId: 1,
    memberNo: '1',
    name: '山田 太郎',
    invoices: [{ id: 1, invoiceNo: '2026-1', amount: 5000 }],
    difference: -110,
    fee: 110,
    surplus: 0,
    score: 0.88,
    reasons: ['会員番号'],
  });
});

t.test('an invoice an earlier line of the file settles is dropped from the suggestion, with the reason', async (t) => {
  const cases: {
    name: string;
    s: Suggestion;
    open: [number, number][];
    invoices: number[];
    surplus: number;
    score: number;
    fee: number;
  }[] = [
    {
      name: 'the only invoice is taken: nothing to confirm, the whole deposit is surplus',
      s: sug([[1, 5000]]),
      open: [[1, 0]],
      invoices: [],
      surplus: 5000,
      score: 0.7,
      fee: 0,
    },
    {
      name: 'one of two invoices is taken: the other stays, the taken part becomes surplus',
      s: sug(
        [
          [1, 5000],
          [2, 3000],
        ],
        { surplus: 500 },
      ),
      open: [
        [1, 0],
        [2, 3000],
      ],
      invoices: [2],
      surplus: 5500,
      score: 0.7,
      fee: 0,
    },
    {
      name: 'a partly taken invoice no longer fits and is dropped too',
      s: sug([[1, 5000]]),
      open: [[1, 2000]],
      invoices: [],
      surplus: 5000,
      score: 0.7,
      fee: 0,
    },
    {
      name: 'the accepted fee is cleared once an invoice drops out',
      s: sug(
        [
          [1, 4890],
          [2, 3000],
        ],
        { fee: 110 },
      ),
      open: [
        [1, 5000],
        [2, 0],
      ],
      invoices: [1],
      surplus: 2890,
      score: 0.7,
      fee: 0,
    },
    {
      name: 'the score never goes below zero',
      s: sug([[1, 5000]], { score: 0.1 }),
      open: [[1, 0]],
      invoices: [],
      surplus: 5000,
      score: 0,
      fee: 0,
    },
  ];
  for (const c of cases) {
    const s = storedSuggestion(c.s, open(c.open));
    t.same(
      s.invoices.map((i) => i.id),
      c.invoices,
      `${c.name}: invoices`,
    );
    t.equal(s.surplus, c.surplus, `${c.name}: surplus`);
    t.equal(s.score, c.score, `${c.name}: score`);
    t.equal(s.fee, c.fee, `${c.name}: fee`);
    t.equal(s.reasons.at(-1), SETTLED_BY_EARLIER_LINE, `${c.name}: reason`);
  }
  const kept = storedSuggestion(sug([[1, 5000]]), open([[1, 5000]]));
  t.notOk(kept.reasons.includes(SETTLED_BY_EARLIER_LINE), 'an invoice still open carries no such reason');
});

t.test('a deposit is booked automatically only when it settles invoices no earlier line took', async (t) => {
  const cases: {
    name: string;
    auto: boolean;
    s: Suggestion[];
    amount: number;
    open: [number, number][];
    status: string;
    left: [number, number][];
  }[] = [
    {
      name: 'a certain exact match is booked and takes the invoice',
      auto: true,
      s: [sug([[1, 5000]])],
      amount: 5000,
      open: [[1, 5000]],
      status: 'matched',
      left: [[1, 0]],
    },
    {
      name: 'a certain match short by the fee is booked as settled',
      auto: true,
      s: [sug([[1, 4890]], { fee: 110 })],
      amount: 4890,
      open: [[1, 5000]],
      status: 'matched',
      left: [[1, 0]],
    },
    {
      name: 'a certain match on an invoice an earlier line took goes to review',
      auto: true,
      s: [sug([[1, 5000]])],
      amount: 5000,
      open: [[1, 0]],
      status: 'review',
      left: [[1, 0]],
    },
    {
      name: 'a match the matcher is not sure of goes to review',
      auto: false,
      s: [sug([[1, 5000]])],
      amount: 5000,
      open: [[1, 5000]],
      status: 'review',
      left: [[1, 5000]],
    },
    {
      name: 'a deposit with no suggestion goes to review',
      auto: true,
      s: [],
      amount: 5000,
      open: [[1, 5000]],
      status: 'review',
      left: [[1, 5000]],
    },
    {
      name: 'a fee the open amount cannot take does not add up and goes to review',
      auto: true,
      s: [sug([[1, 4890]], { fee: 220 })],
      amount: 4890,
      open: [[1, 5000]],
      status: 'review',
      left: [[1, 5000]],
    },
  ];
  for (const c of cases) {
    const o = open(c.open);
    const m = settleDeposit({ auto: c.auto, suggestions: c.s }, { amount: c.amount }, o);
    t.equal(m.status, c.status, c.name);
    t.same([...o], c.left, `${c.name}: open amounts after`);
    if (m.status === 'review') t.same([m.memberId, m.allocations, m.fee], [null, [], 0], `${c.name}: nothing to book`);
  }
});

t.test('the same deposit twice in one file is booked once and the second goes to review', async (t) => {
  const o = open([
    [1, 5000],
    [2, 3000],
  ]);
  const r = {
    auto: true,
    suggestions: [
      sug(
        [
          [1, 5000],
          [2, 2890],
        ],
        { fee: 110 },
      ),
    ],
  };
  const first = settleDeposit(r, { amount: 7890 }, o);
  t.same(first, {
    status: 'matched',
    memberId: 1,
    memberNo: '1',
    fee: 110,
    suggestions: first.suggestions,
    allocations: [
      { invoiceId: 1, invoiceNo: '2026-1', amount: 5000 },
      { invoiceId: 2, invoiceNo: '2026-2', amount: 3000 },
    ],
  });
  const second = settleDeposit(r, { amount: 7890 }, o);
  t.equal(second.status, 'review');
  t.same(second.suggestions[0]!.invoices, [], 'both invoices are gone from the suggestion');
  t.equal(second.suggestions[0]!.reasons.at(-1), SETTLED_BY_EARLIER_LINE);
});

t.test('stored suggestions are ranked by score, highest first', async (t) => {
  const m = settleDeposit(
    {
      auto: false,
      suggestions: [sug([[1, 5000]], { score: 0.4 }), sug([[2, 5000]], { memberId: 2, memberNo: '2', score: 0.9 })],
    },
    { amount: 5000 },
    open([
      [1, 5000],
      [2, 5000],
    ]),
  );
  t.same(
    m.suggestions.map((s) => s.memberNo),
    ['2', '1'],
  );
});
