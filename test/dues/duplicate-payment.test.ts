import t from 'tap';
import { Donation } from '../../src/dues/donation.entity.js';
import { Payment } from '../../src/dues/payment.entity.js';
import { likelyDuplicate } from '../../src/dues/payment-rules.js';
import { build, loggedIn } from '../helper.js';
import { addMember } from './fixtures.js';

t.test('a live payment of the same amount on the same date is a likely duplicate; anything else is not', async (t) => {
  const live = { id: 1, amount: 10000, receivedOn: '2026-05-01', status: 'active' };
  const reversed = { id: 2, amount: 10000, receivedOn: '2026-05-01', status: 'reversed' };
  const cases: [string, { amount: number; receivedOn: string }, (typeof live)[], number | null][] = [
    ['same amount, same day', { amount: 10000, receivedOn: '2026-05-01' }, [live], 1],
    ['other amount', { amount: 10001, receivedOn: '2026-05-01' }, [live], null],
    ['other day', { amount: 10000, receivedOn: '2026-05-02' }, [live], null],
    ['only a reversed one', { amount: 10000, receivedOn: '2026-05-01' }, [reversed], null],
    ['a reversed and a live one', { amount: 10000, receivedOn: '2026-05-01' }, [reversed, live], 1],
    ['nothing recorded', { amount: 10000, receivedOn: '2026-05-01' }, [], null],
  ];
  for (const [name, input, recorded, want] of cases) t.equal(likelyDuplicate(input, recorded)?.id ?? null, want, name);
});

t.test('back + resubmit of the payment form asks before recording the same payment again', async (t) => {
  const { app, em } = await build(t);
  const m = await addMember(em(), { familyName: '山田', givenName: '太郎', familyKana: 'ヤマダ', givenKana: 'タロウ' });
  const other = await addMember(em(), {
    familyName: '佐藤',
    givenName: '花子',
    familyKana: 'サトウ',
    givenKana: 'ハナコ',
  });
  const c = await loggedIn(app, 'staff');
  const form = { receivedOn: '2026-05-01', amount: '10,000', method: 'bank', remainderKind: 'donation' };
  const url = `/members/${m.id}/payments/new`;
  t.equal((await c.post(url, form)).statusCode, 303);

  const again = await c.post(url, form);
  t.equal(again.statusCode, 422, 'the second, identical post is held back');
  t.match(again.body, '2026-05-01 に同じ金額（10,000円）の入金がすでに記録されています');
  t.match(again.body, /<button name="confirmDuplicate" value="1">同じ内容でもう一度記録する<\/button>/);
  const first = await em().findOneOrFail(Payment, { member: m.id });
  t.match(again.body, `href="/dues/payments/${first.id}"`, 'links to the payment already recorded');
  t.match(again.body, 'name="amount" value="10,000"', 'what was typed is kept');
  t.equal(await em().count(Payment, {}), 1, 'nothing was written');
  t.equal(await em().count(Donation, {}), 1);

  t.equal((await c.post(url, { ...form, amount: '3000' })).statusCode, 303, 'another amount goes through');
  t.equal((await c.post(url, { ...form, receivedOn: '2026-05-02' })).statusCode, 303, 'another day goes through');
  t.equal((await c.post(`/members/${other.id}/payments/new`, form)).statusCode, 303, 'another member goes through');

  const confirmed = await c.post(url, { ...form, confirmDuplicate: '1' });
  t.equal(confirmed.statusCode, 303, 'with the confirmation it is recorded');
  t.equal(await em().count(Payment, { member: m.id, amount: 10000, receivedOn: '2026-05-01' }), 2);

  await em().nativeUpdate(Payment, { member: other.id }, { status: 'reversed' });
  t.equal(
    (await c.post(`/members/${other.id}/payments/new`, form)).statusCode,
    303,
    'a reversed payment is no duplicate',
  );
});

t.test('back + resubmit of the donation form asks before recording the same donation again', async (t) => {
  const { app, em } = await build(t);
  const m = await addMember(em(), { familyName: '山田', givenName: '太郎', familyKana: 'ヤマダ', givenKana: 'タロウ' });
  const c = await loggedIn(app, 'staff');
  const byMember = { memberNo: String(m.memberNo), receivedOn: '2026-06-01', amount: '5000', method: 'cash' };
  const byName = {
    donorName: '匿名の方',
    donorAddress: '東京都新宿区1-2-3',
    receivedOn: '2026-06-01',
    amount: '5000',
    method: 'cash',
  };
  t.equal((await c.post('/dues/donations/new', byMember)).statusCode, 303);
  t.equal((await c.post('/dues/donations/new', byName)).statusCode, 303, 'another donor, same day and amount');

  for (const form of [byMember, byName]) {
    const again = await c.post('/dues/donations/new', form);
    t.equal(again.statusCode, 422);
    t.match(again.body, '2026-06-01 に同じ金額（5,000円）の寄付がすでに記録されています');
    t.match(again.body, /<button name="confirmDuplicate" value="1">同じ内容でもう一度記録する<\/button>/);
    t.match(again.body, 'href="/dues/donations?from=2026-06-01&amp;to=2026-06-01"');
  }
  t.equal(await em().count(Donation, {}), 2, 'nothing more was written');
  t.equal((await c.post('/dues/donations/new', { ...byMember, amount: '5001' })).statusCode, 303);
  t.equal((await c.post('/dues/donations/new', { ...byMember, confirmDuplicate: '1' })).statusCode, 303);
  t.equal(await em().count(Donation, { member: m.id, amount: 5000 }), 2);
});
