/**
 * Finds the Electron executable WITHOUT triggering electron's lazy download (require('electron')
 * downloads when the binary is missing, which fails on machines without GitHub access).
 * Mirrors node_modules/electron/index.js: path.txt names the executable inside dist/, and
 * ELECTRON_OVERRIDE_DIST_PATH replaces dist/.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export function findElectronBinary(): string | null {
  let electronDir: string;
  try {
    electronDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = path.join(electronDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override
    ? path.join(override, executable ?? 'electron')
    : executable
      ? path.join(electronDir, 'dist', executable)
      : null;
  return candidate && existsSync(candidate) ? candidate : null;
}
