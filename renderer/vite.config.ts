// Builds the renderer into dist/renderer: relative asset paths so it loads over file:// and the loopback host alike.
import { defineConfig, type Plugin } from 'vite';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const here = (p: string): string => `${import.meta.dirname}/${p}`;

/** pdf.js needs its CJK character maps and standard fonts to draw Chinese PDFs that do not embed their fonts. */
function pdfjsAssets(): Plugin {
  const pkg = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return {
    name: 'fazhi-pdfjs-assets',
    apply: 'build',
    writeBundle(options) {
      const out = options.dir ?? here('../dist/renderer');
      for (const dir of ['cmaps', 'standard_fonts']) fs.cpSync(path.join(pkg, dir), path.join(out, 'pdfjs', dir), { recursive: true });
    },
  };
}

export default defineConfig({
  root: here('.'),
  base: './',
  plugins: [pdfjsAssets()],
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
