/** A path part as sent; a malformed escape names no entry. */
function decodePart(part: string): string {
  try {
    return decodeURIComponent(part)
  } catch {
    return '\u0000'
  }
}

/**
 * The params of `path` under an endpoint's `pattern` (Payload's syntax,
 * `/entries/:id/submit`), or `null`. Exact, as the bare server always
 * matched: no trailing slash, letters as written, a param is one non-empty
 * segment, decoded.
 */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const wanted = pattern.split('/')
  const given = path.split('/')
  if (wanted.length !== given.length) {
    return null
  }
  const params: Record<string, string> = {}
  for (const [i, part] of wanted.entries()) {
    const value = given[i]!
    if (part.startsWith(':')) {
      if (value === '') {
        return null
      }
      params[part.slice(1)] = decodePart(value)
    } else if (part !== value) {
      return null
    }
  }
  return params
}
