import { AuditLog } from '../audit/audit-log.entity.js';
import { bankingEntities } from '../banking/entities.js';
import { duesEntities } from '../dues/entities.js';
import { mailingEntities } from '../mailings/entities.js';
import { Member } from '../members/member.entity.js';
import { MemberType } from '../members/member-type.entity.js';
import { Setting } from '../settings/setting.entity.js';
import { Staff } from '../staff/staff.entity.js';
import { supporterEntities } from '../supporters/entities.js';

/** Every entity, listed by hand (no folder discovery): add new domains here. */
export const entities = [AuditLog, Staff, Setting, MemberType, Member, ...supporterEntities, ...duesEntities, ...bankingEntities, ...mailingEntities];
