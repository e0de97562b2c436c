import t from 'tap';
import { JOBS, jobSetting } from '../../src/jobs/schedule.js';
import { parseJobFields } from '../../src/settings/scheduled-jobs.js';
import { getSettings } from '../../src/settings/settings.service.js';
import { build, loggedIn } from '../helper.js';

const LIST = [
  { name: 'backup', label: '夜間バックアップ', defaultTime: '02:30' },
  { name: 'reminders', label: '督促対象の更新', defaultTime: '06:30' },
];

t.test('the per-job fields of the settings form become the job switches, or field errors', async (t) => {
  const bad = 'BAD';
  const cases: [string, Record<string, string>, ReturnType<typeof parseJobFields>][] = [
    ['a form without job fields leaves the switches alone', { orgName: 'x' }, null],
    [
      'a ticked job is on at its time; an unticked one is off',
      { 'job.backup.enabled': '1', 'job.backup.time': '03:15', 'job.reminders.time': '06:30' },
      { value: { backup: { enabled: true, time: '03:15' }, reminders: { enabled: false, time: '06:30' } } },
    ],
    [
      'full-width digits are read',
      { 'job.backup.enabled': '1', 'job.backup.time': '０４：００', 'job.reminders.time': '06:30' },
      { value: { backup: { enabled: true, time: '04:00' }, reminders: { enabled: false, time: '06:30' } } },
    ],
    [
      'a time that is no time of day names its field',
      { 'job.backup.time': '25:00', 'job.reminders.time': '6時' },
      { errors: { 'job.backup.time': bad, 'job.reminders.time': bad } },
    ],
  ];
  for (const [name, body, expected] of cases) t.same(parseJobFields(body, bad, LIST), expected, name);
});

t.test(
  'the settings page has a switch and a time for every scheduled job, and the scheduler reads what it saves',
  async (t) => {
    const { app, em } = await build(t);
    const admin = await loggedIn(app, 'admin');
    const page = await admin.get('/settings');
    for (const job of JOBS) {
      t.match(page.body, job.label);
      t.match(page.body, `name="job.${job.name}.time" value="${job.defaultTime}"`, `${job.name} at its default time`);
      t.match(
        page.body,
        new RegExp(`name="job\\.${job.name}\\.enabled" value="1" checked`),
        `${job.name} on by default`,
      );
    }
    const form: Record<string, string> = {};
    for (const job of JOBS) {
      form[`job.${job.name}.time`] = job.defaultTime;
      if (job.name !== 'reminders') form[`job.${job.name}.enabled`] = '1';
    }
    form['job.backup.time'] = '03:15';
    t.equal((await admin.post('/settings', form)).statusCode, 303);
    const s = await getSettings(em());
    t.same(jobSetting(s, JOBS.find((j) => j.name === 'backup')!), { enabled: true, time: '03:15' });
    t.same(jobSetting(s, JOBS.find((j) => j.name === 'reminders')!).enabled, false);
    const again = await admin.get('/settings');
    t.match(again.body, 'name="job.backup.time" value="03:15"');
    t.notMatch(again.body, /name="job\.reminders\.enabled" value="1" checked/);

    const refused = await admin.post('/settings', { ...form, 'job.backup.time': '25:00' });
    t.equal(refused.statusCode, 422);
    t.match(refused.body, '時刻は 00:00〜23:59 の形で入力してください');
    t.equal(jobSetting(await getSettings(em()), JOBS.find((j) => j.name === 'backup')!).time, '03:15', 'nothing saved');
  },
);
