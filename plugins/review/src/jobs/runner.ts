import type { JobsConfig, Payload, TaskConfig } from 'payload'

type AutoRun = NonNullable<JobsConfig['autoRun']>

/** The host's autoRun plus a runner for the plugin's queue, unless the host already runs it. */
function withRunner(autoRun: JobsConfig['autoRun'], queue: string): AutoRun {
  const ours = { cron: '*/5 * * * *', queue, limit: 20 }
  const covered = (list: { allQueues?: boolean; queue?: string }[]) =>
    list.some((c) => c.allQueues || c.queue === queue)
  if (typeof autoRun === 'function') {
    return async (payload: Payload) => {
      const theirs = await autoRun(payload)
      return covered(theirs) ? theirs : [...theirs, ours]
    }
  }
  const theirs = autoRun ?? []
  return covered(theirs) ? theirs : [...theirs, ours]
}

/** The host's jobs with the plugin's tasks added and its queue run. */
export function withReviewJobs(
  jobs: JobsConfig | undefined,
  queue: string,
  tasks: TaskConfig[],
): JobsConfig {
  return {
    ...jobs,
    tasks: [...(jobs?.tasks ?? []), ...tasks],
    autoRun: withRunner(jobs?.autoRun, queue),
  }
}
