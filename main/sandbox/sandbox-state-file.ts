/**
 * The optional state file (SandboxOptions.stateFile): what a restarted sandbox needs so that
 * connections made against the previous run keep working. JSON, version 1:
 *
 *   { "version": 1, "savedAt": ISO time,
 *     "signingKey": base64url of the 32-byte HS256 key of the access tokens,
 *     "switches": SandboxSwitches,        (switches added later default when absent: older files load)
 *     "clockOffsetMs": number,            (advanceClock; 0 when absent)
 *     "grants": [{ id, clientId, accountId, scopes, createdAt, revokedAt }],
 *     "refreshTokens": [{ token, grantId, issuedAt, disabledAt }],   (rotated ones too: reuse detection)
 *     "accessTokens": [{ jti, grantId, exp, expired }],               (only those not past exp)
 *     "clientSecrets": [{ clientId, clientSecret }] }                 (apps whose secret was rotated; [] when absent)
 *
 * Codes, browser sessions, pending authorize requests and the token-request log are short-lived
 * and never written. Saving is synchronous and atomic (temp file in the same directory, fsync,
 * rename), mode 0o600 since the file holds refresh tokens. A file that cannot be read or does not
 * validate is never overwritten: it is moved to "<file>.damaged-<timestamp>" and the sandbox
 * starts fresh, saying so once on stderr.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fchmodSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_SWITCHES, type SandboxSwitches } from './sandbox-api.js';
import { switchFields } from './switches-schema.js';
import type { DurableState } from './sandbox-state.js';

export const STATE_FILE_VERSION = 1;

/** What the file restores: the signer's key and the durable part of SandboxState. */
export interface PersistedSandbox {
  signingKey: Buffer;
  durable: DurableState;
}

const switchesSchema = z.strictObject({
  ...switchFields,
  refreshEndpoint: switchFields.refreshEndpoint.default(DEFAULT_SWITCHES.refreshEndpoint),
  api: switchFields.api.default(DEFAULT_SWITCHES.api),
  grantFewerScopes: switchFields.grantFewerScopes.default(() => []),
  retryAfterSeconds: switchFields.retryAfterSeconds.default(DEFAULT_SWITCHES.retryAfterSeconds),
}) satisfies z.ZodType<SandboxSwitches>;

const timestamp = z.number().finite();

const stateFileSchema = z
  .strictObject({
    version: z.literal(STATE_FILE_VERSION),
    savedAt: z.string(),
    signingKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'expected 32 bytes in base64url'),
    switches: switchesSchema,
    clockOffsetMs: z.number().min(0).max(Number.MAX_SAFE_INTEGER).default(0),
    grants: z.array(
      z.strictObject({
        id: z.string().min(1),
        clientId: z.string(),
        accountId: z.string(),
        scopes: z.array(z.string()),
        createdAt: timestamp,
        revokedAt: timestamp.nullable(),
      }),
    ),
    refreshTokens: z.array(
      z.strictObject({ token: z.string().min(1), grantId: z.string(), issuedAt: timestamp, disabledAt: timestamp.nullable() }),
    ),
    accessTokens: z.array(z.strictObject({ jti: z.string().min(1), grantId: z.string(), exp: timestamp, expired: z.boolean() })),
    clientSecrets: z.array(z.strictObject({ clientId: z.string().min(1), clientSecret: z.string().min(8) })).default(() => []),
  })
  .superRefine((file, issue) => {
    const grantIds = new Set(file.grants.map((g) => g.id));
    if (grantIds.size !== file.grants.length) issue.addIssue({ code: 'custom', path: ['grants'], message: 'duplicate grant id' });
    for (const [name, list] of [['refreshTokens', file.refreshTokens], ['accessTokens', file.accessTokens]] as const) {
      if (list.some((t) => !grantIds.has(t.grantId))) issue.addIssue({ code: 'custom', path: [name], message: 'token of an unknown grant' });
    }
  });

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export class SandboxStateFile {
  readonly path: string;
  /** Off only when a damaged file could not be moved aside: it is then left untouched. */
  private enabled = true;
  private failing = false;

  constructor(path: string, private readonly warn: (message: string) => void = (m) => process.stderr.write(`${m}\n`)) {
    this.path = resolve(path);
  }

  /** The previous run's state; null when there is none (missing file) or it was unusable. */
  load(): PersistedSandbox | null {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      return this.setAside(`unreadable: ${errorText(error)}`);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      return this.setAside(`not JSON: ${errorText(error)}`);
    }
    const parsed = stateFileSchema.safeParse(json);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      return this.setAside(`invalid: ${first ? `${first.path.join('.') || '(file)'}: ${first.message}` : 'schema mismatch'}`);
    }
    const { signingKey, switches, clockOffsetMs, grants, refreshTokens, accessTokens, clientSecrets } = parsed.data;
    return { signingKey: Buffer.from(signingKey, 'base64url'), durable: { switches, clockOffsetMs, grants, refreshTokens, accessTokens, clientSecrets } };
  }

  /** Writes the whole state atomically; a failure is reported once (per streak), never thrown. */
  save(state: PersistedSandbox): void {
    if (!this.enabled) return;
    const dir = dirname(this.path);
    const temp = join(dir, `.${basename(this.path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
    const body = {
      version: STATE_FILE_VERSION,
      savedAt: new Date().toISOString(),
      signingKey: state.signingKey.toString('base64url'),
      ...state.durable,
    };
    let fd: number | null = null;
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      fd = openSync(temp, 'wx', 0o600);
      fchmodSync(fd, 0o600);
      writeSync(fd, `${JSON.stringify(body, null, 2)}\n`);
      fsyncSync(fd);
      closeSync(fd);
      fd = null;
      renameSync(temp, this.path);
      this.failing = false;
    } catch (error) {
      if (fd !== null) closeSync(fd);
      try {
        unlinkSync(temp);
      } catch {
        // never created, or already renamed
      }
      if (!this.failing) this.warn(`Sandbox: could not save the state file ${this.path}: ${errorText(error)}`);
      this.failing = true;
    }
  }

  private setAside(reason: string): null {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    let target = `${this.path}.damaged-${stamp}`;
    for (let n = 1; existsSync(target); n += 1) target = `${this.path}.damaged-${stamp}-${n}`;
    try {
      renameSync(this.path, target);
      this.warn(`Sandbox: the state file ${this.path} is ${reason}. Moved it to ${target} and started with a fresh state.`);
    } catch (error) {
      this.enabled = false;
      this.warn(
        `Sandbox: the state file ${this.path} is ${reason}, and it could not be moved aside (${errorText(error)}). ` +
          'Running without a state file this time; the file is left untouched.',
      );
    }
    return null;
  }
}
