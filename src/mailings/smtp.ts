/** SMTP settings and the nodemailer transport. The password never goes through the audited settings. */
import nodemailer from 'nodemailer';
import type { EntityManager } from '../db/orm.js';
import { normalizeEmail } from '../lib/email.js';
import { getSettings, updateSettings } from '../settings/settings.service.js';
import type { FormBody } from '../web/forms.js';
import type { Parsed } from './segment-filter.js';
import { MAIL_TEXT } from './ui-text.js';

export interface SmtpConfig {
  host: string;
  port: number;
  security: 'tls' | 'starttls' | 'none';
  user: string;
  password: string;
  from: string;
}

const PASSWORD_KEY = 'smtpPassword';

/**
 * The password is a row of the setting table written without the ORM, so the audit log (which
 * copies every changed value) never holds it; it is not part of Settings, so no page shows it.
 */
export async function smtpConfig(em: EntityManager): Promise<SmtpConfig> {
  const s = await getSettings(em);
  const rows = await em.execute<{ value: unknown }[]>(
    em.getKnex()('setting').select('value').where('key', PASSWORD_KEY),
  );
  let password = '';
  // SQLite returns the JSON text; PostgreSQL's jsonb returns the value already parsed.
  const raw = rows[0]?.value;
  try {
    password = raw === undefined || raw === null ? '' : String(typeof raw === 'string' ? JSON.parse(raw) : raw);
  } catch {
    password = String(raw);
  }
  return { host: s.smtpHost, port: s.smtpPort, security: s.smtpSecurity, user: s.smtpUser, password, from: s.smtpFrom };
}

export function parseSmtp(body: FormBody): Parsed<Omit<SmtpConfig, 'password'> & { password: string | null }> {
  const one = (k: string) => String((Array.isArray(body[k]) ? body[k]![0] : body[k]) ?? '').trim();
  const errors: Record<string, string> = {};
  const host = one('host');
  if (!/^[A-Za-z0-9.-]{1,253}$/.test(host)) errors.host = MAIL_TEXT.badHost;
  const port = Number(one('port'));
  if (!Number.isInteger(port) || port < 1 || port > 65535) errors.port = MAIL_TEXT.badPort;
  const security = one('security') as SmtpConfig['security'];
  if (!['tls', 'starttls', 'none'].includes(security)) errors.security = MAIL_TEXT.badSecurity;
  const from = normalizeEmail(one('from').replace(/^.*<([^>]+)>$/, '$1'));
  if (!from) errors.from = MAIL_TEXT.badFrom;
  if (Object.keys(errors).length) return { errors };
  // An empty password field keeps the stored one (the form never shows it).
  return { value: { host, port, security, user: one('user'), password: one('password') || null, from: one('from') } };
}

export async function saveSmtp(
  em: EntityManager,
  v: Omit<SmtpConfig, 'password'> & { password: string | null },
): Promise<void> {
  await updateSettings(em, {
    smtpHost: v.host,
    smtpPort: v.port,
    smtpSecurity: v.security,
    smtpUser: v.user,
    smtpFrom: v.from,
  });
  if (v.password === null) return;
  const knex = em.getKnex();
  const value = JSON.stringify(v.password);
  // Look first: the drivers report affected rows differently (SQLite and PostgreSQL).
  const existing = await em.execute<{ key: string }[]>(knex('setting').select('key').where('key', PASSWORD_KEY));
  if (existing.length) {
    await em.execute(knex('setting').where('key', PASSWORD_KEY).update({ value, updated_at: new Date() }), [], 'run');
  } else {
    await em.execute(knex('setting').insert({ key: PASSWORD_KEY, value, updated_at: new Date() }), [], 'run');
  }
}

export function transportFor(c: SmtpConfig) {
  return nodemailer.createTransport({
    host: c.host,
    port: c.port,
    secure: c.security === 'tls',
    ignoreTLS: c.security === 'none',
    requireTLS: c.security === 'starttls',
    auth: c.user ? { user: c.user, pass: c.password } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    logger: false,
    debug: false,
  });
}
