// Builds the renderer into dist/renderer: relative asset paths so it loads over file:// and the loopback host alike.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: './',
  // Vite 8 transforms TSX with oxc; the automatic runtime means no `import React` in components.
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: here('../dist/renderer'),
    emptyOutDir: true,
    target: 'chrome120',
    // Everything ships in files the CSP allows ('self'); nothing is inlined into index.html.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1500,
  },
  server: { strictPort: true },
});
