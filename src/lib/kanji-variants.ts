/**
 * 異体字 folding for search: staff type 高橋 for 髙橋, 斉藤 for 齋藤, 渡辺 for 渡邊. Each variant maps to
 * the everyday form, applied to the indexed names and to the query alike, so either spelling finds
 * the other. Only for matching: names are stored and printed exactly as registered.
 */
const VARIANTS: Record<string, string> = {
  髙: '高',
  﨑: '崎',
  嵜: '崎',
  碕: '崎',
  邊: '辺',
  邉: '辺',
  齋: '斎',
  齊: '斎',
  斉: '斎',
  澤: '沢',
  濱: '浜',
  濵: '浜',
  德: '徳',
  槇: '槙',
  國: '国',
  櫻: '桜',
  廣: '広',
  冨: '富',
  籠: '篭',
  實: '実',
  藏: '蔵',
  眞: '真',
  惠: '恵',
  榮: '栄',
  關: '関',
  嶋: '島',
  嶌: '島',
  峯: '峰',
  龍: '竜',
  瀨: '瀬',
  淵: '渕',
  淸: '清',
  萬: '万',
  來: '来',
  壽: '寿',
  靜: '静',
  增: '増',
  彌: '弥',
  與: '与',
  兒: '児',
  圓: '円',
  黑: '黒',
  靑: '青',
  條: '条',
  團: '団',
  會: '会',
  學: '学',
  體: '体',
  豐: '豊',
  禮: '礼',
  亞: '亜',
  邨: '村',
  杦: '杉',
  桒: '桑',
  舘: '館',
  𠮷: '吉',
  曻: '昇',
  﨔: '欅',
};

/**
 * Every known variant → its everyday form. NFC first: it already folds most CJK compatibility
 * ideographs (e.g. U+FA19 神 → 神); 﨑 (U+FA11) and 𠮷 are not folded by any normal form, so they are in the table.
 */
export function foldKanjiVariants(s: string): string {
  let out = '';
  for (const ch of s.normalize('NFC')) out += VARIANTS[ch] ?? ch;
  return out;
}
