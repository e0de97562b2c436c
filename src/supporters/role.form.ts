import type { FormBody } from '../web/forms.js';
import { FormReader, type Parsed } from '../web/form-reader.js';
import type { RoleAssignmentInput } from './roles.service.js';
import { SUPPORTERS_TEXT } from './ui-text.js';

/** 役割 on the member page: which role and for which period. */
export function parseRoleAssignment(body: FormBody): Parsed<RoleAssignmentInput> {
  const f = new FormReader(body);
  const roleId = f.id('roleId', SUPPORTERS_TEXT.roleRequired);
  const startedOn = f.date('startedOn', SUPPORTERS_TEXT.startRequired);
  const endedOn = f.date('endedOn');
  if (startedOn && endedOn && endedOn < startedOn) f.errors.endedOn = SUPPORTERS_TEXT.endBeforeStart;
  const note = f.text('note', 200);
  return f.result({ roleId, startedOn: startedOn!, endedOn, note });
}
