import { Migration20261122000000Foundation } from './Migration20261122000000Foundation.js';

/** Every migration in order, listed by hand so they run the same under tsx, tap and any driver. */
export const migrationsList = [
  { name: 'Migration20261122000000Foundation', class: Migration20261122000000Foundation },
];
