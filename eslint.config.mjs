import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'artifacts/**', 'node_modules/**', '**/fixtures/**', '.cache/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty-pattern': 'off',
    },
  },
  // Layers: imports run down. renderer → common; main's shell (electron/, host/, composition) → capabilities → common.
  // Test and bench support (main/testing/) sits on top and is never imported by product code.
  {
    files: ['renderer/**/*.{ts,tsx}', 'preload/**/*.ts'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [
      { group: ['**/main/**', '**/main'], message: 'The renderer and preload use common/, never main/.' },
      { group: ['**/common/dns/target'], message: 'The address a domain must point at is the journey model\'s derived.dnsTarget.' },
    ] }] },
  },
  {
    // Journey facts: the renderer shows what main worked out (the journey model's derived facts,
    // main/journey/derive.ts) and never works out site names or the server to reach itself.
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': ['error',
        { selector: 'TemplateLiteral > TemplateElement[value.raw=/(^|[^A-Za-z0-9])www\\.$/]', message: 'Site names come from the journey model (derived.site.names, main/journey/derive.ts#serverNames).' },
        { selector: ":not(JSXAttribute) > Literal[value='ubuntu']", message: 'The server to reach comes from the journey model (derived.server / derived.servers); a form default is DEFAULT_SSH_USER.' },
        { selector: "MemberExpression[object.property.name='resources'][property.name=/^(elasticIp|sshKeyItemId|instanceId)$/]", message: 'The server and its resources come from the journey model (derived.server, resources.server), not from setup.resources.' },
        { selector: "MemberExpression[object.object.property.name='choices'][object.property.name=/^(webServer|https|ownServer)$/][property.name=/^(domain|includeWww|host|port|user|keyId)$/]", message: 'The domain to serve and the server come from the journey model (derived.*).' },
      ],
    },
  },
  {
    files: ['common/**/*.ts'],
    ignores: ['common/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/main/**', '**/renderer/**', 'node:*'], message: 'common/ is shared by main and the renderer: it imports neither, nor Node.' }] }] },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/**/*.test.ts', 'main/testing/**', 'main/index.ts', 'main/composition.ts', 'main/electron/**', 'main/host/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/electron/**', '**/host/**', '**/composition'], message: 'Capabilities never import the shell (electron/, host/, composition).' },
        { group: ['**/testing/**'], message: 'Product code never imports test or bench support.' },
      ] }],
    },
  },
  {
    // The step engine sits under the capabilities: their steps import it, it imports none of them.
    files: ['main/setup/**/*.ts'],
    ignores: ['main/setup/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/electron/**', '**/host/**', '**/composition'], message: 'Capabilities never import the shell (electron/, host/, composition).' },
        { group: ['**/testing/**'], message: 'Product code never imports test or bench support.' },
        { group: ['**/aws/**', '**/ssh/**', '**/server/**', '**/dns/**', '**/vault/**', '**/settings/**'], message: 'The step engine never imports a capability: steps live with their capability.' },
      ] }],
    },
  },
  {
    files: ['main/electron/**/*.ts', 'main/host/**/*.ts', 'main/composition.ts', 'main/index.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/testing/**'], message: 'Product code never imports test or bench support.' }] }] },
  },
  {
    files: ['**/*.mjs', '.ci/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } },
  },
);
