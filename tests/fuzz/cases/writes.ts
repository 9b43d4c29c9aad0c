import fc from 'fast-check'

import type { Fixtures } from '../fixtures'
import { jsonOf } from '../http'
import { setAt, WRITE_TARGETS, writeRequest, type WriteTarget } from '../targets'
import type { FuzzCase } from '../types'
import {
  deepArray,
  deepObject,
  hostileText,
  INVALID_UTF8,
  operatorObject,
  POLLUTION_FRAGMENTS,
  withRawBytes,
} from '../values'
import type { Probes } from './probes'

/** The five operator shapes the issue names, put into every field of every write endpoint. */
const NAMED_OPERATORS = (f: Fixtures): unknown[] => [
  { $gt: '' },
  { equals: f.people.fresh.email },
  { in: [f.campaign.id, 'x'] },
  { exists: true },
  { like: '%' },
]

let counter = 0
/** A number unique in this run, for addresses and names. */
export const next = () => ++counter

const show = (v: unknown) => {
  const s = JSON.stringify(v) ?? String(v)
  return s.length > 60 ? `${s.slice(0, 57)}…` : s
}

function withValue(target: WriteTarget, f: Fixtures, field: string, value: unknown) {
  return setAt(target.body(f, next()), field, value)
}

/** Every field that holds text and no limit check of its own is a place for a hostile string. */
function textFields(target: WriteTarget): string[] {
  return target.texts ?? target.fields.filter((x) => /name|title|caption|city|address|alt/i.test(x))
}

export function writeCases(f: Fixtures, png: Buffer, seed: number, runs: number, probes: Probes) {
  const cases: FuzzCase[] = []
  WRITE_TARGETS.forEach((target, t) => {
    const send = (body: Record<string, unknown> | string) => () =>
      writeRequest(target, f, body, png)
    if (target.baseline) {
      cases.push({
        name: `${target.name}: the valid body`,
        category: 'operator-object',
        expect: 'accept',
        request: () => writeRequest(target, f, target.body(f, next()), png),
      })
    }
    // The corpus: each named operator object in each field.
    for (const field of target.fields) {
      for (const op of NAMED_OPERATORS(f)) {
        cases.push({
          name: `${target.name}: ${field}=${show(op)}`,
          category: 'operator-object',
          expect: 'refuse',
          request: () => writeRequest(target, f, withValue(target, f, field, op), png),
        })
      }
    }
    // A body that is not a JSON object is malformed; an unknown operator key is ignored at most.
    for (const shape of [[], 'text', null, 42, { $where: '1' }] as unknown[]) {
      cases.push({
        name: `${target.name}: the whole body is ${show(shape)}`,
        category: 'operator-object',
        expect:
          Array.isArray(shape) || typeof shape !== 'object' || shape === null
            ? 'refuse'
            : 'no-leak',
        request: send(JSON.stringify(shape)),
      })
    }
    // The property: any operator object, in any field, is refused.
    const operatorRuns = fc.sample(fc.tuple(fc.constantFrom(...target.fields), operatorObject), {
      seed: seed + t,
      numRuns: runs,
    })
    for (const [field, op] of operatorRuns) {
      cases.push({
        name: `${target.name} (property): ${field}=${show(op)}`,
        category: 'operator-object',
        expect: 'refuse',
        request: () => writeRequest(target, f, withValue(target, f, field, op), png),
      })
    }
    // The property: hostile Unicode in any text field never breaks the server.
    const texts = textFields(target)
    if (texts.length > 0) {
      const textRuns = fc.sample(fc.tuple(fc.constantFrom(...texts), hostileText), {
        seed: seed + 1000 + t,
        numRuns: Math.ceil(runs / 3),
      })
      for (const [field, text] of textRuns) {
        cases.push({
          name: `${target.name} (property): ${field}=${show(text)}`,
          category: 'length-limit',
          expect: 'no-leak',
          request: () => writeRequest(target, f, withValue(target, f, field, text), png),
        })
      }
    }
    cases.push(...pollutionCases(target, f, png, probes))
    cases.push(...hugeCases(target, f, png, texts))
    cases.push(...utf8Cases(target, f, png, texts[0] ?? target.fields[0]!))
  })
  return cases
}

/** Pollution keys at the top and inside a part of a valid body: ignored, and nothing changes. */
function pollutionCases(target: WriteTarget, f: Fixtures, png: Buffer, probes: Probes) {
  return POLLUTION_FRAGMENTS.flatMap((fragment): FuzzCase[] => {
    const nested = target.fields.find((x) => x.includes('.'))?.split('.')[0]
    const places = nested ? ['top', nested] : ['top']
    return places.map((place) => ({
      name: `${target.name}: ${fragment.slice(0, 40)}… at ${place}`,
      category: 'prototype-pollution',
      expect: 'no-leak',
      request: () => {
        const json = JSON.stringify(target.body(f, next()))
        const raw =
          place === 'top'
            ? `{${fragment},${json.slice(1)}`
            : json.replace(`"${place}":{`, `"${place}":{${fragment},`)
        return writeRequest(target, f, raw, png)
      },
      check: async (answer, run) => {
        const role = jsonOf(answer)?.user?.role
        if (role && !['participant', 'partner'].includes(role)) {
          return `the new account has role "${role}"`
        }
        return probes.changed(run)
      },
    }))
  })
}

/** 10 MB bodies, 1 MB strings in each text field, 100,000-deep arrays and objects. */
function hugeCases(target: WriteTarget, f: Fixtures, png: Buffer, texts: string[]): FuzzCase[] {
  const field = texts[0] ?? target.fields[0]!
  const cases: FuzzCase[] = [
    {
      name: `${target.name}: a 10 MB JSON body (${field})`,
      category: 'huge-body',
      expect: 'refuse',
      request: () =>
        writeRequest(target, f, withValue(target, f, field, 'x'.repeat(10 * 1024 * 1024)), png),
    },
    {
      name: `${target.name}: 10 MB of extra keys`,
      category: 'huge-body',
      expect: 'refuse',
      request: () => {
        const body = target.body(f, next())
        for (let i = 0; i < 200_000; i++) {
          body[`k${i}`] = 'abcdefghijklmnopqrstuvwxyz0123456789'
        }
        return writeRequest(target, f, body, png)
      },
    },
  ]
  for (const text of texts) {
    cases.push({
      name: `${target.name}: a 1 MB string in ${text}`,
      category: 'huge-body',
      expect: 'refuse',
      request: () => writeRequest(target, f, withValue(target, f, text, '医'.repeat(1 << 20)), png),
    })
  }
  for (const [shape, make] of [
    ['array', deepArray],
    ['object', deepObject],
  ] as const) {
    cases.push({
      name: `${target.name}: a 100,000-deep ${shape} in ${field}`,
      category: 'huge-body',
      expect: 'refuse',
      request: () => {
        const json = JSON.stringify(withValue(target, f, field, '<deep>'))
        return writeRequest(target, f, json.replace('"<deep>"', make(100_000)), png)
      },
    })
  }
  return cases
}

/** Bytes that are not UTF-8 inside a string: refused, or stored as U+FFFD, never decoded to ASCII. */
function utf8Cases(target: WriteTarget, f: Fixtures, png: Buffer, field: string): FuzzCase[] {
  return INVALID_UTF8.map((bad) => ({
    name: `${target.name}: ${bad.name} in ${field}`,
    category: 'invalid-utf8',
    expect: 'no-leak',
    request: () => {
      const json = JSON.stringify(withValue(target, f, field, 'fx<here>fy'))
      const spec = withRawBytes(json, bad.bytes)
      return writeRequest(target, f, spec.toString('latin1'), png).then((s) =>
        s.form ? s : { ...s, raw: spec },
      )
    },
    check: (answer) => {
      const echoed = /fx(.{0,4})fy/su.exec(answer.text)?.[1]
      // In the JSON text a decoded NUL shows as `\u0000`, so a backslash stands for it.
      return echoed !== undefined && /[/.\\]/.test(echoed)
        ? `the bytes came back decoded as ${JSON.stringify(echoed)}`
        : undefined
    },
  }))
}
