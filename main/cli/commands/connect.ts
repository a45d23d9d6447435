import { randomUUID } from 'node:crypto';
import { Command, InvalidArgumentError, Option } from 'commander';
import { defaultScopes, getConnector, normaliseScopes } from '../../core/connectors/connector-catalogue.js';
import { AppError } from '../../core/errors/app-error.js';
import type { ConnectionDraft } from '../../core/services/authorization-coordinator.js';
import type { ConnectionSummary } from '../../core/services/connection-summary.js';
import type { StoreDocument } from '../../core/store/store-schema.js';
import { runCommand, usageError } from '../command-runner.js';
import { printJson, printLine } from '../output.js';
import { folderPath, resolveConnection, resolveFolder } from '../resolve-names.js';
import { signIn, type SignInOptions } from '../sign-in.js';

const CONNECTOR_ID = 'confluence-cloud';

interface ClientOptions {
  clientId?: string;
  clientSecretEnv?: string;
  clientSecretAsset?: string;
}

interface SignInFlags extends ClientOptions {
  scopes?: string[];
  site?: string;
  browser: boolean;
  timeout?: number;
  json?: boolean;
}

/** Options shared by connect and reconnect. A client secret is never an argument: ps and shell history would show it. */
function withSignInOptions(command: Command): Command {
  return command
    .option('--client-id <id>', 'your OAuth app client ID (Bring your own OAuth 2.0 app)')
    .addOption(new Option('--client-secret-env <variable>', 'read the client secret from this environment variable').conflicts('clientSecretAsset'))
    .option('--client-secret-asset <asset>', "use the folder's credential asset (name or id) as the client secret")
    .option('--scopes <scopes...>', 'scopes to request (space- or comma-separated; default: the six default permissions, or the ones asked before)')
    .option('--site <site>', 'the site to use when the sign-in reaches several: name, URL or cloud ID')
    .option('--no-browser', 'do not open a browser: print the URL to open, and wait for the sign-in')
    .option('--timeout <seconds>', 'stop waiting for the sign-in after this long (default 600)', positiveNumber)
    .option('--json', 'print the connection as JSON');
}

export function connectCommand(): Command {
  return withSignInOptions(
    new Command('connect')
      .description('Add a Confluence Cloud connection: sign in through the system browser (loopback callback), choose the site, save it')
      .requiredOption('--folder <folder>', 'the folder for the connection (name path or id)')
      .requiredOption('--name <name>', 'the connection name')
      .option('--byo', 'use your own OAuth 2.0 app (with --client-id and --client-secret-env or --client-secret-asset)'),
  ).action((options: SignInFlags & { folder: string; name: string; byo?: boolean }, command: Command) =>
    runCommand(command, async (cli) => {
      const doc = cli.snapshot();
      const folder = resolveFolder(doc, options.folder);
      const name = options.name.trim();
      if (name.length === 0 || name.length > 120) throw usageError('A connection name has 1 to 120 characters.', 'Choose another --name.');
      if (!options.byo && hasClientOptions(options)) throw usageError('--client-id and the client secret options go with --byo.', 'Add --byo to use your own OAuth app, or leave them out for the managed app.');
      if (options.byo && (!options.clientId || !(options.clientSecretEnv || options.clientSecretAsset))) {
        throw usageError('Your own OAuth app needs a client ID and a client secret.', 'Add --client-id <id> and --client-secret-env <variable> or --client-secret-asset <asset>.');
      }
      const scopes = requestedScopes(options.scopes) ?? defaultScopes(getConnector(CONNECTOR_ID));
      const secret = clientSecretOf(doc, folder.id, options);
      const connection = await signIn(
        cli,
        () => ({ draftId: randomUUID(), connectorId: CONNECTOR_ID, folderId: folder.id, name, authType: options.byo ? 'byo' : 'managed', clientId: options.clientId, ...secret, scopes }),
        signInOptions(options),
      );
      report(connection, folderPath(cli.snapshot(), connection.folderId), 'Connected', options.json);
    }),
  );
}

export function reconnectCommand(): Command {
  return withSignInOptions(
    new Command('reconnect')
      .description('Sign in again for a connection (same id, folder and name); keeps its site when this sign-in reaches it')
      .argument('<connection>', 'connection name or id')
      .option('--folder <folder>', 'the folder of the connection, when its name is used in several'),
  ).action((reference: string, options: SignInFlags & { folder?: string }, command: Command) =>
    runCommand(command, async (cli) => {
      const doc = cli.snapshot();
      const existing = resolveConnection(doc, reference, options.folder);
      if (existing.authType === 'managed' && hasClientOptions(options)) throw usageError('This connection uses the managed app: it takes no client ID or secret.', 'Leave out the client options.');
      const scopes = requestedScopes(options.scopes) ?? existing.requestedScopes;
      const secret = clientSecretOf(doc, existing.folderId, options);
      const draft = (): ConnectionDraft => ({
        draftId: randomUUID(),
        connectorId: existing.connectorId,
        folderId: existing.folderId,
        name: existing.name,
        authType: existing.authType,
        clientId: options.clientId,
        ...secret,
        scopes,
        reconnectConnectionId: existing.id,
      });
      // A reconnect signs in where the connection lives, unless --environment says otherwise.
      const connection = await signIn(cli, draft, { ...signInOptions(options), environmentId: command.optsWithGlobals().environment ?? existing.environmentId });
      report(connection, folderPath(cli.snapshot(), connection.folderId), 'Reconnected', options.json);
    }),
  );
}

function signInOptions(options: SignInFlags): SignInOptions {
  return { browser: options.browser, site: options.site, timeoutSeconds: options.timeout };
}

function hasClientOptions(options: ClientOptions): boolean {
  return Boolean(options.clientId || options.clientSecretEnv || options.clientSecretAsset);
}

/** Checked before any browser opens: a typo never reaches Atlassian. */
function requestedScopes(given: string[] | undefined): string[] | undefined {
  if (!given) return undefined;
  return normaliseScopes(getConnector(CONNECTOR_ID), given.flatMap((s) => s.split(/[\s,]+/)));
}

/** The client secret from an environment variable (read now) or a credential asset of the folder (resolved at sign-in). */
function clientSecretOf(doc: StoreDocument, folderId: string, options: ClientOptions): Pick<ConnectionDraft, 'clientSecret' | 'clientSecretAssetId'> {
  if (options.clientSecretEnv) {
    const value = process.env[options.clientSecretEnv];
    if (!value) throw usageError(`The environment variable ${options.clientSecretEnv} is not set.`, 'Set it to the client secret of your OAuth app, then run the command again.');
    return { clientSecret: value };
  }
  if (options.clientSecretAsset) {
    const wanted = options.clientSecretAsset.trim();
    const assets = doc.assets.filter((a) => a.folderId === folderId);
    const asset = assets.find((a) => a.id === wanted) ?? assets.find((a) => a.name.toLowerCase() === wanted.toLowerCase());
    if (!asset) {
      throw new AppError('ASSET_NOT_FOUND', {
        message: `The folder ${folderPath(doc, folderId)} has no credential asset "${wanted}".`,
        remediation: assets.length > 0 ? `Its credential assets: ${assets.map((a) => a.name).join(', ')}.` : 'Create the credential asset in the app (Credential assets tab) first.',
      });
    }
    return { clientSecretAssetId: asset.id };
  }
  return {};
}

function report(connection: ConnectionSummary, folder: string, verb: string, json: boolean | undefined): void {
  if (json) return printJson({ ...connection, folderPath: folder });
  const site = connection.site ? `${connection.site.name} (${connection.site.url})` : 'no site';
  printLine(`${verb} "${connection.name}" in ${folder}: site ${site}${connection.account ? `, account ${connection.account.displayName}` : ''}.`);
  printLine(`Connection id: ${connection.id}`);
}

function positiveNumber(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('Give a positive number of seconds, e.g. --timeout 300.');
  return n;
}
