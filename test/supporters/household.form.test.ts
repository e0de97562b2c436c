import t from 'tap';
import { parseHousehold } from '../../src/supporters/household.form.js';

t.test('the household form reads relations per member and refuses a too long label name', async (t) => {
  const p = parseHousehold({
    sharesAddress: '1',
    labelName: ' 山田 太郎・花子 ',
    note: '',
    relation_12: '世帯主',
    relation_13: '配偶者',
    other: 'x',
  });
  t.same('value' in p && { ...p.value, relations: [...p.value.relations] }, {
    sharesAddress: true,
    labelName: '山田 太郎・花子',
    note: null,
    relations: [
      [12, '世帯主'],
      [13, '配偶者'],
    ],
  });
  const blank = parseHousehold({});
  t.same('value' in blank && blank.value.labelName, null, 'a blank label name means the joint name is used');
  t.same(parseHousehold({ labelName: 'あ'.repeat(201) }), { errors: { labelName: '200文字以内で入力してください' } });
});
