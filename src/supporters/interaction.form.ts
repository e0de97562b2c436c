import type { FormBody } from '../web/forms.js';
import { FormReader, type Parsed } from '../web/form-reader.js';
import { CHANNELS, type Channel } from './interaction.entity.js';
import type { InteractionInput } from './interactions.service.js';
import { SUPPORTERS_TEXT } from './ui-text.js';

/** 対応記録: when, who, how, what was said, a gift and the next thing to talk about. */
export function parseInteraction(body: FormBody): Parsed<InteractionInput> {
  const f = new FormReader(body);
  const channel = f.raw('channel') as Channel;
  if (!CHANNELS.includes(channel)) f.errors.channel = SUPPORTERS_TEXT.channelRequired;
  const staffId = Number(f.raw('staffId')) || null;
  const gift = f.text('gift', 200);
  const v: InteractionInput = {
    occurredOn: f.date('occurredOn', SUPPORTERS_TEXT.dateRequired) ?? '',
    occurredTime: f.time('occurredTime'),
    staffId,
    channel,
    summary: f.text('summary', 200, SUPPORTERS_TEXT.summaryRequired) ?? '',
    content: f.longText('content'),
    gift,
    giftThankedOn: gift ? f.date('giftThankedOn') : null,
    followUp: f.longText('followUp', 2000),
    followUpDue: f.date('followUpDue'),
    followUpDone: f.checked('followUpDone'),
  };
  return f.result(v);
}
