import type { Label } from '../label'

/**
 * Why a reviewer may not review an entry. Detection needs only plain facts,
 * so the review plugin gathers them (verified institutions, the 医共体 an
 * institution belongs to, authors) and every caller applies the same rules.
 */
export const CONFLICT_KIND_LABELS = {
  institution: { zh: '同一单位', en: 'Same institution' },
  parentInstitution: { zh: '同一医共体', en: 'Same parent institution (医共体)' },
  province: { zh: '同一省份', en: 'Same province' },
  author: { zh: '作品作者', en: 'Author of the entry' },
  submitter: { zh: '作品申报人', en: 'Submitter of the entry' },
  declared: { zh: '本人申报回避', en: 'Declared by the reviewer' },
} as const satisfies Record<string, Label>

export type ConflictKind = keyof typeof CONFLICT_KIND_LABELS

export const CONFLICT_KINDS = Object.keys(CONFLICT_KIND_LABELS) as ConflictKind[]

type Id = string | number
type MaybeId = Id | null | undefined

export interface ConflictEntryFacts {
  id: Id
  institutionId?: MaybeId
  /** The 医共体 (or other parent body) the entry's institution belongs to. */
  parentInstitutionId?: MaybeId
  province?: string | null
  authorIds?: readonly Id[]
  submitterId?: MaybeId
}

export interface ConflictReviewerFacts {
  id: Id
  institutionId?: MaybeId
  parentInstitutionId?: MaybeId
  province?: string | null
  /** Entries the reviewer declared a conflict on. */
  declaredEntryIds?: readonly Id[]
}

export interface ConflictRules {
  /** Whether the campaign keeps reviewers off entries from their own province. */
  sameProvince: boolean
}

const known = (v: MaybeId | string): v is Id => v !== null && v !== undefined && v !== ''
// Ids arrive as numbers from SQLite and strings from MongoDB or forms: compare as text.
const same = (a: MaybeId, b: MaybeId) => known(a) && known(b) && String(a) === String(b)
const includes = (list: readonly Id[] | undefined, id: Id) =>
  (list ?? []).some((item) => String(item) === String(id))

/**
 * Every conflict kind between an entry and a reviewer, in table order; empty
 * when the reviewer may review the entry. A missing fact (no verified
 * institution, no province) never makes a conflict by itself.
 */
export function conflictsOf(
  entry: ConflictEntryFacts,
  reviewer: ConflictReviewerFacts,
  rules: ConflictRules,
): ConflictKind[] {
  const kinds: ConflictKind[] = []
  if (same(entry.institutionId, reviewer.institutionId)) {
    kinds.push('institution')
  }
  // One 医共体: the same parent, or one side is the other's parent.
  if (
    same(entry.parentInstitutionId, reviewer.parentInstitutionId) ||
    same(entry.parentInstitutionId, reviewer.institutionId) ||
    same(entry.institutionId, reviewer.parentInstitutionId)
  ) {
    kinds.push('parentInstitution')
  }
  if (rules.sameProvince && same(entry.province, reviewer.province)) {
    kinds.push('province')
  }
  if (includes(entry.authorIds, reviewer.id)) {
    kinds.push('author')
  }
  if (same(entry.submitterId, reviewer.id)) {
    kinds.push('submitter')
  }
  if (includes(reviewer.declaredEntryIds, entry.id)) {
    kinds.push('declared')
  }
  return kinds
}
