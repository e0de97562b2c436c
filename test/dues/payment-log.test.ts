import { Writable } from 'node:stream';
import t from 'tap';
import { buildApp } from '../../src/app.js';
import { Payment } from '../../src/dues/payment.entity.js';
import { loggedIn, testDatabase } from '../helper.js';
import { addMember } from './fixtures.js';

/** The real app with its log written to memory, to read what a request left in it. */
async function appWithLog(t: Parameters<typeof testDatabase>[0]) {
  const { orm, config } = await testDatabase(t);
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const app = await buildApp(config, { orm, logger: { level: 'info', stream } });
  await app.ready();
  t.teardown(() => app.close());
  return { app, orm, lines };
}

const problems = (lines: string[]) =>
  lines.filter((l) => l.includes('FST_ERR_REP_ALREADY_SENT') || (JSON.parse(l) as { level: number }).level >= 40);

t.test('recording a payment, and a refused one, leaves no error or reply-already-sent line in the log', async (t) => {
  const { app, orm, lines } = await appWithLog(t);
  const m = await addMember(orm.em.fork(), {
    familyName: '山田',
    givenName: '太郎',
    familyKana: 'ヤマダ',
    givenKana: 'タロウ',
  });
  const c = await loggedIn(app, 'staff');
  t.equal((await c.get(`/members/${m.id}/payments/new`)).statusCode, 200);
  const ok = await c.post(`/members/${m.id}/payments/new`, {
    receivedOn: '2026-05-01',
    amount: '3000',
    method: 'cash',
    remainderKind: 'donation',
  });
  t.equal(ok.statusCode, 303);
  const bad = await c.post(`/members/${m.id}/payments/new`, {
    receivedOn: '2026-05-01',
    amount: '五千',
    method: 'cash',
  });
  t.equal(bad.statusCode, 422);
  const old = await c.post(`/members/${m.id}/payments`, {
    receivedOn: '2026-05-02',
    amount: '1000',
    method: 'cash',
    remainderKind: 'donation',
  });
  t.equal(old.statusCode, 303);
  await new Promise((r) => setTimeout(r, 50)); // a second send is logged after the response
  t.equal(await orm.em.fork().count(Payment, {}), 2);
  t.ok(lines.length > 0, 'the log was captured');
  t.same(problems(lines), []);
});
