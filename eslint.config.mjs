import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', 'test-results/', 'renderer/dist/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The core runs under plain Node (CLI, headless listener, tests), so it must never load Electron.
    files: ['electron/core/**/*.ts', 'shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'electron/core runs under plain Node; inject Electron features from electron/ instead.' }],
          patterns: [{ group: ['electron/*'], message: 'electron/core runs under plain Node; inject Electron features from electron/ instead.' }],
        },
      ],
    },
  },
);
