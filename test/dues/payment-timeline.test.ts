import t from 'tap';
import { Payment } from '../../src/dues/payment.entity.js';
import { build, loggedIn } from '../helper.js';
import { addMember } from './fixtures.js';

const timelineOf = (html: string) =>
  [...(/<ol class="timeline">([\s\S]*?)<\/ol>/.exec(html)?.[1] ?? '').matchAll(/<li>([\s\S]*?)<\/li>/g)].map(
    (m) => m[1]!,
  );

t.test('a reversed payment is struck through and marked 取消 on the member timeline; a live one is not', async (t) => {
  const { app, em } = await build(t);
  const m = await addMember(em(), { familyName: '山田', givenName: '太郎', familyKana: 'ヤマダ', givenKana: 'タロウ' });
  const c = await loggedIn(app, 'staff');
  for (const [receivedOn, amount] of [
    ['2026-05-01', '10000'],
    ['2026-05-02', '3000'],
  ])
    t.equal(
      (await c.post(`/members/${m.id}/payments/new`, { receivedOn, amount, method: 'bank', remainderKind: 'donation' }))
        .statusCode,
      303,
    );
  const wrong = await em().findOneOrFail(Payment, { amount: 10000 });
  t.equal((await c.post(`/dues/payments/${wrong.id}/reverse`, { reason: '二重入力' })).statusCode, 303);

  const items = timelineOf((await c.get(`/members/${m.id}`)).body);
  const reversed = items.find((l) => l.includes('<span class="kind">入金</span>') && l.includes('10,000円'));
  const live = items.find((l) => l.includes('<span class="kind">入金</span>') && l.includes('3,000円'));
  t.ok(reversed && live, 'both payments are on the timeline');
  t.match(
    reversed!,
    /<del><a href="\/dues\/payments\/\d+">銀行振込 10,000円<\/a><\/del> <span class="badge warn">取消<\/span>/,
  );
  t.notMatch(live!, /<del>|取消/, 'the live payment reads as live');
});
