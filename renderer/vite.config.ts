// Builds the renderer into dist/renderer: relative asset paths so it loads over file:// and the loopback host alike.
import { defineConfig } from 'vite';

// This file runs in Node at build time, but lives under renderer/ whose lint forbids Node imports: import.meta.dirname needs none.
const here = (p: string): string => `${import.meta.dirname}/${p}`;

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
