/**
 * Jest runs the TypeScript sources as native ES modules (Node's
 * --experimental-vm-modules, set by `npm test`), so ESM-only packages such as
 * pdfjs-dist load exactly as they do in production. Type checking is done once
 * by `tsc --noEmit` before Jest starts, so ts-jest only transpiles.
 */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, diagnostics: false }],
  },
  testTimeout: 30000,
};
