import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { seasonalGreeting } from '../../src/documents/letter-etiquette.js';
import { todayInTokyo } from '../../src/lib/dates.js';
import { updateSettings } from '../../src/settings/settings.service.js';
import { build, loggedIn } from '../helper.js';
import { pdfWorkspace } from '../letters/fixtures.js';
import { addMember, asTest } from '../supporters/fixtures.js';

const address = { postalCode: '160-0022', prefecture: '東京都', city: '新宿区', address1: '新宿1-2-3' };

async function office(t: Parameters<typeof build>[0]) {
  const ctx = await build(t);
  await asTest(() => updateSettings(ctx.em(), { orgName: 'NPO法人 縁の会', representative: '理事長 佐藤 花子' }));
  const person = (familyName: string, givenName: string, birthDate: string, extra = {}) =>
    addMember(ctx.em(), {
      familyName,
      givenName,
      familyKana: 'テスト',
      givenKana: 'カイイン',
      birthDate,
      ...address,
      ...extra,
    });
  await person('山田', '太郎', '1956-05-10');
  await person('鈴木', '花子', '1980-05-20', { mailPreference: 'none' });
  await person('田中', '一郎', '1970-06-01');
  const c = await loggedIn(ctx.app, 'staff');
  return { ...ctx, c, pdfs: pdfWorkspace(t) };
}

t.test(
  'the birthday letters of a month greet each member who gets paper mail, with the age and the season of today',
  async (t) => {
    const { c, pdfs } = await office(t);
    const res = await c.get('/mailings/birthdays/letters.pdf?month=5');
    t.equal(res.statusCode, 200);
    t.match(String(res.headers['content-type']), 'application/pdf');
    const { text, pages } = pdfs.read(res.rawPayload);
    t.equal(pages, 1, 'one letter: 鈴木 wants no mail, 田中 was born in June');
    t.match(text, '山田太郎様');
    t.match(text, 'お誕生日のお祝い');
    t.match(text, `お誕生日（${Number(todayInTokyo().slice(0, 4)) - 1956}歳）`);
    t.match(text, seasonalGreeting(todayInTokyo()).replace(/\s/g, ''), 'the seasonal greeting of the letter date');
    t.match(text, '敬具');
    t.notMatch(text, '鈴木');
    t.notMatch(text, '田中');
    const vertical = await c.get('/mailings/birthdays/letters.pdf?month=5&layout=vertical');
    t.equal(vertical.statusCode, 200);
    t.equal(pdfs.read(vertical.rawPayload).pages, 1);
  },
);

t.test('an edited birthday template in the data directory changes the printed letter', async (t) => {
  const { c, config, pdfs } = await office(t);
  mkdirSync(join(config.dataDir, 'templates', 'letters'), { recursive: true });
  writeFileSync(
    join(config.dataDir, 'templates', 'letters', 'birthday.eta'),
    '<%= it.宛名 %>、ご長寿をお祝いいたします。\n',
  );
  const { text } = pdfs.read((await c.get('/mailings/birthdays/letters.pdf?month=5')).rawPayload);
  t.match(text, '山田太郎様、ご長寿をお祝いいたします。');
});

t.test('a month with nobody to write to says so instead of printing an empty PDF', async (t) => {
  const { c } = await office(t);
  const res = await c.get('/mailings/birthdays/letters.pdf?month=7');
  t.equal(res.statusCode, 422);
  t.match(res.body, '7月が誕生日で、郵送できる会員はいません');
  t.match((await c.get('/mailings/birthdays?month=5')).body, '/mailings/birthdays/letters.pdf?month=5');
});
