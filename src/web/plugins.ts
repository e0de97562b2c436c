import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import secureSession from '@fastify/secure-session';
import fastifyStatic from '@fastify/static';
import view from '@fastify/view';
import { Eta } from 'eta';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import helmet from 'helmet';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { resolveSecret } from '../config.js';

export const VIEWS_DIR = fileURLToPath(new URL('../../views/', import.meta.url));

/** Security and rendering plugins, in the order their hooks must run. */
export async function registerPlugins(app: FastifyInstance): Promise<void> {
  // helmet's middleware, built once. (@fastify/helmet rebuilt it, CSP parsing included, on every
  // request: about 4% of the member list's main-thread time.) An onRequest hook at the root, so
  // every answer carries the headers: pages, files, 404s and error pages.
  const securityHeaders = helmet({
    strictTransportSecurity: false, // served over plain HTTP on the office LAN unless a proxy adds TLS
    contentSecurityPolicy: {
      directives: { upgradeInsecureRequests: null, scriptSrc: ["'self'"], formAction: ["'self'"] },
    },
  });
  app.addHook('onRequest', (req, reply, done) => {
    securityHeaders(req.raw, reply.raw, (err?: unknown) => done(err as Error | undefined));
  });
  await app.register(rateLimit, { global: false });
  await app.register(formbody, { bodyLimit: 1024 * 1024 });
  await app.register(multipart, { limits: { fileSize: 50 * 1024 * 1024, files: 1 } });
  await app.register(secureSession, {
    key: createHash('sha256').update(resolveSecret(app.config)).digest(),
    cookieName: 'enishi_session',
    expiry: 12 * 60 * 60,
    cookie: { path: '/', httpOnly: true, sameSite: 'lax', secure: app.config.secureCookies },
  });
  await app.register(csrf, {
    sessionPlugin: '@fastify/secure-session',
    // From the body only (upload forms too: web/multipart-body.ts reads their fields first), or a
    // header for scripts; never from the URL, where it would land in logs and the browser history.
    getToken: (req: FastifyRequest) =>
      (req.body as Record<string, string> | undefined)?._csrf ?? (req.headers['x-csrf-token'] as string | undefined),
  });
  await app.register(fastifyStatic, {
    root: VIEWS_DIR + 'assets',
    prefix: '/assets/',
    decorateReply: false,
    maxAge: '1h',
  });
  await app.register(view, {
    engine: { eta: new Eta({ views: VIEWS_DIR, cache: process.env.NODE_ENV !== 'development', autoEscape: true }) },
    templates: VIEWS_DIR,
    layout: 'layout.eta',
    viewExt: 'eta',
    production: process.env.NODE_ENV !== 'development', // cache compiled templates (re-read on every request otherwise)
  });
}
