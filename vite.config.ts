/// <reference types="vitest/config" />
import { defineConfig } from 'vite';

export default defineConfig({
  publicDir: 'assets',
  build: { target: 'es2022', sourcemap: true },
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
