// Lint: typescript-eslint's recommended rules plus the layer rules of docs/architecture.md.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const awsSdk = { group: ['@aws-sdk/*'], message: 'Only lib/aws talks to the AWS SDK.' };
const blessed = { group: ['blessed', 'blessed-contrib', 'neo-blessed'], message: 'Only lib/ui touches the terminal.' };
const io = {
  group: ['node:fs', 'node:fs/*', 'node:net', 'node:http', 'node:https', 'node:child_process', 'node:os', 'node:process', 'fs', 'fs/*', 'net', 'http', 'https', 'child_process', 'os', 'process', 'clipboardy', 'p-limit', '@iarna/toml'],
  message: 'lib/model is pure: no I/O.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'bin/**', '**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-control-regex': 'off',
    },
  },
  // The layers: everything outside lib/aws and lib/sim stays off the SDK (the simulator is the server side
  // and never imports the SDK either), only lib/ui draws, lib/model is pure.
  {
    files: ['lib/**/*.ts'],
    ignores: ['lib/aws/**', 'lib/ui/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [awsSdk, blessed] }] },
  },
  {
    files: ['lib/aws/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [blessed] }] },
  },
  {
    files: ['lib/ui/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [awsSdk] }] },
  },
  {
    files: ['lib/model/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [awsSdk, blessed, io] }] },
  },
);
