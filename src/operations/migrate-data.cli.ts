import { parseArgs } from 'node:util';
import { CliError, type Command } from '../cli/command.js';
import { loadConfig } from '../config.js';
import { isPostgres, type Orm } from '../db/orm.js';
import { MigrateDataError, migrateData } from './migrate-data.js';
import { MIGRATE_DATA_TEXT as T } from './ui-text.js';

export const migrateDataCommand: Command = {
  name: 'migrate-data',
  usage: T.usage,
  summary: T.summary,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { to: { type: 'string' }, json: { type: 'boolean' } },
    });
    if (positionals.length || !values.to) throw new CliError(T.needTo, 2);
    if (!isPostgres(values.to)) throw new CliError(T.notPostgres(values.to), 2);
    const config = loadConfig(io.env);
    if (config.databaseUrl) throw new CliError(T.sourceNotSqlite, 1);
    const source = await io.openOrm(config);
    let target: Orm | null = null;
    try {
      try {
        target = await io.openOrm({ dataDir: config.dataDir, databaseUrl: values.to }, { migrate: false });
        await target.em.getConnection().execute('select 1');
      } catch (err) {
        throw new CliError(
          T.cannotConnect(
            String((err as Error).message ?? err)
              .split('\n')[0]!
              .slice(0, 200),
          ),
          1,
        );
      }
      const report = await migrateData(source, target);
      if (values.json) io.out(JSON.stringify({ tables: report }));
      else {
        io.out(T.head);
        for (const r of report) {
          const sums = Object.entries(r.sums)
            .map(([c, s]) => `${c}=${s}`)
            .join(' ');
          io.out(`${r.table}\t${r.rows}\t${sums}`);
        }
        io.out(
          T.done(
            report.length,
            report.reduce((a, r) => a + r.rows, 0),
          ),
        );
      }
      return 0;
    } catch (err) {
      if (err instanceof MigrateDataError) throw new CliError(err.message, 1);
      throw err;
    } finally {
      await target?.close(true);
      await source.close(true);
    }
  },
};

export const migrateDataCommands: Command[] = [migrateDataCommand];
