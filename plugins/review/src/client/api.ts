'use client'
import { firstMessage, problemsOf } from '@exemplar/http'

export class ApiError extends Error {
  constructor(
    message: string,
    readonly body: unknown,
  ) {
    super(message)
  }
}

/** JSON from the CMS's own API with the editor's session cookie; a refusal's messages as the error. */
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
    const all = problemsOf(data).map((p) => p.message)
    throw new ApiError(
      all.length > 1
        ? all.join('；')
        : (firstMessage(data) ?? `请求失败（HTTP ${response.status}）`),
      data,
    )
  }
  return data as T
}
