import { parseArgs } from 'node:util';
import { CliError, withDatabase, type Command } from '../cli/command.js';
import { displayNameOfRow } from '../members/member.model.js';
import type { Channel } from './segment-query.js';
import { countSegment, listSegments, segmentByName, segmentMembers, type RecipientRow } from './segments.service.js';
import { labelsCommand } from './labels.cli.js';
import { MAIL_TEXT } from './ui-text.js';

const nameOf = (m: RecipientRow) =>
  displayNameOfRow({ kind: m.kind, family_name: m.familyName, given_name: m.givenName, org_name: m.orgName });

const segmentsList: Command = {
  name: 'segments list',
  usage: 'enishi segments list [--json]',
  summary: MAIL_TEXT.segmentsListSummary,
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
    else for (const r of rows) io.out(MAIL_TEXT.segmentsListLine(r.name, r.members, r.post, r.email));
    return 0;
  },
};

const segmentsShow: Command = {
  name: 'segments show',
  usage: 'enishi segments show NAME [--channel post|email] [--json]',
  summary: MAIL_TEXT.segmentsShowSummary,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { json: { type: 'boolean' }, channel: { type: 'string' } },
    });
    if (positionals.length !== 1) throw new CliError(MAIL_TEXT.oneSegmentName, 2);
    const channel = values.channel as Channel | undefined;
    if (channel && channel !== 'post' && channel !== 'email') throw new CliError(MAIL_TEXT.badChannelCli, 2);
    const result = await withDatabase(io, async (em) => {
      const segment = await segmentByName(em, positionals[0]!).catch(() => {
        throw new CliError(MAIL_TEXT.noSegment(positionals[0]!));
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
      for (const x of result.excluded)
        io.out(MAIL_TEXT.excludedLine(x.member.memberNo, nameOf(x.member), x.reasonLabel));
      io.out(MAIL_TEXT.total(result.recipients.length, result.excluded.length));
    }
    return 0;
  },
};

export const mailingCommands: Command[] = [segmentsList, segmentsShow, labelsCommand];
