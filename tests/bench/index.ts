/**
 * `npm run bench [-- <name> …]`: benchmarks that compare our code with a
 * baseline measured in the same run on the same machine. Never part of
 * `npm test`. Each prints a table and a `BENCH <name> key=value …` line.
 */
export {}

const benches: Record<string, () => Promise<void>> = {
  votes: async () => (await import('./votes')).benchVotes(),
  uploads: async () => (await import('./uploads')).benchUploads(),
  assign: async () => (await import('./assign')).benchAssign(),
  search: async () => (await import('./search')).benchSearch(),
  gallery: async () => (await import('./gallery')).benchGallery(),
}

const names = process.argv.slice(2).filter((arg) => !arg.startsWith('-'))
const chosen = names.length > 0 ? names : Object.keys(benches)
const unknown = chosen.filter((name) => !(name in benches))
if (unknown.length > 0) {
  console.error(
    `unknown benchmark: ${unknown.join(', ')}; known: ${Object.keys(benches).join(', ')}`,
  )
  process.exit(2)
}
for (const name of chosen) {
  await benches[name]!()
}
process.exit(0)
