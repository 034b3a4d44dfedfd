import { Grid, Progress, Steps, Typography } from 'antd';
import { useI18n } from '../../../shared/i18n.js';
import { simpleSteps, standardSteps, stateLabels } from '../water-connection.labels.js';

/**
 * Where the application stands on its path (the survey is skipped for simple low-risk projects): the full
 * row of steps on wide screens, a progress bar with "step 3 of 7" on phones.
 */
export function ProgressSteps({ state, simpleLowRisk }: { state: string; simpleLowRisk: boolean }) {
  const { t, pick } = useI18n();
  const screens = Grid.useBreakpoint();
  const path: readonly string[] = simpleLowRisk ? simpleSteps : standardSteps;
  const stopped = state === 'rejected' || state === 'withdrawn';
  const index = Math.max(0, path.indexOf(state));
  const status = stopped ? 'error' : state === 'completed' ? 'finish' : 'process';
  if (!screens.md) {
    const percent = Math.round(((state === 'completed' ? path.length : index + 0.5) / path.length) * 100);
    return (
      <div data-testid="progress-steps">
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          {stopped
            ? pick(stateLabels[state])
            : t(`第 ${index + 1} 步 / 共 ${path.length} 步：${pick(stateLabels[state] ?? [state, state])}`, `Step ${index + 1} of ${path.length}: ${pick(stateLabels[state] ?? [state, state])}`)}
        </Typography.Text>
        <Progress percent={percent} showInfo={false} status={stopped ? 'exception' : state === 'completed' ? 'success' : 'active'} size="small" />
      </div>
    );
  }
  return (
    <div data-testid="progress-steps">
      <Steps size="small" orientation="horizontal" titlePlacement="vertical" current={stopped ? 1 : index} status={status} items={path.map((s) => ({ title: pick(stateLabels[s]) }))} />
    </div>
  );
}
