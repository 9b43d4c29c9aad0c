/**
 * The vote button island (components/VoteButton.astro). A click POSTs the
 * vote same-origin; a reader without a voter cookie verifies once in a
 * dialog (email → one-time code → cookie) and the same vote is sent again
 * with the same idempotency key, so it can never count twice. What the
 * answers mean lives in lib/voting.ts; this file only touches the page.
 */
import { localeFromLang, type Locale } from '../i18n'
import { tv } from '../i18n/voting'
import { bodyOf, postJson } from '../lib/http'
import {
  newIdempotencyKey,
  readVoteResponse,
  tallyText,
  voteMessage,
  type VoteResult,
} from '../lib/voting'
import { voterDialog } from './voterDialog'

const locale = (): Locale => localeFromLang(document.documentElement.lang)
const say = (region: Element | null, text: string) => {
  if (region) {
    region.textContent = text
  }
}

export function initVoteButtons(root: ParentNode = document): void {
  for (const island of root.querySelectorAll<HTMLElement>('[data-vote]')) {
    const button = island.querySelector<HTMLButtonElement>('[data-vote-button]')
    if (!button || island.dataset.voteReady) {
      continue
    }
    island.dataset.voteReady = 'true'
    button.hidden = false
    button.addEventListener('click', () => void castVote(island, button))
  }
}

async function sendVote(entry: string, idempotencyKey: string): Promise<VoteResult> {
  const reply = await postJson('/api/voting/votes', { entry, idempotencyKey })
  return readVoteResponse(reply.status, bodyOf(reply))
}

async function castVote(island: HTMLElement, button: HTMLButtonElement): Promise<void> {
  // aria-disabled rather than disabled: a disabled button drops keyboard focus.
  if (button.getAttribute('aria-disabled') === 'true') {
    return
  }
  const entry = island.dataset.entry ?? ''
  const status = island.querySelector('[data-vote-status]')
  // One key per intended vote, kept until the server has answered it.
  const key = island.dataset.pendingKey ?? newIdempotencyKey()
  island.dataset.pendingKey = key
  button.setAttribute('aria-disabled', 'true')
  island.setAttribute('aria-busy', 'true')
  say(status, tv(locale(), 'vote.sending'))
  try {
    let result = await sendVote(entry, key)
    if (result.kind === 'voterRequired') {
      say(status, '')
      if (await voterDialog().verify(button)) {
        say(status, tv(locale(), 'vote.sending'))
        result = await sendVote(entry, key)
      }
    }
    delete island.dataset.pendingKey
    if (result.kind === 'counted' || result.kind === 'duplicate') {
      for (const tally of document.querySelectorAll(`[data-tally-for="${CSS.escape(entry)}"]`)) {
        const text = tallyText(result.tally, locale())
        if (text) {
          tally.textContent = text
        }
      }
    }
    say(status, voteMessage(result, locale()))
  } catch {
    // Not answered: the key stays, so clicking again retries the same vote.
    say(status, tv(locale(), 'vote.network'))
  } finally {
    button.removeAttribute('aria-disabled')
    island.removeAttribute('aria-busy')
  }
}
