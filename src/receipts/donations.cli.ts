import { parseArgs } from 'node:util';
import { CliError, withDatabase, type Command } from '../cli/command.js';
import { parseDate } from '../lib/dates.js';
import { parseYen } from '../lib/money.js';
import { asCli, memberIdOf } from './cli.js';
import { recordDonation } from './dues-port.js';

const METHODS = ['bank', 'postal', 'cash', 'other'] as const;

export const donationsRecordCommand: Command = {
  name: 'donations record',
  usage:
    'enishi donations record (--member NO | --donor 氏名 --address 住所) --amount N --date YYYY-MM-DD [--purpose 目的] [--method bank|postal|cash|other] [--json]',
  summary: '寄付を記録します（会員以外の寄附者は氏名と住所を指定します）',
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
    if (positionals.length) throw new CliError(`不明な引数です: ${positionals.join(' ')}`, 2);
    if (!values.member === !values.donor) throw new CliError('--member か --donor のどちらか一方を指定してください', 2);
    if (values.donor && !values.address?.trim())
      throw new CliError('会員以外の寄附者には --address（住所）を指定してください', 2);
    const amount = parseYen(values.amount ?? '');
    if (amount === null || amount <= 0) throw new CliError('--amount は1円以上の金額で指定してください', 2);
    const date = parseDate(values.date ?? '');
    if (!date) throw new CliError('--date は YYYY-MM-DD で指定してください', 2);
    const method = (values.method ?? 'bank') as (typeof METHODS)[number];
    if (!METHODS.includes(method)) throw new CliError(`--method は ${METHODS.join('|')} のいずれかです`, 2);
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
    } else io.out(`寄付を記録しました（#${d.id}、${d.receivedOn}、${amount.toLocaleString('ja-JP')}円）`);
    return 0;
  },
};
