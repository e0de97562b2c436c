import t from 'tap';
import { importStatement } from '../../src/banking/bank-import.service.js';
import { BankTransaction } from '../../src/banking/bank-transaction.entity.js';
import { office, sample } from '../banking/fixtures.js';
import { asTest, duesDatabase } from '../dues/fixtures.js';

t.test(
  'stored suggestions are serialised once: a flush of loaded lines neither stringifies nor updates them',
  async (t) => {
    const em = await duesDatabase(t);
    await office(em);
    await asTest(() => importStatement(em(), { bytes: sample('bank-signed-preamble-202605.csv'), fileName: 'a.csv' }));
    const e = em();
    const lines = await e.find(BankTransaction, { suggestions: { $ne: null } });
    t.ok(lines.length >= 5, 'lines with suggestions');
    t.ok(Object.isFrozen(lines[0]!.suggestions), 'a loaded value is frozen: an edit in place cannot be missed');
    const stringify = JSON.stringify;
    let calls = 0;
    JSON.stringify = ((...args: Parameters<typeof stringify>) => {
      calls++;
      return stringify(...args);
    }) as typeof stringify;
    try {
      e.getUnitOfWork().computeChangeSets();
      t.equal(e.getUnitOfWork().getChangeSets().length, 0, 'nothing to write');
    } finally {
      JSON.stringify = stringify;
    }
    t.equal(calls, 0, 'no JSON.stringify during the change-set computation');
    const line = lines[0]!;
    line.suggestions = [...(line.suggestions ?? []).slice(0, 1)].map((s) => ({ ...s, score: 0.5 }));
    await asTest(() => e.flush());
    const again = await em().findOneOrFail(BankTransaction, { id: line.id });
    t.equal(again.suggestions?.[0]?.score, 0.5, 'a replaced value is written');
  },
);
