// @ts-check
import { createHash } from 'node:crypto';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import { defineConfig } from 'astro/config';
import { catalogIds } from './src/integrations/catalog-ids';
import { rehypeBaseLinks } from './src/plugins/rehype-base-links.mjs';
import { rehypeFocusableCode } from './src/plugins/rehype-focusable-code.mjs';
import { themeInitScript } from './src/scripts/theme-init.mjs';

/** Deploy under a sub-path (e.g. GitHub Pages project sites): BASE_PATH=/lab/ npm run build. */
const base = process.env.BASE_PATH || '/';

/** @param {string} source */
const sha256 = (source) =>
  /** @type {`sha256-${string}`} */ (`sha256-${createHash('sha256').update(source).digest('base64')}`);

/**
 * The search dialog's code as its own file at a fixed address, beside the script every page runs
 * (in _astro/), which imports it by URL on first use (src/scripts/site.ts). A bundled dynamic import would add Vite's
 * preload helper to that script, which pages without islands cannot afford (3 KB in all).
 * @returns {import('vite').Plugin}
 */
function searchDialogChunk() {
  let client = false;
  return {
    name: 'search-dialog-chunk',
    apply: 'build',
    configResolved(config) {
      client = !config.build.ssr;
    },
    buildStart() {
      if (client)
        this.emitFile({ type: 'chunk', id: '/src/scripts/search-dialog.ts', fileName: '_astro/search-dialog.js' });
    },
  };
}

export default defineConfig({
  base,
  ...(process.env.SITE_URL ? { site: process.env.SITE_URL } : {}),
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  // catalogIds: the build fails on a page citing an ID outside the current framework releases.
  integrations: [mdx(), preact(), catalogIds()],
  // Prism marks tokens with classes (styled in global.css); Shiki's inline styles break under the CSP.
  markdown: { syntaxHighlight: 'prism', rehypePlugins: [[rehypeBaseLinks, { base }], rehypeFocusableCode] },
  devToolbar: { enabled: false },
  vite: {
    plugins: [searchDialogChunk()],
    build: {
      rollupOptions: {
        output: {
          // The code every page runs, in one file: split across chunks it gzips worse, and pages
          // without islands have 3 KB in all.
          manualChunks(id) {
            // The layout's own <script> joins too, so a page fetches one file instead of two.
            if (id.includes('/src/layouts/BaseLayout.astro?astro&type=script')) return 'site';
            if (
              /\/src\/(scripts\/(site|progress-badges|term-tips)|stores\/(storage|engine|notices|theme|progress-actions)|lib\/progress\/(keys|record))\.ts$/.test(
                id,
              )
            ) {
              return 'site';
            }
            // Every island needs the Preact runtime and the store bindings: one file instead of five.
            if (
              /\/node_modules\/(preact\/(dist|hooks\/dist|jsx-runtime\/dist)|@nanostores\/preact|nanostores)\//.test(id)
            )
              return 'preact';
            // Debounced storage writes: shared by lessons, exercises and interview practice, on its own so
            // no page pulls in another's store code with it.
            // storedAtom joins it: every store that mirrors a key uses both, and on its own it would be
            // pulled into whichever chunk first needs it (the lesson checks'), dragging that chunk along.
            if (/\/src\/stores\/(deferred-writes|stored-atom)\.ts$/.test(id)) return 'writes';
            // A lesson's checks and its summary share their store and question logic.
            if (/\/src\/(lib\/quiz\/record|stores\/(quiz|family-quiz))\.ts$/.test(id)) return 'quiz';
            return undefined;
          },
        },
      },
    },
  },
  experimental: {
    // Every page gets a CSP <meta>: only same-origin scripts and the hashes of inline ones.
    csp: {
      scriptDirective: {
        // Pagefind compiles its search index reader from WebAssembly.
        resources: ["'self'", "'wasm-unsafe-eval'"],
        hashes: [sha256(themeInitScript)],
      },
      styleDirective: { resources: ["'self'"] },
      directives: [
        "default-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "img-src 'self' data: blob:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "frame-src 'none'",
      ],
    },
  },
});
