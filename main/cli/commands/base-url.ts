import { Command } from 'commander';
import { confluenceApiUrl } from '../../core/atlassian/confluence-client.js';
import { runCommand } from '../command-runner.js';
import { printJson, printLine } from '../output.js';
import { resolveConnection } from '../resolve-names.js';

/** `base-url`: where the connection's API calls go, `${apiBaseUrl}/ex/confluence/{cloudId}`. No secret is read. */
export function baseUrlCommand(): Command {
  return new Command('base-url')
    .description('Print the API base URL a connection resolves to: <API gateway>/ex/confluence/<cloudId>')
    .argument('<connection>', 'connection name or id')
    .option('--folder <folder>', 'the folder of the connection, when its name is used in several')
    .option('--json', 'print JSON')
    .action((reference: string, options: { folder?: string; json?: boolean }, command: Command) =>
      runCommand(command, async (cli) => {
        const record = resolveConnection(cli.snapshot(), reference, options.folder);
        const { apiBaseUrl } = (await cli.environmentWithoutStarting(record.environmentId)).endpoints;
        // The same join as every API call of the connection (connection-api.ts), without a path.
        const baseUrl = confluenceApiUrl(apiBaseUrl, record.site.cloudId, '').replace(/\/$/, '');
        if (options.json) printJson({ connectionId: record.id, name: record.name, environmentId: record.environmentId, apiBaseUrl, cloudId: record.site.cloudId, baseUrl });
        else printLine(baseUrl);
      }),
    );
}
