/** First-run 協力できる分野; created by src/seed.ts only while the table is empty. */
export const DEFAULT_SKILLS = ['イベント運営', '広報・デザイン', '会計', '翻訳', '車の運転', '子ども支援', 'IT'];
