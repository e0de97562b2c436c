import { parseArgs } from 'node:util';
import { CliError, withDatabase, type Command } from '../cli/command.js';
import { parseDate } from '../lib/dates.js';
import { parseYen } from '../lib/money.js';
import { asCli, memberIdOf } from './cli.js';
import { recordDonation } from './dues-port.js';
import { CLI_TEXT } from './ui-text.js';

const METHODS = ['bank', 'postal', 'cash', 'other'] as const;

export const donationsRecordCommand: Command = {
  name: 'donations record',
  usage: CLI_TEXT.donationUsage,
  summary: CLI_TEXT.donationSummary,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        member: { type: 'string' },
        donor: { type: 'string' },
        address: { type: 'string' },
        amount: { type: 'string' },
        date: { type: 'string' },
        purpose: { type: 'string' },
        method: { type: 'string' },
        json: { type: 'boolean' },
      },
    });
    if (positionals.length) throw new CliError(CLI_TEXT.unknownArgs(positionals.join(' ')), 2);
    if (!values.member === !values.donor) throw new CliError(CLI_TEXT.memberOrDonor, 2);
    if (values.donor && !values.address?.trim()) throw new CliError(CLI_TEXT.donorAddress, 2);
    const amount = parseYen(values.amount ?? '');
    if (amount === null || amount <= 0) throw new CliError(CLI_TEXT.amount, 2);
    const date = parseDate(values.date ?? '');
    if (!date) throw new CliError(CLI_TEXT.date, 2);
    const method = (values.method ?? 'bank') as (typeof METHODS)[number];
    if (!METHODS.includes(method)) throw new CliError(CLI_TEXT.method(METHODS), 2);
    const d = await withDatabase(io, (em) =>
      asCli(async () => {
        const memberId = (await memberIdOf(em, values.member)) ?? null;
        return recordDonation(em, {
          memberId,
          donorName: values.donor ?? null,
          donorAddress: values.address ?? null,
          receivedOn: date,
          amount,
          method,
          purpose: values.purpose ?? null,
        });
      }),
    );
    if (values.json) {
      io.out(
        JSON.stringify({
          donation: {
            id: d.id,
            memberNo: values.member ?? null,
            donor: values.donor ?? null,
            amount: d.amount,
            receivedOn: d.receivedOn,
            purpose: d.purpose,
          },
        }),
      );
    } else io.out(CLI_TEXT.donationRecorded(d.id, d.receivedOn, amount));
    return 0;
  },
};
