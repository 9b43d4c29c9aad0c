/** The Asia/Shanghai calendar day of an instant (UTC+8 all year), as YYYY-MM-DD: the unit of "per day" rules. */
export function shanghaiDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10)
}
