import { z } from 'zod';
import { DEFAULT_CALLBACK_URL } from '../core/atlassian/environment.js';

/**
 * Settings that say where Atlassian is and which OAuth app is managed. They come from the
 * environment (variables), never from the renderer. Documented in the README.
 */
const settingsSchema = z.object({
  CONNECTDESK_ENVIRONMENT: z.enum(['atlassian-cloud', 'sandbox']).default('atlassian-cloud'),
  CONNECTDESK_CALLBACK_URL: z.url().default(DEFAULT_CALLBACK_URL),
  CONNECTDESK_ATLASSIAN_AUTH_URL: z.url().default('https://auth.atlassian.com'),
  CONNECTDESK_ATLASSIAN_API_URL: z.url().default('https://api.atlassian.com'),
  CONNECTDESK_MANAGED_CLIENT_ID: z.string().optional(),
  CONNECTDESK_MANAGED_CLIENT_SECRET: z.string().optional(),
  /** Use a sandbox that is already running (npm run sandbox) instead of starting one in-process. */
  CONNECTDESK_SANDBOX_URL: z.url().optional(),
  CONNECTDESK_SANDBOX_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  /** How often Offline connections are retried. */
  CONNECTDESK_OFFLINE_RETRY_MS: z.coerce.number().int().min(200).max(3_600_000).default(60_000),
});

export type EnvironmentSettings = z.infer<typeof settingsSchema>;

export function readEnvironmentSettings(env: NodeJS.ProcessEnv = process.env): EnvironmentSettings {
  const parsed = settingsSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid setting ${String(issue?.path[0])}: ${issue?.message}`);
  }
  return parsed.data;
}
