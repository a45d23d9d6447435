/** Shown when /authorize cannot trust the request enough to redirect anywhere. */
import { escapeHtml, renderPage } from './page-layout.js';

export function renderErrorPage(input: { title: string; message: string; detail?: string }): string {
  const detail = input.detail ? `<p class="muted">${escapeHtml(input.detail)}</p>` : '';
  return renderPage({
    title: `${input.title} - Atlassian sandbox`,
    body: `<div class="card">
<p class="brand">Atlassian sandbox</p>
<h1>${escapeHtml(input.title)}</h1>
<p class="error" role="alert">${escapeHtml(input.message)}</p>
${detail}
<p class="muted">You can close this window and check the OAuth app settings.</p>
</div>`,
  });
}
