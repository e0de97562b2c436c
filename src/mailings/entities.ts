import { Mailing, MailingRecipient } from './mailing.entity.js';
import { NewsletterImage, NewsletterIssue } from './newsletter.entity.js';
import { Campaign } from './campaign.entity.js';
import { MailingContact } from './mailing-contact.entity.js';
import { MailedDocument } from './mailed-document.entity.js';
import { Segment } from './segment.entity.js';

export const mailingEntities = [
  Segment,
  MailingContact,
  Campaign,
  NewsletterIssue,
  NewsletterImage,
  Mailing,
  MailingRecipient,
  MailedDocument,
];
