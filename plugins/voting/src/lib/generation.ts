/**
 * A process-wide counter of edits to entries and campaigns. The CMS process
 * holds two copies of this plugin's code — Next's bundle (where the admin's
 * saves run the hooks) and the fast path's — so the counter lives on
 * `globalThis`, which both share; the vote path's caches trust an entry's
 * display state and a campaign's rule only while the counter is unchanged.
 */
const KEY = Symbol.for('exemplar.voting.generation')

type Holder = { [KEY]?: number }

export function currentGeneration(): number {
  return (globalThis as Holder)[KEY] ?? 0
}

export function bumpGeneration(): void {
  const holder = globalThis as Holder
  holder[KEY] = (holder[KEY] ?? 0) + 1
}
