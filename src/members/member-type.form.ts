import { normalizeText } from '../lib/kana.js';
import { parseYen } from '../lib/money.js';
import type { FieldErrors, Parsed } from '../web/form-reader.js';
import { field, type FormBody } from '../web/forms.js';
import { MEMBERS_TEXT } from './ui-text.js';

export interface MemberTypeInput {
  name: string;
  annualFee: number;
  forOrganizations: boolean;
  sortOrder: number;
  active: boolean;
}

/** 会員種別: name, annual fee (0 allowed: 名誉会員), whether organisations use it, order, in use. */
export function parseMemberType(body: FormBody): Parsed<MemberTypeInput> {
  const errors: FieldErrors = {};
  const name = normalizeText(field(body, 'name'));
  if (!name) errors.name = MEMBERS_TEXT.typeNameRequired;
  const fee = parseYen(field(body, 'annualFee'));
  if (fee === null || fee < 0) errors.annualFee = MEMBERS_TEXT.annualFeeInvalid;
  if (Object.keys(errors).length) return { errors };
  return {
    value: {
      name,
      annualFee: fee!,
      forOrganizations: field(body, 'forOrganizations') === '1',
      sortOrder: Number(field(body, 'sortOrder')) || 0,
      active: field(body, 'active') !== '0',
    },
  };
}
