import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { type JobContext, specialDaysJob } from '../../src/operations/jobs.service.js';
import { remindersDir } from '../../src/operations/reminder-letters.js';
import { build, loggedIn } from '../helper.js';
import { addMember, asTest } from '../supporters/fixtures.js';

t.test(
  'the monthly job makes the month’s birthday and dormant lists once, and the jobs page offers them',
  async (t) => {
    const { app, orm, em, config } = await build(t);
    await addMember(em(), {
      familyName: '山田',
      givenName: '太郎',
      familyKana: 'ヤマダ',
      givenKana: 'タロウ',
      birthDate: '1956-05-10',
    });
    await addMember(em(), {
      familyName: '鈴木',
      givenName: '花子',
      familyKana: 'スズキ',
      givenKana: 'ハナコ',
      birthDate: '1980-06-20',
    });
    const ctx = (today: string): JobContext => ({ orm, config, today });

    const first = await asTest(() => specialDaysJob(ctx('2026-05-01')));
    t.same(first.counts, { made: 2 });
    t.match(first.summary, 'birthdays-2026-05.pdf');
    const dir = remindersDir(config.dataDir);
    t.same(
      readdirSync(dir).sort(),
      ['birthdays-2026-05.pdf', 'dormant-2026-05.pdf'],
      'whole files only, no .part left',
    );
    const text = execFileSync('pdftotext', [join(dir, 'birthdays-2026-05.pdf'), '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      '',
    );
    t.match(text, '5月の誕生日');
    t.match(text, '山田太郎');
    t.notMatch(text, '鈴木', 'born in June');
    t.match(execFileSync('pdftotext', [join(dir, 'dormant-2026-05.pdf'), '-'], { encoding: 'utf8' }), '休眠');

    const again = await asTest(() => specialDaysJob(ctx('2026-05-15')));
    t.same(again.counts, { made: 0 }, 'a later run that month makes nothing');
    t.match(again.summary, '2026-05 のリストは作成済みです');
    const june = await asTest(() => specialDaysJob(ctx('2026-06-01')));
    t.same(june.counts, { made: 2 });
    t.ok(existsSync(join(dir, 'birthdays-2026-06.pdf')));

    const admin = await loggedIn(app, 'admin');
    const page = await admin.get('/admin/jobs');
    t.match(page.body, '/admin/jobs/reminders/birthdays-2026-06.pdf');
    const file = await admin.get('/admin/jobs/reminders/birthdays-2026-06.pdf');
    t.equal(file.statusCode, 200);
    t.match(String(file.headers['content-type']), 'application/pdf');
    t.equal((await admin.get('/admin/jobs/reminders/secret.pdf')).statusCode, 404, 'only the jobs’ own files');
  },
);
