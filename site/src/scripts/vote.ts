/**
 * The vote button island (components/VoteButton.astro). A click POSTs the
 * vote same-origin; a reader without a voter cookie verifies once in a
 * dialog (email → one-time code → cookie) and the same vote is sent again
 * with the same idempotency key, so it can never count twice. What the
 * answers mean lives in lib/voting.ts; this file only touches the page.
 */
import { localeFromLang, type Locale } from '../i18n'
import { tv, type VotingKey } from '../i18n/voting'
import { bodyOf, postJson } from '../lib/http'
import {
  errorMessage,
  newIdempotencyKey,
  readVoteResponse,
  tallyText,
  voteMessage,
  type VoteResult,
} from '../lib/voting'

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

interface VoterDialog {
  /** Opens the dialog; true once the voter cookie is set, false when the reader gives up. */
  verify: (returnFocusTo: HTMLElement) => Promise<boolean>
}

let dialogSingleton: VoterDialog | undefined

function voterDialog(): VoterDialog {
  dialogSingleton ??= createVoterDialog(locale())
  return dialogSingleton
}

type Attrs = Record<string, string | boolean>

function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag)
  for (const [name, value] of Object.entries(attrs)) {
    if (value === true) {
      el.setAttribute(name, '')
    } else if (value !== false) {
      el.setAttribute(name, value)
    }
  }
  el.append(...children)
  return el
}

type VoterChannel = 'email' | 'sms'

/** How the address input behaves for each channel (an SMS goes to a mainland mobile number). */
const ADDRESS_INPUT: Record<
  VoterChannel,
  {
    type: string
    autocomplete: string
    inputMode: string
    maxLength: number
    pattern?: string
    label: VotingKey
  }
> = {
  email: {
    type: 'email',
    autocomplete: 'email',
    inputMode: 'email',
    maxLength: 254,
    label: 'voter.email',
  },
  sms: {
    type: 'tel',
    autocomplete: 'tel',
    inputMode: 'numeric',
    maxLength: 11,
    pattern: '1[3-9][0-9]{9}',
    label: 'voter.mobile',
  },
}

/** The one-time-code dialog, built on first use: a native modal <dialog> traps focus and closes on Esc. */
function createVoterDialog(lang: Locale): VoterDialog {
  const m = (key: VotingKey, params?: Record<string, string>) => tv(lang, key, params)
  const message = h('p', { class: 'voter-dialog__message', role: 'status', 'aria-live': 'polite' })
  const email = h('input', {
    id: 'voter-email',
    name: 'address',
    type: 'email',
    autocomplete: 'email',
    required: true,
    maxlength: '254',
  })
  const addressLabel = h('label', { for: 'voter-email' }, m('voter.email'))
  const channelRadio = (channel: VoterChannel, checked: boolean) =>
    h('input', { type: 'radio', name: 'channel', value: channel, checked })
  const byEmail = channelRadio('email', true)
  const bySms = channelRadio('sms', false)
  const channels = h(
    'fieldset',
    { class: 'voter-dialog__channels' },
    h('legend', {}, m('voter.channel')),
    h('label', {}, byEmail, ` ${m('voter.byEmail')}`),
    h('label', {}, bySms, ` ${m('voter.bySms')}`),
  )
  const sendButton = h('button', { type: 'submit', class: 'button' }, m('voter.sendCode'))
  const emailForm = h(
    'form',
    { class: 'voter-dialog__step' },
    channels,
    addressLabel,
    email,
    h('div', { class: 'voter-dialog__actions' }, sendButton),
  )
  let channel: VoterChannel = 'email'
  // One input serves both channels; its type and hints follow the choice.
  const useChannel = (next: VoterChannel) => {
    channel = next
    const input = ADDRESS_INPUT[next]
    email.type = input.type
    email.autocomplete = input.autocomplete as AutoFill
    email.inputMode = input.inputMode
    email.maxLength = input.maxLength
    if (input.pattern) {
      email.pattern = input.pattern
    } else {
      email.removeAttribute('pattern')
    }
    addressLabel.textContent = m(input.label)
    email.value = ''
  }
  byEmail.addEventListener('change', () => useChannel('email'))
  bySms.addEventListener('change', () => useChannel('sms'))
  const sent = h('p', { id: 'voter-sent' })
  const code = h('input', {
    id: 'voter-code',
    name: 'code',
    type: 'text',
    inputmode: 'numeric',
    autocomplete: 'one-time-code',
    pattern: '[0-9]{6}',
    maxlength: '6',
    required: true,
    'aria-describedby': 'voter-sent',
  })
  const verifyButton = h('button', { type: 'submit', class: 'button' }, m('voter.verify'))
  const changeButton = h(
    'button',
    { type: 'button', class: 'button button--secondary' },
    m('voter.changeEmail'),
  )
  const codeForm = h(
    'form',
    { class: 'voter-dialog__step', hidden: true },
    sent,
    h('label', { for: 'voter-code' }, m('voter.code')),
    code,
    h('div', { class: 'voter-dialog__actions' }, verifyButton, changeButton),
  )
  const cancel = h(
    'button',
    { type: 'button', class: 'button button--secondary' },
    m('voter.cancel'),
  )
  const dialog = h(
    'dialog',
    { class: 'voter-dialog', 'aria-labelledby': 'voter-dialog-title' },
    h('h2', { id: 'voter-dialog-title' }, m('voter.title')),
    h('p', { class: 'muted' }, m('voter.intro')),
    emailForm,
    codeForm,
    message,
    h('div', { class: 'voter-dialog__actions' }, cancel),
  )
  document.body.append(dialog)

  let address = ''
  let verified = false
  let settle: ((ok: boolean) => void) | undefined
  let returnFocus: HTMLElement | undefined

  const showStep = (step: 'email' | 'code') => {
    emailForm.hidden = step !== 'email'
    codeForm.hidden = step !== 'code'
    ;(step === 'email' ? email : code).focus()
  }

  const busy = async (button: HTMLButtonElement, label: VotingKey, work: () => Promise<void>) => {
    const idle = button.textContent
    button.setAttribute('aria-disabled', 'true')
    button.textContent = m(label)
    try {
      await work()
    } catch {
      message.textContent = m('vote.network')
    } finally {
      button.removeAttribute('aria-disabled')
      button.textContent = idle
    }
  }

  emailForm.addEventListener('submit', (event) => {
    event.preventDefault()
    if (sendButton.getAttribute('aria-disabled') === 'true' || !emailForm.reportValidity()) {
      return
    }
    void busy(sendButton, 'voter.sending', async () => {
      message.textContent = ''
      const reply = await postJson<{ masked?: unknown }>('/api/voting/code', {
        channel,
        address: email.value.trim(),
      })
      if (reply.status !== 202) {
        message.textContent = errorMessage(bodyOf(reply)) ?? m('vote.failed')
        return
      }
      address = email.value.trim()
      const masked = reply.data?.masked
      sent.textContent = m('voter.sent', { masked: typeof masked === 'string' ? masked : address })
      code.value = ''
      showStep('code')
    })
  })

  codeForm.addEventListener('submit', (event) => {
    event.preventDefault()
    if (verifyButton.getAttribute('aria-disabled') === 'true' || !codeForm.reportValidity()) {
      return
    }
    void busy(verifyButton, 'voter.verifying', async () => {
      message.textContent = ''
      const reply = await postJson('/api/voting/verify', {
        address,
        code: code.value.trim(),
      })
      if (reply.status !== 200) {
        message.textContent = errorMessage(bodyOf(reply)) ?? m('vote.failed')
        code.select()
        return
      }
      verified = true
      dialog.close()
    })
  })

  changeButton.addEventListener('click', () => {
    message.textContent = ''
    showStep('email')
  })
  cancel.addEventListener('click', () => dialog.close())
  dialog.addEventListener('close', () => {
    returnFocus?.focus()
    settle?.(verified)
    settle = undefined
  })

  return {
    verify(returnFocusTo) {
      returnFocus = returnFocusTo
      verified = false
      message.textContent = ''
      dialog.showModal()
      showStep('email')
      return new Promise((resolve) => {
        settle = resolve
      })
    },
  }
}
