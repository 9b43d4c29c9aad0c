/**
 * The one-time-code dialog (email or mobile → six-digit code → the voter
 * cookie): the vote button opens it when a vote needs a verified reader,
 * the objection form when a reader without an account objects.
 */
import { localeFromLang, type Locale } from '../i18n'
import { tv, type VotingKey } from '../i18n/voting'
import { bodyOf, postJson } from '../lib/http'
import { errorMessage } from '../lib/voting'

export interface VoterDialog {
  /**
   * Opens the dialog; the address the reader proved once the voter cookie
   * is set, null when they give up.
   */
  verify: (returnFocusTo: HTMLElement) => Promise<string | null>
}

/** What the reader verifies for: the dialog's title, intro and button say so. */
export type VoterPurpose = 'vote' | 'objection'

const WORDING: Record<VoterPurpose, { title: VotingKey; intro: VotingKey; verify: VotingKey }> = {
  vote: { title: 'voter.title', intro: 'voter.intro', verify: 'voter.verify' },
  objection: {
    title: 'voter.objection.title',
    intro: 'voter.objection.intro',
    verify: 'voter.objection.verify',
  },
}

const dialogs = new Map<VoterPurpose, VoterDialog>()

/** The page's dialog for this purpose, built on first use in the page's language. */
export function voterDialog(purpose: VoterPurpose = 'vote'): VoterDialog {
  let dialog = dialogs.get(purpose)
  if (!dialog) {
    dialog = createVoterDialog(localeFromLang(document.documentElement.lang), purpose)
    dialogs.set(purpose, dialog)
  }
  return dialog
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
function createVoterDialog(lang: Locale, purpose: VoterPurpose): VoterDialog {
  const wording = WORDING[purpose]
  const m = (key: VotingKey, params?: Record<string, string>) => tv(lang, key, params)
  const message = h('p', { class: 'voter-dialog__message', role: 'status', 'aria-live': 'polite' })
  const email = h('input', {
    id: `voter-email-${purpose}`,
    name: 'address',
    type: 'email',
    autocomplete: 'email',
    required: true,
    maxlength: '254',
  })
  const addressLabel = h('label', { for: `voter-email-${purpose}` }, m('voter.email'))
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
  const sent = h('p', { id: `voter-sent-${purpose}` })
  const code = h('input', {
    id: `voter-code-${purpose}`,
    name: 'code',
    type: 'text',
    inputmode: 'numeric',
    autocomplete: 'one-time-code',
    pattern: '[0-9]{6}',
    maxlength: '6',
    required: true,
    'aria-describedby': `voter-sent-${purpose}`,
  })
  const verifyButton = h('button', { type: 'submit', class: 'button' }, m(wording.verify))
  const changeButton = h(
    'button',
    { type: 'button', class: 'button button--secondary' },
    m('voter.changeEmail'),
  )
  const codeForm = h(
    'form',
    { class: 'voter-dialog__step', hidden: true },
    sent,
    h('label', { for: `voter-code-${purpose}` }, m('voter.code')),
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
    { class: 'voter-dialog', 'aria-labelledby': `voter-dialog-title-${purpose}` },
    h('h2', { id: `voter-dialog-title-${purpose}` }, m(wording.title)),
    h('p', { class: 'muted' }, m(wording.intro)),
    emailForm,
    codeForm,
    message,
    h('div', { class: 'voter-dialog__actions' }, cancel),
  )
  document.body.append(dialog)

  let address = ''
  let verified = false
  let settle: ((address: string | null) => void) | undefined
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
    settle?.(verified ? address : null)
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
