import t from 'tap';
import { markdownBlocks } from '../../src/documents/markdown-blocks.js';

t.test('Markdown becomes headings, paragraphs, list items, images and rules', async (t) => {
  const cases: [string, string, unknown[]][] = [
    [
      'heading and paragraph',
      '# 夏のお便り\n\n暑い日が続きます。',
      [
        { type: 'heading', level: 1, spans: [{ text: '夏のお便り' }] },
        { type: 'paragraph', spans: [{ text: '暑い日が続きます。' }] },
      ],
    ],
    ['bold', '**ご報告** です', [{ type: 'paragraph', spans: [{ text: 'ご報告', bold: true }, { text: ' です' }] }]],
    [
      'bullet list',
      '- 清掃\n- 夏祭り',
      [
        { type: 'item', marker: '・', depth: 1, spans: [{ text: '清掃' }] },
        { type: 'item', marker: '・', depth: 1, spans: [{ text: '夏祭り' }] },
      ],
    ],
    [
      'ordered list from 3',
      '3. 受付\n4. 開会',
      [
        { type: 'item', marker: '3.', depth: 1, spans: [{ text: '受付' }] },
        { type: 'item', marker: '4.', depth: 1, spans: [{ text: '開会' }] },
      ],
    ],
    [
      'uploaded image',
      '![集合写真](/mailings/newsletters/images/12)',
      [{ type: 'image', imageId: 12, alt: '集合写真' }],
    ],
    [
      'a file path or URL is not an image',
      '![x](/etc/passwd) ![y](http://example.com/a.png)',
      [{ type: 'paragraph', spans: [{ text: 'x' }, { text: ' ' }, { text: 'y' }] }],
    ],
    [
      'HTML stays text',
      '<script>alert(1)</script>',
      [{ type: 'paragraph', spans: [{ text: '<script>alert(1)</script>' }] }],
    ],
    [
      'a link keeps its text only',
      '[詳しくはこちら](javascript:alert(1))',
      [{ type: 'paragraph', spans: [{ text: '[詳しくはこちら](javascript:alert(1))' }] }],
    ],
    ['control characters are dropped', 'あ\u000cい\u0000う', [{ type: 'paragraph', spans: [{ text: 'あいう' }] }]],
    ['rule', '---', [{ type: 'rule' }]],
  ];
  for (const [name, src, expected] of cases) t.same(markdownBlocks(src), expected, name);
});
