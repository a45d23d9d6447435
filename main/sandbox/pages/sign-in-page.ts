/** The login card, with the demo credentials in plain sight (it is a sandbox). */
import type { SeedUser } from '../sandbox-seed.js';
import { escapeHtml, renderPage } from './page-layout.js';

export const DEMO_PASSWORD_HINT = 'connectdesk';

export function renderSignInPage(input: {
  requestId: string | null;
  users: readonly SeedUser[];
  email?: string;
  error?: string;
}): string {
  const hiddenRequest = input.requestId
    ? `<input type="hidden" name="request" value="${escapeHtml(input.requestId)}">`
    : '';
  const error = input.error ? `<p class="error" role="alert">${escapeHtml(input.error)}</p>` : '';
  const users = input.users
    .map((u) => `<li><code>${escapeHtml(u.email)}</code>: ${escapeHtml(u.demonstrates)}</li>`)
    .join('');
  return renderPage({
    title: 'Log in to continue - Atlassian sandbox',
    body: `<div class="card">
<p class="brand">Atlassian sandbox</p>
<h1>Log in to continue</h1>
${error}
<form method="post" action="/login">
${hiddenRequest}
<label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="username" required value="${escapeHtml(input.email ?? '')}">
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button class="primary full" type="submit">Sign in</button>
</form>
<aside class="hint" aria-labelledby="demo-hint-title">
<strong id="demo-hint-title">Demo credentials</strong>
<p>Sign in as <code>demo@example.com</code> with password <code>${DEMO_PASSWORD_HINT}</code>.
Every demo user has the same password. Other users show other cases:</p>
<ul>${users}</ul>
</aside>
</div>`,
  });
}
