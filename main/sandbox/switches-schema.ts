/** The zod shape of SandboxSwitches, shared by the admin patch endpoint and the state file. */
import { z } from 'zod';

/** Atlassian has been seen to send Retry-After: 9223372036854775807; the sandbox sends what it is told. */
export const MAX_RETRY_AFTER_SECONDS = 9223372036854775807;

export const switchFields = {
  offline: z.boolean(),
  expireCodesImmediately: z.boolean(),
  tamperState: z.boolean(),
  tokenEndpoint: z.enum(['normal', 'server-error', 'rate-limited']),
  refreshEndpoint: z.enum(['normal', 'reject', 'omit-refresh-token']),
  api: z.enum(['normal', 'rate-limited', 'server-error']),
  grantFewerScopes: z.array(z.string().min(1)),
  // Not z.int(): zod 4 limits that to safe integers, and the point is to allow absurd values.
  retryAfterSeconds: z
    .number()
    .min(0)
    .max(MAX_RETRY_AFTER_SECONDS)
    .refine(Number.isInteger, 'expected an integer number of seconds'),
} as const;

/**
 * Retry-After as a header value. 9223372036854775807 is not a double (it parses as 2^63), so the
 * top of the range is written back the way Atlassian sends it.
 */
export function retryAfterHeader(seconds: number): string {
  return seconds >= MAX_RETRY_AFTER_SECONDS ? '9223372036854775807' : BigInt(seconds).toString();
}
