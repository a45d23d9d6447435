import { readFileSync } from 'node:fs';

/** The package version, shown by --version and written into exports. */
export const CLI_VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
