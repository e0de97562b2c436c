/**
 * The member-search benchmark's baseline, in its own process like the app: bare Fastify with one
 * SQLite connection answering /members?q=… with the same 50 rows the app's page shows (their ids
 * are handed over in BARE_IDS, found by the app's own search beforehand), read by one query and
 * written as a plain HTML table. No session, no ORM, no template engine: the floor for this page.
 */
import Fastify from 'fastify';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';

const ids = JSON.parse(process.env.BARE_IDS ?? '{}') as Record<string, number[]>;
const db = new sqlite3.Database(join(process.env.ENISHI_DATA_DIR ?? '.', 'enishi.sqlite3'), sqlite3.OPEN_READONLY);
const all = (sql: string, params: unknown[]) =>
  new Promise<Record<string, unknown>[]>((resolve, reject) =>
    db.all(sql, params, (err, rows) => (err ? reject(err) : resolve(rows as Record<string, unknown>[]))),
  );
const esc = (v: unknown) =>
  String(v ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

const app = Fastify({ logger: false });
app.get('/members', async (req, reply) => {
  const wanted = ids[(req.query as { q?: string }).q ?? ''] ?? [];
  const rows = await all(
    `select m.id, m.member_no, m.family_name, m.given_name, m.family_kana, m.given_kana, m.org_name, m.phone,
            m.prefecture, m.city, m.status, t.name as type_name
       from member m join member_type t on t.id = m.member_type_id
      where m.id in (${wanted.map(() => '?').join(',') || 'null'})`,
    wanted,
  );
  const order = new Map(wanted.map((id, i) => [id, i]));
  rows.sort((a, b) => order.get(Number(a.id))! - order.get(Number(b.id))!);
  const body = rows
    .map(
      (r) =>
        `<tr><td>${esc(r.member_no)}</td><td>${esc(r.family_name ?? r.org_name)} ${esc(r.given_name)}</td><td>${esc(r.family_kana)} ${esc(r.given_kana)}</td><td>${esc(r.phone)}</td><td>${esc(r.prefecture)}${esc(r.city)}</td><td>${esc(r.type_name)}</td><td>${esc(r.status)}</td></tr>`,
    )
    .join('');
  return reply.type('text/html; charset=utf-8').send(`<!doctype html><table>${body}</table>`);
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
