import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * One signed-in browser. The cookie holds only the random id, so deleting the row ends the
 * session at once (logout, password change, reset, role change, deactivation). Written with
 * native queries: a login is audited as its own event, not as a row change on every request.
 */
export const StaffSession = defineEntity({
  name: 'StaffSession',
  tableName: 'staff_session',
  properties: {
    id: p.string().length(64).primary(),
    staffId: p.integer(),
    createdAt: p.datetime(),
    lastSeenAt: p.datetime(),
    ip: p.string().length(64),
    userAgent: p.string().length(300),
  },
});
export type IStaffSession = InferEntity<typeof StaffSession>;

/** The row whose primary key makes first-run setup succeed once, however many requests race. */
export const SetupDone = defineEntity({
  name: 'SetupDone',
  tableName: 'setup_done',
  properties: {
    key: p.string().length(20).primary(),
    staffId: p.integer(),
    doneAt: p.datetime(),
  },
});
