import type { FormBody } from '../web/forms.js';
import { FormReader, type Parsed } from '../web/form-reader.js';
import { CHANNELS, type Channel } from './interaction.entity.js';
import type { InteractionInput } from './interactions.service.js';

/** 対応記録: when, who, how, what was said, a gift and the next thing to talk about. */
export function parseInteraction(body: FormBody): Parsed<InteractionInput> {
  const f = new FormReader(body);
  const channel = f.raw('channel') as Channel;
  if (!CHANNELS.includes(channel)) f.errors.channel = '方法を選んでください';
  const staffId = Number(f.raw('staffId')) || null;
  const gift = f.text('gift', 200);
  const v: InteractionInput = {
    occurredOn: f.date('occurredOn', '日付を入力してください') ?? '',
    occurredTime: f.time('occurredTime'),
    staffId,
    channel,
    summary: f.text('summary', 200, '要件を入力してください') ?? '',
    content: f.longText('content'),
    gift,
    giftThankedOn: gift ? f.date('giftThankedOn') : null,
    followUp: f.longText('followUp', 2000),
    followUpDue: f.date('followUpDue'),
    followUpDone: f.checked('followUpDone'),
  };
  return f.result(v);
}
