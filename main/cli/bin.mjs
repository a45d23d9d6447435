#!/usr/bin/env node
// The package's `connectdesk` bin: runs the TypeScript entry through tsx (a devDependency), so
// `npx connectdesk` works in a checkout without a build step. Exit codes are set by the entry.
import { tsImport } from 'tsx/esm/api';

await tsImport('./connectdesk.ts', import.meta.url);
