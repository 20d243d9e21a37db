import type { Figure, Suite } from './figures.js';
import { withinBudget } from './figures.js';

/** Formats a figure's value with its unit, such as "0.83 ms" or "12.4 kB". */
function formatValue(value: number, unit: Figure['unit']): string {
  const number = value.toLocaleString('en-US', { maximumFractionDigits: 3 });
  return unit === 'ratio' ? `${number}×` : `${number} ${unit}`;
}

function verdict(figure: Figure): string {
  if (figure.budget === undefined) return '';
  return withinBudget(figure) ? 'holds' : '**over**';
}

/** Escapes the characters that would break a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** Formats the suites as Markdown, with a heading and a table for each. */
export function formatSuites(suites: readonly Suite[]): string {
  return suites
    .map((suite) => {
      const rows = suite.figures.map((figure) =>
        [
          figure.name,
          formatValue(figure.value, figure.unit),
          figure.budget === undefined ? '' : `≤ ${formatValue(figure.budget, figure.unit)}`,
          verdict(figure),
          figure.spread ?? '',
          figure.note ?? '',
        ]
          .map(cell)
          .join(' | '),
      );
      return [
        `### ${suite.title}`,
        '',
        '| Figure | Value | Budget | Verdict | Spread | Note |',
        '| --- | --: | --: | --- | --- | --- |',
        ...rows.map((row) => `| ${row} |`),
      ].join('\n');
    })
    .join('\n\n');
}

/** Summarizes in one line whether the run met its budgets, such as "14 of 15 budgets hold; over: …". */
export function summarizeBudgets(suites: readonly Suite[]): { line: string; allHold: boolean } {
  const budgeted = suites.flatMap((suite) =>
    suite.figures
      .filter((figure) => figure.budget !== undefined)
      .map((figure) => ({ suite, figure })),
  );
  const over = budgeted.filter(({ figure }) => !withinBudget(figure));
  const heldLine = `${budgeted.length - over.length} of ${budgeted.length} budgets hold`;
  if (over.length === 0) return { line: `${heldLine}.`, allHold: true };
  const names = over.map(({ suite, figure }) => `${suite.title}: ${figure.name}`).join('; ');
  return { line: `${heldLine}; over: ${names}.`, allHold: false };
}
