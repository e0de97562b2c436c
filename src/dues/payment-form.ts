import { parseDate, todayInTokyo } from '../lib/dates.js';
import { parseYen } from '../lib/money.js';
import type { Parsed } from '../web/form-reader.js';
import { field, fields, type FormBody } from '../web/forms.js';
import { PAYMENT_METHODS, type PaymentMethod, type RemainderKind } from './payment.entity.js';
import type { PaymentInput } from './payment.service.js';
import { isFiscalYear } from './invoice.service.js';
import { MSG } from './ui-text.js';

function yenField(
  body: FormBody,
  name: string,
  errors: Record<string, string>,
  message: string,
  required = true,
): number {
  const raw = field(body, name).trim();
  if (!raw) {
    if (required) errors[name] = message;
    return 0;
  }
  const n = parseYen(raw);
  if (n === null || n < 0) errors[name] = message;
  return n ?? 0;
}

/**
 * The 入金を記録 form. Ticked invoices (pick) are allocated the amount typed next to them, or
 * their whole open remainder when left blank (the usual case: one full year's dues).
 */
export function parsePaymentForm(body: FormBody, memberId: number, openOf: Map<number, number>): Parsed<PaymentInput> {
  const errors: Record<string, string> = {};
  const receivedOn = parseDate(field(body, 'receivedOn') || todayInTokyo());
  if (!receivedOn) errors.receivedOn = MSG.receivedOnInvalid;
  const amount = yenField(body, 'amount', errors, MSG.amountRequired);
  if (amount <= 0 && !errors.amount) errors.amount = MSG.amountRequired;
  const fee = yenField(body, 'fee', errors, MSG.feeInvalid, false);
  const method = field(body, 'method') as PaymentMethod;
  if (!PAYMENT_METHODS.includes(method)) errors.method = MSG.methodRequired;
  const allocations = fields(body, 'pick')
    .map(Number)
    .filter((id) => openOf.has(id))
    .map((invoiceId) => {
      const typed = field(body, `alloc_${invoiceId}`).trim();
      return { invoiceId, amount: typed ? (parseYen(typed) ?? -1) : openOf.get(invoiceId)! };
    });
  for (const a of allocations) if (a.amount <= 0) errors[`alloc_${a.invoiceId}`] = MSG.allocationAmountInvalid;
  const kind = field(body, 'remainderKind');
  // Refused, not cut: a note that loses its end without a word is worse than a message.
  if (field(body, 'note').length > 400) errors.note = MSG.tooLong(400);
  if (field(body, 'donationPurpose').length > 200) errors.donationPurpose = MSG.tooLong(200);
  if (Object.keys(errors).length) return { errors };
  return {
    value: {
      memberId,
      receivedOn: receivedOn!,
      amount,
      fee,
      method,
      note: field(body, 'note') || null,
      allocations,
      remainderKind: kind === 'donation' || kind === 'credit' ? (kind as RemainderKind) : null,
      donationPurpose: field(body, 'donationPurpose') || null,
    },
  };
}

export interface ManualInvoiceForm {
  fiscalYear: number;
  amount: number | null;
  issuedOn: string;
  description: string | null;
}

/** The 請求を作成 form: 年度 required; 金額 blank = the suggested (prorated) fee; 発行日 blank = today. */
export function parseManualInvoiceForm(body: FormBody): Parsed<ManualInvoiceForm> {
  const errors: Record<string, string> = {};
  const fiscalYear = Number(field(body, 'fiscalYear').normalize('NFKC').trim());
  if (!isFiscalYear(fiscalYear)) errors.fiscalYear = MSG.badYear;
  const rawAmount = field(body, 'amount').trim();
  const amount = rawAmount ? parseYen(rawAmount) : null;
  if (rawAmount && (amount === null || amount <= 0)) errors.amount = MSG.amountRequired;
  const issuedOn = parseDate(field(body, 'issuedOn') || todayInTokyo());
  if (!issuedOn) errors.issuedOn = MSG.issuedOnInvalid;
  if (Object.keys(errors).length) return { errors };
  return {
    value: {
      fiscalYear,
      amount,
      issuedOn: issuedOn!,
      description: field(body, 'description').trim().slice(0, 200) || null,
    },
  };
}
