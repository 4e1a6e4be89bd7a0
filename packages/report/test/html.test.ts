import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { chartConfigs } from '../src/charts/chartConfigs.js';
import { escapeHtml } from '../src/html/escapeHtml.js';
import { jsonForScript } from '../src/html/jsonForScript.js';
import { renderHtml } from '../src/html/renderHtml.js';
import { base64, sha256 } from '../src/html/sha256.js';
import { buildAnalysis, XSS_NAME } from './fixtures/analysis.js';
import { withEveryInputString } from './helpers/injection.js';

const FAKE_CHART_JS = 'window.Chart = function Chart() {};';
const html = renderHtml(buildAnalysis(), { chartJsSource: FAKE_CHART_JS });
const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)].map((m) => ({
  attrs: m[1] ?? '',
  body: m[2] ?? '',
}));
const nodeHash = (s: string): string => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;

describe('sha256 (for CSP hashes) matches FIPS 180-2 vectors and node:crypto', () => {
  test.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    [
      'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    ],
  ])('sha256(%j)', (input, hex) => {
    expect(Buffer.from(sha256(input)).toString('hex')).toBe(hex);
  });

  test('agrees with node:crypto on any text, and base64 agrees with Buffer', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        const bytes = sha256(s);
        expect(Buffer.from(bytes).toString('hex')).toBe(createHash('sha256').update(s, 'utf8').digest('hex'));
        expect(base64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
      }),
    );
  });
});

describe('renderHtml: self-contained, offline, escaped', () => {
  test('a strict CSP allows exactly the inline scripts and style it carries, by hash, and nothing from the network', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1] ?? '';
    const policy = csp.replace(/&#39;/g, "'");
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("connect-src 'none'");
    expect(policy).toContain("img-src 'none'");
    const executable = scripts.filter((s) => !s.attrs.includes('application/json'));
    expect(executable).toHaveLength(2);
    const scriptSrc = /script-src ([^;]+)/.exec(policy)?.[1]?.trim().split(' ') ?? [];
    expect(scriptSrc).toEqual(executable.map((s) => nodeHash(s.body)));
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    expect(/style-src ([^;]+)/.exec(policy)?.[1]?.trim()).toBe(nodeHash(style));
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
  });

  test('a native SHA-256 passed in (as the CLI passes node:crypto) gives the same page byte for byte', () => {
    let calls = 0;
    const native = (text: string): Uint8Array => {
      calls++;
      return createHash('sha256').update(text, 'utf8').digest();
    };
    expect(renderHtml(buildAnalysis(), { chartJsSource: FAKE_CHART_JS, sha256: native })).toBe(html);
    expect(calls).toBe(3);
  });

  test('the CSP meta tag comes before any script or style', () => {
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<style>'));
  });

  test('chart.js is inlined as given; nothing is loaded by URL', () => {
    expect(scripts.some((s) => s.body === FAKE_CHART_JS)).toBe(true);
    expect(html).not.toMatch(/<(script|img|link|iframe|object|embed)\b[^>]*\b(src|href)=/i);
    for (const m of html.matchAll(/\bhref="([^"]*)"/g)) expect(m[1]).toMatch(/^#/);
  });

  test('the workload named like an <img> tag is escaped text, never markup', () => {
    expect(html).not.toContain(XSS_NAME);
    expect(html).toContain(escapeHtml(XSS_NAME));
    expect(html).not.toMatch(/<img\b/i);
  });

  test('chart data is inline JSON that reads back to the chart configurations', () => {
    const data = scripts.find((s) => s.attrs.includes('id="gpufit-chart-data"'));
    expect(data?.attrs).toContain('type="application/json"');
    const parsed = JSON.parse(data?.body ?? '') as { id: string; config: unknown }[];
    expect(parsed).toEqual(chartConfigs(buildAnalysis()).map((c) => ({ id: c.id, config: c.config })));
  });

  test('"</script>" and U+2028 in input cannot break out of the JSON data block', () => {
    const nasty = 'x</script><script>alert(1)</script>\u2028<!--';
    const out = renderHtml(buildAnalysis({ renameWorkloads: (n, i) => (i === 2 ? nasty : n) }), {
      chartJsSource: FAKE_CHART_JS,
    });
    expect(out.match(/<script\b/g)).toHaveLength(3);
    expect(out).not.toContain('<script>alert(1)');
    const data =
      /<script type="application\/json" id="gpufit-chart-data">([\s\S]*?)<\/script>/.exec(out)?.[1] ?? '';
    expect(data).not.toMatch(/[<>&\u2028\u2029]/);
    expect(data).toContain('\\u003c/script\\u003e');
    expect(JSON.stringify(JSON.parse(data))).toContain('Monthly spend: x</script><script>alert(1)</script>');
  });

  test('every string from input is escaped: a tag-breaking payload in all of them adds no element', () => {
    const payload = '"><script>alert(1)</script><img src=x onerror=alert(2)>\'';
    const { analysis } = withEveryInputString(buildAnalysis(), payload);
    const out = renderHtml(analysis, { chartJsSource: FAKE_CHART_JS });
    expect(out.match(/<script\b/g)).toHaveLength(3);
    expect(out).not.toMatch(/<img\b/i);
    expect(out).toContain(escapeHtml(payload));
  });

  test('a chart.js source that could end the script element is refused, as is an empty one', () => {
    expect(() => renderHtml(buildAnalysis(), { chartJsSource: 'var s = "</script>";' })).toThrow(
      /unsafe-chart-source|<\/script/,
    );
    expect(() => renderHtml(buildAnalysis(), { chartJsSource: '  ' })).toThrow(
      expect.objectContaining({ code: 'empty-chart-source' }),
    );
  });

  test('one canvas per chart, with its size and an accessible label', () => {
    const canvases = [
      ...html.matchAll(
        /<canvas id="chart-([a-z0-9-]+)" width="(\d+)" height="(\d+)" role="img" aria-label="[^"]+">/g,
      ),
    ];
    expect(canvases.map((m) => m[1])).toEqual(chartConfigs(buildAnalysis()).map((c) => c.id));
  });

  test('states assumptions, sources with as-of dates, framework version and seed', () => {
    for (const s of [
      'id="assumptions"',
      'id="sources"',
      'Decision framework version',
      '20270101',
      '2026-09-20',
    ])
      expect(html).toContain(s);
  });

  test('is byte-identical for the same input', () => {
    expect(renderHtml(buildAnalysis(), { chartJsSource: FAKE_CHART_JS })).toBe(html);
  });
});

describe('escaping helpers', () => {
  test.each([
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['a & b', 'a &amp; b'],
    [`"quoted" 'single'`, '&quot;quoted&quot; &#39;single&#39;'],
  ])('escapeHtml(%j)', (input, output) => {
    expect(escapeHtml(input)).toBe(output);
  });

  test('jsonForScript escapes <, >, &, U+2028 and U+2029 and stays valid JSON', () => {
    const value = { s: '</script><!-- & \u2028\u2029' };
    const text = jsonForScript(value);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});
