import t from 'tap';
import { lookupPostalCode } from '../../src/lib/postal-lookup.js';
import { build, loggedIn } from '../helper.js';

t.test(
  'lookupPostalCode finds the address of a real code however it is typed, and nothing for a bad one',
  async (t) => {
    const shinjuku = { postalCode: '160-0022', prefecture: '東京都', city: '新宿区', town: '新宿' };
    for (const code of ['1600022', '160-0022', '１６０－００２２', '〒160-0022', '160ー0022'])
      t.same(lookupPostalCode(code), shinjuku, code);
    t.same(lookupPostalCode('0600001'), {
      postalCode: '060-0001',
      prefecture: '北海道',
      city: '札幌市中央区',
      town: '北一条西',
    });
    t.equal(lookupPostalCode('1000000')?.town, '', 'a code for the whole city has no town');
    for (const bad of ['', '160002', '16000222', 'abcdefg', '0000000']) t.equal(lookupPostalCode(bad), null, bad);
  },
);

t.test(
  'GET /postal-codes/:code answers JSON for a real code, 404 JSON otherwise, and only with a session',
  async (t) => {
    const { app } = await build(t);
    const c = await loggedIn(app, 'viewer');
    const ok = await c.get('/postal-codes/1600022');
    t.equal(ok.statusCode, 200);
    t.match(ok.headers['content-type'], /application\/json/);
    t.same(JSON.parse(ok.body), { postalCode: '160-0022', prefecture: '東京都', city: '新宿区', town: '新宿' });
    for (const bad of ['0000000', '12345', 'abc']) {
      const res = await c.get(`/postal-codes/${bad}`);
      t.equal(res.statusCode, 404, bad);
      t.match(res.headers['content-type'], /application\/json/);
      t.match(JSON.parse(res.body).error, 'この郵便番号は見つかりません');
    }
    const anonymous = await app.inject({ method: 'GET', url: '/postal-codes/1600022' });
    t.not(anonymous.statusCode, 200, 'no session, no answer');
    t.notMatch(anonymous.body, '新宿区');
  },
);

t.test('the member form carries the postal-code lookup: its attributes and the script, served as a file', async (t) => {
  const { app } = await build(t);
  const c = await loggedIn(app, 'staff');
  const form = (await c.get('/members/new')).body;
  t.match(form, /<input name="postalCode"[^>]*data-postal-lookup/);
  t.match(form, /<input name="address1"[^>]*data-postal-fill/);
  t.match(form, '<script src="/assets/postal-lookup.js" defer></script>');
  const js = await c.get('/assets/postal-lookup.js');
  t.equal(js.statusCode, 200);
  t.match(js.body, '/postal-codes/');
});
