import t from 'tap';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allTemplateDefs } from '../../src/documents/template-catalog.js';
import { checkTemplate, createTemplateStore, renderParagraphs, renderTemplate, TemplateFieldError, TemplateSyntaxError } from '../../src/documents/templates.js';

function dataDir(t: { teardown(fn: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'enishi-templates-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

t.test('every shipped template compiles and uses only the fields its catalog entry declares', async (t) => {
  const store = createTemplateStore(dataDir(t));
  for (const d of allTemplateDefs()) {
    const out = renderTemplate(store, d.name, d.sample);
    t.notMatch(out, /undefined|null|<%|%>/, `${d.name} renders plain text`);
    t.ok(out.length > 0, `${d.name} is not empty`);
  }
});

t.test('merge fields are filled in as plain text, without HTML escaping', async (t) => {
  const store = createTemplateStore(dataDir(t));
  const out = renderTemplate(store, 'invoice/greeting', { 団体名: 'NPO法人 <えにし> & 仲間', 年度: '2026年度' });
  t.equal(out, '平素よりNPO法人 <えにし> & 仲間の活動にご理解とご協力を賜り、厚く御礼申し上げます。\n2026年度の年会費を下記のとおりご請求申し上げます。');
});

t.test('an empty or missing required field is refused with the field and template named', async (t) => {
  const store = createTemplateStore(dataDir(t));
  for (const value of [undefined, null, '', '  ']) {
    const err = t.throws(() => renderTemplate(store, 'letters/gift-thanks', { 宛名: '山田 太郎 様', 団体名: 'えにし', 頂いた物: value })) as TemplateFieldError;
    t.ok(err instanceof TemplateFieldError, `${String(value)} is refused`);
    t.equal(err.field, '頂いた物');
    t.match(err.message, /礼状：物品のご寄贈.*頂いた物.*空/);
  }
});

t.test('an optional field left out prints nothing, never undefined', async (t) => {
  const store = createTemplateStore(dataDir(t));
  const out = renderParagraphs(store, 'letters/gift-thanks', { 宛名: '山田 太郎 様', 団体名: 'えにし', 頂いた物: '米一俵' });
  t.equal(out[1], 'さて、このたびは米一俵をご寄贈いただき、誠にありがとうございました。');
  const withDate = renderParagraphs(store, 'letters/gift-thanks', { 宛名: '山田 太郎 様', 団体名: 'えにし', 頂いた物: '米一俵', 受取日: '令和8年5月1日' });
  t.equal(withDate[1], 'さて、このたびは令和8年5月1日に米一俵をご寄贈いただき、誠にありがとうございました。');
});

t.test("an organisation's copy in the data directory wins over the shipped default and can be reset", async (t) => {
  const dir = dataDir(t);
  const store = createTemplateStore(dir);
  t.notOk(store.isOverridden('invoice/closing'));
  store.save('invoice/closing', 'お問い合わせは<%= it.団体名 %>まで。\r\n');
  t.ok(store.isOverridden('invoice/closing'));
  t.equal(readFileSync(join(dir, 'templates/invoice/closing.eta'), 'utf8'), 'お問い合わせは<%= it.団体名 %>まで。\n');
  t.equal(renderTemplate(store, 'invoice/closing', { 団体名: 'えにし' }), 'お問い合わせはえにしまで。');
  t.equal(store.list().find((i) => i.name === 'invoice/closing')?.overridden, true);
  store.reset('invoice/closing');
  t.notOk(store.isOverridden('invoice/closing'));
  t.match(renderTemplate(store, 'invoice/closing', { 団体名: 'えにし' }), /ご不明な点がございましたら、えにし 事務局/);
});

t.test('a copy written into the data directory by hand is read too, and still checked', async (t) => {
  const dir = dataDir(t);
  mkdirSync(join(dir, 'templates/invoice'), { recursive: true });
  writeFileSync(join(dir, 'templates/invoice/closing.eta'), '<%= it.電話 %>');
  const store = createTemplateStore(dir);
  t.throws(() => renderTemplate(store, 'invoice/closing', { 団体名: 'えにし' }), TemplateFieldError);
});

t.test('saving refuses unknown fields, Eta syntax errors and code other than fields and if/else', async (t) => {
  const store = createTemplateStore(dataDir(t));
  const cases: [string, new (...a: never[]) => Error, RegExp][] = [
    ['<%= it.団体名 %>さま <%= it.電話番号 %>', TemplateFieldError, /知らない差し込み項目「電話番号」/],
    ['<%= it.団体名 ', TemplateSyntaxError, /書き方に誤りがあります（1行目）/],
    ['<% if (it.団体名 { %>x<% } %>', TemplateSyntaxError, /書き方に誤り/],
    ['<% if (it.団体名) { it.x = 1 %>x<% } %>', TemplateSyntaxError, /使えるのは/],
    ["<%= process.exit(1) %>", TemplateSyntaxError, /使えるのは/],
    ["<% require('fs') %>", TemplateSyntaxError, /使えるのは/],
  ];
  for (const [text, type, message] of cases) {
    const err = t.throws(() => store.save('invoice/closing', text), text) as Error;
    t.ok(err instanceof type, `${text}: ${err.name}`);
    t.match(err.message, message, text);
  }
  t.notOk(store.isOverridden('invoice/closing'), 'nothing was written');
  t.same(checkTemplate('invoice/closing', '<% if (!it.連絡先) { %>a<% } else if (it.会員番号) { %>b<% } else { %>c<% } %>'), ['連絡先', '会員番号']);
});

t.test('a template name outside the catalog is refused (no path outside templates/)', async (t) => {
  const store = createTemplateStore(dataDir(t));
  t.throws(() => store.read('../secret'), /ありません/);
  t.throws(() => store.save('../../etc/x', 'a'), /ありません/);
});
