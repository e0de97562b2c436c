import { parseArgs } from 'node:util';
import { CliError, withDatabase, type Command } from '../cli/command.js';
import { parseSetting, SETTING_KEYS } from './setting-keys.js';
import { getSettings, updateSettings, type Settings } from './settings.service.js';

export const settingsListCommand: Command = {
  name: 'settings list',
  usage: 'enishi settings list [--json]',
  summary: '設定の一覧を表示します（--json: すべての項目のキーと値）',
  async run(args, io) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' } } });
    if (positionals.length) throw new CliError(`不明な引数です: ${positionals.join(' ')}`, 2);
    const s = (await withDatabase(io, (em) => getSettings(em))) as unknown as Record<string, unknown>;
    if (values.json) {
      io.out(
        JSON.stringify({
          settings: SETTING_KEYS.map((k) => ({ key: k.key, value: s[k.key], group: k.group, label: k.label })),
        }),
      );
    } else {
      for (const k of SETTING_KEYS) io.out(`${k.key} = ${k.format(s[k.key]).replace(/\n/g, ' / ')}  （${k.label}）`);
    }
    return 0;
  },
};

export const settingsSetCommand: Command = {
  name: 'settings set',
  usage: 'enishi settings set KEY VALUE',
  summary: '設定を1項目変更します（設定画面と同じ確認をします）',
  async run(args, io) {
    if (args.length !== 2) throw new CliError('キーと値を1つずつ指定してください（値が空なら ""）', 2);
    const [key, raw] = args as [string, string];
    const parsed = parseSetting(key, raw);
    if ('error' in parsed) throw new CliError(parsed.error);
    await withDatabase(io, (em) => updateSettings(em, { [key]: parsed.value } as Partial<Settings>));
    io.out(`${key} を保存しました`);
    return 0;
  },
};

export const settingsCommands: Command[] = [settingsListCommand, settingsSetCommand];
