import { AuditLog } from './audit/audit-log.entity.js';
import { AuditSubscriber } from './audit/audit.subscriber.js';
import { MemberChangeSubscriber } from './members/member-changes.js';
import { registerBatchAudit } from './audit/batch-audit.js';
import { bankingEntities } from './banking/entities.js';
import { Batch } from './batches/batch.entity.js';
import { JobRun } from './batches/job-run.entity.js';
import { LapseProposal } from './dues/lapse-proposal.entity.js';
import { ThankLetter } from './letters/thank-letter.entity.js';
import { mailingEntities } from './mailings/entities.js';
import { receiptEntities } from './receipts/entities.js';
import type { Config } from './config.js';
import { openDatabase, type OrmWiring, type Orm } from './db/orm.js';
import { duesEntities } from './dues/entities.js';
import { Member } from './members/member.entity.js';
import { MemberType } from './members/member-type.entity.js';
import { MemberSkill } from './members/skills/member-skill.entity.js';
import { Skill } from './members/skills/skill.entity.js';
import { Setting } from './settings/setting.entity.js';
import { SetupDone, StaffSession } from './staff/staff-session.entity.js';
import { Staff } from './staff/staff.entity.js';
import { supporterEntities } from './supporters/entities.js';

/** Every entity, listed by hand (no folder discovery): add new domains here. */
export const entities = [
  AuditLog,
  Staff,
  StaffSession,
  SetupDone,
  Setting,
  MemberType,
  Member,
  Skill,
  MemberSkill,
  ...supporterEntities,
  ...duesEntities,
  ...bankingEntities,
  Batch,
  ThankLetter,
  ...receiptEntities,
  ...mailingEntities,
  LapseProposal,
  JobRun,
];

/** Entities and subscribers for one ORM; a fresh subscriber each time, as it keeps per-flush state. */
export function ormWiring(): OrmWiring {
  registerBatchAudit();
  return { entities, subscribers: [new AuditSubscriber(), new MemberChangeSubscriber()] };
}

/** Opens the database with every entity and the audit subscriber, and brings its schema up to date. */
export function openOrm(
  config: Pick<Config, 'databaseUrl' | 'dataDir'>,
  opts: { migrate?: boolean } = {},
): Promise<Orm> {
  return openDatabase(config, ormWiring(), opts);
}
