import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

// Imports run one way: app -> components -> lib/services -> lib/db -> lib/domain (STYLE.md).
// This rule is what keeps that true without anyone remembering it; `npm run lint` fails the build.
const layers = [
  { target: './lib/domain', from: ['./lib/db', './lib/services', './lib/auth', './lib/audit.ts', './app', './components'], message: 'lib/domain is pure: it imports nothing of ours but other domain modules.' },
  { target: './lib/db', from: ['./lib/services', './app', './components', './lib/audit.ts'], message: 'lib/db sits below services, components and routes.' },
  { target: './lib/db', from: './lib/auth', except: ['./policy.ts'], message: 'lib/db may use only the pure policy table from lib/auth.' },
  { target: './lib/services', from: ['./app', './components'], message: 'lib/services must not import routes or UI.' },
  { target: './lib', from: './app', message: 'lib never imports app.' },
  { target: './components', from: ['./lib/db', './app'], message: 'Components receive plain objects; they never import lib/db or routes.' },
];

// Only lib/db reaches the database client (STYLE.md); others may import its types.
const onlyLibDbUsesTheClient = {
  files: ['app/**', 'components/**', 'lib/**'],
  ignores: ['lib/db/**', '**/*.test.ts', '**/*.test.tsx'],
  rules: {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      { paths: [{ name: '@/lib/db/client', message: 'Only lib/db uses the Prisma client: add a function there.', allowTypeImports: true }] },
    ],
  },
};

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: ['node_modules/**', '.next/**', 'lib/db/generated/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts', '.tmp/**', 'data/**'],
  },
  {
    rules: {
      'import/no-restricted-paths': ['error', { zones: layers }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  onlyLibDbUsesTheClient,
];

export default config;
