import { registerAuditLabels } from '../audit/labels.js';

/** Thank-you letters sent, in the change log. */
export function registerLetterAuditLabels(): void {
  registerAuditLabels('ThankLetter', {
    refs: { member: 'Member' },
    label: '礼状の送付',
    fields: { member: '会員', kind: '種類', sourceId: '対象', sentOn: '送付日' },
  });
}
