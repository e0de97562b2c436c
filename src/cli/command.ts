import { loadConfig, type Config } from '../config.js';
import { withActor } from '../db/actor.js';
import type { EntityManager, Orm, OrmOpener } from '../db/orm.js';

/** One `enishi` subcommand. `name` may be two words ('members import'). */
export interface Command {
  name: string;
  usage: string;
  summary: string;
  run(args: string[], io: CliIO): Promise<number>;
}

export interface CliIO {
  out(line: string): void;
  err(line: string): void;
  env: NodeJS.ProcessEnv;
  /** Opens the database with every entity: given by the entry point, which owns the entity list. */
  openOrm: OrmOpener;
}

/** A CLI error: printed as one line, exit code 1 (2 for usage). */
export class CliError extends Error {
  constructor(
    message: string,
    public exitCode = 1,
  ) {
    super(message);
  }
}

/** Opens the database for a batch command, runs fn as the 'CLI' actor, and always closes it. */
export async function withDatabase<T>(
  io: CliIO,
  fn: (em: EntityManager, orm: Orm, config: Config) => Promise<T>,
): Promise<T> {
  const config = loadConfig(io.env);
  const orm = await io.openOrm(config);
  try {
    return await withActor({ staffId: null, name: 'CLI' }, () => fn(orm.em.fork(), orm, config));
  } finally {
    await orm.close();
  }
}
