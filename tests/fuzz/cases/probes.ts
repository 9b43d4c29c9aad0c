import type { Fixtures } from '../fixtures'
import { jsonOf, type Answer, type RequestSpec } from '../http'
import type { CaseRun } from '../types'

/**
 * Requests whose answers must not move while the run sends pollution keys:
 * if `Object.prototype` (or a shared options object) picked up a key, an
 * anonymous reader would suddenly see users, drafts or pending institutions,
 * or a field would appear in every document.
 */
interface Probe {
  name: string
  spec: RequestSpec
  summary: (a: Answer) => string
}

const totalDocs = (a: Answer) => `${a.status} totalDocs=${jsonOf(a)?.totalDocs}`
const keysOfFirst = (a: Answer) =>
  `${a.status} keys=${Object.keys(jsonOf(a)?.docs?.[0] ?? {})
    .sort()
    .join(',')}`

function probesFor(f: Fixtures): Probe[] {
  return [
    { name: 'anonymous lists users', spec: { path: '/api/users?limit=1' }, summary: totalDocs },
    {
      name: 'anonymous reads /api/users/me',
      spec: { path: '/api/users/me' },
      summary: (a) => `${a.status} user=${JSON.stringify(jsonOf(a)?.user ?? null)}`,
    },
    {
      name: 'anonymous lists drafts',
      spec: { path: '/api/entries?limit=1&depth=0&where[status][equals]=draft' },
      summary: totalDocs,
    },
    {
      name: 'anonymous lists pending institutions',
      spec: { path: '/api/organizations?limit=1&depth=0&where[verification][equals]=pending' },
      summary: totalDocs,
    },
    {
      name: 'the fresh participant lists entries',
      spec: { path: '/api/entries?limit=1&depth=0&sort=createdAt', as: f.people.fresh },
      summary: keysOfFirst,
    },
    {
      name: 'the fresh participant reads itself',
      spec: { path: '/api/users/me', as: f.people.fresh },
      summary: (a) => `${a.status} role=${jsonOf(a)?.user?.role}`,
    },
    {
      name: 'anonymous reads the voter',
      spec: { path: '/api/voting/me' },
      summary: (a) => `${a.status} ${JSON.stringify(jsonOf(a))}`,
    },
  ]
}

export class Probes {
  private baseline = new Map<string, string>()
  private readonly probes: Probe[]

  constructor(fixtures: Fixtures) {
    this.probes = probesFor(fixtures)
  }

  /** Records what every probe answers before any pollution was sent. */
  async record(run: CaseRun): Promise<void> {
    for (const probe of this.probes) {
      this.baseline.set(probe.name, probe.summary(await run.send(probe.spec)))
    }
  }

  /** The first probe whose answer changed since `record`, described, or undefined. */
  async changed(run: CaseRun): Promise<string | undefined> {
    for (const probe of this.probes) {
      const now = probe.summary(await run.send(probe.spec))
      const before = this.baseline.get(probe.name)
      if (before !== undefined && now !== before) {
        return `pollution observed: "${probe.name}" answered "${now}", before "${before}"`
      }
    }
    return undefined
  }
}
