#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx, so `npx kancelaria` works
// right after `npm ci` with no build step and no stale build output.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
