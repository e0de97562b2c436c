import { Migration20261202150000Batches } from './Migration20261202150000Batches.js';
import { Migration20261202193000CertificateReissue } from './Migration20261202193000CertificateReissue.js';
import { Migration20261122000000Foundation } from './Migration20261122000000Foundation.js';
import { Migration20261122000300Supporters } from './Migration20261122000300Supporters.js';
import { Migration20261122200000Dues } from './Migration20261122200000Dues.js';
import { Migration20261122300000Banking } from './Migration20261122300000Banking.js';
import { Migration20261202110000Receipts } from './Migration20261202110000Receipts.js';
import { Migration20261202000000Letters } from './Migration20261202000000Letters.js';
import { Migration20261202130000Operations } from './Migration20261202130000Operations.js';
import { Migration20261202140000Sessions } from './Migration20261202140000Sessions.js';
import { Migration20261202120000Mailings } from './Migration20261202120000Mailings.js';
import { Migration20261202190000MailingContactReason } from './Migration20261202190000MailingContactReason.js';
import { Migration20261202193000ContactKana } from './Migration20261202193000ContactKana.js';
import { Migration20261203010000DonationBankLine } from './Migration20261203010000DonationBankLine.js';

/** Every migration in order, listed by hand so they run the same under tsx, tap and any driver. */
export const migrationsList = [
  { name: 'Migration20261122000000Foundation', class: Migration20261122000000Foundation },
  { name: 'Migration20261122000300Supporters', class: Migration20261122000300Supporters },
  { name: 'Migration20261122200000Dues', class: Migration20261122200000Dues },
  { name: 'Migration20261122300000Banking', class: Migration20261122300000Banking },
  { name: 'Migration20261202110000Receipts', class: Migration20261202110000Receipts },
  { name: 'Migration20261202000000Letters', class: Migration20261202000000Letters },
  { name: 'Migration20261202150000Batches', class: Migration20261202150000Batches },
  { name: 'Migration20261202130000Operations', class: Migration20261202130000Operations },
  { name: 'Migration20261202140000Sessions', class: Migration20261202140000Sessions },
  { name: 'Migration20261202120000Mailings', class: Migration20261202120000Mailings },
  { name: 'Migration20261202190000MailingContactReason', class: Migration20261202190000MailingContactReason },
  { name: 'Migration20261202193000CertificateReissue', class: Migration20261202193000CertificateReissue },
  { name: 'Migration20261202193000ContactKana', class: Migration20261202193000ContactKana },
  { name: 'Migration20261203010000DonationBankLine', class: Migration20261203010000DonationBankLine },
];
