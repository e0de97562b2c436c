import { createWriteStream, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { barcodeFits } from '../documents/customer-barcode.js';
import { CliError, withDatabase, type Command } from '../cli/command.js';
import { checkStart, SHEETS } from '../documents/label-sheets.js';
import { renderLabels } from '../documents/labels.pdf.js';
import { NotFoundError } from '../web/errors.js';
import { labelCsv } from './label-csv.js';
import { labelList, printerOffset } from './labels.service.js';
import { MAIL_TEXT } from './ui-text.js';

const SHEET_KEYS = ['12', '18', '21', '24', '44'];

export const labelsCommand: Command = {
  name: 'labels',
  usage:
    'enishi labels --segment NAME|--all --sheet 12|18|21|24|44 [--start N] [--joint] [--barcode] --out FILE.pdf [--csv FILE.csv [--sjis]] [--json]',
  summary: MAIL_TEXT.labelsSummary,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        segment: { type: 'string' },
        all: { type: 'boolean' },
        sheet: { type: 'string' },
        start: { type: 'string' },
        joint: { type: 'boolean' },
        barcode: { type: 'boolean' },
        out: { type: 'string' },
        csv: { type: 'string' },
        sjis: { type: 'boolean' },
        json: { type: 'boolean' },
      },
    });
    if (positionals.length) throw new CliError(MAIL_TEXT.unknownArgs(positionals.join(' ')), 2);
    if (!values.segment === !values.all) throw new CliError(MAIL_TEXT.segmentOrAll, 2);
    const sheet = SHEETS[values.sheet ?? ''];
    if (!sheet || !SHEET_KEYS.includes(values.sheet!)) throw new CliError(MAIL_TEXT.badSheetCli, 2);
    const start = values.start === undefined ? 1 : Number(values.start);
    const bad = checkStart(sheet, start);
    if (bad) throw new CliError(bad, 2);
    if (!values.out) throw new CliError(MAIL_TEXT.needOut, 2);
    // Checked before the file is opened, so a refused run leaves nothing behind.
    if (values.barcode && !barcodeFits(sheet.width - 4)) throw new CliError(MAIL_TEXT.noBarcode(sheet.label), 2);
    const out = values.out;
    const { list, offset } = await withDatabase(io, async (em) => {
      const list = await labelList(em, { segment: values.segment ?? null, joint: !!values.joint }).catch(
        (e: unknown) => {
          throw e instanceof NotFoundError ? new CliError(e.message) : e;
        },
      );
      return { list, offset: await printerOffset(em) };
    });
    let sheets: number;
    const file = createWriteStream(out);
    try {
      ({ sheets } = await renderLabels(list.entries, { sheet, start, offset, barcode: !!values.barcode }, file));
    } catch (err) {
      // Closed before removal, or a queued write (or the open itself) would bring the file back.
      if (!file.closed) {
        const closed = once(file, 'close').catch(() => undefined);
        file.destroy();
        await closed;
      }
      rmSync(out, { force: true }); // no half-written PDF left behind
      throw new CliError((err as Error).message);
    }
    if (values.csv) writeFileSync(values.csv, labelCsv(list.entries, values.sjis ? 'sjis' : 'utf8'));
    if (values.json) {
      io.out(
        JSON.stringify({
          labels: list.entries.map((e) => ({ memberNo: String(e.memberNo), postalCode: e.postalCode, names: e.names })),
          excluded: list.excluded.map((x) => ({ memberNo: String(x.member.memberNo), reason: x.reasonLabel })),
          sheets,
        }),
      );
    } else {
      io.out(MAIL_TEXT.labelsWritten(list.entries.length, sheet.label, sheets, out));
      if (list.excluded.length)
        io.out(MAIL_TEXT.excludedSummary(list.excluded.map((x) => `${x.member.memberNo} ${x.reasonLabel}`)));
    }
    return 0;
  },
};
