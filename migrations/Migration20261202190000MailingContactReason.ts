import { PortableMigration } from './base.js';

/** Why an address was opted out of e-mail (the bounce already keeps its reason), shown on the 不達・配信停止 page. */
export class Migration20261202190000MailingContactReason extends PortableMigration {
  override async up(): Promise<void> {
    this.schema((s) =>
      s.alterTable('mailing_contact', (t) => {
        t.string('opt_out_reason', 400).nullable();
      }),
    );
  }
}
