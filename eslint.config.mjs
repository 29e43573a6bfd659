// ESLint: TypeScript's recommended rules and React's hooks rules. Formatting is prettier's job.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', 'test-results/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
      'no-control-regex': 'off',
      '@typescript-eslint/no-explicit-any': 'error'
    }
  },
  {
    // tests and scripts poke at loose shapes (replies, raw documents) on purpose, and the local cloud
    // is a generic document database: its documents are any JSON a client stores
    files: ['test/**', 'scripts/**', 'localcloud/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' }
  },
  // the dependency rules of DESIGN.md: core/ imports no other folder (and its domain not its contract),
  // the app never the functions or the local cloud, the local cloud nothing of the product
  ...[
    ['core/**', ['**/cloudfunctions/**', '**/src/**', '**/localcloud/**', '**/scripts/**']],
    ['core/domain/**', ['../contract/*', '**/cloudfunctions/**', '**/src/**', '**/localcloud/**', '**/scripts/**']],
    ['src/**', ['**/cloudfunctions/**', '**/localcloud/**', '**/scripts/**']],
    ['localcloud/**', ['**/core/**', '**/cloudfunctions/**', '**/src/**', '**/scripts/**']]
  ].map(([folder, forbidden]) => ({
    files: [folder],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: forbidden, message: 'see DESIGN.md' }] }] }
  })),
  {
    files: ['src/**/*.tsx', 'src/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules
  }
)
