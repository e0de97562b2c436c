import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { dataVersion } from '../db/data-version.js';
import type { EntityManager } from '../db/orm.js';
import { onPostgres, takeWriteLock } from '../db/write-lock.js';
import { UserError } from '../web/errors.js';
import { BankImport } from './bank-import.entity.js';
import { planLines, reportOf, type ImportReport, type StatementLineIn } from './import-plan.js';
import { postImport } from './import-posting.js';
import { normalizePayer } from './payer-name.js';
import { readStatement, type GenericMapping } from './statement.js';
import { MSG } from './ui-text.js';

export interface ImportInput {
  bytes: Buffer;
  fileName: string;
  format?: string;
  mapping?: GenericMapping;
  dryRun?: boolean;
}

/**
 * Reads a statement, skips what is already known, matches the new deposits and (unless a dry
 * run) stores the import, its lines and the payments of certain matches in ONE transaction:
 * a file that is not a statement (StatementError) or a failing payment stores nothing. A file whose
 * lines were all imported before stores nothing either (no empty import): the report says so.
 *
 * On SQLite the database has one writer at a time, so the write transaction is kept short:
 * matching (about a second per 10,000 lines, reads only) runs before it while the web goes on
 * writing; the transaction takes the write lock first and matches again, under the lock, only if
 * anything was written in between (dataVersion moved). PostgreSQL locks rows, not the database:
 * there matching runs inside the transaction.
 */
export async function importStatement(em: EntityManager, input: ImportInput): Promise<ImportReport> {
  const st = readStatement(input.bytes, { format: input.format as never, mapping: input.mapping });
  const lines: StatementLineIn[] = st.lines.map((l) => ({ ...l, payerKey: normalizePayer(l.payer).key }));
  if (input.dryRun) return reportOf(null, st.format, await planLines(em, lines));
  const early = onPostgres(em) ? null : { version: await dataVersion(em), planned: await planLines(em, lines) };
  try {
    return await em.transactional(async (tx) => {
      await takeWriteLock(tx);
      const planned = early && (await dataVersion(tx)) === early.version ? early.planned : await planLines(tx, lines);
      const report = reportOf(null, st.format, planned);
      if (report.allKnown) return report;
      const imp = tx.create(BankImport, {
        format: st.format,
        fileName: input.fileName.slice(0, 200),
        encoding: st.encoding,
        periodFrom: st.periodFrom,
        periodTo: st.periodTo,
        lineCount: report.import.lines,
        depositCount: report.import.deposits,
        knownCount: report.import.known,
        matchedCount: report.import.matched,
        reviewCount: report.import.review,
        ignoredCount: report.import.ignored,
        status: 'active',
      });
      await tx.flush();
      await postImport(tx, imp.id, planned);
      return { ...report, import: { ...report.import, id: imp.id } };
    });
  } catch (err) {
    // Another upload of an overlapping file stored some of the same lines in the meantime.
    if (err instanceof UniqueConstraintViolationException) throw new UserError(MSG.concurrent, 409);
    throw err;
  }
}
