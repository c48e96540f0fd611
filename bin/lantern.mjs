#!/usr/bin/env node
// The `lantern` command. Lantern is written in TypeScript and run through tsx, so a checkout
// works without a separate compile step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
