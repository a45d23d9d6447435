// @vitest-environment node
/**
 * electron-builder.yml against electron-builder's own JSON schema, offline (installers cannot be
 * built here). ajv and js-yaml are transitive dependencies of electron-builder; js-yaml ships no
 * types, so its one function is typed here.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(source: string): unknown };
const schema = require('app-builder-lib/scheme.json') as object;
const config = yaml.load(readFileSync(new URL('../../electron-builder.yml', import.meta.url), 'utf8')) as Record<string, unknown>;

describe('electron-builder.yml', () => {
  it('is valid for electron-builder 26', () => {
    // The options electron-builder itself validates with (minus coerceTypes, which would hide type slips).
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    expect(validate(config), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('sets the fuses of the security checklist (electron.md §1 item 18)', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs the electron-vite output for Windows, macOS and Linux', () => {
    expect(config).toMatchObject({
      appId: 'com.connectdesk.app',
      productName: 'ConnectDesk',
      files: expect.arrayContaining(['out/**/*']),
      win: { target: ['nsis'] },
      mac: { target: ['dmg'], hardenedRuntime: true },
      linux: { target: ['AppImage', 'deb'] },
    });
  });
});
