import { createHash } from 'node:crypto';

import { escapeHtml } from './page-text';

/**
 * The one stylesheet of every listener page. It is allowed by its SHA-256 hash in the
 * Content-Security-Policy, so pages must not use `style` attributes or a second `<style>`.
 */
const stylesheet = `
:root {
  color-scheme: light dark;
  --bg: #f5f6f8; --fg: #1c2330; --muted: #5a6473; --card: #ffffff; --line: #d8dde4;
  --accent: #0a5fd1; --on-accent: #ffffff; --error: #b42318; --warning: #9a5b00; --ok: #17803a;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #13161b; --fg: #e5e8ed; --muted: #9aa3b1; --card: #1c2027; --line: #2d333c;
    --accent: #6ea8ff; --on-accent: #0b1320; --error: #ff8b80; --warning: #f0b44c; --ok: #5fc97b;
  }
}
* { box-sizing: border-box; }
body {
  margin: 0; background: var(--bg); color: var(--fg);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
}
main { max-width: 54rem; margin: 2rem auto; padding: 0 1rem; }
.card {
  background: var(--card); border: 1px solid var(--line); border-radius: 8px;
  padding: 1.25rem 1.5rem; margin-bottom: 1rem;
}
.eyebrow { margin: 0 0 .25rem; color: var(--muted); font-size: .85rem; }
h1 { margin: 0 0 .75rem; font-size: 1.4rem; line-height: 1.3; }
h1.failed { color: var(--error); }
h2 {
  margin: 0 0 .5rem; color: var(--muted); font-size: .8rem;
  text-transform: uppercase; letter-spacing: .05em;
}
p { margin: .5rem 0; }
ul { margin: .25rem 0; padding-left: 1.25rem; }
code { font: .9em ui-monospace, Consolas, monospace; word-break: break-all; }
.fix { border-left: 3px solid var(--accent); padding-left: .75rem; }
a.button {
  display: inline-block; margin-top: .5rem; padding: .6rem 1.1rem; border-radius: 6px;
  background: var(--accent); color: var(--on-accent); font-weight: 600; text-decoration: none;
}
table { width: 100%; border-collapse: collapse; font-size: .9rem; }
th, td {
  padding: .35rem .5rem; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top;
}
th { color: var(--muted); font-weight: 600; }
table.params th { width: 11rem; }
td.ms { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td code { word-break: normal; white-space: nowrap; }
.status-ok { color: var(--ok); }
.status-warning { color: var(--warning); }
.status-error { color: var(--error); }
.status-skipped { color: var(--muted); }
footer { color: var(--muted); font-size: .8rem; }
`;

const stylesheetHash = createHash('sha256').update(stylesheet).digest('base64');

/** CSP source expression that allows exactly the stylesheet above. */
export const stylesheetHashSource = `'sha256-${stylesheetHash}'`;

/** Wraps already-escaped body markup in a complete page and escapes `title`. */
export function renderPage(title: string, bodyHtml: string): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(title)} · Technician Toolbox</title>`,
    `<style>${stylesheet}</style>`,
    '</head>',
    `<body><main>${bodyHtml}</main></body>`,
    '</html>',
  ].join('\n');
}
