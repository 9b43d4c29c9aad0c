import type { Access, CollectionConfig, FieldAccess, GlobalConfig } from 'payload'

import { roleKeyOf, type FieldCells, type RoleCells } from './cells'
import { ACCESS_TABLE, type CollectionRow, type GlobalRow } from './table'

/** Marks access built from the table, so the access-table plugin knows it need not apply it again. */
export const FROM_ACCESS_TABLE = Symbol.for('exemplar.accessTable')

const COLLECTION_OPERATIONS = ['read', 'create', 'update', 'delete', 'readVersions'] as const
const AUTH_OPERATIONS = ['unlock', 'admin'] as const

/** One operation's access function: the caller's role picks the cell. */
export function accessFrom(cells: RoleCells): Access {
  return ({ req }) => {
    const cell = cells[roleKeyOf(req.user)]
    return typeof cell === 'function' ? cell(req) : cell
  }
}

export function fieldAccessFrom(cells: FieldCells): FieldAccess {
  return ({ req, id, doc }) => {
    const cell = cells[roleKeyOf(req.user)]
    return typeof cell === 'function'
      ? cell({ req, id, doc: doc as Record<string, unknown> | undefined })
      : cell
  }
}

export function collectionRow(slug: string): CollectionRow {
  const row = ACCESS_TABLE.collections[slug]
  if (!row) {
    throw new Error(`access table: no row for collection "${slug}" (cms/src/access/table.ts)`)
  }
  return row
}

export function globalRow(slug: string): GlobalRow {
  const row = ACCESS_TABLE.globals[slug]
  if (!row) {
    throw new Error(`access table: no row for global "${slug}" (cms/src/access/table.ts)`)
  }
  return row
}

/** A collection's `access`, every operation from its row of the table. */
export function accessFor(slug: string, auth = false): NonNullable<CollectionConfig['access']> {
  const row = collectionRow(slug)
  const access: Record<string | symbol, unknown> = { [FROM_ACCESS_TABLE]: slug }
  for (const op of COLLECTION_OPERATIONS) {
    access[op] = accessFrom(row[op])
  }
  if (auth) {
    for (const op of AUTH_OPERATIONS) {
      const cells = row[op]
      if (!cells) {
        throw new Error(`access table: auth collection "${slug}" has no "${op}" row`)
      }
      const check = accessFrom(cells)
      access[op] =
        op === 'admin' ? async (args: Parameters<Access>[0]) => (await check(args)) === true : check
    }
  }
  return access as NonNullable<CollectionConfig['access']>
}

export function globalAccessFor(slug: string): NonNullable<GlobalConfig['access']> {
  const row = globalRow(slug)
  return {
    read: accessFrom(row.read),
    update: accessFrom(row.update),
    readVersions: accessFrom(row.readVersions),
  }
}

/** A field's `access` from the table's field rows; an operation without a row keeps Payload's default. */
export function fieldAccessFor(collection: string, field: string) {
  const row = ACCESS_TABLE.fields[collection]?.[field]
  if (!row) {
    throw new Error(`access table: no field row for ${collection}.${field}`)
  }
  const out: { read?: FieldAccess; create?: FieldAccess; update?: FieldAccess } = {}
  for (const op of ['read', 'create', 'update'] as const) {
    const cells = row[op]
    if (cells) {
      out[op] = fieldAccessFrom(cells)
    }
  }
  return out
}
