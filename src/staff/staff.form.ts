import type { Parsed } from '../web/form-reader.js';
import { field, type FormBody } from '../web/forms.js';
import type { StaffRole } from '../web/roles.js';
import { STAFF_ERRORS } from './ui-text.js';

export interface StaffAccountInput {
  loginId: string;
  displayName: string;
  password: string;
  role: StaffRole;
}

/** The typed password and its repetition; only the mismatch is a form error (the rules are the service's). */
function repeatedPassword(body: FormBody): Parsed<string> {
  const password = field(body, 'password');
  if (password !== field(body, 'password2')) return { errors: { password2: STAFF_ERRORS.passwordMismatch } };
  return { value: password };
}

/** 初期設定: the first administrator. */
export function parseSetup(body: FormBody): Parsed<StaffAccountInput> {
  const password = repeatedPassword(body);
  if ('errors' in password) return password;
  return {
    value: {
      loginId: field(body, 'loginId'),
      displayName: field(body, 'displayName'),
      password: password.value,
      role: 'admin',
    },
  };
}

/** A new account made by an administrator (no repetition: the administrator hands the password over). */
export function parseNewStaff(body: FormBody): Parsed<StaffAccountInput> {
  return {
    value: {
      loginId: field(body, 'loginId'),
      displayName: field(body, 'displayName'),
      password: field(body, 'password'),
      role: (body.role === undefined ? 'staff' : field(body, 'role')) as StaffRole,
    },
  };
}

/** One's own password change: the new password, twice (the current one is checked against the record first). */
export const parsePasswordChange = repeatedPassword;
