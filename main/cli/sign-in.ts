import type { Site } from '../core/atlassian/accessible-resources.js';
import { AppError } from '../core/errors/app-error.js';
import { LoopbackAuthorizer } from '../core/oauth/loopback-authorizer.js';
import type { ConnectionDraft } from '../core/services/authorization-coordinator.js';
import type { ConnectionSummary } from '../core/services/connection-summary.js';
import type { AuthPhase, AuthProgress } from '../core/services/service-events.js';
import type { EnvironmentId } from '../core/store/settings-store.js';
import type { CliContext, CliServices } from './cli-context.js';
import { note } from './output.js';
import { ask, canPrompt } from './prompt.js';
import { openInSystemBrowser } from './system-browser.js';

export interface SignInOptions {
  /** --no-browser: print the URL and wait for the callback; someone opens it by hand. */
  browser: boolean;
  /** --site: a site's name, URL or cloud ID, for sign-ins that reach several. */
  site?: string | undefined;
  timeoutSeconds?: number | undefined;
  /** The environment to sign in with (a reconnect keeps the connection's own). */
  environmentId?: EnvironmentId | undefined;
}

const PROGRESS: Partial<Record<AuthPhase, string>> = {
  'exchanging-code': 'Signed in; exchanging the authorization code…',
  'finding-sites': 'Finding your Confluence sites…',
  saving: 'Saving the connection…',
};

/**
 * Connect or reconnect through the system browser and a loopback callback (RFC 8252): the same
 * AuthorizationCoordinator as the app, so the same request, checks, site choice and sealed save.
 */
export async function signIn(cli: CliContext, makeDraft: (services: CliServices) => ConnectionDraft, options: SignInOptions): Promise<ConnectionSummary> {
  const authorizer = new LoopbackAuthorizer(async (url) => {
    note(`Open this URL in a browser on this computer to sign in to Atlassian:\n\n  ${url}\n`);
    if (options.browser && !(await openInSystemBrowser(url))) note('No browser could be opened here: open the URL above yourself.');
    note('Waiting for the sign-in to finish (Ctrl-C cancels)…');
  });
  const services = await cli.openServices({
    authorizer,
    ...(options.timeoutSeconds ? { signInTimeoutMs: options.timeoutSeconds * 1000 } : {}),
    ...(options.environmentId ? { environmentId: options.environmentId } : {}),
  });
  const draft = makeDraft(services);
  const { coordinator } = services.connections;
  let attemptId: string | null = null;
  let siteError: AppError | null = null;
  const cancel = () => attemptId && coordinator.cancel(attemptId);

  const ended = new Promise<AuthProgress>((resolve) => {
    cli.onEvent((event) => {
      if (event.type !== 'auth:progress' || event.payload.draftId !== draft.draftId) return;
      const progress = event.payload;
      attemptId = progress.attemptId;
      const words = PROGRESS[progress.phase];
      if (words) note(words);
      if (progress.phase === 'choosing-site') {
        void chooseSite(progress.sites ?? [], options.site, progress.previousSite)
          .then((site) => coordinator.chooseSite(progress.attemptId, site.cloudId))
          .catch((error: unknown) => {
            siteError = error instanceof AppError ? error : new AppError('SITE_CHOICE_INVALID');
            cancel();
          });
      }
      if (progress.phase === 'connected' || progress.phase === 'failed' || progress.phase === 'cancelled') resolve(progress);
    });
  });
  process.once('SIGINT', cancel);
  try {
    coordinator.begin(draft);
    const end = await ended;
    if (siteError) throw siteError;
    if (end.phase !== 'connected' || !end.connection) throw end.error ? new AppError(end.error.code, end.error) : new AppError('OAUTH_CANCELLED');
    if (options.site && !siteMatches(end.connection.site, options.site)) {
      note(`Note: --site "${options.site}" matched no site; the only site this sign-in reaches, ${end.connection.site?.name}, was used.`);
    }
    return end.connection;
  } finally {
    process.removeListener('SIGINT', cancel);
  }
}

/** By --site, else the person answers (in a terminal), else the sites are listed in the error. */
async function chooseSite(sites: Site[], wanted: string | undefined, previous: Site | undefined): Promise<Site> {
  const list = sites.map((s) => `${s.name} (${s.url}, cloud ID ${s.cloudId})`).join('; ');
  if (wanted) {
    const site = sites.find((s) => siteMatches(s, wanted));
    if (site) return site;
    throw new AppError('SITE_CHOICE_INVALID', { message: `No site this sign-in reaches matches --site "${wanted}".`, remediation: `Use one of: ${list}.` });
  }
  const intro = previous
    ? `This sign-in cannot reach ${previous.name} (${previous.url}), the site this connection used. Choose a site:`
    : 'This sign-in reaches several Confluence sites. Choose one:';
  if (!canPrompt()) {
    throw new AppError('SITE_CHOICE_INVALID', {
      message: `${intro.replace(/ Choose (a site|one):$/, '')} A site must be chosen: ${list}.`,
      remediation: 'Run the command again with --site <name, URL or cloud ID>.',
    });
  }
  note(intro);
  sites.forEach((s, i) => note(`  ${i + 1}. ${s.name}  ${s.url}`));
  for (;;) {
    const answer = (await ask(`Site [1-${sites.length}]: `)).trim();
    const site = sites[Number(answer) - 1] ?? sites.find((s) => siteMatches(s, answer));
    if (site) return site;
  }
}

function siteMatches(site: Site | null, wanted: string): boolean {
  if (!site) return false;
  const bare = (value: string) => value.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/+$/, '');
  return site.cloudId === wanted.trim() || site.name.toLowerCase() === wanted.trim().toLowerCase() || bare(site.url) === bare(wanted);
}
