/** Run and Cancel, the job's progress bar from scenario:job, and the last refusal. */
import { usePlannerContext, usePlannerTranslate } from './planner-context';
import { usePlanner } from './use-planner';

/** The run controls. */
export function RunControls() {
  const { store, link } = usePlannerContext();
  const t = usePlannerTranslate();
  const job = usePlanner(store, (s) => s.job);
  const error = usePlanner(store, (s) => s.error);
  const running = job?.status === 'running';
  return (
    <section class="planner-section">
      <div class="planner-row">
        <button type="button" class="planner-primary" disabled={running} onClick={() => void link.run()}>
          {t('planner.run')}
        </button>
        <button type="button" disabled={!running} onClick={() => void link.cancel()}>
          {t('planner.cancel')}
        </button>
      </div>
      {job?.status === 'running' ? (
        <div class="planner-progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(job.progress.fraction * 100)}>
          <div class="planner-progress-bar" style={{ width: `${Math.round(job.progress.fraction * 100)}%` }} />
          <span>{t('planner.job.running', { percent: Math.round(job.progress.fraction * 100), message: job.progress.message })}</span>
        </div>
      ) : null}
      {job?.status === 'failed' ? <p class="planner-error">{t('planner.job.failed', { error: job.error })}</p> : null}
      {job?.status === 'cancelled' ? <p class="planner-hint">{t('planner.job.cancelled')}</p> : null}
      {job?.status === 'done' ? <p class="planner-hint">{t('planner.job.done', { seconds: Math.round(job.result.seconds) })}</p> : null}
      {error ? (
        <p class="planner-error" role="alert">
          {t('planner.error', { error })}
        </p>
      ) : null}
    </section>
  );
}
