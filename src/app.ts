import { donationRoutes } from './dues/donations.routes.js';
import { bankRoutes } from './banking/routes.js';
import { mailingRoutes } from './mailings/routes.js';
import { memberDuesRoutes } from './dues/member-dues.routes.js';
import { duesRoutes } from './dues/routes.js';
import { unpaidRoutes } from './dues/reports.routes.js';
import { registerDuesListBadges } from './dues/list-badges.js';
import Fastify, { type FastifyInstance } from 'fastify';
import './web/types.js';
import { auditRoutes } from './audit/routes.js';
import type { Config } from './config.js';
import { openOrm, type Orm } from './db/orm.js';
import { memberTypeRoutes } from './members/member-type.routes.js';
import { memberRoutes } from './members/routes.js';
import { memberImportRoutes } from './members/import/routes.js';
import { seedDefaults } from './seed.js';
import { settingsRoutes } from './settings/routes.js';
import { countStaff } from './staff/staff.service.js';
import { staffRoutes } from './staff/routes.js';
import { supporterRoutes } from './supporters/routes.js';
import { registerAuth } from './web/auth.js';
import { registerErrorPages } from './web/error-pages.js';
import { registerPlugins } from './web/plugins.js';
import { registerRender } from './web/render.js';

export interface BuildOptions {
  orm?: Orm;
  logger?: boolean | object;
}

/** Builds the whole app: plugins, each domain's routes (listed by hand), error pages. */
export async function buildApp(config: Config, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? { level: config.logLevel },
    trustProxy: true,
    routerOptions: { ignoreTrailingSlash: true },
  });
  const orm = opts.orm ?? (await openOrm(config));
  app.decorate('orm', orm);
  app.decorate('config', config);
  await seedDefaults(orm.em.fork());
  app.decorate('state', { setupDone: (await countStaff(orm.em.fork())) > 0 });
  if (!opts.orm) app.addHook('onClose', async () => orm.close());

  await registerPlugins(app);
  registerAuth(app);
  registerRender(app);
  registerErrorPages(app);

  await app.register(staffRoutes);
  registerDuesListBadges();
  await app.register(memberRoutes);
  await app.register(memberImportRoutes);
  await app.register(supporterRoutes);
  await app.register(memberTypeRoutes);
  await app.register(duesRoutes);
  await app.register(unpaidRoutes);
  await app.register(memberDuesRoutes);
  await app.register(donationRoutes);
  await app.register(bankRoutes);
  await app.register(mailingRoutes);
  await app.register(auditRoutes);
  await app.register(settingsRoutes);
  app.get('/', async (_req, reply) => reply.redirect('/members'));
  return app;
}
