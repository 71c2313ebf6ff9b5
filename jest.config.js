/** Jest configuration: TypeScript through ts-jest (transpile only; `npm run typecheck` does the types). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { isolatedModules: true, tsconfig: '<rootDir>/test/tsconfig.json' }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(office-addin-mock)/)'],
  testTimeout: 120000,
};
