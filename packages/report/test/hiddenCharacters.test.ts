// Defence in depth behind the loaders (which reject hidden characters in names): should a name with NUL, ESC
// or a bidirectional override reach a renderer anyway (a library caller, a future field), every text report
// writes it out visibly as ⟨U+XXXX⟩ instead of passing it on.
import { hiddenCharacterProblem } from '@gpufit/schema';
import { describe, expect, it } from 'vitest';
import { renderCsv, renderFocus, renderHtml, renderMarkdown } from '../src/index.js';
import { buildAnalysis } from './fixtures/analysis.js';
import { mutableCopy } from './helpers/mutable.js';

const HIDDEN = ['\u0000', '\u001b', '\u007f', '\u0085', '\u061c', '\u200f', '\u202e', '\u2066', '\u2069'];
/** Whether a text holds a raw control or bidirectional character (the schema's one definition of them). */
const hasHidden = (text: string) => hiddenCharacterProblem(text) !== null;

function withHiddenNames() {
  const a = mutableCopy(buildAnalysis());
  a.workloads[0]!.name = `Chat${HIDDEN.join('')}bot`;
  a.rejected[0]!.reason = 'kind must be one of …; got "\u202Ebatch"';
  a.workloads[1]!.id = 'id\u202Egpj.exe';
  return a;
}

describe('hidden characters in names are shown, never passed on', () => {
  it.each([
    ['report.md', () => renderMarkdown(withHiddenNames())],
    ['report.csv', () => renderCsv(withHiddenNames())],
    ['forecast-focus.csv', () => renderFocus(withHiddenNames())],
    ['report.html', () => renderHtml(withHiddenNames(), { chartJsSource: 'window.Chart = {};' })],
  ])('%s', (file, render) => {
    const text = render();
    // The HTML page embeds the analysis as JSON for its charts; JSON is data, checked apart below.
    const shown = text.replace(/<script[\s\S]*?<\/script>/g, '');
    expect(hasHidden(shown)).toBe(false);
    expect(shown).toContain('⟨U+202E⟩');
    if (!file.endsWith('focus.csv')) expect(shown).toContain('Chat⟨U+0000⟩⟨U+001B⟩⟨U+007F⟩⟨U+0085⟩');
  });
});
