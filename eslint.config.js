// Lint: typescript-eslint with type information, React hooks rules, and the layering rules that
// keep the architecture visible — what a file may import follows from the folder it lives in.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import i18next from 'eslint-plugin-i18next';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
const rule = (group, message) => ({ group, message });
// pdf.js and mammoth parse untrusted files: only the extraction worker process loads them. Main
// reaches it through runExtractWorker (and may name ExtractionError).
const documentParsersOnlyInTheWorker = rule(
  [
    'pdfjs-dist',
    'pdfjs-dist/**',
    'mammoth',
    'htmlparser2',
    // Gitignore-style: a file is re-included only if its folder is not excluded.
    '**/extract/*',
    '!**/extract/worker',
    '**/extract/worker/*',
    '!**/extract/worker/runExtractWorker.js',
    '!**/extract/ExtractionError.js',
  ],
  'Documents are parsed only in the extraction worker: use runExtractWorker.',
);

export default tseslint.config(
  { ignores: ['dist/', 'release/', 'node_modules/', '.cache/', 'test-results/', '.scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', 'scripts/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@typescript-eslint/require-await': 'off',
      'no-console': 'off',
    },
  },
  {
    // node:test's describe() and test() return promises the runner itself awaits.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-floating-promises': 'off' },
  },
  {
    files: ['scripts/**/*.mjs', '*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['scripts/**/*.mjs', '*.js', 'renderer/vite.config.ts'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict([
        rule(
          ['node:*', 'electron', 'better-sqlite3', 'node-llama-cpp', 'pdfjs-dist', 'pdfjs-dist/**', 'mammoth'],
          'The renderer runs in a sandboxed page: no Node or native modules, no document parsers.',
        ),
        rule(['**/main/**'], 'The renderer talks to main only through the contract and its api client.'),
      ]),
    },
  },
  {
    // Every text a component shows comes from the catalogs (contract/i18n/locales): JSX text, and
    // the attributes people read or hear (labels, titles, placeholders), template literals included.
    files: ['renderer/src/components/**/*.tsx'],
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': [
        'error',
        {
          mode: 'jsx-only',
          'jsx-attributes': {
            include: [
              '^(aria-label|aria-description|aria-roledescription|aria-valuetext|title|placeholder|alt|label)$',
            ],
          },
          'should-validate-template': true,
          message: 'Text shown to people belongs in the catalogs (contract/i18n/locales): use t().',
        },
      ],
    },
  },
  {
    files: ['contract/**/*.ts'],
    rules: restrict([
      rule(
        ['node:*', 'electron', '**/main/**', '**/renderer/**', 'better-sqlite3', 'node-llama-cpp'],
        'The contract is plain TypeScript and zod, shared by every process.',
      ),
    ]),
  },
  {
    files: ['main/**/*.ts'],
    ignores: [
      'main/desktop/**',
      'main/engine/process/**',
      'main/storage/**',
      'main/models/download/worker/**',
      'main/documents/extract/**',
    ],
    rules: restrict([
      rule(['electron'], 'Only main/desktop may import Electron: services run and are tested under plain Node.'),
      rule(['better-sqlite3'], 'SQL lives in main/storage.'),
      rule(
        ['node-llama-cpp'],
        'Only the engine process (main/engine/process) and the download worker (main/models/download/worker) load node-llama-cpp.',
      ),
      rule(['**/renderer/**'], 'Main never imports renderer code.'),
      documentParsersOnlyInTheWorker,
    ]),
  },
  {
    // Runs in the extraction worker process, except worker/runExtractWorker.ts, main's side of it.
    files: ['main/documents/extract/**/*.ts'],
    rules: restrict([
      rule(['electron'], 'The extraction worker runs under utilityProcess or fork alike.'),
      rule(['better-sqlite3', '**/storage/**'], 'The extraction worker never touches the database.'),
      rule(['node-llama-cpp'], 'The extraction worker only reads files.'),
      rule(
        ['**/renderer/**', '**/desktop/**', '**/web/**', '**/chat/**', '**/app/**'],
        'The extraction worker knows only the contract.',
      ),
    ]),
  },
  {
    files: ['main/engine/process/**/*.ts'],
    rules: restrict([
      rule(['electron'], 'The engine runs under utilityProcess or fork alike and must not need Electron.'),
      rule(['better-sqlite3', '**/storage/**'], 'The engine never touches the database.'),
      rule(
        ['**/renderer/**', '**/desktop/**', '**/web/**', '**/chat/**', '**/app/**'],
        'The engine process knows only the contract.',
      ),
      documentParsersOnlyInTheWorker,
    ]),
  },
  {
    files: ['main/models/download/worker/**/*.ts'],
    rules: restrict([
      rule(['electron'], 'The download worker runs under utilityProcess or fork alike.'),
      rule(['better-sqlite3', '**/storage/**'], 'The download worker never touches the database.'),
      rule(['**/renderer/**', '**/desktop/**', '**/web/**', '**/chat/**', '**/app/**'], 'The worker only downloads.'),
      documentParsersOnlyInTheWorker,
    ]),
  },
  {
    files: ['main/storage/**/*.ts'],
    rules: restrict([
      rule(['electron', 'node-llama-cpp', '**/renderer/**'], 'Storage is plain Node and SQLite.'),
      documentParsersOnlyInTheWorker,
    ]),
  },
  {
    files: ['main/desktop/**/*.ts'],
    rules: restrict([
      rule(
        ['node-llama-cpp', 'better-sqlite3'],
        'The desktop layer is thin: it wires services, it does not do their work.',
      ),
      documentParsersOnlyInTheWorker,
    ]),
  },
);
