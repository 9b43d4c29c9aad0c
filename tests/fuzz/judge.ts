import { exchange, isAccepted, isServerError, type Answer, type Endpoints } from './http'
import type { CaseResult, CaseRun, FuzzCase, FuzzReport } from './types'

const describe = (a: Answer) =>
  `${a.method} ${a.url.replace(/^https?:\/\/[^/]+/, '')} → ${a.status || a.failure}${a.detail ? ` (${a.detail})` : ''} in ${a.ms} ms`

const excerpt = (text: string) => text.replace(/\s+/g, ' ').slice(0, 160)

/**
 * Runs cases one at a time (so `max_ms` is the server's time, not a queue's)
 * and counts them: every exchange of a case counts for its 5xx and its time,
 * the main answer decides against the case's expectation, then its check.
 */
export class Judge {
  readonly results: CaseResult[] = []
  maxMs = 0
  slowest = ''

  constructor(private readonly endpoints: Endpoints) {}

  private async timed(spec: Parameters<typeof exchange>[0], seen: Answer[]): Promise<Answer> {
    const answer = await exchange(spec, this.endpoints)
    seen.push(answer)
    if (answer.ms > this.maxMs) {
      this.maxMs = answer.ms
      this.slowest = describe(answer)
    }
    return answer
  }

  async run(fuzzCase: FuzzCase): Promise<CaseResult> {
    const seen: Answer[] = []
    const run: CaseRun = { send: (spec) => this.timed(spec, seen) }
    const result = (verdict: CaseResult['verdict'], detail: string): CaseResult => {
      const r: CaseResult = {
        name: fuzzCase.name,
        category: fuzzCase.category,
        expect: fuzzCase.expect,
        verdict,
        detail,
        ms: Math.max(0, ...seen.map((a) => a.ms)),
      }
      this.results.push(r)
      return r
    }
    let answer: Answer
    let violation: string | undefined
    try {
      const spec =
        typeof fuzzCase.request === 'function' ? await fuzzCase.request(run) : fuzzCase.request
      answer = await run.send(spec)
      // A redirect is judged by where it leads ("a 3xx into a success").
      const location = answer.headers.get('location')
      if (answer.status >= 300 && answer.status < 400 && location && answer.method === 'GET') {
        answer = await run.send({ ...spec, path: new URL(location, answer.url).href })
      }
      if (!isServerError(answer) && fuzzCase.check) {
        violation = await fuzzCase.check(answer, run)
      }
    } catch (error) {
      return result('server-error', `harness: ${(error as Error).stack ?? String(error)}`)
    }
    const broken = seen.find(isServerError)
    if (seen.some((a) => a.failure === 'timeout')) {
      await this.recovered()
    }
    if (broken) {
      return result('server-error', `${describe(broken)}: ${excerpt(broken.text)}`)
    }
    if (violation) {
      return result('wrongly-accepted', `${describe(answer)}: ${violation}`)
    }
    if (fuzzCase.expect === 'refuse' && isAccepted(answer)) {
      return result('wrongly-accepted', `${describe(answer)}: ${excerpt(answer.text)}`)
    }
    if (fuzzCase.expect === 'accept' && !isAccepted(answer)) {
      return result('wrongly-refused', `${describe(answer)}: ${excerpt(answer.text)}`)
    }
    return result('ok', describe(answer))
  }

  /**
   * After a timeout the server may still be busy with that request: wait
   * until it answers a cheap read again, so the next case is not blamed for it.
   */
  private async recovered(): Promise<void> {
    const deadline = Date.now() + 180_000
    while (Date.now() < deadline) {
      const probe = await exchange(
        { path: '/api/campaigns?limit=1&depth=0' },
        { ...this.endpoints, timeoutMs: 2_000 },
      )
      if (probe.status === 200) {
        return
      }
      await new Promise((r) => setTimeout(r, 500))
    }
  }

  report(seed: number): FuzzReport {
    const count = (v: CaseResult['verdict']) => this.results.filter((r) => r.verdict === v).length
    return {
      seed,
      tried: this.results.length,
      wronglyAccepted: count('wrongly-accepted'),
      wronglyRefused: count('wrongly-refused'),
      serverErrors: count('server-error'),
      maxMs: this.maxMs,
      slowest: this.slowest,
      failures: this.results.filter((r) => r.verdict !== 'ok'),
    }
  }
}

/** The one summary line the issue asks for. */
export const fuzzLine = (r: FuzzReport) =>
  `FUZZ tried=${r.tried} wrongly_accepted=${r.wronglyAccepted} server_errors=${r.serverErrors} max_ms=${r.maxMs}`

/** Every failing case, one a line, grouped by category, so a failure can be acted on. */
export function failureList(r: FuzzReport): string[] {
  const lines = [`fuzz seed=${r.seed} (FUZZ_SEED=${r.seed} repeats this run)`]
  const order = ['server-error', 'wrongly-accepted', 'wrongly-refused'] as const
  for (const verdict of order) {
    for (const f of r.failures.filter((x) => x.verdict === verdict)) {
      lines.push(`  ${verdict} [${f.category}] ${f.name}\n      ${f.detail}`)
    }
  }
  lines.push(
    `  wrongly_refused=${r.wronglyRefused} (valid input refused); slowest: ${r.slowest || '-'}`,
  )
  return lines
}
