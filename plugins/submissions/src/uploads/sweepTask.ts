import type { Config, JobsConfig, Payload, PayloadRequest, TaskConfig } from 'payload'

import type { ResolvedSubmissionsOptions } from '../types'
import { type SweepResult, sweepUploads } from './sweep'

export const SWEEP_TASK = 'sweepUploads'

/** Payload's jobs collection and the global it keeps scheduling times in. */
const JOBS = 'payload-jobs'
const JOB_STATS = 'payload-jobs-stats'

/** A sweep job still `processing` after this long belongs to a process that died. */
export const STALE_JOB_MS = 3600_000

type ScheduleHooks = NonNullable<NonNullable<TaskConfig['schedule']>[number]['hooks']>
type BeforeSchedule = NonNullable<ScheduleHooks['beforeSchedule']>

/**
 * A worker killed mid-sweep leaves its job `processing` for ever, and
 * Payload schedules no new job while one is active, so the sweep would stop
 * for good. A job of this task processing for longer than `STALE_JOB_MS` is
 * marked failed first.
 */
export async function failStaleSweeps(req: PayloadRequest, queue: string, now = new Date()) {
  await req.payload.update({
    collection: JOBS as never,
    where: {
      and: [
        { taskSlug: { equals: SWEEP_TASK } },
        { queue: { equals: queue } },
        { processing: { equals: true } },
        { updatedAt: { less_than: new Date(now.getTime() - STALE_JOB_MS).toISOString() } },
      ],
    },
    data: {
      processing: false,
      hasError: true,
      completedAt: now.toISOString(),
      error: { message: '清理任务所在进程已退出（任务超时未完成）' },
    } as never,
    depth: 0,
    overrideAccess: true,
    req,
  })
}

/**
 * The hourly sweep of orphaned uploads and idle resumable uploads, as a
 * Payload task on the jobs queue: scheduled by `schedule` (one job per queue
 * at a time, across processes, through the jobs-stats global), retried with
 * backoff, and harmless when two processes run it at once.
 */
export function sweepUploadsTask(
  options: ResolvedSubmissionsOptions,
): TaskConfig<{ input: object; output: SweepResult }> {
  const beforeSchedule: BeforeSchedule = async (args) => {
    await failStaleSweeps(args.req, options.jobsQueue)
    return args.defaultBeforeSchedule(args)
  }
  return {
    slug: SWEEP_TASK,
    label: '清理无主上传与闲置断点续传',
    retries: { attempts: 3, backoff: { type: 'exponential', delay: 60_000 } },
    schedule: [{ cron: options.sweepCron, queue: options.jobsQueue, hooks: { beforeSchedule } }],
    outputSchema: [
      { name: 'orphans', type: 'number', required: true },
      { name: 'idleUploads', type: 'number', required: true },
    ],
    handler: async ({ req }) => ({ output: await sweepUploads(req.payload, options) }),
  }
}

type AutoRun = NonNullable<JobsConfig['autoRun']>

/** The host's autoRun plus a runner for the plugin's queue (every 10 minutes; it also schedules). */
function withRunner(autoRun: JobsConfig['autoRun'], queue: string): AutoRun {
  const ours = { cron: '*/10 * * * *', queue, limit: 5 }
  if (typeof autoRun === 'function') {
    return async (payload: Payload) => {
      const theirs = await autoRun(payload)
      return theirs.some((c) => c.allQueues || c.queue === queue) ? theirs : [...theirs, ours]
    }
  }
  const theirs = autoRun ?? []
  return theirs.some((c) => c.allQueues || c.queue === queue) ? theirs : [...theirs, ours]
}

/**
 * The host's jobs config with the sweep task added and a runner for its
 * queue. Payload's default lets any signed-in user run, queue and cancel
 * jobs; unless the host says otherwise, only editors may. The runner starts
 * with the first request Payload's own routes serve (`getPayload({ cron: true })`)
 * and stops with `payload.destroy()`.
 */
export function withSweepJobs(
  config: Config,
  options: ResolvedSubmissionsOptions,
  disabled: boolean | undefined,
): JobsConfig {
  const jobs = config.jobs ?? {}
  const editors = ({ req }: { req: PayloadRequest }) => options.isEditor(req.user)
  return {
    ...jobs,
    access: {
      run: jobs.access?.run ?? editors,
      queue: jobs.access?.queue ?? editors,
      cancel: jobs.access?.cancel ?? editors,
    },
    tasks: [...(jobs.tasks ?? []), sweepUploadsTask(options) as unknown as TaskConfig],
    ...(disabled ? {} : { autoRun: withRunner(jobs.autoRun, options.jobsQueue) }),
  }
}

/**
 * Payload adds its jobs-stats global (when a task has a schedule) with the
 * default access: any signed-in user could read it, or write a far-future
 * "last scheduled" time and stop the sweep. Its access is set once Payload
 * has built it: editors read, nobody writes (the scheduler writes through
 * the database adapter).
 */
export function restrictJobStats(payload: Payload, options: ResolvedSubmissionsOptions): void {
  const stats = payload.config.globals.find((g) => g.slug === JOB_STATS)
  if (stats) {
    stats.access = {
      ...stats.access,
      read: ({ req }) => options.isEditor(req.user),
      readVersions: () => false,
      update: () => false,
    }
  }
}
