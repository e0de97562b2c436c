import type { EntityManager, Orm } from '../db/orm.js';
import type { Config } from '../config.js';
import type { StaffRole } from './roles.js';

/** The signed-in staff member as web/ needs it; the staff domain's lookup returns its whole record. */
export interface SignedInStaff {
  id: number;
  loginId: string;
  displayName: string;
  role: StaffRole;
  active: boolean;
}

/** The signed-in staff member of a live server-side session id, or null (given by app.ts, from the staff domain). */
export type SessionLookup = (em: EntityManager, sessionId: string) => Promise<SignedInStaff | null>;

declare module 'fastify' {
  interface FastifyInstance {
    orm: Orm;
    config: Config;
    /** Cached "at least one staff account exists" so every request need not count. */
    /** Shared mutable app state (an object, so encapsulated plugins see the same value). */
    state: { setupDone: boolean };
  }
  interface FastifyRequest {
    em: EntityManager;
    staff: SignedInStaff | null;
  }
  interface FastifyReply {
    /** Renders views/<template>.eta inside the layout with the common context (staff, csrf, flash). */
    render(template: string, data?: Record<string, unknown>, status?: number): Promise<FastifyReply>;
    /** Redirects after a successful POST with a one-time message. */
    redirectWithFlash(url: string, message: string, kind?: 'ok' | 'error'): FastifyReply;
  }
  interface FastifyContextConfig {
    /** Minimum role; 'public' needs no session. Default: viewer for GET, staff for anything else. */
    role?: StaffRole | 'public';
  }
}

declare module '@fastify/secure-session' {
  interface SessionData {
    /** The random id of a staff_session row; the row, not the cookie, says who is signed in. */
    sid: string;
    flash: { message: string; kind: 'ok' | 'error' };
  }
}
