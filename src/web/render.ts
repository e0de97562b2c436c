import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type DateStyle, formatScreenDate } from '../lib/dates.js';
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

/**
 * Where the date style comes from: the settings domain registers a reader (web/ cannot import it).
 * Without one, or when it fails (an error page), screens show the ISO date.
 */
type DateStyleSource = (req: FastifyRequest) => Promise<DateStyle>;
let dateStyleSource: DateStyleSource | null = null;
export function registerDateStyle(source: DateStyleSource): void {
  dateStyleSource = source;
}

/** `<time datetime="2026-04-01">令和8年4月1日</time>`: the machine-readable day stays in the page whatever the style. */
export function dateHtml(value: string | Date | null | undefined, style: DateStyle): string {
  const shown = formatScreenDate(value, style);
  if (!shown) return '';
  const isoDate = formatScreenDate(value, 'seireki');
  return `<time datetime="${escapeHtml(isoDate)}">${escapeHtml(shown)}</time>`;
}

async function dateStyleOf(req: FastifyRequest): Promise<DateStyle> {
  if (!dateStyleSource) return 'seireki';
  try {
    return await dateStyleSource(req);
  } catch {
    return 'seireki';
  }
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
      const style = await dateStyleOf(req);
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
        // Dates follow the date-style setting; `<%~ it.date(d) %>` (HTML), `it.dateText(d)` (plain).
        date: (d: string | Date | null | undefined) => dateHtml(d, style),
        dateText: (d: string | Date | null | undefined) => formatScreenDate(d, style),
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
