'use client'
import { firstMessage } from '@exemplar/http'

/** JSON from the CMS's own API with the editor's session cookie; a refusal's first message as the error. */
export async function callApi<T>(
  url: string,
  init: { method?: string; body?: unknown } = {},
): Promise<T> {
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    credentials: 'include',
    headers: init.body === undefined ? {} : { 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  })
  const data: unknown = await response.json().catch(() => null)
  if (!response.ok) {
    throw new Error(firstMessage(data) ?? `请求失败（HTTP ${response.status}）`)
  }
  return data as T
}

export interface Reason {
  code: string
  label: string
  actions?: string[]
}

/** The active reasons offered for `action`, from the editable list. */
export async function reasonsFor(api: string, slug: string, action: string): Promise<Reason[]> {
  const q = new URLSearchParams({ 'where[active][equals]': 'true', limit: '100', depth: '0' })
  const { docs } = await callApi<{ docs: Reason[] }>(`${api}/${slug}?${q.toString()}`)
  return docs.filter((r) => r.actions?.includes(action))
}
