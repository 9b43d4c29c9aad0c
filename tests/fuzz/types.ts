import type { Answer, RequestSpec } from './http'

/** What must happen to a case's input. */
export type Expectation =
  /** A 4xx: the input is refused (a 2xx, or a 3xx into a success, is wrongly accepted). */
  | 'refuse'
  /** A 2xx: the input is valid (a refusal is reported as wrongly refused). */
  | 'accept'
  /** Any non-5xx answer, as long as it shows nothing the oracle says that user may not see. */
  | 'no-leak'

export type Category =
  | 'operator-object'
  | 'where-injection'
  | 'prototype-pollution'
  | 'huge-body'
  | 'invalid-utf8'
  | 'length-limit'
  | 'stored-xss'
  | 'hostile-file'
  | 'path-traversal'

/**
 * A violation found after the main answer (a leaked document, an unescaped
 * payload, an unsafe stored name, a changed behaviour), or undefined.
 */
export type Check = (
  answer: Answer,
  run: CaseRun,
) => Promise<string | undefined> | string | undefined

export interface FuzzCase {
  name: string
  category: Category
  expect: Expectation
  /** The request whose answer is judged against `expect`. */
  request: RequestSpec | ((run: CaseRun) => Promise<RequestSpec> | RequestSpec)
  /** Runs after the main answer (whatever its status) to look for a violation. */
  check?: Check
}

/** What a case may do while it runs: further requests are timed and judged for 5xx too. */
export interface CaseRun {
  send: (spec: RequestSpec) => Promise<Answer>
}

export type Verdict = 'ok' | 'wrongly-accepted' | 'wrongly-refused' | 'server-error'

export interface CaseResult {
  name: string
  category: Category
  expect: Expectation
  verdict: Verdict
  /** Method, URL and status of the answer that decided the verdict, and why. */
  detail: string
  ms: number
}

export interface FuzzReport {
  seed: number
  tried: number
  wronglyAccepted: number
  wronglyRefused: number
  serverErrors: number
  maxMs: number
  slowest: string
  failures: CaseResult[]
}
