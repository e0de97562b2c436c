import { BankImport } from './bank-import.entity.js';
import { BankProfile } from './bank-profile.entity.js';
import { BankTransaction } from './bank-transaction.entity.js';
import { PayerAlias } from './payer-alias.entity.js';

/** The banking domain's entities, spread into the shared list in src/mikro-orm.config.ts. */
export const bankingEntities = [BankImport, BankTransaction, PayerAlias, BankProfile];
