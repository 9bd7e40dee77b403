#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx, so `npx kancelaria` works
// right after `npm ci` with no build step and no stale build output.
import { existsSync } from 'node:fs';
import { register } from 'tsx/esm/api';

// A local .env (copied from .env.example) is read if present; real
// environment variables win over it.
if (existsSync('.env')) process.loadEnvFile('.env');

register();
await import('../src/cli/main.ts');
