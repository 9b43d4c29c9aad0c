import { describe, expect, it } from 'vitest'

import { atMost } from './limit'

const tick = () => new Promise((resolve) => setTimeout(resolve, 5))

describe('atMost', () => {
  it('never runs more than its slots at once, and runs every task in order', async () => {
    const gate = atMost(2)
    let running = 0
    let peak = 0
    const started: number[] = []
    const results = await Promise.all(
      Array.from({ length: 7 }, (_, i) =>
        gate(async () => {
          started.push(i)
          running++
          peak = Math.max(peak, running)
          await tick()
          running--
          return i * 10
        }),
      ),
    )
    expect(peak).toBe(2)
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6])
    expect(results).toEqual([0, 10, 20, 30, 40, 50, 60])
  })

  it('frees the slot of a task that fails', async () => {
    const gate = atMost(1)
    await expect(gate(() => Promise.reject(new Error('broken')))).rejects.toThrow('broken')
    await expect(gate(async () => 'next')).resolves.toBe('next')
  })
})
