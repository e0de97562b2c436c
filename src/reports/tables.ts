import { formatYenJa } from '../lib/money.js';
import type { Aggregates } from './dashboard.service.js';
import { barChart, esc } from './svg-chart.js';
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
        header: [T.colType, T.active, T.withdrawn, T.colTotal],
        rows: a.types.map((r) => [r.typeName, r.active, r.withdrawn, r.active + r.withdrawn]),
      };
    case 'months':
      return {
        header: [T.colMonth, T.yen(T.dues), T.yen(T.donations)],
        rows: a.months.map((r) => [r.month, r.dues, r.donations]),
      };
    case 'years':
      return {
        header: [T.colYear, T.colBilled, T.colCollected, T.colRate],
        rows: a.years.map((r) => [r.fiscalYear, r.billed, r.collected, pct(r.rate)]),
      };
    case 'prefectures':
      return { header: [T.colPrefecture, T.colMembers], rows: a.prefectures.map((r) => [r.prefecture, r.count]) };
    case 'campaigns':
      return {
        header: [T.colCampaign, T.colTarget, T.colCurrent, T.colReached],
        rows: a.campaigns.map((r) => [r.name, r.targetLabel, r.currentLabel, `${r.percent}%`]),
      };
  }
}

/** The five dashboard charts as SVG strings, keyed like the tables. */
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
      format: T.people,
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
      categories: a.years.map((r) => T.fiscalYear(r.fiscalYear)),
      max: 1,
      series: [{ name: T.colRate, values: a.years.map((r) => r.rate) }],
      format: pct,
    }),
    prefectures: barChart({
      id: 'chart-prefectures',
      title: T.chartPrefectures,
      horizontal: true,
      categories: a.prefectures.map((r) => r.prefecture),
      series: [{ name: T.colMembers, values: a.prefectures.map((r) => r.count) }],
      format: T.people,
    }),
    campaigns: barChart({
      id: 'chart-campaigns',
      title: T.chartCampaigns,
      horizontal: true,
      categories: a.campaigns.map((r) => r.name),
      max: Math.max(1, ...a.campaigns.map((r) => r.ratio)),
      series: [{ name: T.colReached, values: a.campaigns.map((r) => r.ratio) }],
      format: (v) => `${Math.floor(v * 100)}%`,
    }),
  };
}

/**
 * The dashboard's chart rows as one HTML string (chart, then its numbers as a table with a CSV
 * link), built once per computation: every request of the same data prints the same bytes.
 */
export function chartSections(
  charts: Record<AggregateTable, string>,
  tables: Record<AggregateTable, Table>,
  names: Record<AggregateTable, string>,
): string {
  return (Object.keys(charts) as AggregateTable[])
    .map((key) => {
      const tb = tables[key];
      const head = tb.header.map((h) => `<th scope="col">${esc(h)}</th>`).join('');
      const body = tb.rows
        .map(
          (r) =>
            `<tr>${r
              .map((c, i) =>
                i === 0
                  ? `<th scope="row">${esc(c)}</th>`
                  : `<td class="num">${esc(typeof c === 'number' && T.yenColumn.test(tb.header[i] ?? '') ? formatYenJa(c) : c)}</td>`,
              )
              .join('')}</tr>`,
        )
        .join('');
      return (
        `<section class="chart-row" id="${key}"><div>${charts[key]}</div>\n` +
        `<table class="chart-table"><caption>${esc(names[key])} <a href="/reports/aggregates/${key}.csv">CSV</a></caption>\n` +
        `<thead><tr>${head}</tr></thead>\n<tbody>${body}</tbody></table>\n</section>`
      );
    })
    .join('\n');
}
