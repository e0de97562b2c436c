import t from 'tap';
import { Staff } from '../../src/staff/staff.entity.js';
import { build, Client, PASSWORD } from '../helper.js';

t.test('five parallel first setups create exactly one administrator; the others get a clear page', async (t) => {
  const { app, em } = await build(t);
  const clients = [0, 1, 2, 3, 4].map(() => new Client(app));
  for (const c of clients) await c.get('/setup');
  const answers = await Promise.all(
    clients.map((c, i) =>
      c.post('/setup', { loginId: `admin${i}`, displayName: `管理者${i}`, password: PASSWORD, password2: PASSWORD }),
    ),
  );
  t.equal(await em().count(Staff, {}), 1, 'one staff account');
  t.equal(answers.filter((r) => r.statusCode === 303).length, 1, 'one setup succeeded');
  for (const r of answers.filter((r) => r.statusCode !== 303)) {
    t.ok([404, 409].includes(r.statusCode), `refused with ${r.statusCode}`);
    if (r.statusCode === 409) t.match(r.body, '初期設定は既に完了しています');
  }
});
