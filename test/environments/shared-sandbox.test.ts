/**
 * The app, the browser shell and the CLI on one data folder use ONE in-app sandbox: tokens one of
 * them got from "Atlassian" must be known to the Atlassian the others talk to (a reviewer found a
 * connection made by the CLI refused by the app's sandbox as "revoked").
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EnvironmentRegistry, sandboxLeaseFileIn, sandboxStateFileIn } from '../../main/environments/environment-registry.js';
import { readEnvironmentSettings } from '../../main/environments/environment-settings.js';

const registries: EnvironmentRegistry[] = [];
const registryFor = (dataDir: string) => {
  const registry = new EnvironmentRegistry(readEnvironmentSettings({}), { sandboxStateFile: sandboxStateFileIn(dataDir) });
  registries.push(registry);
  return registry;
};
afterEach(async () => {
  for (const r of registries.splice(0).reverse()) await r.close();
});

describe('one sandbox per data folder', () => {
  it('a second process on the same data folder uses the running sandbox instead of starting its own', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cd-shared-sandbox-'));
    const app = registryFor(dataDir);
    const appUrl = await app.sandboxUrl();
    expect(existsSync(sandboxLeaseFileIn(dataDir))).toBe(true);

    const cli = registryFor(dataDir);
    expect(await cli.sandboxUrl()).toBe(appUrl);
    expect((await cli.runningSandbox())?.endpoints.issuer).toBe(appUrl);
    // The user of a shared sandbox leaves it running when it is done.
    await cli.close();
    expect((await fetch(`${appUrl}/__admin/switches`)).ok).toBe(true);

    // The owner removes the lease when it stops: the next one starts its own.
    await app.close();
    expect(existsSync(sandboxLeaseFileIn(dataDir))).toBe(false);
    const next = registryFor(dataDir);
    expect(await next.runningSandbox()).toBeNull();
    expect(await next.sandboxUrl()).not.toBe(appUrl);
  });

  it("a lease left by a process that died is ignored, and the sandbox is started here", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cd-shared-sandbox-'));
    const dead = await new Promise<number>((resolve) => {
      const child = spawn(process.execPath, ['-e', '0']);
      child.on('exit', () => resolve(child.pid!));
    });
    mkdirSync(dirname(sandboxLeaseFileIn(dataDir)), { recursive: true });
    writeFileSync(sandboxLeaseFileIn(dataDir), JSON.stringify({ url: 'http://127.0.0.1:9', pid: dead }));
    const registry = registryFor(dataDir);
    expect(await registry.runningSandbox()).toBeNull();
    const url = await registry.sandboxUrl();
    expect(url).not.toBe('http://127.0.0.1:9');
    expect((await fetch(`${url}/__admin/switches`)).ok).toBe(true);
  });

  it('a data folder of its own keeps a sandbox of its own', async () => {
    const a = registryFor(mkdtempSync(join(tmpdir(), 'cd-shared-sandbox-')));
    const b = registryFor(mkdtempSync(join(tmpdir(), 'cd-shared-sandbox-')));
    expect(await a.sandboxUrl()).not.toBe(await b.sandboxUrl());
  });
});
