import t from 'tap';
import { parseActivity } from '../../src/supporters/activity.form.js';
import { formValue } from '../../src/web/form-reader.js';
import { parseInteraction } from '../../src/supporters/interaction.form.js';
import { parseListItem } from '../../src/supporters/list-item.form.js';
import { parseRoleAssignment } from '../../src/supporters/role.form.js';
import { UserError } from '../../src/web/errors.js';

const errorsOf = (p: object) => ('errors' in p ? p.errors : null);

t.test('each supporters form turns a good body into a typed value', async (t) => {
  t.same(parseListItem('roles', { name: '　理事 ', sortOrder: '２', officer: 'on' }), {
    value: { name: '理事', sortOrder: 2, active: true, officer: true },
  });
  t.same(
    parseListItem('skills', { name: '会計', active: '0', officer: 'on' }),
    { value: { name: '会計', sortOrder: 0, active: false } },
    'the skills list has no officer flag',
  );
  t.same(parseRoleAssignment({ roleId: '3', startedOn: '令和8年4月1日', endedOn: '', note: '' }), {
    value: { roleId: 3, startedOn: '2026-04-01', endedOn: null, note: null },
  });
  t.same(
    parseActivity({ title: '夏祭り', startsOn: '2026/8/1', skillIds: ['2', '2', 'x', '5'], helpersWanted: '４' }),
    {
      value: {
        title: '夏祭り',
        startsOn: '2026-08-01',
        endsOn: null,
        place: null,
        skillIds: [2, 5],
        helpersWanted: 4,
        description: null,
      },
    },
  );
  const i = parseInteraction({
    occurredOn: '2026-05-01',
    occurredTime: '９：０５',
    channel: '電話',
    summary: '会費',
    staffId: '1',
    gift: '',
    followUpDone: '1',
  });
  t.match(i, {
    value: {
      occurredOn: '2026-05-01',
      occurredTime: '09:05',
      staffId: 1,
      channel: '電話',
      summary: '会費',
      gift: null,
      giftThankedOn: null,
      followUpDone: true,
    },
  });
});

t.test('a bad body gives the field errors staff see, in Japanese, and no value', async (t) => {
  const cases: { name: string; parsed: object; errors: Record<string, string> }[] = [
    {
      name: 'a list entry without a name',
      parsed: parseListItem('skills', { name: ' ', sortOrder: '-1' }),
      errors: { name: '分野の名前を入力してください', sortOrder: '0以上の整数で入力してください' },
    },
    {
      name: 'a role ending before it starts',
      parsed: parseRoleAssignment({ roleId: '', startedOn: '2026-04-01', endedOn: '2026-03-31' }),
      errors: { roleId: '役割を選んでください', endedOn: '終了日は開始日より後の日付にしてください' },
    },
    {
      name: 'a role without a start date',
      parsed: parseRoleAssignment({ roleId: '1', startedOn: '' }),
      errors: { startedOn: '開始日を入力してください' },
    },
    {
      name: 'an activity with an unreadable date',
      parsed: parseActivity({ title: '', startsOn: '8月頃' }),
      errors: {
        title: '活動名を入力してください',
        startsOn: '日付は 2026-04-01、2026/4/1、令和8年4月1日 のように入力してください',
      },
    },
    {
      name: 'an interaction with a wrong time and channel',
      parsed: parseInteraction({ occurredOn: '2026-05-01', occurredTime: '25:00', channel: '伝書鳩', summary: '' }),
      errors: {
        channel: '方法を選んでください',
        occurredTime: '時刻は 14:30 のように入力してください',
        summary: '要件を入力してください',
      },
    },
  ];
  for (const c of cases) t.same(errorsOf(c.parsed), c.errors, c.name);
});

t.test('formValue hands back the value, or one 422 with every field error for the form page', async (t) => {
  t.same(formValue({ value: 1 }), 1);
  t.throws(() => formValue({ errors: { name: 'x' } }), new UserError('入力内容を確認してください', 422, { name: 'x' }));
  try {
    formValue({ errors: { name: 'x' } });
  } catch (err) {
    t.ok(err instanceof UserError);
    t.same([(err as UserError).statusCode, (err as UserError).fieldErrors], [422, { name: 'x' }]);
  }
});
