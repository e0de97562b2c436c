import type { FastifyInstance } from 'fastify';
import { parseDate, todayInTokyo } from '../lib/dates.js';
import { sendCsv } from '../web/download.js';
import { UserError } from '../web/errors.js';
import { field, type FormBody } from '../web/forms.js';
import { assemblyRoster } from './assembly.service.js';
import { listBackups } from '../backup/backup.service.js';
import { writeVersions } from '../db/data-version.js';
import { cached } from './cache.js';
import {
  AGGREGATES_IGNORE,
  aggregates,
  FOLLOW_UPS_READ,
  followUpsDue,
  TODAY_IGNORE,
  todayCounts,
} from './dashboard.service.js';
import { aggregateCharts, aggregateTable, chartSections } from './tables.js';
import { AGGREGATE_TABLES, REPORT_TEXT, type AggregateTable } from './ui-text.js';

const TABLES = Object.keys(AGGREGATE_TABLES) as AggregateTable[];

/** ダッシュボード (the first page after login), 集計 with CSV, 社員総会 roster. */
export async function reportRoutes(app: FastifyInstance): Promise<void> {
  // Kept per version of the tables each part reads (see cache.ts and writeVersions): a note or a
  // login does not recompute the charts. ?fresh=1 (the page's 最新にする link) recomputes anyway.
  const computeCharts = async (today: string) => {
    const agg = await aggregates(app.orm.em.fork(), today);
    // Charts and tables are built once per computation, not per request.
    const tables = Object.fromEntries(TABLES.map((t) => [t, aggregateTable(agg, t)])) as Record<
      AggregateTable,
      ReturnType<typeof aggregateTable>
    >;
    return { tables, sections: chartSections(aggregateCharts(agg), tables, AGGREGATE_TABLES), at: new Date() };
  };
  const loadCharts = async (fresh: boolean, today: string) => {
    const versions = await writeVersions(app.orm.em.fork());
    return cached(app.orm, `charts:${today}`, versions.except(AGGREGATES_IGNORE), () => computeCharts(today), {
      fresh,
    });
  };
  const load = async (fresh: boolean, today: string) => {
    const versions = await writeVersions(app.orm.em.fork());
    const [charts, counts, followUps] = await Promise.all([
      cached(app.orm, `charts:${today}`, versions.except(AGGREGATES_IGNORE), () => computeCharts(today), { fresh }),
      cached(
        app.orm,
        `today:${today}`,
        versions.except(TODAY_IGNORE),
        () => todayCounts(app.orm.em.fork(), app.config.dataDir, today),
        { fresh },
      ),
      cached(
        app.orm,
        `follow-ups:${today}`,
        versions.of(FOLLOW_UPS_READ),
        () => followUpsDue(app.orm.em.fork(), today),
        {
          fresh,
        },
      ),
    ]);
    return { ...charts, today: { ...counts, followUpsDue: followUps } };
  };

  app.get('/dashboard', async (req, reply) => {
    const { today: cachedToday, sections, at } = await load(!!field(req.query as FormBody, 'fresh'), todayInTokyo());
    // A backup written by the CLI changes no row: its age is read from the folder on every request.
    const today = { ...cachedToday, lastBackupAt: listBackups(app.config.dataDir)[0]?.createdAt ?? null };
    return reply.render('reports/dashboard', {
      title: REPORT_TEXT.dashboard,
      t: REPORT_TEXT,
      n: today,
      sections,
      at,
      backupHours: today.lastBackupAt ? (Date.now() - today.lastBackupAt.getTime()) / 3600_000 : null,
    });
  });

  app.get('/reports/aggregates', async (_req, reply) => {
    return reply.render('reports/aggregates', {
      title: REPORT_TEXT.aggregates,
      tables: (await loadCharts(false, todayInTokyo())).tables,
      names: AGGREGATE_TABLES,
    });
  });

  app.get('/reports/aggregates/:table', async (req, reply) => {
    const name = (req.params as { table: string }).table.replace(/\.csv$/, '') as AggregateTable;
    if (!TABLES.includes(name)) throw new UserError(REPORT_TEXT.noTable, 404);
    const { header, rows } = (await loadCharts(false, todayInTokyo())).tables[name];
    return sendCsv(
      reply,
      REPORT_TEXT.csvName(AGGREGATE_TABLES[name], todayInTokyo()),
      `aggregate-${name}.csv`,
      header,
      rows,
    );
  });

  app.get('/reports/assembly', async (req, reply) => {
    const raw = field(req.query as FormBody, 'date');
    const date = raw ? parseDate(raw) : todayInTokyo();
    if (!date)
      return reply.render(
        'reports/assembly',
        {
          title: REPORT_TEXT.assembly,
          t: REPORT_TEXT,
          roster: null,
          date: raw,
          error: REPORT_TEXT.badDate,
          errors: { date: REPORT_TEXT.badDate },
        },
        422,
      );
    return reply.render('reports/assembly', {
      title: REPORT_TEXT.assembly,
      t: REPORT_TEXT,
      roster: await assemblyRoster(req.em, date),
      date,
    });
  });
}
