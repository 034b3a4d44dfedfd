import type { TestProject } from 'vitest/node';
import { startApp, type AppKind } from './app-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the app under test listens, e.g. http://127.0.0.1:41234. */
    baseUrl: string;
    /** 'server': the real API with seeded demo accounts; 'preview': static web app only (no login). */
    appKind: AppKind;
  }
}

/** One app for the whole e2e run (started once, shared by every *.e2e.ts file), stopped at the end. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const app = await startApp();
  process.stdout.write(`[e2e] ${app.kind === 'server' ? '服务端 server' : '静态预览 preview (no API)'} at ${app.baseUrl} (log ${app.logFile})\n`);
  project.provide('baseUrl', app.baseUrl);
  project.provide('appKind', app.kind);
  return () => app.stop();
}
