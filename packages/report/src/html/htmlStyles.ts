/** The report's only stylesheet (inlined, allowed by its CSP hash). No external fonts: system fonts only. */
export const HTML_STYLES = `
:root { color-scheme: light; --ink: #111827; --muted: #4b5563; --line: #e5e7eb; --band: #f9fafb; --accent: #1d4ed8; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #fff; font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", sans-serif; }
main { max-width: 1120px; margin: 0 auto; padding: 32px 28px 64px; }
h1 { font-size: 28px; margin: 0 0 4px; letter-spacing: -0.01em; }
h2 { font-size: 21px; margin: 40px 0 12px; padding-top: 12px; border-top: 2px solid var(--ink); }
h3 { font-size: 18px; margin: 28px 0 8px; }
h4 { font-size: 15px; margin: 22px 0 6px; color: var(--muted); text-transform: uppercase; letter-spacing: 0.04em; }
p { margin: 8px 0; }
.meta { color: var(--muted); margin-bottom: 8px; }
nav.toc { display: flex; flex-wrap: wrap; gap: 6px 18px; margin: 12px 0 0; font-size: 14px; }
nav.toc a { color: var(--accent); text-decoration: none; }
.headline { font-size: 17px; background: #eff6ff; border-left: 4px solid var(--accent); padding: 12px 16px; margin: 16px 0; }
table { border-collapse: collapse; width: 100%; margin: 10px 0 14px; font-size: 14px; }
th, td { padding: 6px 9px; border-bottom: 1px solid var(--line); vertical-align: top; text-align: left; overflow-wrap: break-word; hyphens: none; }
td.long { overflow-wrap: anywhere; }
th { background: var(--band); font-weight: 600; border-bottom: 2px solid #d1d5db; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tbody tr:nth-child(even) td { background: #fcfcfd; }
tfoot td { font-weight: 700; border-top: 2px solid var(--ink); border-bottom: none; }
code { font: 13px/1.4 ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace; background: #f3f4f6; padding: 1px 4px; border-radius: 3px; overflow-wrap: anywhere; }
section.workload { border: 1px solid var(--line); border-radius: 8px; padding: 4px 20px 12px; margin: 18px 0; }
figure.chart { margin: 18px 0; padding: 12px; border: 1px solid var(--line); border-radius: 8px; background: #fff; }
figure.chart canvas { display: block; max-width: 100%; height: auto; margin: 0 auto; }
figcaption { color: var(--muted); font-size: 13px; margin-top: 6px; }
ul, ol { padding-left: 22px; margin: 6px 0 10px; }
li { margin: 3px 0; }
footer { color: var(--muted); font-size: 13px; margin-top: 40px; }
@media print {
  main { max-width: none; padding: 0; }
  nav.toc { display: none; }
  figure.chart, table, section.workload h3 { break-inside: avoid; }
  section.workload { border: none; padding: 0; }
}
`;
