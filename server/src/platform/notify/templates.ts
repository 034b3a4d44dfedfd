/**
 * Message templates with `{placeholder}`s, in zh-CN and English. Modules declare theirs with `defineTemplates`.
 */
export interface MessageTemplate {
  title: { zh: string; en: string };
  body: { zh: string; en: string };
  /** Also send by SMS / email through the outbox (adapters), besides the in-app inbox. */
  channels?: ('sms' | 'email')[];
}

const registry = new Map<string, MessageTemplate>();

export function defineTemplates<K extends string>(templates: Record<K, MessageTemplate>): Record<K, K> {
  const keys = {} as Record<K, K>;
  for (const [k, t] of Object.entries(templates) as [K, MessageTemplate][]) {
    registry.set(k, t);
    keys[k] = k;
  }
  return keys;
}

export function findTemplate(key: string): MessageTemplate | undefined {
  return registry.get(key);
}

/** Replaces `{name}` by params.name; a missing parameter is an error, not a silent blank. */
export function fill(text: string, params: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (_m, name: string) => {
    if (!(name in params)) throw new Error(`template parameter {${name}} missing`);
    return String(params[name]);
  });
}

export const platformTemplates = defineTemplates({
  'platform.welcome': {
    title: { zh: '欢迎使用营商平台', en: 'Welcome to Yingshang' },
    body: { zh: '{name}，您的账号已开通。', en: '{name}, your account is ready.' },
  },
  'workflow.overdue': {
    title: { zh: '办理已超期：{subject}', en: 'Overdue: {subject}' },
    body: { zh: '“{state}”环节已超过承诺时限（{dueAt}），请尽快处理。', en: 'Step "{state}" passed its deadline ({dueAt}); please act.' },
  },
});
