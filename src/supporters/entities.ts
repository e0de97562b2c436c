import { Activity } from './activity.entity.js';
import { Household } from './household.entity.js';
import { Interaction } from './interaction.entity.js';
import { MemberRole } from './member-role.entity.js';
import { MemberSkill } from '../members/skills/member-skill.entity.js';
import { Participation } from './participation.entity.js';
import { Skill } from '../members/skills/skill.entity.js';
import { SupporterRole } from './supporter-role.entity.js';

/** The supporters domain's entities, spread into the shared list in src/db/entities.ts. */
export const supporterEntities = [SupporterRole, MemberRole, Skill, MemberSkill, Activity, Participation, Interaction, Household];
