import t from 'tap';
import type { Aggregates } from '../../src/reports/dashboard.service.js';
import { aggregateCharts, aggregateTable, chartSections } from '../../src/reports/tables.js';
import { AGGREGATE_TABLES, type AggregateTable } from '../../src/reports/ui-text.js';

const agg: Aggregates = {
  types: [{ typeName: '正会員', active: 3, withdrawn: 1 }],
  months: [{ month: '2026-05', dues: 3000, donations: 11000 }],
  years: [{ fiscalYear: 2026, billed: 10000, collected: 5000, rate: 0.5 }],
  prefectures: [{ prefecture: '大阪府', count: 2 }],
  campaigns: [{ name: '<夏> & 募金', targetLabel: '40,000円', currentLabel: '11,000円', ratio: 0.275, percent: 27 }],
};

t.test(
  'the dashboard sections print each chart beside its table, yen columns as yen, every name escaped',
  async (t) => {
    const names = Object.keys(AGGREGATE_TABLES) as AggregateTable[];
    const tables = Object.fromEntries(names.map((n) => [n, aggregateTable(agg, n)])) as Record<
      AggregateTable,
      ReturnType<typeof aggregateTable>
    >;
    const html = chartSections(aggregateCharts(agg), tables, AGGREGATE_TABLES);
    t.equal((html.match(/<section class="chart-row"/g) ?? []).length, 5);
    t.equal((html.match(/<svg xmlns/g) ?? []).length, 5);
    t.match(html, '<th scope="row">2026-05</th><td class="num">3,000円</td><td class="num">11,000円</td>');
    t.match(
      html,
      '<th scope="row">2026</th><td class="num">10,000円</td><td class="num">5,000円</td><td class="num">50.0%</td>',
    );
    t.match(
      html,
      '<th scope="row">&lt;夏&gt; &amp; 募金</th><td class="num">40,000円</td><td class="num">11,000円</td><td class="num">27%</td>',
    );
    t.notMatch(html, '<夏>');
    t.match(html, '<a href="/reports/aggregates/campaigns.csv">CSV</a>');
  },
);
