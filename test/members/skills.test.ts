import t from 'tap';
import { withActor } from '../../src/db/actor.js';
import { Member } from '../../src/members/member.entity.js';
import { memberSkillSection, setMemberSkills, skillChoices } from '../../src/members/skills/skills.service.js';
import { MemberSkill } from '../../src/members/skills/member-skill.entity.js';
import { Skill } from '../../src/members/skills/skill.entity.js';
import { build, loggedIn } from '../helper.js';

const base = { kind: 'individual', memberTypeId: '1', mailPreference: 'post' };

t.test('skills ticked on the registration form are saved with their notes and shown on the member page', async (t) => {
  const { app, em } = await build(t);
  const c = await loggedIn(app, 'staff');
  const form = (await c.get('/members/new')).body;
  t.match(form, '<legend>協力できる分野</legend>', 'the form has the skills fieldset');
  t.match(form, '子ども支援');
  const kaikei = await em().findOneOrFail(Skill, { name: '会計' });
  const honyaku = await em().findOneOrFail(Skill, { name: '翻訳' });
  const res = await c.post('/members', {
    ...base,
    familyName: '山田',
    familyKana: 'ヤマダ',
    skillsFieldset: '1',
    skills: [String(kaikei.id), String(honyaku.id)],
    [`skillNote_${honyaku.id}`]: '英語・中国語',
    [`skillNote_${kaikei.id}`]: '',
  });
  t.equal(res.statusCode, 303);
  const m = await em().findOneOrFail(Member, { familyName: '山田' });
  const saved = await em().find(
    MemberSkill,
    { member: m.id },
    { populate: ['skill'], orderBy: { skill: { sortOrder: 'asc' } } },
  );
  t.same(
    saved.map((s) => [s.skill.name, s.note]),
    [
      ['会計', null],
      ['翻訳', '英語・中国語'],
    ],
  );
  const page = (await c.get(`/members/${m.id}`)).body;
  t.match(page, '翻訳 <span class="muted">（英語・中国語）</span>');
  const edit = (await c.get(`/members/${m.id}/edit`)).body;
  t.match(edit, new RegExp(`value="${honyaku.id}" checked`), 'the edit form shows saved skills ticked');
  t.match(edit, 'value="英語・中国語"');
});

t.test('a member form without the skills fieldset leaves skills alone; unticking removes them', async (t) => {
  const { app, em } = await build(t);
  const c = await loggedIn(app, 'staff');
  const it = await em().findOneOrFail(Skill, { name: 'IT' });
  await c.post('/members', {
    ...base,
    familyName: '佐藤',
    familyKana: 'サトウ',
    skillsFieldset: '1',
    skills: String(it.id),
  });
  const m = await em().findOneOrFail(Member, { familyName: '佐藤' });
  await c.post(`/members/${m.id}`, { ...base, familyName: '佐藤', familyKana: 'サトウ', city: '新宿区' });
  t.equal(await em().count(MemberSkill, { member: m.id }), 1, 'kept when the form had no checklist');
  await c.post(`/members/${m.id}`, { ...base, familyName: '佐藤', familyKana: 'サトウ', skillsFieldset: '1' });
  t.equal(await em().count(MemberSkill, { member: m.id }), 0, 'removed when unticked');
});

t.test('a validation error on the member form keeps the ticked skills and notes', async (t) => {
  const { app, em } = await build(t);
  const c = await loggedIn(app, 'staff');
  const drive = await em().findOneOrFail(Skill, { name: '車の運転' });
  const res = await c.post('/members', {
    ...base,
    familyName: '',
    familyKana: 'タナカ',
    skillsFieldset: '1',
    skills: String(drive.id),
    [`skillNote_${drive.id}`]: '土日のみ',
  });
  t.equal(res.statusCode, 422);
  t.match(res.body, new RegExp(`value="${drive.id}" checked`));
  t.match(res.body, 'value="土日のみ"');
  t.equal(await em().count(MemberSkill, {}), 0);
});

t.test('the member page section changes skills, and an inactive skill a member has stays visible', async (t) => {
  const { app, em } = await build(t);
  const c = await loggedIn(app, 'staff');
  const it = await em().findOneOrFail(Skill, { name: 'IT' });
  const event = await em().findOneOrFail(Skill, { name: 'イベント運営' });
  await c.post('/members', {
    ...base,
    familyName: '鈴木',
    familyKana: 'スズキ',
    skillsFieldset: '1',
    skills: String(it.id),
  });
  const m = await em().findOneOrFail(Member, { familyName: '鈴木' });
  await c.post(`/supporters/skills/${it.id}`, { name: 'IT', sortOrder: '7', active: '0' });
  const page = (await c.get(`/members/${m.id}`)).body;
  t.match(page, 'IT（使わない分野）', 'an inactive skill the member has is still offered, marked');
  const res = await c.post(`/members/${m.id}/skills`, {
    skillsFieldset: '1',
    skills: [String(it.id), String(event.id)],
    [`skillNote_${event.id}`]: '受付',
  });
  t.equal(res.statusCode, 303);
  t.equal(await em().count(MemberSkill, { member: m.id }), 2);
  const other = await c.post('/members', { ...base, familyName: '高橋', familyKana: 'タカハシ' });
  t.equal(other.statusCode, 303);
  t.notMatch((await c.get('/members/new')).body, /> IT</, 'inactive skills are not offered to new members');
});

t.test('the member page reads its skills in one query: the same list and choices as the form gives', async (t) => {
  const { app, em } = await build(t);
  const c = await loggedIn(app, 'staff');
  const res = await c.post('/members', { ...base, familyName: '山田', familyKana: 'ヤマダ' });
  t.equal(res.statusCode, 303);
  const m = await em().findOneOrFail(Member, { familyName: '山田' });
  const skills = await em().find(Skill, {}, { orderBy: { sortOrder: 'asc', id: 'asc' } });
  const [a, b, gone] = [skills[0]!, skills[2]!, skills[1]!];
  await withActor({ staffId: null, name: 'test' }, () =>
    setMemberSkills(em(), m.id, [
      { skillId: b.id, note: '週末のみ' },
      { skillId: gone.id, note: null },
      { skillId: a.id, note: null },
    ]),
  );
  await em().nativeUpdate(Skill, { id: gone.id }, { active: false });
  const skillsNow = await em().find(Skill, { active: false });
  t.equal(skillsNow.length, 1);
  const section = await memberSkillSection(em(), m.id);
  t.same(
    section.memberSkills.map((s) => [s.skill.name, s.note]),
    [
      [a.name, null],
      [gone.name, null],
      [b.name, '週末のみ'],
    ],
    "the member's skills in the list's order, an inactive one too",
  );
  t.same(section.skillChoices, await skillChoices(em(), m.id, null), 'the choices equal the form’s');
  t.ok(
    section.skillChoices.some((s) => s.id === gone.id && !s.active && s.checked),
    'the inactive skill the member has is offered, ticked',
  );
  const other = await memberSkillSection(em(), m.id + 999);
  t.same(other.memberSkills, [], 'another member has none');
  t.same(
    other.skillChoices.map((s) => s.id),
    skills.filter((s) => s.id !== gone.id).map((s) => s.id),
    'and is offered only the active skills',
  );
});
