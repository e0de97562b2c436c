import { accountingRoutes } from './accounting/routes.js';
import { backupRoutes } from './backup/routes.js';
import { jobRoutes } from './jobs/routes.js';
import { reportRoutes } from './reports/routes.js';
import { donationRoutes } from './dues/donations.routes.js';
import { bankRoutes } from './banking/routes.js';
import { mailingRoutes } from './mailings/routes.js';
import { registerMailingAuditLabels } from './mailings/audit-labels.js';
import { memberDuesRoutes } from './dues/member-dues.routes.js';
import { duesRoutes } from './dues/routes.js';
import { unpaidRoutes } from './dues/reports.routes.js';
import { registerDuesListBadges } from './dues/list-badges.js';
import { certificateRoutes } from './receipts/certificates.routes.js';
import { receiptRoutes } from './receipts/routes.js';
import { privacyRoutes } from './privacy/routes.js';
import { sealRoutes } from './receipts/seal.routes.js';
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import './web/types.js';
import { auditRoutes } from './audit/routes.js';
import { registerBankingAuditLabels } from './banking/audit-labels.js';
import { registerDuesAuditLabels } from './dues/audit-labels.js';
import { registerMemberAuditLabels } from './members/audit-labels.js';
import { registerSettingsAuditLabels } from './settings/audit-labels.js';
import { registerStaffAuditLabels } from './staff/audit-labels.js';
import { registerSupporterAuditLabels } from './supporters/audit-labels.js';
import type { Config } from './config.js';
import type { Orm } from './db/orm.js';
import { openOrm } from './mikro-orm.config.js';
import { memberTypeRoutes } from './members/member-type.routes.js';
import { memberRoutes } from './members/routes.js';
import { memberExportRoutes } from './members/export/routes.js';
import { memberImportRoutes } from './members/import/routes.js';
import { postalCodeRoutes } from './members/postal-code.routes.js';
import { seedDefaults } from './seed.js';
import { settingsRoutes } from './settings/routes.js';
import { resolveSession } from './staff/sessions.service.js';
import { countStaff } from './staff/staff.service.js';
import { staffRoutes } from './staff/routes.js';
import { supporterRoutes } from './supporters/routes.js';
import { activityRoutes } from './supporters/activities.routes.js';
import { householdRoutes } from './supporters/households.routes.js';
import { interactionRoutes } from './supporters/interactions.routes.js';
import { listRoutes } from './supporters/lists.routes.js';
import { roleRoutes } from './supporters/roles.routes.js';
import { skillRoutes } from './members/skills/skills.routes.js';
import { bankProfileRoutes } from './banking/profiles.routes.js';
import { BatchRunner } from './batches/batch.service.js';
import { batchRoutes } from './batches/routes.js';
import { registerBatchAuditLabels } from './batches/audit-labels.js';
import { batchKinds } from './jobs/batch-kinds.js';
import { letterRoutes } from './letters/routes.js';
import { registerLetterAuditLabels } from './letters/audit-labels.js';
import { registerReceiptAuditLabels } from './receipts/audit-labels.js';
import { registerAuth } from './web/auth.js';
import { JOBS } from './jobs/schedule.js';
import { registerScheduledJobs } from './settings/scheduled-jobs.js';
import { trackInFlight } from './web/in-flight.js';
import { registerErrorPages } from './web/error-pages.js';
import { registerPlugins } from './web/plugins.js';
import { registerRender } from './web/render.js';

export interface BuildOptions {
  orm?: Orm;
  logger?: boolean | object;
  /** Sees every route as it is added (the every-route tests enumerate the table with it). */
  onRoute?: (route: RouteOptions) => void;
}

/** Builds the whole app: plugins, each domain's routes (listed by hand), error pages. */
export async function buildApp(config: Config, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? { level: config.logLevel },
    // Proxy headers (X-Forwarded-For) only when a proxy is configured: anyone can send them.
    trustProxy: trustProxyOption(config.trustProxy),
    routerOptions: { ignoreTrailingSlash: true },
  });
  if (opts.onRoute) app.addHook('onRoute', opts.onRoute);
  const orm = opts.orm ?? (await openOrm(config));
  app.decorate('orm', orm);
  app.decorate('config', config);
  await seedDefaults(orm.em.fork());
  app.decorate('state', { setupDone: (await countStaff(orm.em.fork())) > 0 });
  const batches = new BatchRunner(orm, config.dataDir, batchKinds());
  app.decorate('batches', batches);
  await batches.markInterrupted(orm.em.fork()); // a run the last process left unfinished failed; it can be started again
  // On close: new requests get 503 (fastify), running requests and batches finish, then the database closes.
  const drained = trackInFlight(app);
  app.addHook('onClose', async () => batches.settled());
  if (!opts.orm)
    app.addHook('onClose', async () => {
      await drained();
      await poolIdle(orm);
      await orm.close();
    });

  await registerPlugins(app);
  const idleMs = config.sessionIdleMinutes * 60_000;
  registerAuth(app, { resolveSession: (em, sid) => resolveSession(em, sid, idleMs) });
  registerRender(app);
  registerErrorPages(app);

  registerAuditLabels();
  registerScheduledJobs(JOBS.map(({ name, label, defaultTime }) => ({ name, label, defaultTime })));
  registerDuesListBadges();

  // Every domain plugin, by hand: the whole route table is written to test/routes.txt by a test.
  const domainPlugins = [
    staffRoutes, // /setup /login /logout /account /staff
    memberRoutes, // /members, /members/:id (edit, withdraw, readmit)
    skillRoutes, // /members/:id/skills
    memberImportRoutes, // /members/import
    memberExportRoutes, // /members/export
    memberTypeRoutes, // /member-types
    postalCodeRoutes, // /postal-codes/:code (郵便番号 → 住所, JSON for views/assets/postal-lookup.js)
    supporterRoutes, // /supporters
    interactionRoutes, // /members/:id/interactions, /interactions/:id, /supporters/follow-ups, /supporters/gifts
    roleRoutes, // /members/:id/roles, /member-roles/:id, /supporters/officers
    listRoutes, // /supporters/roles, /supporters/skills (the office's own lists)
    activityRoutes, // /activities, /participations/:id
    householdRoutes, // /members/:id/family, /households/:id
    duesRoutes, // /dues, /dues/runs, /dues/invoices/:id/invoice.pdf
    unpaidRoutes, // /dues/unpaid
    memberDuesRoutes, // /members/:id/payments, /members/:id/invoices, /members/:id/credit, /dues/invoices/:id, /dues/payments/:id
    donationRoutes, // /dues/donations
    bankRoutes, // /bank, /bank/imports, /bank/lines/:id, /bank/to-thank
    bankProfileRoutes, // /bank/profiles
    letterRoutes, // /letters/to-thank, /letters/templates
    receiptRoutes, // /receipts, /members/:id/receipts/annual
    certificateRoutes, // /certificates
    sealRoutes, // /receipts/seal (the organisation's 角印)
    mailingRoutes, // /mailings (segments, labels, newsletters, campaigns, e-mail)
    privacyRoutes, // /members/:id/privacy (個人情報の開示・削除, admin)
    accountingRoutes, // /accounting/export
    reportRoutes, // /dashboard, /reports/aggregates, /reports/assembly
    backupRoutes, // /admin/backups
    jobRoutes, // /admin/jobs
    auditRoutes, // /audit
    settingsRoutes, // /settings
    batchRoutes, // /batches (background printing with progress)
  ];
  for (const plugin of domainPlugins) await app.register(plugin);
  app.get('/', async (_req, reply) => reply.redirect('/dashboard'));
  return app;
}

/** A hop count is trusted as Fastify does at run time (its types take only addresses or a function). */
function trustProxyOption(v: Config['trustProxy']): boolean | string | ((addr: string, hop: number) => boolean) {
  return typeof v === 'number' ? (_addr, hop) => hop < v : v;
}

/** Each domain's names in the change log, in the order its filter lists them. */
function registerAuditLabels(): void {
  registerMemberAuditLabels();
  registerStaffAuditLabels();
  registerSettingsAuditLabels();
  registerSupporterAuditLabels();
  registerDuesAuditLabels();
  registerBankingAuditLabels();
  registerBatchAuditLabels();
  registerLetterAuditLabels();
  registerReceiptAuditLabels();
  registerMailingAuditLabels();
}

/** Waits (at most a few seconds) until no query holds or awaits a pooled connection, so closing never aborts one. */
async function poolIdle(orm: Orm, timeoutMs = 5_000): Promise<void> {
  const pool = (
    orm.em.getConnection().getKnex().client as { pool?: { numUsed(): number; numPendingAcquires(): number } }
  ).pool;
  for (const until = Date.now() + timeoutMs; pool && Date.now() < until; ) {
    if (pool.numUsed() + pool.numPendingAcquires() === 0) return;
    await new Promise((r) => setTimeout(r, 20));
  }
}
