/**
 * Keeps a server-rendered leaderboard table current without a reload: every
 * few seconds it asks the API with If-None-Match (a 304 costs nothing) and
 * re-renders the rows when the ranking changed. Paused while the tab is
 * hidden. The rows come from the same `leaderboardRows` as the server's.
 */
import { formatTime } from '../lib/format'
import { localeFromLang } from '../i18n'
import { tv } from '../i18n/voting'
import {
  CHART_REFRESH_MS,
  isLeaderboard,
  leaderboardRows,
  POLL_INTERVAL_MS,
  type RowView,
} from '../lib/leaderboard'

function renderRows(
  body: HTMLTableSectionElement,
  rows: RowView[],
  columns: number,
  empty: string,
) {
  const fresh = rows.map((row) => {
    const tr = document.createElement('tr')
    tr.dataset.key = row.key
    for (const cell of row.cells) {
      const el = document.createElement(cell.rowHeader ? 'th' : 'td')
      if (cell.rowHeader) {
        el.setAttribute('scope', 'row')
      }
      if (cell.numeric) {
        el.className = 'num'
      }
      if (cell.href) {
        const a = document.createElement('a')
        a.href = cell.href
        a.textContent = cell.text
        el.append(a)
      } else {
        el.textContent = cell.text
      }
      tr.append(el)
    }
    return tr
  })
  if (fresh.length === 0) {
    const tr = document.createElement('tr')
    const td = document.createElement('td')
    td.colSpan = columns
    td.className = 'muted'
    td.textContent = empty
    tr.append(td)
    fresh.push(tr)
  }
  body.replaceChildren(...fresh)
}

/**
 * Redraws the chart from this page's own server rendering (same URL), so the
 * browser draws exactly what the server would, with no second chart renderer.
 */
async function refreshChart(container: HTMLElement): Promise<void> {
  const res = await fetch(window.location.href, { cache: 'no-store', credentials: 'same-origin' })
  if (res.status !== 200) {
    return
  }
  const page = new DOMParser().parseFromString(await res.text(), 'text/html')
  const fresh = page.querySelector('[data-leaderboard-chart]')
  if (fresh) {
    container.replaceChildren(...Array.from(fresh.childNodes, (n) => document.importNode(n, true)))
  }
}

export function initLiveLeaderboard(root: ParentNode = document): void {
  const table = root.querySelector<HTMLTableElement>('table[data-leaderboard]')
  const body = table?.tBodies[0]
  const src = table?.dataset.src
  if (!table || !body || !src) {
    return
  }
  const locale = localeFromLang(document.documentElement.lang)
  const columns = table.tHead?.rows[0]?.cells.length ?? 1
  const updated = root.querySelector<HTMLTimeElement>('[data-leaderboard-updated]')
  let etag = table.dataset.etag
  const chart = root.querySelector<HTMLElement>('[data-leaderboard-chart]')
  // When the redraw is due: a while after a ranking change, by which time the site's
  // short cache of the hourly series has expired too.
  let chartDueAt: number | undefined
  for (const note of root.querySelectorAll<HTMLElement>('[data-leaderboard-live]')) {
    note.hidden = false
  }

  const poll = async () => {
    if (document.visibilityState === 'hidden') {
      return
    }
    if (chart && chartDueAt !== undefined && Date.now() >= chartDueAt) {
      chartDueAt = undefined
      void refreshChart(chart).catch(() => undefined)
    }
    const res = await fetch(src, {
      headers: etag ? { 'if-none-match': etag, accept: 'application/json' } : {},
      // The browser's own cache would answer for max-age=2 and hide the ETag exchange.
      cache: 'no-store',
      credentials: 'same-origin',
    })
    if (res.status !== 200) {
      return
    }
    const board: unknown = await res.json()
    if (!isLeaderboard(board)) {
      return
    }
    etag = res.headers.get('etag') ?? undefined
    renderRows(body, leaderboardRows(board, locale), columns, tv(locale, 'leaderboard.empty'))
    table.dataset.generatedAt = board.generatedAt
    chartDueAt ??= Date.now() + CHART_REFRESH_MS
    if (updated) {
      updated.dateTime = board.generatedAt
      updated.textContent = tv(locale, 'leaderboard.updated', {
        time: formatTime(board.generatedAt, locale),
      })
    }
  }

  const loop = () => {
    window.setTimeout(() => {
      // A failed poll (offline, CMS restarting) is simply tried again next time.
      poll()
        .catch(() => undefined)
        .finally(loop)
    }, POLL_INTERVAL_MS)
  }
  loop()
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') {
      void poll().catch(() => undefined)
    }
  })
}
