/** Shorten a label for an axis: charts are read at a glance; the tables carry full names. */
export function shortLabel(text: string, max = 32): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length <= max ? oneLine : `${oneLine.slice(0, max - 1)}…`;
}

/**
 * The locale chart.js formats tick and tooltip numbers in. Without it chart.js uses the runtime's default
 * locale (from LANG/LC_ALL in Node, the browser's language in HTML), so `1,000` became `1.000` or `١٬٠٠٠`
 * and a PNG's bytes depended on who rendered it. The reports' own text formats numbers the same way.
 */
export const CHART_LOCALE = 'en-US';

/** Shared plain-data options: no animation (PNG and print draw at once), fixed size, title, legend below. */
export function baseOptions(title: string, subtitle: string) {
  return {
    locale: CHART_LOCALE,
    animation: false as const,
    responsive: false,
    plugins: {
      title: { display: true, text: title, font: { size: 18, weight: 'bold' as const }, color: '#111827' },
      subtitle: {
        display: subtitle.length > 0,
        text: subtitle,
        font: { size: 13 },
        color: '#4b5563',
        padding: { bottom: 12 },
      },
      legend: { position: 'bottom' as const },
    },
  };
}
