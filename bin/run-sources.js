#!/usr/bin/env node
// Runs the CLI from the TypeScript sources through tsx (compiled at run time:
// about a second slower to start than the build). Used by the tests, so they
// always exercise the sources, and by bin/kancelaria.js when the build in
// dist/ is missing or older than the sources.
import { existsSync } from 'node:fs';
import { register } from 'tsx/esm/api';

// A local .env (copied from .env.example) is read if present; real
// environment variables win over it.
if (existsSync('.env')) process.loadEnvFile('.env');

register();
await import('../src/cli/main.ts');
