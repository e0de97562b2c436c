import { parseArgs } from 'node:util';
import { CliError, withDatabase, type Command } from '../cli/command.js';
import { renderCertificates } from '../documents/certificate.pdf.js';
import { asCli, yearArg } from './cli.js';
import { certificateDocs, certificateStyle } from './certificate-docs.js';
import { issueCertificates, reissueCertificate, voidCertificate } from './certificate.service.js';
import { writePdfFile, withProgress } from './pdf-file.js';
import { CERT_NAMES, CLI_TEXT, MSG } from './ui-text.js';

export const certificatesIssueCommand: Command = {
  name: 'certificates issue',
  usage: 'enishi certificates issue --year YYYY [--combined] --out FILE.pdf [--json]',
  summary: CLI_TEXT.certIssueSummary,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        year: { type: 'string' },
        combined: { type: 'boolean' },
        out: { type: 'string' },
        json: { type: 'boolean' },
      },
    });
    if (positionals.length) throw new CliError(CLI_TEXT.unknownArgs(positionals.join(' ')), 2);
    const year = yearArg(values.year);
    if (!values.out) throw new CliError(CLI_TEXT.needOut, 2);
    const issued = await withDatabase(io, (em, _orm, config) =>
      asCli(async () => {
        const style = await certificateStyle(em, config.dataDir); // refuses before any number is taken
        const r = await issueCertificates(em, { year, combined: !!values.combined });
        const ids = r.map((c) => c.id);
        if (r.length)
          await writePdfFile(values.out!, (out) =>
            renderCertificates(
              withProgress(io, CLI_TEXT.certificateLabel, ids.length, certificateDocs(em.fork(), ids)),
              style,
              out,
            ),
          );
        return r;
      }),
    );
    if (values.json) {
      io.out(
        JSON.stringify({
          certificates: issued.map(({ number, memberNo, donor, total, gifts }) => ({
            number,
            memberNo,
            donor,
            total,
            gifts,
          })),
        }),
      );
    } else io.out(issued.length ? CLI_TEXT.certIssued(issued.length, values.out) : MSG.nothingToCertify);
    return 0;
  },
};

export const certificatesReissueCommand: Command = {
  name: 'certificates reissue',
  usage: 'enishi certificates reissue NUMBER --out FILE.pdf',
  summary: CLI_TEXT.certReissueSummary,
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { out: { type: 'string' } } });
    if (positionals.length !== 1 || !values.out) throw new CliError(CLI_TEXT.certReissueArgs, 2);
    const c = await withDatabase(io, (em, _orm, config) =>
      asCli(async () => {
        const style = await certificateStyle(em, config.dataDir);
        const cert = await reissueCertificate(em, positionals[0]!);
        await writePdfFile(values.out!, (out) =>
          renderCertificates(certificateDocs(em.fork(), [cert.id], { reissue: true }), style, out),
        );
        return cert;
      }),
    );
    io.out(CERT_NAMES.reissued(c.number, c.reissueCount, values.out));
    return 0;
  },
};

export const certificatesVoidCommand: Command = {
  name: 'certificates void',
  usage: CLI_TEXT.certVoidUsage,
  summary: CLI_TEXT.certVoidSummary,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { reason: { type: 'string' } },
    });
    if (positionals.length !== 1) throw new CliError(CLI_TEXT.certVoidArgs, 2);
    if (!values.reason?.trim()) throw new CliError(CLI_TEXT.needReason, 2);
    const c = await withDatabase(io, (em) => asCli(() => voidCertificate(em, positionals[0]!, values.reason!)));
    io.out(CLI_TEXT.certVoided(c.number));
    return 0;
  },
};
