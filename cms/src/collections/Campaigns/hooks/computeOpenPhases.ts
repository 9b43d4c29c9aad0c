import type { FieldHook } from 'payload'

import { openPhaseKinds, type Phase } from '@exemplar/domain'

/** The phases open at read time, so the site shows the server's decision, not its own clock's. */
export const computeOpenPhases: FieldHook = ({ data }) => {
  const phases = (data?.phases ?? []) as Phase[]
  return openPhaseKinds(phases.filter((p) => p.startsAt && p.endsAt))
}
