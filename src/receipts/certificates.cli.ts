import { parseArgs } from 'node:util';
import { CliError, withDatabase, type Command } from '../cli/command.js';
import { renderCertificates } from '../documents/certificate.pdf.js';
import { asCli, yearArg } from './cli.js';
import { certificateDocs, certificateStyle } from './certificate-docs.js';
import { issueCertificates, reissueCertificate, voidCertificate } from './certificate.service.js';
import { writePdfFile, withProgress } from './pdf-file.js';
import { CERT_NAMES, MSG } from './ui-text.js';

export const certificatesIssueCommand: Command = {
  name: 'certificates issue',
  usage: 'enishi certificates issue --year YYYY [--combined] --out FILE.pdf [--json]',
  summary: '年（1〜12月）の寄附に寄附金受領証明書を発行します（--combined: 寄附者ごとに1枚）',
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
    if (positionals.length) throw new CliError(`不明な引数です: ${positionals.join(' ')}`, 2);
    const year = yearArg(values.year);
    if (!values.out) throw new CliError('--out FILE.pdf を指定してください', 2);
    const issued = await withDatabase(io, (em, _orm, config) =>
      asCli(async () => {
        const style = await certificateStyle(em, config.dataDir); // refuses before any number is taken
        const r = await issueCertificates(em, { year, combined: !!values.combined });
        const ids = r.map((c) => c.id);
        if (r.length)
          await writePdfFile(values.out!, (out) =>
            renderCertificates(
              withProgress(io, '寄附金受領証明書', ids.length, certificateDocs(em.fork(), ids)),
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
    } else
      io.out(
        issued.length ? `寄附金受領証明書 ${issued.length} 件を発行しました: ${values.out}` : MSG.nothingToCertify,
      );
    return 0;
  },
};

export const certificatesReissueCommand: Command = {
  name: 'certificates reissue',
  usage: 'enishi certificates reissue NUMBER --out FILE.pdf',
  summary: '寄附金受領証明書を同じ番号で再発行します（「再発行」と印刷されます）',
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { out: { type: 'string' } } });
    if (positionals.length !== 1 || !values.out) throw new CliError('証明書番号を1つと --out を指定してください', 2);
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
  usage: 'enishi certificates void NUMBER --reason 理由',
  summary: '寄附金受領証明書を取り消します（対象の寄附は改めて証明できます）',
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { reason: { type: 'string' } },
    });
    if (positionals.length !== 1) throw new CliError('証明書番号を1つ指定してください', 2);
    if (!values.reason?.trim()) throw new CliError('--reason で取り消しの理由を指定してください', 2);
    const c = await withDatabase(io, (em) => asCli(() => voidCertificate(em, positionals[0]!, values.reason!)));
    io.out(`寄附金受領証明書 ${c.number} を取り消しました`);
    return 0;
  },
};
