/** A row of `gpufit diff`'s totals table by its label: its cells after the label (two or more spaces apart). */
export const diffRow = (stdout: string, label: string): string[] =>
  stdout
    .split('\n')
    .find((l) => l.startsWith(label))!
    .split(/\s{2,}/)
    .slice(1);
