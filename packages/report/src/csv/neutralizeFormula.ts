/** The characters that make Excel, LibreOffice and Google Sheets read a cell as a formula (OWASP). */
export const FORMULA_TRIGGERS = ['=', '+', '-', '@', '\t', '\r'] as const;

/**
 * OWASP "CSV Injection": a text cell that starts with `=`, `+`, `-`, `@`, tab or carriage return is prefixed
 * with a single quote so spreadsheets show it as text instead of running it (`=HYPERLINK(…)` → `'=HYPERLINK(…)`).
 * Applied to text cells only; numbers gpufit formats itself are never touched.
 */
export function neutralizeFormula(text: string): string {
  return (FORMULA_TRIGGERS as readonly string[]).includes(text.charAt(0)) ? `'${text}` : text;
}
