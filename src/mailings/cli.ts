import { parseArgs } from 'node:util';
import { CliError, withDatabase, type Command } from '../cli/command.js';
import { displayNameOfRow } from '../members/member.model.js';
import type { Channel } from './segment-query.js';
import { countSegment, listSegments, segmentByName, segmentMembers, type RecipientRow } from './segments.service.js';
import { labelsCommand } from './labels.cli.js';

const nameOf = (m: RecipientRow) =>
  displayNameOfRow({ kind: m.kind, family_name: m.familyName, given_name: m.givenName, org_name: m.orgName });

const segmentsList: Command = {
  name: 'segments list',
  usage: 'enishi segments list [--json]',
  summary: '保存したセグメントと人数（郵送・メールで届く人数）を表示します',
  async run(args, io) {
    const { values } = parseArgs({ args, options: { json: { type: 'boolean' } } });
    const rows = await withDatabase(io, async (em) => {
      const out = [];
      for (const s of await listSegments(em)) {
        const [post, email] = [await countSegment(em, s.filter, 'post'), await countSegment(em, s.filter, 'email')];
        out.push({
          name: s.name,
          note: s.note ?? null,
          filter: s.filter,
          members: post.total,
          post: post.included,
          email: email.included,
        });
      }
      return out;
    });
    if (values.json) io.out(JSON.stringify({ segments: rows }));
    else for (const r of rows) io.out(`${r.name}\t該当 ${r.members}人\t郵送 ${r.post}人\tメール ${r.email}人`);
    return 0;
  },
};

const segmentsShow: Command = {
  name: 'segments show',
  usage: 'enishi segments show NAME [--channel post|email] [--json]',
  summary: 'セグメントの会員を会員番号順に表示します（--channel で送らない人とその理由も）',
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { json: { type: 'boolean' }, channel: { type: 'string' } },
    });
    if (positionals.length !== 1) throw new CliError('セグメントの名前を1つ指定してください', 2);
    const channel = values.channel as Channel | undefined;
    if (channel && channel !== 'post' && channel !== 'email') throw new CliError('--channel は post か email です', 2);
    const result = await withDatabase(io, async (em) => {
      const segment = await segmentByName(em, positionals[0]!).catch(() => {
        throw new CliError(`セグメント「${positionals[0]}」はありません`);
      });
      return segmentMembers(em, segment.filter, channel);
    });
    const member = (m: RecipientRow) => ({
      memberNo: String(m.memberNo),
      name: nameOf(m),
      postalCode: m.postalCode ?? '',
      email: m.email ?? '',
    });
    if (values.json) {
      io.out(
        JSON.stringify({
          segment: positionals[0],
          members: result.recipients.map(member),
          excluded: result.excluded.map((x) => ({ memberNo: String(x.member.memberNo), reason: x.reasonLabel })),
        }),
      );
    } else {
      for (const m of result.recipients) io.out(`${m.memberNo}\t${nameOf(m)}`);
      for (const x of result.excluded) io.out(`${x.member.memberNo}\t${nameOf(x.member)}\t送らない: ${x.reasonLabel}`);
      io.out(
        `合計 ${result.recipients.length}人${result.excluded.length ? `（送らない ${result.excluded.length}人）` : ''}`,
      );
    }
    return 0;
  },
};

export const mailingCommands: Command[] = [segmentsList, segmentsShow, labelsCommand];
