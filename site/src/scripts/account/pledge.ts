/**
 * The pledge island on a campaign page (components/account/PledgeBlock.astro).
 * Signed out, the server-rendered login link stays; otherwise
 * `GET /api/participants/me` decides: a verified institution signs for itself
 * or one of its verified doctors in a confirm dialog, and the count on the
 * page goes up by one when the server says the signature is new.
 */
import { pledgeState, type MeResponse, type Signer } from '../../lib/account'
import { getJson, postJson } from '../../lib/http'
import { localeFromLang, type Locale } from '../../i18n'
import { hintedSignedIn, rememberSignedIn } from './session'
import { ta } from '../../i18n/account'

const locale = (): Locale => localeFromLang(document.documentElement.lang)

export function initPledges(): void {
  for (const island of document.querySelectorAll<HTMLElement>('[data-pledge]')) {
    if (island.dataset.ready) {
      continue
    }
    island.dataset.ready = 'true'
    void setUp(island)
  }
}

async function setUp(island: HTMLElement): Promise<void> {
  const campaign = Number(island.dataset.campaign)
  const q = <T extends HTMLElement>(hook: string) => island.querySelector<T>(`[${hook}]`)
  const status = q('data-pledge-status')
  const say = (text: string) => {
    if (status) {
      status.textContent = text
    }
  }
  // A reader who never signed in here has no session to ask about: the
  // server-rendered login link stays, and the console shows no 401.
  if (!hintedSignedIn()) {
    return
  }
  let me: MeResponse | undefined
  try {
    const result = await getJson<MeResponse>('/api/participants/me')
    me = result.ok ? result.data : undefined
    if (result.status === 401) {
      rememberSignedIn(false)
    }
  } catch {
    return
  }
  const state = pledgeState(me, campaign)
  if (state.kind === 'signedOut') {
    return
  }
  const login = q('data-pledge-login')
  if (login) {
    login.hidden = true
  }
  if (state.kind === 'notInstitution') {
    say(ta(locale(), 'pledge.notInstitution'))
    return
  }
  if (state.kind === 'unverified') {
    say(ta(locale(), state.verification === 'rejected' ? 'pledge.rejected' : 'pledge.pending'))
    return
  }
  let signers: Signer[] = state.signers
  const button = q<HTMLButtonElement>('data-pledge-button')
  const signed = q('data-pledge-signed')
  const dialog = q<HTMLDialogElement>('data-pledge-dialog')
  const select = q<HTMLSelectElement>('data-pledge-signer')
  const error = q('data-pledge-error')
  const refresh = () => {
    const open = signers.filter((s) => !s.signed)
    if (button) {
      button.hidden = open.length === 0
    }
    if (signed) {
      signed.hidden = !signers[0]?.signed
    }
    select?.replaceChildren(
      ...open.map((s) => {
        const option = document.createElement('option')
        option.value = s.doctor === undefined ? '' : String(s.doctor)
        option.textContent = s.name
        return option
      }),
    )
  }
  refresh()
  if (!button || !dialog || !select) {
    return
  }
  button.addEventListener('click', () => {
    if (error) {
      error.textContent = ''
    }
    dialog.showModal()
  })
  q('data-pledge-cancel')?.addEventListener('click', () => dialog.close())
  q('data-pledge-form')?.addEventListener('submit', (event) => {
    event.preventDefault()
    const confirm = q<HTMLButtonElement>('data-pledge-confirm')
    if (confirm?.getAttribute('aria-disabled') === 'true') {
      return
    }
    confirm?.setAttribute('aria-disabled', 'true')
    const doctor = select.value ? Number(select.value) : undefined
    void postJson<{ alreadySigned?: boolean }>('/api/participants/pledges', {
      campaign,
      ...(doctor === undefined ? {} : { doctor }),
    })
      .then((result) => {
        if (!result.ok) {
          if (error) {
            error.textContent = result.errors[0]?.message ?? ta(locale(), 'failed')
          }
          return
        }
        signers = signers.map((s) => (s.doctor === doctor ? { ...s, signed: true } : s))
        if (!result.data?.alreadySigned) {
          bumpCount(island)
        }
        say(ta(locale(), result.data?.alreadySigned ? 'pledge.already' : 'pledge.thanks'))
        refresh()
        dialog.close()
        ;(button.hidden ? signed : button)?.focus()
      })
      .catch(() => {
        if (error) {
          error.textContent = ta(locale(), 'network')
        }
      })
      .finally(() => confirm?.removeAttribute('aria-disabled'))
  })
}

function bumpCount(island: HTMLElement): void {
  const text = island.querySelector<HTMLElement>('[data-pledge-count-text]')
  if (!text) {
    return
  }
  const n = Number(text.dataset.count ?? '0') + 1
  text.dataset.count = String(n)
  text.textContent = ta(locale(), 'pledge.count', { n })
}
