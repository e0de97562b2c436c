import t from 'tap';
import { type InvoiceBalance, settleInvoice } from '../../src/dues/invoice-status.js';

const on = '2026-06-01';
const cases: [string, InvoiceBalance, ReturnType<typeof settleInvoice>][] = [
  [
    'a first payment that covers the amount closes the invoice that day',
    { status: 'unpaid', amount: 5000, paidAmount: 5000, closedOn: null },
    { status: 'paid', closedOn: on },
  ],
  [
    'a payment of part of the amount leaves it open, with no closing day',
    { status: 'unpaid', amount: 5000, paidAmount: 2000, closedOn: null },
    { status: 'partial', closedOn: null },
  ],
  [
    'the rest of a partly paid invoice closes it that day',
    { status: 'partial', amount: 5000, paidAmount: 5000, closedOn: null },
    { status: 'paid', closedOn: on },
  ],
  [
    'an invoice already paid keeps the day it was first closed',
    { status: 'paid', amount: 5000, paidAmount: 5000, closedOn: '2026-05-01' },
    { status: 'paid', closedOn: '2026-05-01' },
  ],
  [
    'a reversed payment reopens a paid invoice and clears its closing day',
    { status: 'paid', amount: 5000, paidAmount: 0, closedOn: '2026-05-01' },
    { status: 'unpaid', closedOn: null },
  ],
  [
    'a waived invoice stays waived and keeps its closing day',
    { status: 'waived', amount: 5000, paidAmount: 0, closedOn: '2026-04-10' },
    { status: 'waived', closedOn: '2026-04-10' },
  ],
  [
    'a cancelled invoice stays cancelled whatever is paid on it',
    { status: 'cancelled', amount: 5000, paidAmount: 5000, closedOn: '2026-04-10' },
    { status: 'cancelled', closedOn: '2026-04-10' },
  ],
  [
    'an overpaid invoice counts as paid',
    { status: 'unpaid', amount: 5000, paidAmount: 6000, closedOn: null },
    { status: 'paid', closedOn: on },
  ],
];

t.test('the invoice-closing rule, case by case', async (t) => {
  for (const [name, inv, expected] of cases) t.same(settleInvoice(inv, on), expected, name);
});
