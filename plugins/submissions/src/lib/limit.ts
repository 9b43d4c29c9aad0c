/**
 * A gate that lets at most `slots` tasks run at once; the rest wait in order.
 * Picture work goes through one: five photos picked together arrive as five
 * parallel requests, and decoding them all at once only multiplies the
 * memory libvips and the allocator hold afterwards, not the speed, once
 * every core is busy.
 */
export function atMost(slots: number) {
  let running = 0
  const waiting: (() => void)[] = []
  return async function run<T>(task: () => Promise<T>): Promise<T> {
    if (running >= slots) {
      await new Promise<void>((resolve) => waiting.push(resolve))
    } else {
      running++
    }
    try {
      return await task()
    } finally {
      const next = waiting.shift()
      if (next) {
        next()
      } else {
        running--
      }
    }
  }
}
