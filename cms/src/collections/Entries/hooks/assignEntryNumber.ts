import { randomInt } from 'node:crypto'

import type { CollectionBeforeChangeHook } from 'payload'

import { shanghaiYear } from '@exemplar/domain'

// No 0/O/1/I: the number is read out over the phone.
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'

/** The entry number the submitter quotes, e.g. `2026-7KQ4M2`; the unique index rejects the rare clash. */
export function newEntryNumber(year: number): string {
  let code = ''
  for (let i = 0; i < 6; i++) {
    code += ALPHABET[randomInt(ALPHABET.length)]
  }
  return `${year}-${code}`
}

/** The campaign calendar's year: an entry sent at 00:30 on 1 January in Beijing is the new year's. */
export function entryYear(now: Date = new Date()): number {
  return shanghaiYear(now)
}

export const assignEntryNumber: CollectionBeforeChangeHook = ({ data, operation }) => {
  if (operation !== 'create' || data.number) {
    return data
  }
  return { ...data, number: newEntryNumber(entryYear()) }
}
