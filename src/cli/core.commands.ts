import { loadConfig } from '../config.js';
import { openOrm } from '../db/orm.js';
import { startServer } from '../server.js';
import type { Command } from './command.js';

export const coreCommands: Command[] = [
  {
    name: 'serve',
    usage: 'enishi serve',
    summary: 'Webアプリを起動します（起動時にデータベースを最新の形に更新します）',
    async run(args) {
      if (args.length) throw new Error(`serve は引数を取りません: ${args.join(' ')}`);
      await startServer(loadConfig());
      return -1; // keep running
    },
  },
  {
    name: 'migrate',
    usage: 'enishi migrate',
    summary: 'データベースのマイグレーションを適用します',
    async run(args, io) {
      if (args.length) throw new Error(`migrate は引数を取りません: ${args.join(' ')}`);
      const orm = await openOrm(loadConfig(io.env), { migrate: false });
      try {
        const applied = await orm.getMigrator().up();
        io.out(applied.length ? `${applied.length} 件のマイグレーションを適用しました` : 'データベースは最新です');
      } finally {
        await orm.close();
      }
      return 0;
    },
  },
];
