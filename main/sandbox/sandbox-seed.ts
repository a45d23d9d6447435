/**
 * The sandbox's world as data: OAuth apps, users and their sites. Validated with zod so a broken
 * seed fails at start with a readable message instead of misbehaving mid-flow.
 */
import { z } from 'zod';
import { confluenceCloud } from '../core/connectors/confluence-cloud.js';
import defaultSeedJson from './seed.json' with { type: 'json' };

/** Placeholders the seed may use; resolved at start (the callback URL is only known then). */
export const CALLBACK_URL_PLACEHOLDER = '{callbackUrl}';
export const CONFLUENCE_SCOPES_PLACEHOLDER = '{confluenceCloudScopes}';

const appSchema = z.object({
  clientId: z.string().min(1),
  clientSecret: z.string().min(8),
  label: z.string().min(1),
  /** The app ConnectDesk ships with (its secret lives in main), as opposed to a "bring your own" app. */
  managed: z.boolean(),
  redirectUris: z.array(z.string().min(1)).min(1),
  enabledScopes: z.array(z.string().min(1)).min(1),
});

const userSchema = z.object({
  accountId: z.string().min(1),
  email: z.string().email(),
  password: z.string().min(1),
  displayName: z.string().min(1),
  /** Shown on the sign-in hint and the console: which case this user exists for. */
  demonstrates: z.string().min(1),
  siteIds: z.array(z.string()),
});

const spaceSchema = z.object({ id: z.string(), key: z.string(), name: z.string() });
const pageSchema = z.object({ id: z.string(), spaceKey: z.string(), title: z.string() });

const siteSchema = z.object({
  cloudId: z.string().regex(/^[0-9a-f-]{36}$/i, 'cloudId must look like a uuid'),
  name: z.string().min(1),
  url: z.string().regex(/^https:\/\/[a-z0-9-]+\.atlassian\.net$/, 'url must be https://<site>.atlassian.net'),
  avatarUrl: z.string().url(),
  product: z.enum(['confluence', 'jira']),
  /**
   * Jira sites: the Jira scopes the account granted the app there earlier. The sandbox has no Jira
   * API; these only make the site show up in accessible-resources the way a real Jira site does.
   */
  jiraScopes: z.array(z.string()).default([]),
  spaces: z.array(spaceSchema).default([]),
  pages: z.array(pageSchema).default([]),
});

export const sandboxSeedSchema = z
  .object({ apps: z.array(appSchema).min(1), users: z.array(userSchema), sites: z.array(siteSchema) })
  .superRefine((seed, ctx) => {
    const unique = (values: string[], what: string): void => {
      const seen = new Set<string>();
      for (const v of values) {
        if (seen.has(v)) ctx.addIssue({ code: 'custom', message: `duplicate ${what}: ${v}` });
        seen.add(v);
      }
    };
    unique(seed.apps.map((a) => a.clientId), 'clientId');
    unique(seed.users.map((u) => u.email.toLowerCase()), 'user email');
    unique(seed.sites.map((s) => s.cloudId), 'cloudId');
    const siteIds = new Set(seed.sites.map((s) => s.cloudId));
    for (const user of seed.users) {
      for (const id of user.siteIds) {
        if (!siteIds.has(id)) ctx.addIssue({ code: 'custom', message: `${user.email} refers to unknown site ${id}` });
      }
    }
    if (seed.apps.filter((a) => a.managed).length !== 1) {
      ctx.addIssue({ code: 'custom', message: 'exactly one app must be managed: true' });
    }
  });

/** The seed as written (input may omit defaults). */
export type SandboxSeed = z.input<typeof sandboxSeedSchema>;
export type SeedApp = z.output<typeof appSchema>;
export type SeedUser = z.output<typeof userSchema>;
export type SeedSite = z.output<typeof siteSchema>;

/** The seed after validation with placeholders replaced; what the server runs on. */
export interface ResolvedSeed {
  apps: SeedApp[];
  users: SeedUser[];
  sites: SeedSite[];
}

/** Parses unknown input; throws with every problem listed. */
export function parseSeed(input: unknown): SandboxSeed {
  const result = sandboxSeedSchema.safeParse(input);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.') || '(seed)'}: ${i.message}`);
    throw new Error(`Invalid sandbox seed:\n  ${problems.join('\n  ')}`);
  }
  return result.data;
}

/** The seed shipped next to this file (seed.json). */
export function loadDefaultSeed(): SandboxSeed {
  return parseSeed(structuredClone(defaultSeedJson));
}

/** Every scope of the Confluence catalogue, so the apps can never lag behind it. */
export function confluenceCatalogueScopes(): string[] {
  return confluenceCloud.scopes.map((s) => s.scope);
}

export function resolveSeed(seed: SandboxSeed, callbackUrl: string): ResolvedSeed {
  const parsed = sandboxSeedSchema.parse(structuredClone(seed));
  const apps = parsed.apps.map((app) => ({
    ...app,
    redirectUris: app.redirectUris.map((u) => (u === CALLBACK_URL_PLACEHOLDER ? callbackUrl : u)),
    enabledScopes: [
      ...new Set(app.enabledScopes.flatMap((s) => (s === CONFLUENCE_SCOPES_PLACEHOLDER ? confluenceCatalogueScopes() : [s]))),
    ],
  }));
  return { apps, users: parsed.users, sites: parsed.sites };
}
