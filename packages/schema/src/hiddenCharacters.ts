/**
 * Characters that a report or a terminal shows as nothing, or that reorder the text around them: C0 controls but
 * tab, line feed and carriage return (NUL, ESC, …), DEL, C1 controls, and the Unicode bidirectional controls
 * (U+061C, U+200E–U+200F, U+202A–U+202E, U+2066–U+2069; "Trojan Source", CVE-2021-42574), with which a name can
 * read as something else than it is (`U+202E` turns `gpj.exe` around). A name never needs one.
 */
const HIDDEN =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what this pattern is for
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
const HIDDEN_ALL = new RegExp(HIDDEN.source, 'g');

/** A hidden character as text shows it: `⟨U+202E⟩`. */
function codePoint(c: string): string {
  return `⟨U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}⟩`;
}

/**
 * What is wrong with a text holding a hidden character, as the end of a sentence that starts with the field's
 * name: `contains U+202E (a bidirectional control) at character 4; …`; null when it holds none.
 */
export function hiddenCharacterProblem(text: string): string | null {
  const m = HIDDEN.exec(text);
  if (m === null) return null;
  const c = m[0].charCodeAt(0);
  const kind = c <= 0x9f ? 'a control character' : 'a bidirectional control';
  return `contains ${codePoint(m[0]).slice(1, -1)} (${kind}) at character ${m.index + 1}, which a report would show as nothing or use to reorder the text; remove it`;
}

/** The text with each hidden character written out visibly (`⟨U+0000⟩`), for reports (defence in depth). */
export function showHiddenCharacters(text: string): string {
  return HIDDEN.test(text) ? text.replace(HIDDEN_ALL, codePoint) : text;
}
