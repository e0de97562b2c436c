import { registerAuditLabels } from '../audit/labels.js';
import { BATCH_TEXT } from './ui-text.js';

/** Background runs in the change log. */
export function registerBatchAuditLabels(): void {
  registerAuditLabels('Batch', {
    label: BATCH_TEXT.auditLabel,
    fields: {
      kind: '種類',
      title: '内容',
      params: '条件',
      status: '状態',
      done: '済み',
      total: '全体',
      outputFile: 'ファイル',
      outputName: 'ファイル名',
      outputBytes: 'サイズ',
      error: 'エラー',
      createdBy: '開始した人',
      startedAt: '開始',
      finishedAt: '終了',
    },
    values: { status: BATCH_TEXT.status },
  });
  registerAuditLabels('JobRun', {
    label: '定時ジョブの実行',
    fields: {
      job: 'ジョブ',
      trigger: 'きっかけ',
      startedAt: '開始',
      finishedAt: '終了',
      outcome: '結果',
      counts: '件数',
      summary: '概要',
      error: 'エラー',
    },
  });
}
