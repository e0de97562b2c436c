import type { EntityManager } from '../db/orm.js';
import type { SignedInStaff } from '../web/types.js';
import type { IMember } from './member.entity.js';

/**
 * The member page is shared by every domain: each adds a section (dues, roles, …) and
 * timeline entries here instead of editing the member routes.
 */
export interface MemberSection {
  key: string;
  order: number;
  /** views/<template>.eta, rendered with { member, staff, canEdit, csrf, ...data } */
  template: string;
  load(
    em: EntityManager,
    member: IMember,
    staff: SignedInStaff,
    page: MemberPageReads,
  ): Promise<Record<string, unknown> | null>;
}

/**
 * What the sections and timeline sources of one member page share: a read both need (the dues
 * section and the dues timeline both list the invoices) runs once per page. Keys are the domain's
 * own ("dues.invoices"); a page is one GET, so nothing is kept across requests or writes.
 */
export interface MemberPageReads {
  once<T>(key: string, load: () => Promise<T>): Promise<T>;
}

export function memberPageReads(): MemberPageReads {
  const seen = new Map<string, Promise<unknown>>();
  return {
    once<T>(key: string, load: () => Promise<T>) {
      let hit = seen.get(key) as Promise<T> | undefined;
      if (!hit) {
        hit = load();
        seen.set(key, hit);
      }
      return hit;
    },
  };
}

export interface TimelineItem {
  /** ISO date or datetime; newest first. */
  at: string;
  /** Short Japanese label of the kind: 対応, 役割, 請求, 入金, 発送 … */
  kind: string;
  title: string;
  detail?: string | null;
  href?: string | null;
  /** Shown struck through with this mark beside it (a reversed payment: 取消), so it is not read as live. */
  struckMark?: string | null;
}

export type TimelineSource = (em: EntityManager, member: IMember, page: MemberPageReads) => Promise<TimelineItem[]>;

const sections = new Map<string, MemberSection>();
const timelineSources = new Map<string, TimelineSource>();

export function addMemberSection(section: MemberSection): void {
  sections.set(section.key, section);
}

export function addTimelineSource(key: string, source: TimelineSource): void {
  timelineSources.set(key, source);
}

/**
 * Every section's data. The sections load side by side, not one after another: on SQLite's one
 * connection a page of many small reads otherwise waits its turn in the queue once per read, and
 * with twenty staff at work that wait (not the reads) was most of the page's time.
 */
export async function loadSections(
  em: EntityManager,
  member: IMember,
  staff: SignedInStaff,
  page: MemberPageReads = memberPageReads(),
) {
  const list = [...sections.values()].sort((a, b) => a.order - b.order);
  const loaded = await Promise.all(list.map((s) => s.load(em, member, staff, page)));
  return list.flatMap((s, i) => (loaded[i] ? [{ key: s.key, template: s.template, data: loaded[i]! }] : []));
}

export async function loadTimeline(
  em: EntityManager,
  member: IMember,
  page: MemberPageReads = memberPageReads(),
  limit = 100,
): Promise<TimelineItem[]> {
  const items = (await Promise.all([...timelineSources.values()].map((source) => source(em, member, page)))).flat();
  return items.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)).slice(0, limit);
}

/** Extra badges on the member list (e.g. dues status), added by other domains for the shown rows only. */
export interface ListBadge {
  label: string;
  cls: string;
  title?: string;
}
export type ListBadgeSource = (
  em: EntityManager,
  rows: { id: number; status: string }[],
) => Promise<Map<number, ListBadge>>;
const listBadgeSources = new Map<string, ListBadgeSource>();

export function addListBadges(key: string, source: ListBadgeSource): void {
  listBadgeSources.set(key, source);
}

export async function loadListBadges(
  em: EntityManager,
  rows: { id: number; status: string }[],
): Promise<Map<number, ListBadge[]>> {
  const out = new Map<number, ListBadge[]>();
  if (!rows.length) return out;
  for (const source of listBadgeSources.values()) {
    for (const [id, badge] of await source(em, rows)) out.set(id, [...(out.get(id) ?? []), badge]);
  }
  return out;
}

/**
 * A list badge read with the list rows themselves (no query of its own): a scalar SQL expression
 * over the member row `m` (a correlated subquery) and how its value becomes a badge.
 * prepare() may read cached values (settings); it must not query on every request.
 */
export interface ListBadgeColumn {
  key: string;
  prepare(em: EntityManager): Promise<PreparedBadgeColumn>;
}
export interface PreparedBadgeColumn {
  sql: string;
  bindings: unknown[];
  badge(value: unknown, row: { id: number; status: string }): ListBadge | null;
}
const listBadgeColumns = new Map<string, ListBadgeColumn>();

export function addListBadgeColumn(column: ListBadgeColumn): void {
  listBadgeColumns.set(column.key, column);
}

export async function prepareListBadgeColumns(em: EntityManager): Promise<(PreparedBadgeColumn & { key: string })[]> {
  const out: (PreparedBadgeColumn & { key: string })[] = [];
  for (const c of listBadgeColumns.values()) out.push({ key: c.key, ...(await c.prepare(em)) });
  return out;
}

/** The badges of the rows read with prepared columns (values by column key in row.extra). */
export function badgesOfColumns(
  columns: (PreparedBadgeColumn & { key: string })[],
  rows: { id: number; status: string; extra?: Record<string, unknown> }[],
  into: Map<number, ListBadge[]> = new Map(),
): Map<number, ListBadge[]> {
  for (const row of rows)
    for (const c of columns) {
      const b = c.badge(row.extra?.[c.key] ?? null, row);
      if (b) into.set(row.id, [...(into.get(row.id) ?? []), b]);
    }
  return into;
}
