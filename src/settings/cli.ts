import { parseArgs } from 'node:util';
import { CliError, withDatabase, type Command } from '../cli/command.js';
import { CLI_TEXT } from '../cli/ui-text.js';
import { parseSetting, SETTING_KEYS } from './setting-keys.js';
import { getSettings, updateSettings, type Settings } from './settings.service.js';
import { SETTINGS_CLI } from './ui-text.js';

export const settingsListCommand: Command = {
  name: 'settings list',
  usage: 'enishi settings list [--json]',
  summary: SETTINGS_CLI.listSummary,
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' } } });
    if (positionals.length) throw new CliError(CLI_TEXT.unknownArgs(positionals), 2);
    const s = (await withDatabase(io, (em) => getSettings(em))) as unknown as Record<string, unknown>;
    if (values.json) {
      io.out(
        JSON.stringify({
          settings: SETTING_KEYS.map((k) => ({ key: k.key, value: s[k.key], group: k.group, label: k.label })),
        }),
      );
    } else {
      for (const k of SETTING_KEYS)
        io.out(SETTINGS_CLI.listLine(k.key, k.format(s[k.key]).replace(/\n/g, SETTINGS_CLI.lineSeparator), k.label));
    }
    return 0;
  },
};

export const settingsSetCommand: Command = {
  name: 'settings set',
  usage: 'enishi settings set KEY VALUE',
  summary: SETTINGS_CLI.setSummary,
  async run(args, io) {
    if (args.length !== 2) throw new CliError(SETTINGS_CLI.setArgs, 2);
    const [key, raw] = args as [string, string];
    const parsed = parseSetting(key, raw);
    if ('error' in parsed) throw new CliError(parsed.error);
    await withDatabase(io, (em) => updateSettings(em, { [key]: parsed.value } as Partial<Settings>));
    io.out(SETTINGS_CLI.saved(key));
    return 0;
  },
};

export const settingsCommands: Command[] = [settingsListCommand, settingsSetCommand];
