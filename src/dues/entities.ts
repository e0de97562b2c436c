import { Allocation } from './allocation.entity.js';
import { Donation } from './donation.entity.js';
import { InvoiceRun } from './invoice-run.entity.js';
import { Invoice } from './invoice.entity.js';
import { Payment } from './payment.entity.js';

/** The dues domain's entities, spread into the shared list in src/mikro-orm.config.ts. */
export const duesEntities = [InvoiceRun, Invoice, Payment, Allocation, Donation];
