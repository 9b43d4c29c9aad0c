const queues = new Map<string, Promise<unknown>>()

/**
 * Runs `task` after every earlier task with the same key has settled, so a
 * read-check-write on one entry (or one user's upload count) cannot interleave
 * with another in this process. SQLite deployments run one CMS process; with
 * several processes the database's own checks are the backstop.
 */
export function inTurn<T>(key: string, task: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve()
  const run = previous.then(task, task)
  const settled = run.catch(() => undefined)
  queues.set(key, settled)
  void settled.then(() => {
    if (queues.get(key) === settled) {
      queues.delete(key)
    }
  })
  return run
}
