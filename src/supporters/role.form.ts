import type { FormBody } from '../web/forms.js';
import { FormReader, type Parsed } from '../web/form-reader.js';
import type { RoleAssignmentInput } from './roles.service.js';

/** 役割 on the member page: which role and for which period. */
export function parseRoleAssignment(body: FormBody): Parsed<RoleAssignmentInput> {
  const f = new FormReader(body);
  const roleId = f.id('roleId', '役割を選んでください');
  const startedOn = f.date('startedOn', '開始日を入力してください');
  const endedOn = f.date('endedOn');
  if (startedOn && endedOn && endedOn < startedOn) f.errors.endedOn = '終了日は開始日より後の日付にしてください';
  const note = f.text('note', 200);
  return f.result({ roleId, startedOn: startedOn!, endedOn, note });
}
