import { Campaign } from './campaign.entity.js';
import { MailingContact } from './mailing-contact.entity.js';
import { Segment } from './segment.entity.js';

export const mailingEntities = [Segment, MailingContact, Campaign];
