import { Activity } from './activity.entity.js';
import { Household } from './household.entity.js';
import { Interaction } from './interaction.entity.js';
import { MemberRole } from './member-role.entity.js';
import { Participation } from './participation.entity.js';
import { SupporterRole } from './supporter-role.entity.js';

/** The supporters domain's entities, spread into the shared list in src/mikro-orm.config.ts. */
export const supporterEntities = [SupporterRole, MemberRole, Activity, Participation, Interaction, Household];
