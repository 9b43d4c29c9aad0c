export type TallyDisplay = 'exact' | 'rounded' | 'delayed'

/** A tally as the campaign chooses to show it: exact, or rounded down to a step (e.g. 1,234 → 1,200). */
export function displayTally(votes: number, display: TallyDisplay, roundTo: number): number {
  if (display === 'rounded' && roundTo > 1) {
    return Math.floor(votes / roundTo) * roundTo
  }
  return votes
}
