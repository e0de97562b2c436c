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
  load(em: EntityManager, member: IMember, staff: SignedInStaff): Promise<Record<string, unknown> | null>;
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

export type TimelineSource = (em: EntityManager, member: IMember) => Promise<TimelineItem[]>;

const sections = new Map<string, MemberSection>();
const timelineSources = new Map<string, TimelineSource>();

export function addMemberSection(section: MemberSection): void {
  sections.set(section.key, section);
}

export function addTimelineSource(key: string, source: TimelineSource): void {
  timelineSources.set(key, source);
}

export async function loadSections(em: EntityManager, member: IMember, staff: SignedInStaff) {
  const out: { key: string; template: string; data: Record<string, unknown> }[] = [];
  for (const s of [...sections.values()].sort((a, b) => a.order - b.order)) {
    const data = await s.load(em, member, staff);
    if (data) out.push({ key: s.key, template: s.template, data });
  }
  return out;
}

export async function loadTimeline(em: EntityManager, member: IMember, limit = 100): Promise<TimelineItem[]> {
  const items: TimelineItem[] = [];
  for (const source of timelineSources.values()) items.push(...(await source(em, member)));
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
