import t, { type Test } from 'tap';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.js';
import { openOrm } from '../../src/mikro-orm.config.js';
import type { EntityManager } from '../../src/db/orm.js';
import { recordDonation } from '../../src/dues/donation.service.js';
import { seedDefaults } from '../../src/seed.js';
import { createInteraction } from '../../src/supporters/interactions.service.js';
import { cliWorkspace } from '../helper.js';
import { addMember, asTest } from '../supporters/fixtures.js';
import { pdfText } from './fixtures.js';

/** A data directory with a donation by member 1 and a gift from member 2, made through the services. */
async function workspace(t: Test) {
  const ws = await cliWorkspace(t, 'enishi-letters-cli-');
  const orm = await openOrm(loadConfig(ws.env));
  try {
    const em = orm.em.fork() as EntityManager;
    await seedDefaults(em);
    const a = await addMember(em.fork(), {
      familyName: '山田',
      givenName: '太郎',
      familyKana: 'ヤマダ',
      givenKana: 'タロウ',
      postalCode: '160-0022',
      prefecture: '東京都',
      city: '新宿区',
      address1: '新宿1-2-3',
    });
    const b = await addMember(em.fork(), {
      familyName: '鈴木',
      givenName: '花子',
      familyKana: 'スズキ',
      givenKana: 'ハナコ',
    });
    await asTest(() =>
      recordDonation(em.fork(), { memberId: a.id, receivedOn: '2026-06-01', amount: 20000, method: 'bank' }),
    );
    await asTest(() =>
      createInteraction(em.fork(), b.id, {
        occurredOn: '2026-05-30',
        occurredTime: null,
        staffId: null,
        channel: '来所',
        summary: '差し入れ',
        content: null,
        gift: 'お米10kg',
        giftThankedOn: null,
        followUp: null,
        followUpDue: null,
        followUpDone: false,
      }),
    );
    return { ...ws, memberNos: [String(a.memberNo), String(b.memberNo)] };
  } finally {
    await orm.close();
  }
}

t.test(
  'letters print --to-thank --json prints exactly the letters and page count; --mark-sent marks them once',
  async (t) => {
    const { dir, run, memberNos } = await workspace(t);
    const out = join(dir, 'letters.pdf');
    const first = await run('letters', 'print', '--to-thank', '--out', out, '--json', '--date', '2026-06-05');
    t.equal(first.code, 0, first.err);
    const json = JSON.parse(first.out);
    t.same(
      json.letters,
      [
        { memberNo: memberNos[1], kind: 'gift' },
        { memberNo: memberNos[0], kind: 'donation' },
      ],
      'oldest first',
    );
    t.equal(json.pages, 2);
    t.same(Object.keys(json), ['letters', 'pages'], 'exactly the contract');
    t.equal(first.err, '', 'a short run prints no progress');
    const pdf = pdfText(out);
    t.equal(pdf.pages, 2);
    t.ok(pdf.text.includes('お米10kgをご寄贈いただき'), 'the gift');
    t.ok(pdf.text.includes('令和8年6月1日に20,000円のご寄附を賜りました'), 'the donation with 和暦 date');
    t.ok(pdf.text.includes('梅雨の候'), 'the June seasonal line');

    const again = JSON.parse((await run('letters', 'print', '--to-thank', '--out', out, '--json')).out);
    t.equal(again.letters.length, 2, 'printing without --mark-sent marks nothing');

    const marked = JSON.parse(
      (await run('letters', 'print', '--to-thank', '--mark-sent', '--out', out, '--json', '--date', '2026-06-05')).out,
    );
    t.equal(marked.letters.length, 2);
    t.equal(marked.marked, 2);
    const after = JSON.parse((await run('letters', 'print', '--to-thank', '--mark-sent', '--out', out, '--json')).out);
    t.same(after.letters, [], 'nothing left to thank');
    t.equal(after.marked, 0);

    t.same(Object.keys(marked), ['letters', 'pages', 'marked'], '--mark-sent adds how many were recorded');
    const vertical = await run('letters', 'print', '--to-thank', '--out', out, '--layout', 'diagonal');
    t.equal(vertical.code, 2);
  },
);

t.test('a long run prints progress lines on stderr while stdout stays the JSON contract', async (t) => {
  const { dir, env, run } = await workspace(t);
  (env as NodeJS.ProcessEnv).ENISHI_PROGRESS_MS = '0'; // as if every letter took longer than the interval
  const r = await run('letters', 'print', '--to-thank', '--out', join(dir, 'p.pdf'), '--json');
  t.equal(r.code, 0, r.err);
  t.same(r.err.split('\n'), ['礼状 1/2', '礼状 2/2']);
  t.same(Object.keys(JSON.parse(r.out)), ['letters', 'pages']);
});

t.test('errors exit non-zero with one line and leave no file', async (t) => {
  const { dir, run } = await workspace(t);
  const noOut = await run('letters', 'print', '--to-thank');
  t.not(noOut.code, 0);
  t.match(noOut.err.split('\n')[0], /--out/);
  mkdirSync(join(dir, 'templates/letters'), { recursive: true });
  writeFileSync(join(dir, 'templates/letters/gift-thanks.eta'), '<%= it.頂いた物 %>と<%= it.好物 %>\n');
  const out = join(dir, 'bad.pdf');
  const bad = await run('letters', 'print', '--to-thank', '--out', out, '--json');
  t.equal(bad.code, 1);
  t.equal(bad.err.split('\n').length, 1, 'one line');
  t.match(bad.err, '知らない差し込み項目「好物」');
  t.equal(bad.out, '', 'no JSON on failure');
  t.notOk(existsSync(out), 'no half-written PDF');
});
