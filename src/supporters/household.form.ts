import type { Parsed } from '../web/form-reader.js';
import { field, type FormBody } from '../web/forms.js';
import type { HouseholdInput } from './households.service.js';
import { SUPPORTERS_TEXT } from './ui-text.js';

/** 世帯の設定: shared address, the label name (宛名), a note, and each member's relation (relation_<memberId>). */
export function parseHousehold(body: FormBody): Parsed<HouseholdInput> {
  const relations = new Map<number, string>();
  for (const [k, v] of Object.entries(body)) {
    const m = /^relation_(\d+)$/.exec(k);
    if (m && typeof v === 'string') relations.set(Number(m[1]), v);
  }
  const labelName = field(body, 'labelName').trim();
  if (labelName.length > 200) return { errors: { labelName: SUPPORTERS_TEXT.max200 } };
  return {
    value: {
      sharesAddress: field(body, 'sharesAddress') === '1',
      labelName: labelName || null,
      note: field(body, 'note').trim().slice(0, 200) || null,
      relations,
    },
  };
}
