import { Alert } from 'antd';
import type { CSSProperties } from 'react';
import { useI18n } from '../../../shared/i18n.js';
import { problemOf } from '../../../shared/problem-view.js';
import { formFieldError, problemTitle } from './realname-problems.js';

/**
 * A failed real-name request in the page's language: the title by problem code (so the language switch
 * applies to an error already on screen), the server's detail, and any field error the form does not show
 * under its own field.
 */
export function RealNameErrorAlert({ error, formShowsFields = false, style }: { error: unknown; formShowsFields?: boolean; style?: CSSProperties }) {
  const { pick } = useI18n();
  if (!error) return null;
  const problem = problemOf(error);
  const rest = (problem.errors ?? []).filter((e) => !formShowsFields || formFieldError(e) === null);
  const description =
    problem.detail || rest.length ? (
      <div>
        {problem.detail && <div>{problem.detail}</div>}
        {rest.length > 0 && (
          <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
            {rest.map((e, i) => (
              <li key={`${e.path}-${i}`}>{e.message || e.code}</li>
            ))}
          </ul>
        )}
      </div>
    ) : undefined;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="realname-error"
      style={{ marginBottom: 16, ...style }}
      title={pick(problemTitle(problem))}
      description={description}
    />
  );
}
