import { normalizePostalCode } from '../lib/postal.js';
import type { FieldErrors, Parsed } from '../web/form-reader.js';
import { field, type FormBody } from '../web/forms.js';
import type { Settings } from './settings.service.js';
import { SETTINGS_ERRORS as E } from './ui-text.js';

const lines = (s: string) =>
  s
    .split(/\r?\n/)
    .map((x) => x.trim())
    .filter(Boolean);

/** The settings page: organisation, fiscal year, reminders and accepted transfer fees. */
export function parseSettings(body: FormBody): Parsed<Partial<Settings>> {
  const errors: FieldErrors = {};
  const month = Number(field(body, 'fiscalYearStartMonth'));
  if (!Number.isInteger(month) || month < 1 || month > 12) errors.fiscalYearStartMonth = E.fiscalYearStartMonth;
  const postal = field(body, 'orgPostalCode').trim();
  const orgPostalCode = postal ? normalizePostalCode(postal) : '';
  if (orgPostalCode === null) errors.orgPostalCode = E.orgPostalCode;
  const dueDays = Number(field(body, 'dueDays'));
  if (!Number.isInteger(dueDays) || dueDays < 0 || dueDays > 365) errors.dueDays = E.dueDays;
  const graceYears = Number(field(body, 'graceYears'));
  if (!Number.isInteger(graceYears) || graceYears < 1 || graceYears > 10) errors.graceYears = E.graceYears;
  const fees = field(body, 'transferFees')
    .split(/[,、\s]+/)
    .filter(Boolean)
    .map(Number);
  if (fees.some((f) => !Number.isInteger(f) || f <= 0 || f > 2000)) errors.transferFees = E.transferFees;
  if (Object.keys(errors).length) return { errors };
  return {
    value: {
      orgName: field(body, 'orgName').trim(),
      orgPostalCode: orgPostalCode ?? '',
      orgAddress: field(body, 'orgAddress').trim(),
      orgPhone: field(body, 'orgPhone').trim(),
      orgEmail: field(body, 'orgEmail').trim(),
      representative: field(body, 'representative').trim(),
      fiscalYearStartMonth: month,
      era: field(body, 'era') === 'seireki' ? 'seireki' : 'wareki',
      bankAccounts: lines(field(body, 'bankAccounts')),
      dueDays,
      graceYears,
      transferFees: fees,
      proration: field(body, 'proration') === 'monthly' ? 'monthly' : 'none',
    },
  };
}
