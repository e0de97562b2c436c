import { PortableMigration } from './base.js';

/**
 * A gift from a non-member booked from a bank statement line: the donation points back at the
 * line (as payments do), so undoing the line or its import reverses it.
 */
export class Migration20261203010000DonationBankLine extends PortableMigration {
  override async up(): Promise<void> {
    this.schema((s) =>
      s.alterTable('donation', (t) => {
        t.integer('bank_transaction_id').nullable();
        t.index(['bank_transaction_id']);
      }),
    );
  }
}
