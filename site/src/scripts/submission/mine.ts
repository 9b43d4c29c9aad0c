/**
 * "My entries" islands (components/submission/MyEntries.astro, MyEntry.astro).
 * The pages are the same for everyone; the entries are fetched here, in the
 * browser, with the participant's own cookie through the site's /api proxy.
 */
import { formatDateTime } from '../../lib/format'
import { getJson, requestJson, type JsonReply } from '../../lib/http'
import type { Locale } from '../../i18n'
import {
  canDelete,
  entryActions,
  formHref,
  historyLines,
  loginHref,
  readErrors,
  sortMine,
  statusLabel,
  type MyEntry,
} from '../../lib/submission'
import { tx } from '../../i18n/submission'

export interface MineConfig {
  locale: Locale
  loginPath: string
  minePath: string
  /** /campaigns (or /en/campaigns): the form is at <campaignPath>/<slug>/submit. */
  campaignPath: string
}

interface Island {
  root: HTMLElement
  config: MineConfig
  part: <T extends HTMLElement = HTMLElement>(name: string) => T
}

function island(selector: string): Island | undefined {
  const root = document.querySelector<HTMLElement>(selector)
  if (!root || root.dataset.ready) {
    return undefined
  }
  root.dataset.ready = 'true'
  const config = JSON.parse(root.dataset.config ?? '{}') as MineConfig
  const part = <T extends HTMLElement = HTMLElement>(name: string): T => {
    const found = root.querySelector<T>(`[data-${name}]`)
    if (!found) {
      throw new Error(`[data-${name}] missing`)
    }
    return found
  }
  return { root, config, part }
}

async function loadMine(): Promise<{ status: number; entries: MyEntry[] }> {
  const { status, data } = await getJson<{ entries?: MyEntry[] }>('/api/submissions/mine')
  const entries = data?.entries
  return { status, entries: Array.isArray(entries) ? entries : [] }
}

const trackNames = new Map<number, Promise<Map<string, string>>>()

/** Track names of a campaign (public data), so lists show 图文类 rather than a key. */
function tracksOf(campaignId: number): Promise<Map<string, string>> {
  let names = trackNames.get(campaignId)
  if (!names) {
    const query = 'depth=0&select[tracks][key]=true&select[tracks][name]=true'
    names = getJson<{ tracks?: { key: string; name: string }[] }>(
      `/api/campaigns/${campaignId}?${query}`,
    )
      .then(({ data }) => {
        const tracks = data?.tracks ?? []
        return new Map(tracks.map((t) => [t.key, t.name]))
      })
      .catch(() => new Map<string, string>())
    trackNames.set(campaignId, names)
  }
  return names
}

async function trackName(entry: MyEntry): Promise<string> {
  if (!entry.campaign) {
    return entry.track
  }
  return (await tracksOf(entry.campaign.id)).get(entry.track) ?? entry.track
}

function showSignIn(view: Island): void {
  view.part<HTMLAnchorElement>('login-link').href = loginHref(
    view.config.loginPath,
    `${location.pathname}${location.search}`,
  )
  view.part('mine-signin').hidden = false
}

function showError(view: Island, message: string): void {
  const box = view.part('mine-error')
  box.textContent = message
  box.hidden = false
}

function cell(text: string | Node): HTMLTableCellElement {
  const td = document.createElement('td')
  td.append(text)
  return td
}

export function initMyEntries(): void {
  const view = island('[data-my-entries]')
  if (view) {
    const remove = bindDelete(view)
    void renderList(view, remove)
  }
}

/** A 删除草稿 button for a row: asks first, then deletes and takes the row away. */
type DeleteButton = (entry: MyEntry, row: HTMLTableRowElement) => HTMLButtonElement

function bindDelete(view: Island): DeleteButton {
  const { locale } = view.config
  const dialog = view.part<HTMLDialogElement>('delete-dialog')
  const confirm = view.part<HTMLButtonElement>('delete-confirm')
  const error = view.part('delete-error')
  let pending: { id: number; row: HTMLTableRowElement; opener: HTMLButtonElement } | undefined
  view.part('delete-cancel').addEventListener('click', () => dialog.close())
  dialog.addEventListener('close', () => {
    if (pending?.opener.isConnected) {
      pending.opener.focus()
    }
  })
  confirm.addEventListener('click', () => {
    if (!pending || confirm.getAttribute('aria-disabled') === 'true') {
      return
    }
    const { id, row } = pending
    confirm.setAttribute('aria-disabled', 'true')
    void requestJson('DELETE', `/api/submissions/entries/${id}`)
      .then((reply) => {
        if (reply.status !== 200) {
          error.textContent = readErrors(reply)[0]?.message ?? tx(locale, 'submit.network')
          return
        }
        row.remove()
        dialog.close()
        const message = view.part('mine-message')
        message.textContent = tx(locale, 'mine.deleted')
        message.hidden = false
        if (view.part('mine-rows').childElementCount === 0) {
          view.part('mine-table').hidden = true
          view.part('mine-empty').hidden = false
        }
      })
      .catch(() => {
        error.textContent = tx(locale, 'submit.network')
      })
      .finally(() => confirm.removeAttribute('aria-disabled'))
  })
  return (entry, row) => {
    const opener = document.createElement('button')
    opener.type = 'button'
    opener.className = 'button button--secondary my-entries__delete'
    opener.dataset.testid = 'my-entry-delete'
    opener.textContent = tx(locale, 'mine.delete')
    opener.addEventListener('click', () => {
      pending = { id: entry.id, row, opener }
      view.part('delete-question').textContent = tx(locale, 'mine.deleteConfirm', {
        title: entry.title?.trim() || tx(locale, 'mine.untitled'),
      })
      error.textContent = ''
      dialog.showModal()
    })
    return opener
  }
}

async function renderList(view: Island, deleteButton: DeleteButton): Promise<void> {
  const { locale, minePath } = view.config
  try {
    const { status, entries } = await loadMine()
    if (status === 401 || status === 403) {
      showSignIn(view)
      return
    }
    if (status !== 200) {
      showError(view, tx(locale, 'submit.network'))
      return
    }
    if (entries.length === 0) {
      view.part('mine-empty').hidden = false
      return
    }
    const rows = await Promise.all(
      sortMine(entries).map(async (entry) => {
        const tr = document.createElement('tr')
        tr.dataset.testid = 'my-entry-row'
        tr.dataset.entryId = String(entry.id)
        const link = document.createElement('a')
        link.href = `${minePath}/${entry.id}`
        link.textContent = entry.title?.trim() || tx(locale, 'mine.untitled')
        const badge = document.createElement('span')
        badge.className = `badge badge--${entry.status}`
        badge.dataset.testid = 'my-entry-status'
        badge.textContent = statusLabel(entry.status, locale)
        tr.append(
          cell(entry.number ?? tx(locale, 'mine.noNumber')),
          cell(link),
          cell(entry.campaign?.title ?? ''),
          cell(await trackName(entry)),
          cell(badge),
          cell(formatDateTime(entry.updatedAt, locale)),
          cell(canDelete(entry) ? deleteButton(entry, tr) : ''),
        )
        return tr
      }),
    )
    view.part('mine-rows').replaceChildren(...rows)
    view.part('mine-table').hidden = false
  } catch {
    showError(view, tx(locale, 'submit.network'))
  } finally {
    view.part('mine-loading').hidden = true
  }
}

export function initMyEntry(): void {
  const view = island('[data-my-entry]')
  if (view) {
    const id = Number(view.root.dataset.myEntry)
    bindWithdraw(view, id)
    void renderEntry(view, id)
  }
}

interface EntryContent {
  abstract?: string | null
  sections?: { heading: string; body: string }[] | null
  attachments?:
    | {
        file: number | { filename?: string | null; url?: string | null }
        caption?: string | null
      }[]
    | null
}

async function renderEntry(view: Island, id: number): Promise<void> {
  const { locale } = view.config
  try {
    const [mine, detail] = await Promise.all([
      loadMine(),
      getJson(`/api/submissions/entries/${id}`).catch((): JsonReply => ({
        ok: false,
        status: 0,
        data: undefined,
        errors: [],
      })),
    ])
    if (mine.status === 401 || mine.status === 403) {
      showSignIn(view)
      return
    }
    // The entry's own answer carries status and history too, so the page works when the list does not.
    const entry = mine.entries.find((e) => e.id === id) ?? (await fromDetail(detail))
    if (!entry) {
      showError(view, tx(locale, 'mine.notFound'))
      return
    }
    const content = (detail.data as { entry?: EntryContent } | undefined)?.entry
    await renderDetail(view, entry, content)
  } catch {
    showError(view, tx(locale, 'submit.network'))
  } finally {
    view.part('mine-loading').hidden = true
  }
}

interface DetailEntry {
  id: number
  number?: string | null
  title?: string | null
  campaign: number | { id: number; title: string; slug: string }
  track: string
  status: MyEntry['status']
  history?: MyEntry['history'] | null
  updatedAt: string
}

async function fromDetail(detail: JsonReply): Promise<MyEntry | undefined> {
  const entry = (detail.data as { entry?: DetailEntry } | undefined)?.entry
  if (detail.status !== 200 || !entry || typeof entry.id !== 'number') {
    return undefined
  }
  let campaign = typeof entry.campaign === 'object' ? entry.campaign : null
  if (typeof entry.campaign === 'number') {
    const query = 'depth=0&select[title]=true&select[slug]=true'
    const answer = await getJson<{ id?: number; title?: string; slug?: string }>(
      `/api/campaigns/${entry.campaign}?${query}`,
    )
    const found = answer.data
    campaign =
      answer.status === 200 && found?.slug
        ? { id: entry.campaign, title: found.title ?? '', slug: found.slug }
        : null
  }
  return {
    id: entry.id,
    number: entry.number ?? null,
    title: entry.title ?? null,
    campaign,
    track: entry.track,
    status: entry.status,
    history: entry.history ?? [],
    updatedAt: entry.updatedAt,
  }
}

async function renderDetail(view: Island, entry: MyEntry, content?: EntryContent): Promise<void> {
  const { locale, campaignPath } = view.config
  view.part('entry-title').textContent = entry.title?.trim() || tx(locale, 'mine.untitled')
  view.part('entry-meta').textContent = [
    entry.number ? `${tx(locale, 'mine.number')} ${entry.number}` : tx(locale, 'mine.noNumber'),
    entry.campaign?.title ?? '',
    await trackName(entry),
    `${tx(locale, 'mine.updated')} ${formatDateTime(entry.updatedAt, locale)}`,
  ]
    .filter(Boolean)
    .join(' · ')
  const status = view.part('entry-status')
  status.textContent = statusLabel(entry.status, locale)
  status.className = `badge badge--${entry.status}`
  view.root.dataset.status = entry.status

  const actions = entryActions(entry)
  const edit = view.part<HTMLAnchorElement>('entry-edit')
  edit.hidden = !actions.edit || !entry.campaign
  if (entry.campaign) {
    edit.href = formHref(`${campaignPath}/${entry.campaign.slug}/submit`, entry.id)
  }
  const withdraw = view.part<HTMLButtonElement>('entry-withdraw')
  withdraw.hidden = !actions.withdraw
  withdraw.dataset.title = entry.title?.trim() || tx(locale, 'mine.untitled')
  view.part('entry-locked').hidden = !actions.locked

  view.part('history-rows').replaceChildren(
    ...historyLines(entry, locale).map((line) => {
      const tr = document.createElement('tr')
      tr.dataset.testid = 'history-row'
      tr.append(cell(line.from), cell(line.to), cell(line.at), cell(line.reason))
      return tr
    }),
  )

  const body = view.part('entry-content')
  body.replaceChildren()
  if (content) {
    const add = (tag: 'h3' | 'p', text: string, className?: string) => {
      const el = document.createElement(tag)
      el.textContent = text
      if (className) {
        el.className = className
      }
      body.append(el)
    }
    if (content.abstract) {
      add('h3', tx(locale, 'submit.abstract'))
      add('p', content.abstract, 'pre-line')
    }
    for (const section of content.sections ?? []) {
      add('h3', section.heading)
      add('p', section.body, 'pre-line')
    }
    const files = content.attachments ?? []
    if (files.length > 0) {
      add('h3', tx(locale, 'mine.attachments'))
      const list = document.createElement('ol')
      for (const a of files) {
        const li = document.createElement('li')
        const file = typeof a.file === 'object' ? a.file : undefined
        const name = file?.filename ?? `#${String(a.file)}`
        if (file?.url) {
          const link = document.createElement('a')
          link.href = file.url
          link.textContent = name
          li.append(link)
        } else {
          li.append(name)
        }
        if (a.caption) {
          li.append(`：${a.caption}`)
        }
        list.append(li)
      }
      body.append(list)
    }
  }
  view.part('mine-detail').hidden = false
}

function bindWithdraw(view: Island, id: number): void {
  const { locale } = view.config
  const dialog = view.part<HTMLDialogElement>('withdraw-dialog')
  const confirm = view.part<HTMLButtonElement>('withdraw-confirm')
  const error = view.part('withdraw-error')
  const opener = view.part<HTMLButtonElement>('entry-withdraw')
  opener.addEventListener('click', () => {
    view.part('withdraw-question').textContent = tx(locale, 'mine.withdrawConfirm', {
      title: opener.dataset.title ?? '',
    })
    error.textContent = ''
    dialog.showModal()
  })
  view.part('withdraw-cancel').addEventListener('click', () => dialog.close())
  dialog.addEventListener('close', () => opener.focus())
  confirm.addEventListener('click', () => {
    if (confirm.getAttribute('aria-disabled') === 'true') {
      return
    }
    confirm.setAttribute('aria-disabled', 'true')
    void requestJson('POST', `/api/submissions/entries/${id}/withdraw`)
      .then(async (reply) => {
        if (reply.status !== 200) {
          error.textContent = readErrors(reply)[0]?.message ?? tx(locale, 'submit.network')
          return
        }
        dialog.close()
        const message = view.part('entry-message')
        message.textContent = tx(locale, 'mine.withdrawn')
        message.hidden = false
        await renderEntry(view, id)
      })
      .catch(() => {
        error.textContent = tx(locale, 'submit.network')
      })
      .finally(() => confirm.removeAttribute('aria-disabled'))
  })
}
