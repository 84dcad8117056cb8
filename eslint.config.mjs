import tseslint from 'typescript-eslint';

const rawIpcMessage =
  'Use IPC only through electron/ipc/ (main) and window.toolbox from electron/preload.ts (renderer).';

/** no-restricted-imports entries that ban `names` from electron and its subpath modules. */
function rawIpcImports(names) {
  return ['electron', 'electron/main', 'electron/renderer', 'electron/common'].map((name) => ({
    name,
    importNames: names,
    message: rawIpcMessage,
  }));
}

/** A default or namespace import of electron would reach ipcMain without naming it. */
const wholeElectronImports = ['ImportDefaultSpecifier', 'ImportNamespaceSpecifier'].map((kind) => ({
  selector: `ImportDeclaration[source.value=/^electron(\\/(main|renderer|common))?$/] > ${kind}`,
  message: `Import named members from electron. ${rawIpcMessage}`,
}));

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', 'test-results/', 'renderer/dist/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  // Raw IPC lives in two places only: electron/ipc/ (ipcMain, behind the payload and sender
  // checks) and electron/preload.ts (ipcRenderer and contextBridge, behind window.toolbox).
  {
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['electron/ipc/**', 'electron/preload.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: rawIpcImports(['ipcMain', 'ipcRenderer', 'contextBridge']) }],
      'no-restricted-syntax': ['error', ...wholeElectronImports],
    },
  },
  {
    files: ['electron/ipc/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: rawIpcImports(['ipcRenderer', 'contextBridge']) }] },
  },
  {
    files: ['electron/preload.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: rawIpcImports(['ipcMain']) }] },
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
