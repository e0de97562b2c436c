import { fields, type FormBody } from '../web/forms.js';
import type { ActivityInput } from './activities.service.js';
import { FormReader, type Parsed } from '../web/form-reader.js';
import { SUPPORTERS_TEXT } from './ui-text.js';

/** 活動: title, dates, place, the skills it wants and how many helpers. */
export function parseActivity(body: FormBody): Parsed<ActivityInput> {
  const f = new FormReader(body);
  const v = {
    title: f.text('title', 120, SUPPORTERS_TEXT.activityTitleRequired) ?? '',
    startsOn: f.date('startsOn', SUPPORTERS_TEXT.dateRequired) ?? '',
    endsOn: f.date('endsOn'),
    place: f.text('place', 120),
    skillIds: [
      ...new Set(
        fields(body, 'skillIds')
          .map(Number)
          .filter((n) => Number.isSafeInteger(n) && n > 0),
      ),
    ],
    helpersWanted: f.count('helpersWanted', 10000),
    description: f.longText('description'),
  };
  if (v.startsOn && v.endsOn && v.endsOn < v.startsOn) f.errors.endsOn = SUPPORTERS_TEXT.endBeforeStart;
  return f.result(v);
}
