/** First-run 役割; created by src/seed.ts only while the table is empty. */
export const DEFAULT_ROLES = [
  { name: '理事', officer: true, sortOrder: 1 },
  { name: '監事', officer: true, sortOrder: 2 },
  { name: '事務局長', officer: true, sortOrder: 3 },
  { name: '寄付者', officer: false, sortOrder: 10 },
  { name: 'ボランティア', officer: false, sortOrder: 11 },
  { name: '協力団体', officer: false, sortOrder: 12 },
];
