// typescript-eslint's recommended type-checked rules for the host, the webview and the tests;
// plus the project's own style: no default exports, no `vscode` in the pure layers.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', 'dist-vsix/**', '.cache/**', '.vscode-test/**', 'test-artifacts/**'] },
  js.configs.recommended,
  // Type-aware rules for TypeScript only; the project service lints webview/*.ts with
  // webview/tsconfig.json (DOM lib) and everything else with tsconfig.json. .mjs/.js stay untyped.
  ...tseslint.configs.recommendedTypeChecked.map((c) => ({ ...c, files: ['**/*.ts'] })),
  { files: ['**/*.ts'], languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } } },
  {
    files: ['**/*.ts'],
    rules: {
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    // The SDK loads on the first call: only src/aws/sdk.ts imports its runtime values. The one
    // exception is the SDK's own shared-ini reader (@smithy/core/config, about 9 KB bundled) in
    // src/aws/profiles.ts, so the status bar and pickers list profiles exactly as the SDK loads them.
    files: ['src/**/*.ts'],
    ignores: ['src/aws/sdk.ts', 'src/aws/profiles.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@aws-sdk/*', '@smithy/*'], allowTypeImports: true, message: 'Import SDK values only in src/aws/sdk.ts (loaded lazily).' }] },
      ],
    },
  },
  {
    files: ['src/aws/**/*.ts', 'src/contact/**/*.ts', 'src/timeline/**/*.ts', 'src/story/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'src/aws, src/contact, src/timeline and src/story are pure: no vscode import.' }] }],
    },
  },
  {
    files: ['src/contact/**/*.ts', 'src/timeline/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'src/contact and src/timeline are pure.' }], patterns: ['@aws-sdk/*', '@smithy/*'] }],
    },
  },
  {
    // Contact data reaches the webview's DOM as text only.
    files: ['webview/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'createContextualFragment', 'setHTMLUnsafe', 'srcdoc'].map((property) => ({
          property,
          message: 'Contact data reaches the DOM as text only (textContent).',
        })),
        { object: 'document', property: 'write' },
        { object: 'document', property: 'writeln' },
      ],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', Buffer: 'readonly' } },
  },
);
