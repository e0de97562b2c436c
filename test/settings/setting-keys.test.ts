import t from 'tap';
import { parseSetting, parseSettingsForm, SETTING_KEYS } from '../../src/settings/setting-keys.js';
import { DEFAULT_SETTINGS } from '../../src/settings/settings.service.js';

t.test(
  'every stored setting has exactly one registry entry, and each default reads back through its own format',
  async (t) => {
    t.same(SETTING_KEYS.map((k) => k.key).sort(), Object.keys(DEFAULT_SETTINGS).sort());
    for (const k of SETTING_KEYS) {
      const value = (DEFAULT_SETTINGS as unknown as Record<string, unknown>)[k.key];
      t.same(k.parse(k.format(value)), { value }, k.key);
      t.ok(k.label && k.group, `${k.key} has a label and a group`);
    }
  },
);

t.test('typed values are accepted, normalised or refused with the field’s message', async (t) => {
  const cases: [string, string, unknown][] = [
    ['orgPostalCode', '〒１６００ー０２２', '160-0022'],
    ['fiscalYearStartMonth', '４', 4],
    ['transferFees', '110、220', [110, 220]],
    ['bankAccounts', 'A銀行\r\n\r\nB銀行', ['A銀行', 'B銀行']],
    ['receipt.paper', 'A5', 'A5'],
    ['receipt.stampNote', 'off', false],
    ['receipt.stampNote', 'ON', true],
    ['certification.kind', '特例認定', '特例認定'],
    ['certification.kind', '', ''],
    ['certification.date', '令和6年4月1日', '2024-04-01'],
    ['certification.date', '', ''],
    ['orgName', '  エニシの会 ', 'エニシの会'],
    ['orgPhone', '０３（１２３４）５６７８', '03-1234-5678'],
    ['orgPhone', '', ''],
    ['invoiceRunMode', 'auto', 'auto'],
    ['assemblyQuorum', 'two-thirds', 'two-thirds'],
    ['smtpSecurity', 'none', 'none'],
    ['orgInvoiceNumber', 't1234-5678-90123', 'T1234567890123'],
    ['orgInvoiceNumber', '', ''],
    ['jobSwitches', '{"backup":{"enabled":false,"time":"23:59"}}', { backup: { enabled: false, time: '23:59' } }],
  ];
  for (const [key, raw, value] of cases) t.same(parseSetting(key, raw), { value }, `${key}=${raw}`);
  const bad: [string, string, RegExp][] = [
    ['receipt.paper', 'B5', /A4 か A5/],
    ['receipt.stampNote', 'constructor', /on か off/],
    ['certification.kind', '認可', /認定の種類/],
    ['certification.date', '2024-02-30', /認定年月日/],
    ['dueDays', '', /0〜365/],
    ['fiscalYearStartMonth', '13', /1〜12/],
    ['era', 'meiji', /和暦/],
    ['orgPostalCode', '123', /7桁/],
    ['transferFees', '110, abc', /カンマ区切り/],
    ['unknown.key', 'x', /不明な設定項目/],
    ['orgPhone', '12-34', /電話番号/],
    ['orgInvoiceNumber', 'T12345678901234', /T と13桁/],
    ['orgInvoiceNumber', 'X1234567890123', /T と13桁/],
    ['jobSwitches', '{"backup":{"enabled":true,"time":"24:00"}}', /00:00〜23:59/],
    ['jobSwitches', '[]', /定時ジョブは/],
    ['jobSwitches', '{"backup":{"enabled":"yes","time":"02:30"}}', /定時ジョブは/],
    ['invoiceRunMode', 'sometimes', /confirm/],
    ['assemblyQuorum', 'all', /majority/],
    ['smtpSecurity', 'ssl', /tls・starttls・none/],
  ];
  for (const [key, raw, message] of bad) t.match(parseSetting(key, raw), { error: message }, `${key}=${raw} refused`);
});

t.test('a form saves only the keys it sends and reports every bad field at once', async (t) => {
  t.same(parseSettingsForm({ orgName: 'エニシ', 'receipt.paper': 'A4' }), {
    values: { orgName: 'エニシ', 'receipt.paper': 'A4' },
  });
  const r = parseSettingsForm({ dueDays: 'x', 'receipt.paper': 'B5', orgName: 'ok' });
  t.same(Object.keys('errors' in r ? r.errors : {}).sort(), ['dueDays', 'receipt.paper']);
});
