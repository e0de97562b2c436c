import t from 'tap';
import { parseNewStaff, parsePasswordChange, parseSetup } from '../../src/staff/staff.form.js';

t.test('the staff forms read accounts and refuse a mistyped repetition', async (t) => {
  const cases: [string, unknown, unknown][] = [
    [
      'setup makes the first account an administrator',
      parseSetup({ loginId: 'admin', displayName: '事務局', password: 'pw-123456789', password2: 'pw-123456789' }),
      { value: { loginId: 'admin', displayName: '事務局', password: 'pw-123456789', role: 'admin' } },
    ],
    [
      'setup with two different passwords is an error on the repetition',
      parseSetup({ loginId: 'admin', displayName: '事務局', password: 'pw-123456789', password2: 'pw-12345678' }),
      { errors: { password2: 'パスワードが一致しません' } },
    ],
    [
      'a new account without a role is a staff account',
      parseNewStaff({ loginId: 'sato', displayName: '佐藤', password: 'pw-123456789' }),
      { value: { loginId: 'sato', displayName: '佐藤', password: 'pw-123456789', role: 'staff' } },
    ],
    [
      'a new account keeps the chosen role (the service checks it)',
      parseNewStaff({ loginId: 'sato', displayName: '佐藤', password: 'x', role: 'viewer' }),
      { value: { loginId: 'sato', displayName: '佐藤', password: 'x', role: 'viewer' } },
    ],
    ['a password change typed twice the same', parsePasswordChange({ password: 'a', password2: 'a' }), { value: 'a' }],
    [
      'a password change typed twice differently',
      parsePasswordChange({ password: 'a', password2: 'b' }),
      { errors: { password2: 'パスワードが一致しません' } },
    ],
  ];
  for (const [name, got, wanted] of cases) t.same(got, wanted, name);
});
