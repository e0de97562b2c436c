import t from 'tap';
import { entityLabel, entityLabels, fieldLabel, registerAuditLabels, valueLabel } from '../../src/audit/labels.js';
import { entities } from '../../src/mikro-orm.config.js';
import { build } from '../helper.js';

/** Written with native queries only (a login is audited as its own event), so never in the change log. */
const NEVER_AUDITED = new Set(['AuditLog', 'StaffSession', 'SetupDone']);

t.test('every audited entity of the entity list has Japanese labels once the app is built', async (t) => {
  await build(t);
  const unnamed = entities
    .map((e) => e.meta.className)
    .filter((name) => !NEVER_AUDITED.has(name) && entityLabel(name) === name);
  t.same(unnamed, []);
  t.equal(fieldLabel('Member', 'familyKana'), 'セイ');
  t.equal(valueLabel('Payment', 'method', 'bank'), '銀行振込');
  t.equal(valueLabel('Payment', 'amount', 3000), 3000, 'numbers are shown as they are');
});

t.test('the change-log filter lists entities in the order the domains registered them', async (t) => {
  await build(t);
  const names = Object.keys(entityLabels());
  t.same(names.slice(0, 4), ['Member', 'MemberType', 'Staff', 'Setting']);
  // Later domains add theirs after; the banking four keep their order among themselves.
  const banking = ['BankImport', 'BankTransaction', 'PayerAlias', 'BankProfile'];
  t.same(
    names.filter((n) => banking.includes(n)),
    banking,
  );
  t.ok(names.indexOf('BankImport') > names.indexOf('Member'), 'banking comes after members');
});

t.test('an unregistered entity, field or code is shown by its own name', async (t) => {
  t.equal(entityLabel('Nothing'), 'Nothing');
  t.equal(fieldLabel('Nothing', 'x'), 'x');
  t.equal(valueLabel('Member', 'status', 'someday'), 'someday');
});

t.test('registering an entity again replaces its labels but keeps its place', async (t) => {
  registerAuditLabels('TestThingA', { label: 'A', fields: {} });
  registerAuditLabels('TestThingB', { label: 'B', fields: {} });
  registerAuditLabels('TestThingA', { label: 'A2', fields: { x: 'エックス' } });
  const names = Object.keys(entityLabels());
  t.ok(names.indexOf('TestThingA') < names.indexOf('TestThingB'));
  t.equal(entityLabel('TestThingA'), 'A2');
  t.equal(fieldLabel('TestThingA', 'x'), 'エックス');
});
