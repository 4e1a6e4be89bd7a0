import { showHiddenCharacters } from '@gpufit/schema';
/**
 * Make input text literal in CommonMark/GFM: every character that can open an inline construct — emphasis,
 * code, links and images, raw HTML (`<img …>`), entities, strikethrough, table pipes, GitHub math (`$`) —
 * is backslash-escaped (CommonMark §2.4 allows it before any ASCII punctuation), and line breaks become
 * spaces so text cannot start a new block. `<img src=x onerror=alert(1)>` renders as that text, never as HTML.
 */
export function escapeMarkdown(text: string): string {
  return showHiddenCharacters(text)
    .replace(/\r\n|[\r\n\u2028\u2029]/g, ' ')
    .replace(/[\\`*_[\]<>|~&$]/g, (c) => `\\${c}`);
}

/** Escape what only matters at the start of a line (headings, list markers, thematic breaks, setext). */
export function escapeLineStart(line: string): string {
  const ordered = /^(\d{1,9})([.)])/.exec(line);
  if (ordered !== null) return `${ordered[1]}\\${ordered[2]}${line.slice(ordered[0].length)}`;
  return /^[#+\-=]/.test(line) ? `\\${line}` : line;
}

/**
 * A code span that holds any text: the fence is one backtick longer than the longest run inside, padded
 * when the text starts or ends with a backtick; pipes are escaped because GFM splits table cells on them
 * even inside code spans.
 */
export function markdownCodeSpan(text: string): string {
  const oneLine = showHiddenCharacters(text)
    .replace(/\r\n|[\r\n\u2028\u2029]/g, ' ')
    .replace(/\|/g, '\\|');
  const longest = Math.max(0, ...(oneLine.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = oneLine.startsWith('`') || oneLine.endsWith('`') || oneLine.length === 0 ? ' ' : '';
  return `${fence}${pad}${oneLine}${pad}${fence}`;
}
