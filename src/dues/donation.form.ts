import { parseDate } from '../lib/dates.js';
import { parseYen } from '../lib/money.js';
import type { Parsed } from '../web/form-reader.js';
import { field, type FormBody } from '../web/forms.js';
import type { DonationInput } from './donation.service.js';
import type { PaymentMethod } from './payment.entity.js';
import { MSG } from './ui-text.js';

/** The 寄付を記録 form; the donor is found by 会員番号 (full-width digits accepted) by the route. */
export interface DonationForm extends Omit<DonationInput, 'memberId'> {
  memberNo: string;
}

/** Amount, method and donor are checked by recordDonation; the form only refuses an unreadable date. */
export function parseDonationForm(body: FormBody): Parsed<DonationForm> {
  const receivedOn = parseDate(field(body, 'receivedOn'));
  if (field(body, 'receivedOn') && !receivedOn) return { errors: { receivedOn: MSG.donationDateInvalid } };
  return {
    value: {
      memberNo: field(body, 'memberNo').normalize('NFKC').trim(),
      donorName: field(body, 'donorName') || null,
      receivedOn: receivedOn ?? '',
      amount: parseYen(field(body, 'amount')) ?? 0,
      method: field(body, 'method') as PaymentMethod,
      purpose: field(body, 'purpose') || null,
      note: field(body, 'note') || null,
    },
  };
}
