import type { EntityManager } from '../db/orm.js';

/**
 * Japanese names of entities, fields and stored codes for the change history. audit/ knows no
 * domain: each domain registers its own from its audit-labels.ts when the app is built.
 */
export interface AuditLabels {
  /** The entity in words (Member → 会員). */
  label: string;
  /** field → its name on the form. */
  fields: Record<string, string>;
  /** field → stored code → words (individual → 個人). */
  values?: Record<string, Record<string, string>>;
  /** field → the entity its stored id points at (memberType → MemberType), shown by that entity's namer. */
  refs?: Record<string, string>;
}

/** Names of the given ids of one entity (ids not found are left out: the log then shows 「#id」). */
export type AuditNamer = (em: EntityManager, ids: number[]) => Promise<Map<number, string>>;

const registry = new Map<string, AuditLabels>();
const namers = new Map<string, AuditNamer>();

/** Registering again replaces the labels but keeps the entity's place in the change-log filter. */
export function registerAuditLabels(entity: string, labels: AuditLabels): void {
  registry.set(entity, labels);
}

/** entity → its name, in the order the domains registered them (the change-log filter lists them so). */
/** How the change log names rows of an entity when another entity's field refers to them by id. */
export function registerAuditNamer(entity: string, namer: AuditNamer): void {
  namers.set(entity, namer);
}

/** The entity a field's stored id refers to, or undefined for a plain field. */
export function refOf(entity: string, field: string): string | undefined {
  return registry.get(entity)?.refs?.[field];
}

export function namerOf(entity: string): AuditNamer | undefined {
  return namers.get(entity);
}

export function entityLabels(): Record<string, string> {
  return Object.fromEntries([...registry].map(([entity, l]) => [entity, l.label]));
}

export function entityLabel(entity: string): string {
  return registry.get(entity)?.label ?? entity;
}

export { ACTION_LABELS } from './ui-text.js';

export function fieldLabel(entity: string, field: string): string {
  return registry.get(entity)?.fields[field] ?? field;
}

/** Stored codes shown in words (individual → 個人). */
export function valueLabel(entity: string, field: string, value: unknown): unknown {
  return typeof value === 'string' ? (registry.get(entity)?.values?.[field]?.[value] ?? value) : value;
}
