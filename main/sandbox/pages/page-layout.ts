/** Shared HTML shell: system font, light/dark from the OS, readable contrast in both. */

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const styles = `
:root {
  color-scheme: light dark;
  --bg: #f7f8f9; --card: #ffffff; --text: #172b4d; --muted: #44546f; --border: #dcdfe4;
  --primary: #0c66e4; --primary-text: #ffffff; --primary-hover: #0055cc;
  --hint-bg: #e9f2ff; --hint-border: #85b8ff; --error-bg: #ffeceb; --error-text: #ae2e24;
  --code-bg: #f1f2f4; --focus: #388bff;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #1d2125; --card: #22272b; --text: #dee4ea; --muted: #9fadbc; --border: #454f59;
    --primary: #579dff; --primary-text: #1d2125; --primary-hover: #85b8ff;
    --hint-bg: #1c2b41; --hint-border: #0055cc; --error-bg: #42221f; --error-text: #fd9891;
    --code-bg: #2c333a; --focus: #85b8ff;
  }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--text); line-height: 1.5;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 420px; margin: 48px auto; padding: 0 16px; }
main.wide { max-width: 960px; }
.card { background: var(--card); border: 1px solid var(--border); border-radius: 8px; padding: 32px;
  box-shadow: 0 1px 3px rgba(9, 30, 66, 0.12); }
.brand { font-weight: 600; color: var(--muted); margin: 0 0 16px; font-size: 0.9rem; letter-spacing: 0.02em; }
h1 { font-size: 1.35rem; margin: 0 0 16px; }
h2 { font-size: 1.1rem; margin: 28px 0 8px; }
p { margin: 0 0 12px; }
.muted { color: var(--muted); }
label { display: block; font-weight: 600; font-size: 0.9rem; margin: 16px 0 4px; }
input[type=email], input[type=password], input[type=text] { width: 100%; padding: 8px 10px; font: inherit;
  color: var(--text); background: var(--card); border: 2px solid var(--border); border-radius: 4px; }
input:focus-visible, button:focus-visible, a:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }
button { font: inherit; font-weight: 600; padding: 8px 16px; border-radius: 4px; cursor: pointer;
  border: 1px solid var(--border); background: var(--card); color: var(--text); }
button.primary { background: var(--primary); color: var(--primary-text); border-color: var(--primary); }
button.primary:hover { background: var(--primary-hover); }
.full { width: 100%; margin-top: 24px; }
.actions { display: flex; gap: 12px; justify-content: flex-end; margin-top: 24px; }
a { color: var(--primary); }
.hint { background: var(--hint-bg); border: 1px solid var(--hint-border); border-radius: 6px; padding: 12px 16px;
  margin-top: 24px; font-size: 0.9rem; }
.hint ul { margin: 8px 0 0; padding-left: 20px; }
.error { background: var(--error-bg); color: var(--error-text); border-radius: 4px; padding: 8px 12px; margin-bottom: 8px; }
.account { display: flex; justify-content: space-between; align-items: center; gap: 12px;
  border: 1px solid var(--border); border-radius: 6px; padding: 10px 12px; margin-bottom: 16px; }
.scopes { list-style: none; padding: 0; margin: 0; }
.scopes li { border-top: 1px solid var(--border); padding: 10px 0; }
.scopes code, td code, pre { background: var(--code-bg); border-radius: 3px; padding: 1px 4px; }
pre { padding: 10px 12px; overflow-x: auto; }
table { width: 100%; border-collapse: collapse; font-size: 0.9rem; }
th, td { text-align: left; padding: 8px; border-bottom: 1px solid var(--border); vertical-align: top; }
th { color: var(--muted); font-weight: 600; }
.inline { display: inline; }
`;

export function renderPage(input: { title: string; body: string; wide?: boolean }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(input.title)}</title>
<style>${styles}</style>
</head>
<body>
<main${input.wide ? ' class="wide"' : ''}>
${input.body}
</main>
</body>
</html>`;
}
