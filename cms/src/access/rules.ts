import type { Where } from 'payload'

import { PUBLIC_ENTRY_STATES, SUBMITTER_EDITABLE_STATES } from '@exemplar/domain'
import { idOf } from '../lib/roles'
import type { FieldRule, Rule } from './cells'

/**
 * The named rules the access table uses. Each is a small function of the
 * request returning `true`, `false` or a `Where` the database applies (the
 * way Payload's website template does `authenticatedOrPublished`). A rule
 * that needs the caller's id refuses a request without one.
 */
const anyOf = (...where: Where[]): Where => ({ or: where })
const allOf = (...where: Where[]): Where => ({ and: where })

const withId =
  (where: (id: number | string) => Where): Rule =>
  (req) => {
    const id = idOf(req.user)
    return id === undefined ? false : where(id)
  }

/** Documents whose `field` names the caller (owner, submittedBy, …). */
export const owns = (field: string): Rule => withId((id) => ({ [field]: { equals: id } }))

/** Published documents of a collection with drafts. */
export const published: Rule = () => ({ _status: { equals: 'published' } })

/** Entries on public display. */
export const onPublicDisplay: Rule = () => ({ status: { in: [...PUBLIC_ENTRY_STATES] } })

/** A submitter's own entries in any state, and whatever is on public display. */
export const ownOrOnPublicDisplay: Rule = withId((id) =>
  anyOf({ submittedBy: { equals: id } }, { status: { in: [...PUBLIC_ENTRY_STATES] } }),
)

/** Blind review: a reviewer reads the entries assigned to them and nothing else. */
export const assignedEntries: Rule = withId((id) => ({ reviewers: { in: [id] } }))

/** A submitter changes their own entry only while it is a draft or returned for changes. */
export const ownsEditableEntry: Rule = withId((id) =>
  allOf({ submittedBy: { equals: id } }, { status: { in: [...SUBMITTER_EDITABLE_STATES] } }),
)

/** Verified records (institutions, doctor profiles) are public. */
export const verified: Rule = () => ({ verification: { equals: 'verified' } })

/** Verified records, and the caller's own in any verification state. */
export const verifiedOrOwn: Rule = withId((id) =>
  anyOf({ verification: { equals: 'verified' } }, { owner: { equals: id } }),
)

/** The caller's own account. */
export const self: Rule = withId((id) => ({ id: { equals: id } }))

/** Editors manage the accounts of reviewers, participants and partners, and their own. */
export const selfOrNonStaff: Rule = withId((id) =>
  anyOf({ id: { equals: id } }, { role: { in: ['reviewer', 'participant', 'partner'] } }),
)

/** Payload's document locks and preferences name their user as a polymorphic relation. */
export const ownUserRecord: Rule = withId((id) =>
  allOf({ 'user.value': { equals: id } }, { 'user.relationTo': { equals: 'users' } }),
)

/** A field of the caller's own account (the document at hand is the caller). */
export const ownAccountField: FieldRule = ({ req, id, doc }) => {
  const caller = idOf(req.user)
  const target = id ?? idOf(doc)
  return caller !== undefined && target !== undefined && String(caller) === String(target)
}

/**
 * A participant's own file while it is not on public display: once its entry
 * is accepted, the file belongs to what the public reads, and neither its
 * caption nor its existence are the uploader's to change.
 */
export const ownsPrivateFile: Rule = withId((id) =>
  allOf(
    { owner: { equals: id } },
    anyOf({ onPublicDisplay: { equals: false } }, { onPublicDisplay: { exists: false } }),
  ),
)
