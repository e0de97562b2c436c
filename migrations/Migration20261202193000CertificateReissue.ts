import { PortableMigration } from './base.js';

/** 寄附金受領証明書の再発行: the date of the last reissue, for the member timeline (as receipts have). */
export class Migration20261202193000CertificateReissue extends PortableMigration {
  override async up(): Promise<void> {
    this.schema((s) =>
      s.alterTable('donation_certificate', (t) => {
        t.date('last_reissued_on').nullable();
      }),
    );
  }
}
