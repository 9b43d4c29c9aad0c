/**
 * Polls each page until its HTML shows `text` (matches marked with <mark>
 * compared as plain text): per page, the ms from `started` until it did, or
 * Infinity once `limitMs` passed without it.
 */
export function msUntilShown(
  urls: string[],
  text: string,
  options: { started: number; limitMs: number; everyMs?: number },
): Promise<number[]> {
  return Promise.all(
    urls.map(async (url) => {
      for (;;) {
        const html = await (await fetch(url)).text()
        if (html.replace(/<\/?mark>/g, '').includes(text)) {
          return performance.now() - options.started
        }
        if (performance.now() - options.started > options.limitMs) {
          return Number.POSITIVE_INFINITY
        }
        await new Promise((r) => setTimeout(r, options.everyMs ?? 100))
      }
    }),
  )
}
