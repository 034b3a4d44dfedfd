import type { ZodApp } from '../../http/context.js';
import { ZProviderResponse } from '../realname.schemas.js';
import type { RealNameRuntime } from '../realname.runtime.js';

/** Public: the UI needs the label (and the demo warning) before anyone signs in. */
export function registerGetProvider(app: ZodApp, rt: RealNameRuntime): void {
  app.get('/provider', {
    schema: { tags: ['realname'], summary: '当前实名认证方式 Real-name provider in use', response: { 200: ZProviderResponse } },
  }, async () => ({ provider: { id: rt.info.id, label: rt.info.label, isDemo: rt.info.isDemo, flow: rt.info.flow } }));
}
