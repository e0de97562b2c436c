import { Migration20261122000000Foundation } from './Migration20261122000000Foundation.js';
import { Migration20261122000300Supporters } from './Migration20261122000300Supporters.js';
import { Migration20261122200000Dues } from './Migration20261122200000Dues.js';
import { Migration20261122300000Banking } from './Migration20261122300000Banking.js';
import { Migration20261202120000Mailings } from './Migration20261202120000Mailings.js';

/** Every migration in order, listed by hand so they run the same under tsx, tap and any driver. */
export const migrationsList = [
  { name: 'Migration20261122000000Foundation', class: Migration20261122000000Foundation },
  { name: 'Migration20261122000300Supporters', class: Migration20261122000300Supporters },
  { name: 'Migration20261122200000Dues', class: Migration20261122200000Dues },
  { name: 'Migration20261122300000Banking', class: Migration20261122300000Banking },
  { name: 'Migration20261202120000Mailings', class: Migration20261202120000Mailings },
];
