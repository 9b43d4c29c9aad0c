/**
 * Signing in and out through Payload's own routes (same origin, so the
 * HttpOnly payload-token cookie is set for the site), plus the hint the nav
 * uses to avoid asking the server on every page.
 */
import { SIGNED_IN_HINT, safeNext } from '../../lib/account'
import { postJson, type JsonReply } from '../../lib/http'

export function rememberSignedIn(signedIn: boolean): void {
  try {
    if (signedIn) {
      localStorage.setItem(SIGNED_IN_HINT, '1')
    } else {
      localStorage.removeItem(SIGNED_IN_HINT)
    }
    sessionStorage.removeItem(`${SIGNED_IN_HINT}.checked`)
  } catch {
    // Storage may be off (private mode); the nav then simply shows the sign-in links.
  }
}

/** Whether this browser signed in here (and has not been told since that the session ended). */
export function hintedSignedIn(): boolean {
  try {
    return localStorage.getItem(SIGNED_IN_HINT) === '1'
  } catch {
    return false
  }
}

export async function signIn(email: string, password: string): Promise<JsonReply> {
  const result = await postJson('/api/users/login', { email, password })
  if (result.ok) {
    rememberSignedIn(true)
  }
  return result
}

export async function signOut(): Promise<void> {
  await postJson('/api/users/logout', {})
  rememberSignedIn(false)
}

/** Where the reader goes after signing in: ?next= on this site, else the account page. */
export function afterSignIn(fallback: string): string {
  return safeNext(new URLSearchParams(location.search).get('next'), fallback)
}
