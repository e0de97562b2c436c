import { FORM_TEXT } from '../web/ui-text.js';
import type { ParticipationStatus } from './participation.entity.js';

/** Staff-facing words of the supporters domain, in one place so the office can change them. */
export const PARTICIPATION_LABELS: Record<ParticipationStatus, string> = {
  asked: '依頼済み',
  accepted: '承諾',
  declined: '辞退',
  took_part: '参加',
  absent: '欠席',
};

export const TIMELINE_KINDS = { interaction: '対応', role: '役割', activity: '活動' };

export const MESSAGES = {
  ...FORM_TEXT,
  memberNotFound: '会員が見つかりません',
  notFound: '見つかりません',
};
