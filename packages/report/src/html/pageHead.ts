import { escapeHtml } from './escapeHtml.js';

/**
 * The start of a gpufit self-contained page (report.html, whatif.html), up to `</head>`: UTF-8, the page's
 * Content-Security-Policy (`strictCsp`) as a meta element, no referrer, a phone-width viewport, its title and its
 * one inline stylesheet (allowed by the policy's hash).
 */
export function strictPageHead(page: {
  readonly title: string;
  readonly csp: string;
  readonly style: string;
}): string[] {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(page.csp)}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="gpufit">',
    `<title>${escapeHtml(page.title)}</title>`,
    `<style>${page.style}</style>`,
    '</head>',
  ];
}
