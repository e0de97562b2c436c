import { PortableMigration } from './base.js';

/** 担当者フリガナ: an organisation is found by its contact person's kana too. */
export class Migration20261202193000ContactKana extends PortableMigration {
  override async up(): Promise<void> {
    this.schema((s) =>
      s.alterTable('member', (t) => {
        t.string('contact_kana', 60).nullable();
      }),
    );
  }
}
