import { PortableMigration } from './base.js';

/**
 * 寄附金受領証明書: the date of the last 再発行 (for the member timeline, as receipts have) and the
 * donor's honorific.
 */
export class Migration20261202193000CertificateReissue extends PortableMigration {
  override async up(): Promise<void> {
    this.schema((s) =>
      s.alterTable('donation_certificate', (t) => {
        t.date('last_reissued_on').nullable();
        // 御中 for an organisation, as on its receipts (copied at issue like the name).
        t.string('donor_honorific', 10).notNullable().defaultTo('様');
      }),
    );
  }
}
