import type { FastifyInstance, FastifyReply } from 'fastify';
import { formatYenJa } from '../lib/money.js';
import { ROLE_LABELS } from './roles.js';
import { can } from './auth.js';
import { NAV } from './nav.js';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: unknown) => String(s).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);

/** Helpers a domain offers every view (the member's display name…), registered from its own plugin. */
const VIEW_HELPERS: Record<string, unknown> = {};
export function registerViewHelpers(helpers: Record<string, unknown>): void {
  Object.assign(VIEW_HELPERS, helpers);
}

/** reply.render and reply.redirectWithFlash: the common context every page gets. */
export function registerRender(app: FastifyInstance): void {
  app.decorateReply(
    'render',
    async function (this: FastifyReply, template: string, data: Record<string, unknown> = {}, status = 200) {
      const req = this.request;
      const flash = req.session?.get('flash') ?? null;
      if (flash) req.session.set('flash', undefined);
      const staff = req.staff;
      this.code(status);
      this.header('cache-control', 'no-store');
      return this.view(template, {
        title: 'Enishi',
        staff,
        roleLabel: staff ? ROLE_LABELS[staff.role] : '',
        nav: NAV.filter((n) => can(staff, n.role)),
        path: req.url.split('?')[0],
        csrf: this.generateCsrf(),
        canEdit: can(staff, 'staff'),
        isAdmin: can(staff, 'admin'),
        flash,
        escapeHtml,
        yen: formatYenJa, // every page prints money the same way: 12,345円
        errors: {},
        ...VIEW_HELPERS,
        ...data,
      });
    },
  );
  app.decorateReply(
    'redirectWithFlash',
    function (this: FastifyReply, url: string, message: string, kind: 'ok' | 'error' = 'ok') {
      this.request.session.set('flash', { message, kind });
      return this.redirect(url, 303);
    },
  );
}
