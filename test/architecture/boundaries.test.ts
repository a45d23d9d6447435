import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The layering ARCHITECTURE.md fixes, checked on every source file so a violation fails CI. */
const ROOT = process.cwd();

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|js|mjs)$/.test(name) ? [path] : [];
  });
}

interface ImportLine {
  file: string;
  specifier: string;
  typeOnly: boolean;
}

function importsOf(file: string): ImportLine[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const found: ImportLine[] = [];
  const pattern = /^\s*(import|export)\s+(type\s+)?[^'";]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/gm;
  for (const m of text.matchAll(pattern)) {
    const specifier = m[3] ?? m[4] ?? m[5] ?? m[6];
    if (specifier) found.push({ file, specifier, typeOnly: Boolean(m[2]) });
  }
  return found;
}

/** Where a relative import lands, as a repository path. */
function target(line: ImportLine): string {
  if (!line.specifier.startsWith('.')) return line.specifier;
  return relative(ROOT, join(ROOT, line.file, '..', line.specifier));
}

describe('architecture boundaries', () => {
  it('main/core never imports electron, main/electron, main/sandbox, preload or renderer', () => {
    const offending = sourceFiles('main/core')
      .flatMap(importsOf)
      .filter((l) => {
        const t = target(l);
        return t === 'electron' || t.startsWith('electron/') || t === 'electron-store' || /^(main\/(electron|sandbox|ipc)|preload|renderer)(\/|$)/.test(t);
      });
    expect(offending.map((l) => `${l.file} → ${l.specifier}`)).toEqual([]);
  });

  it('renderer imports nothing from main/ and only types from preload/', () => {
    const offending = sourceFiles('renderer')
      .flatMap(importsOf)
      .filter((l) => {
        const t = target(l);
        return t.startsWith('main/') || (t.startsWith('preload/') && !l.typeOnly) || t === 'electron';
      });
    expect(offending.map((l) => `${l.file} → ${l.specifier}`)).toEqual([]);
  });

  it('main/cli (the command-line tool) runs without Electron: no electron, main/electron, main/ipc, preload or renderer', () => {
    const offending = sourceFiles('main/cli')
      .flatMap(importsOf)
      .filter((l) => {
        const t = target(l);
        return t === 'electron' || t.startsWith('electron/') || t === 'electron-store' || /^(main\/(electron|ipc)|preload|renderer)(\/|$)/.test(t);
      });
    expect(offending.map((l) => `${l.file} → ${l.specifier}`)).toEqual([]);
  });

  it('the preload stays tiny: no schema library, nothing from main/', () => {
    const offending = ['preload/index.ts', 'preload/bridge-api.ts', 'preload/channels.ts']
      .flatMap(importsOf)
      .filter((l) => !l.typeOnly && (target(l) === 'zod' || target(l).startsWith('main/') || target(l) === 'preload/contract.js'));
    expect(offending.map((l) => `${l.file} → ${l.specifier}`)).toEqual([]);
  });

  it('the checker itself sees violations (so the tests above can fail)', () => {
    const fake: ImportLine = { file: 'main/core/x.ts', specifier: '../electron/y.js', typeOnly: false };
    expect(target(fake)).toBe('main/electron/y.js');
    expect(importsOf('main/index.ts').some((l) => l.specifier === 'electron')).toBe(true);
  });
});
