// @ts-check
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'dist-*/', '.astro/', 'node_modules/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // Command-line tools print their results.
    files: ['scripts/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    // Only the stores touch browser storage (validation, quarantine, quota and tabs live there).
    files: ['src/**/*.{ts,tsx,astro,mjs}'],
    ignores: ['src/stores/**', 'src/scripts/theme-init.mjs'],
    rules: {
      'no-restricted-globals': [
        'error',
        {
          name: 'localStorage',
          message:
            'Read and write through src/stores (storage.ts), which validates, quarantines and reports quota errors.',
        },
        { name: 'sessionStorage', message: 'Read and write through src/stores.' },
      ],
    },
  },
  {
    // src/lib is pure TypeScript: no DOM, no Astro, no stores or islands, so Node CLIs and unit tests can use all of it.
    files: ['src/lib/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['astro', 'astro:*', 'astro/*'],
              message: 'src/lib has no Astro imports: pages and components read collections and pass data in.',
            },
            {
              group: ['preact', 'preact/*', 'nanostores', '@nanostores/*'],
              message: 'src/lib has no UI or store code: islands and stores call into it.',
            },
            {
              group: ['**/stores/*', '**/islands/*', '**/components/*', '**/pages/*', '**/layouts/*'],
              message: 'src/lib does not depend on the layers that use it.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'localStorage',
          'sessionStorage',
          'navigator',
          'location',
          'HTMLElement',
          'requestAnimationFrame',
        ].map((name) => ({
          name,
          message: 'src/lib never touches the DOM or the browser: it runs in Node too.',
        })),
      ],
    },
  },
);
