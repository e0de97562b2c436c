import t from 'tap';
import { ThankLetter } from '../../src/letters/thank-letter.entity.js';
import { parsePrintSetting } from '../../src/settings/print-settings.js';
import { getSettings } from '../../src/settings/settings.service.js';
import { loggedIn } from '../helper.js';
import { pdfWorkspace, printToThank, thankOffice } from './fixtures.js';

t.test('print and letter settings are validated one key at a time', async (t) => {
  const cases: [Parameters<typeof parsePrintSetting>[0], string, unknown][] = [
    ['print.offsetX', '1.5', 1.5],
    ['print.offsetX', '-2', -2],
    ['print.offsetY', '', 0],
    ['print.offsetY', '３', 3],
    ['print.offsetY', '−1', -1],
    ['print.offsetX', '21', null],
    ['print.offsetX', 'abc', null],
    ['letters.salutation', '謹啓', '謹啓'],
    ['letters.salutation', '前略', '前略'],
    ['letters.salutation', '敬具', null],
    ['letters.layout', 'vertical', 'vertical'],
    ['letters.layout', 'diagonal', null],
  ];
  for (const [key, raw, value] of cases) {
    const r = parsePrintSetting(key, raw);
    if (value === null) t.ok('error' in r, `${key}=${raw} refused`);
    else t.same(r, { value }, `${key}=${raw}`);
  }
});

t.test('the settings page saves the offsets and letter style, and letters follow them', async (t) => {
  const { app, em, payment } = await thankOffice(t);
  const c = await loggedIn(app, 'admin');
  const pdfs = pdfWorkspace(t);
  const form = (extra: Record<string, string>) => ({
    orgName: 'NPO法人 縁の会',
    representative: '理事長 佐藤 花子',
    orgPostalCode: '',
    orgAddress: '',
    orgPhone: '',
    orgEmail: '',
    fiscalYearStartMonth: '4',
    era: 'wareki',
    bankAccounts: '',
    dueDays: '30',
    graceYears: '2',
    transferFees: '110',
    proration: 'none',
    ...extra,
  });
  await c.get('/settings');
  const bad = await c.post(
    '/settings',
    form({ 'print.offsetX': '50', 'print.offsetY': '0', 'letters.salutation': '拝啓', 'letters.layout': 'horizontal' }),
  );
  t.equal(bad.statusCode, 422);
  t.match(bad.body, '印刷のずれは -20〜20 の mm');
  await c.get('/settings');
  const ok = await c.post(
    '/settings',
    form({ 'print.offsetX': '1.5', 'print.offsetY': '-2', 'letters.salutation': '前略', 'letters.layout': 'vertical' }),
  );
  t.equal(ok.statusCode, 303);
  const s = await getSettings(em());
  t.same(
    [s['print.offsetX'], s['print.offsetY'], s['letters.salutation'], s['letters.layout']],
    [1.5, -2, '前略', 'vertical'],
  );

  t.match(
    (await c.get('/letters/to-thank')).body,
    '<option value="vertical" selected>',
    'the page starts with the layout setting',
  );
  const res = await printToThank(app, c, { key: `dues:${payment.id}`, on: '2026-07-01', layout: 'horizontal' });
  const pdf = pdfs.read(res.pdf!);
  t.ok(pdf.text.includes('前略'), '前略 …');
  t.ok(pdf.text.includes('草々'), '… 草々');
  t.notOk(pdf.text.includes('候'), 'no seasonal greeting after 前略');
  t.notOk(pdf.text.includes('敬具'), 'never a mixed pair');

  const vertical = await printToThank(app, c, { key: `dues:${payment.id}`, on: '2026-07-01', layout: 'vertical' });
  t.equal(vertical.res.statusCode, 303);
  const v = pdfs.read(vertical.pdf!);
  t.equal(v.pages, 1);
  for (const s of ['草', '令', '和', '八', '七', '月']) t.ok(v.text.includes(s), `vertical letter has ${s}`);
  t.notMatch(v.text, /[0-9]/, 'no Arabic digits in the vertical letter');
  t.equal(await em().count(ThankLetter, {}), 0);
});
