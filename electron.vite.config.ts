/**
 * electron-vite build of the three parts:
 * - main: ESM (package type module), dependencies stay external (packed from node_modules);
 * - preload: CommonJS `[name].cjs`, because a sandboxed preload cannot load ESM (electron.md §3),
 *   with every dependency inlined (a sandboxed preload can require nothing but 'electron');
 * - renderer: the React app in renderer/ (index.html there).
 * Output: out/main/index.js, out/preload/index.cjs, out/renderer/ (see main-window resolveBuiltPaths).
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const fromRoot = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

export default defineConfig({
  main: {
    build: {
      externalizeDeps: true,
      rolldownOptions: {
        input: { index: fromRoot('./main/index.ts') },
      },
    },
  },
  preload: {
    build: {
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: fromRoot('./preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: fromRoot('./renderer'),
    plugins: [react()],
    build: {
      outDir: fromRoot('./out/renderer'),
      minify: true,
      rolldownOptions: {
        input: { index: fromRoot('./renderer/index.html') },
      },
    },
  },
});
