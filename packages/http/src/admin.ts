import { firstMessage } from './index'

/**
 * JSON from the admin's own panels (plugins' React components): GET without
 * a body, POST with one, the session cookie along. A refusal throws with
 * the server's first message, so a panel shows one line in Chinese.
 */
export async function adminJson<T>(url: string, body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method: body === undefined ? 'GET' : 'POST',
    credentials: 'include',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const data: unknown = await response.json().catch(() => null)
  if (!response.ok) {
    throw new Error(firstMessage(data) ?? `请求失败（HTTP ${response.status}）`)
  }
  return data as T
}
