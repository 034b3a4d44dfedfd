import { Alert, App, type FormInstance } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { ApiError, isApiError, type FieldError, type Problem } from './api.js';
import { tr, useI18n } from './i18n.js';

/**
 * How errors reach the user: a problem's title, its detail and each field error, in the language the server
 * answered in (Chinese by default). Used by the global query/mutation error handler and by forms.
 */

export function problemOf(error: unknown): Problem {
  if (isApiError(error)) return error.problem;
  const message = error instanceof Error ? error.message : String(error);
  return { status: 0, title: tr('操作失败', 'Something went wrong'), detail: message };
}

/** `body.items.0.name` or `/items/0/name` → ['items', 0, 'name'], the antd Form field name. */
export function fieldNameOf(path: string): (string | number)[] {
  return path
    .replace(/^\//, '')
    .replace(/^body[./]/, '')
    .split(/[./]/)
    .filter(Boolean)
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

function ProblemDetails({ problem, errors }: { problem: Problem; errors: FieldError[] }) {
  const { t } = useI18n();
  return (
    <div>
      {problem.detail && <div>{problem.detail}</div>}
      {errors.length > 0 && (
        <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }} aria-label={t('字段错误', 'Field errors')}>
          {errors.map((e, i) => (
            <li key={`${e.path}-${i}`}>
              {e.path && <strong>{fieldNameOf(e.path).join('.')}：</strong>}
              {e.message || e.code}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** True when the form has a mounted Form.Item for the path (getFieldsValue() lists exactly those). */
function isFormField(form: FormInstance, path: string): boolean {
  const name = fieldNameOf(path);
  if (name.length === 0) return false;
  let cur: unknown = form.getFieldsValue();
  for (const key of name) {
    if (cur === null || typeof cur !== 'object' || !(key in cur)) return false;
    cur = (cur as Record<string | number, unknown>)[key];
  }
  return true;
}

/**
 * Inline error box for a page or form: the problem's title, its detail and its field errors. Given the form,
 * field errors shown under their own fields (applyProblemToForm) are not repeated here.
 */
export function ProblemAlert({ error, form, style }: { error: unknown; form?: FormInstance; style?: React.CSSProperties }) {
  if (!error) return null;
  const problem = problemOf(error);
  const errors = (problem.errors ?? []).filter((e) => !form || !isFormField(form, e.path));
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginBottom: 16, ...style }}
      title={problem.title}
      description={problem.detail || errors.length ? <ProblemDetails problem={problem} errors={errors} /> : undefined}
    />
  );
}

type NotificationApi = ReturnType<typeof App.useApp>['notification'];
let notifier: NotificationApi | null = null;

/** Mount once inside antd <App>: gives code outside React (the QueryClient) a themed notification API. */
export function FeedbackBridge({ children }: { children?: ReactNode }) {
  const { notification } = App.useApp();
  useEffect(() => {
    notifier = notification;
    return () => {
      notifier = null;
    };
  }, [notification]);
  return <>{children}</>;
}

/** Show an error as a notification (title + detail + field errors). */
export function notifyError(error: unknown): void {
  const problem = problemOf(error);
  if (!notifier) {
    console.error(problem);
    return;
  }
  notifier.error({
    key: `${problem.status}:${problem.code ?? problem.title}`,
    title: problem.title,
    description: problem.detail || problem.errors?.length ? <ProblemDetails problem={problem} errors={problem.errors ?? []} /> : undefined,
    placement: 'topRight',
  });
}

/**
 * Put a problem's field errors onto the matching antd Form fields. Paths may be `a.b.0`, `/a/b/0` (JSON
 * pointer) or prefixed with `body.`. Returns true when at least one field got an error.
 */
export function applyProblemToForm(form: FormInstance, error: unknown): boolean {
  if (!(error instanceof ApiError) || !error.problem.errors?.length) return false;
  const fields = error.problem.errors.filter((e) => isFormField(form, e.path)).map((e) => ({ name: fieldNameOf(e.path), errors: [e.message || e.code] }));
  if (fields.length) form.setFields(fields);
  return fields.length > 0;
}
