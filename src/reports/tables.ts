import { formatYenJa } from '../lib/money.js';
import type { Aggregates } from './dashboard.service.js';
import { barChart } from './svg-chart.js';
import { REPORT_TEXT as T, type AggregateTable } from './ui-text.js';

export interface Table {
  header: string[];
  rows: (string | number)[][];
}

const pct = (r: number) => `${(r * 100).toFixed(1)}%`;

/** Each aggregate as a plain table: the same numbers for the page, the screen reader and the CSV. */
export function aggregateTable(a: Aggregates, name: AggregateTable): Table {
  switch (name) {
    case 'types':
      return {
        header: ['会員種別', T.active, T.withdrawn, '合計'],
        rows: a.types.map((r) => [r.typeName, r.active, r.withdrawn, r.active + r.withdrawn]),
      };
    case 'months':
      return {
        header: ['月', `${T.dues}（円）`, `${T.donations}（円）`],
        rows: a.months.map((r) => [r.month, r.dues, r.donations]),
      };
    case 'years':
      return {
        header: ['年度', '請求額（円）', '回収額（円）', '回収率'],
        rows: a.years.map((r) => [r.fiscalYear, r.billed, r.collected, pct(r.rate)]),
      };
    case 'prefectures':
      return { header: ['都道府県', '会員数'], rows: a.prefectures.map((r) => [r.prefecture, r.count]) };
  }
}

/** The four dashboard charts as SVG strings, keyed like the tables. */
export function aggregateCharts(a: Aggregates): Record<AggregateTable, string> {
  return {
    types: barChart({
      id: 'chart-types',
      title: T.chartTypes,
      horizontal: true,
      categories: a.types.map((r) => r.typeName),
      series: [
        { name: T.active, values: a.types.map((r) => r.active) },
        { name: T.withdrawn, values: a.types.map((r) => r.withdrawn) },
      ],
      format: (n) => `${n}人`,
    }),
    months: barChart({
      id: 'chart-months',
      title: T.chartMonths,
      categories: a.months.map((r) => r.month.replace('-', '/')),
      series: [
        { name: T.dues, values: a.months.map((r) => r.dues) },
        { name: T.donations, values: a.months.map((r) => r.donations) },
      ],
      format: formatYenJa,
    }),
    years: barChart({
      id: 'chart-years',
      title: T.chartYears,
      categories: a.years.map((r) => `${r.fiscalYear}年度`),
      max: 1,
      series: [{ name: '回収率', values: a.years.map((r) => r.rate) }],
      format: pct,
    }),
    prefectures: barChart({
      id: 'chart-prefectures',
      title: T.chartPrefectures,
      horizontal: true,
      categories: a.prefectures.map((r) => r.prefecture),
      series: [{ name: '会員数', values: a.prefectures.map((r) => r.count) }],
      format: (n) => `${n}人`,
    }),
  };
}
