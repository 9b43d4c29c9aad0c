import type { FieldHook } from 'payload'

import { openPhaseKinds, type PhaseWindow } from '../../../lib/phases'

/** The phases open at read time, so the site shows the server's decision, not its own clock's. */
export const computeOpenPhases: FieldHook = ({ data }) => {
  const phases = (data?.phases ?? []) as PhaseWindow[]
  return openPhaseKinds(phases.filter((p) => p.startsAt && p.endsAt))
}
