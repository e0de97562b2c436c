/** What staff read about background runs. */
export const BATCH_TEXT = {
  listTitle: '印刷・一括処理',
  pageTitle: (title: string) => `${title}`,
  status: { queued: '待機中', running: '処理中', done: '完了', failed: '失敗' } as Record<string, string>,
  interrupted: 'サーバーの再起動で中断されました。もう一度実行してください。',
  notFound: '指定された処理は見つかりません',
  notDone: 'まだ完了していません。完了してからダウンロードしてください',
  outputMissing: '出力ファイルが見つかりません。もう一度実行してください',
  retryOnlyFailed: '失敗した処理だけをもう一度実行できます',
  retried: 'もう一度実行しています',
  unknownKind: (kind: string) => `この種類の処理は実行できません: ${kind}`,
  failedPrefix: '処理が途中で止まりました（ファイルは作られていません）: ',
  auditLabel: '印刷・一括処理',
} as const;

/** What the record of a scheduled job's run says. */
export const JOB_TEXT = {
  overlap: '前回の実行が終わっていないため見送りました',
  interrupted: 'サーバーの停止で中断されました',
} as const;
