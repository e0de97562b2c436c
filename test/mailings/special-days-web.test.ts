import t from 'tap';
import { getSettings } from '../../src/settings/settings.service.js';
import { build, loggedIn } from '../helper.js';
import { insertRow, insertSeeds } from './fixtures.js';

t.test('the birthday list of a month, by day, with the age reached this year, and as a PDF', async (t) => {
  const { app, em } = await build(t);
  await insertSeeds(em(), [
    { no: 1, family: '山田', given: '太郎', birth: '1970-04-20' },
    { no: 2, family: '佐藤', given: '花子', birth: '1990-04-03' },
    { no: 3, family: '鈴木', given: '一郎', birth: '1980-04-01', status: 'withdrawn' },
    { no: 4, family: '田中', given: '次郎', birth: '1980-05-01' },
  ]);
  const c = await loggedIn(app, 'viewer');
  const page = await c.get('/mailings/birthdays?month=4');
  t.equal(page.statusCode, 200);
  t.match(page.body, /3日<\/td><td>2<\/td>[\s\S]*20日<\/td><td>1<\/td>/);
  t.notMatch(page.body, /鈴木|田中/);
  t.match(page.body, new RegExp(`${Number(new Date().getFullYear()) - 1970}歳`));
  t.equal((await c.get('/mailings/birthdays?month=13')).statusCode, 422);
  const pdf = await c.get('/mailings/birthdays/print?month=4');
  t.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
});

t.test('dormant supporters show the last contact of each kind; an admin sets the period', async (t) => {
  const { app, em } = await build(t);
  const ids = await insertSeeds(em(), [
    { no: 1, family: '山田', given: '太郎', joined: '2015-04-01' },
    { no: 2, family: '佐藤', given: '花子', joined: '2015-04-01' },
    { no: 3, family: '鈴木', given: '一郎', joined: '2015-04-01' },
  ]);
  await insertRow(em(), 'payment', {
    member_id: ids.get(1),
    received_on: '2020-05-01',
    amount: 3000,
    method: 'cash',
    status: 'active',
    source: 'manual',
    fee: 0,
    allocated_amount: 3000,
    remainder_amount: 0,
    thank_status: 'none',
  });
  await insertRow(em(), 'donation', {
    member_id: ids.get(1),
    received_on: '2021-12-01',
    amount: 1000,
    method: 'cash',
    status: 'active',
    thank_status: 'none',
  });
  await insertRow(em(), 'donation', {
    member_id: ids.get(2),
    received_on: new Date().toISOString().slice(0, 10),
    amount: 1000,
    method: 'cash',
    status: 'active',
    thank_status: 'none',
  });
  const c = await loggedIn(app, 'admin');
  const page = await c.get('/mailings/dormant');
  t.match(
    page.body,
    /<td>1<\/td><td><a href="\/members\/\d+">山田 太郎<\/a><\/td><td>2020-05-01<\/td><td>2021-12-01<\/td><td>—<\/td><td>—<\/td>/,
  );
  t.match(page.body, /鈴木 一郎/, 'never any contact');
  t.notMatch(page.body, /佐藤 花子/, 'a gift this year');
  t.equal((await c.get('/mailings/dormant?months=0')).statusCode, 422);
  t.equal((await c.post('/mailings/dormant/months', { months: '36' })).statusCode, 303);
  t.equal((await getSettings(em())).dormantMonths, 36);
  const pdf = await c.get('/mailings/dormant/print');
  t.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
});
