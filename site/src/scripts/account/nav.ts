/**
 * The header's account links. A browser that signed in here keeps a hint in
 * localStorage, so pages show 我的账号 / 我的作品 at once without asking the
 * server on every view; the hint is checked against `GET /api/users/me` once
 * per browser session, because the cookie may have expired meanwhile.
 */
import { SIGNED_IN_HINT } from '../../lib/account'
import { getJson } from '../../lib/http'
import { rememberSignedIn } from './session'

function showSignedIn(signedIn: boolean): void {
  for (const el of document.querySelectorAll<HTMLElement>('[data-nav-guest]')) {
    el.hidden = signedIn
  }
  for (const el of document.querySelectorAll<HTMLElement>('[data-nav-member]')) {
    el.hidden = !signedIn
  }
}

function read(storage: () => Storage, key: string): string | null {
  try {
    return storage().getItem(key)
  } catch {
    return null
  }
}

export function initAccountNav(): void {
  const hinted = read(() => localStorage, SIGNED_IN_HINT) === '1'
  showSignedIn(hinted)
  if (!hinted || read(() => sessionStorage, `${SIGNED_IN_HINT}.checked`) === '1') {
    return
  }
  void getJson<{ user?: unknown }>('/api/users/me')
    .then((result) => {
      // Payload answers 200 with { user: null } when the cookie is gone.
      const signedIn = result.ok && Boolean(result.data?.user)
      rememberSignedIn(signedIn)
      try {
        sessionStorage.setItem(`${SIGNED_IN_HINT}.checked`, '1')
      } catch {
        // Without storage the check simply runs again on the next page.
      }
      showSignedIn(signedIn)
    })
    .catch(() => undefined)
}
