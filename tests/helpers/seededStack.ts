import type { Json } from './api'

/** The seed places current editions in Beijing's year: the slug of a series' current edition. */
export function currentSlug(series: string): string {
  const year = new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(
    new Date(),
  )
  return `${series}-${year}`
}

/** Signs in over REST, as a script would: the session's JWT. */
export async function signIn(cmsUrl: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${cmsUrl}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  if (res.status !== 200) {
    throw new Error(`sign-in of ${email} answered ${res.status}`)
  }
  return ((await res.json()) as { token: string }).token
}

/** A REST read as the holder of a JWT; anything but 200 fails with the route named. */
export async function readAs(cmsUrl: string, token: string, route: string): Promise<Json> {
  const res = await fetch(`${cmsUrl}/api${route}`, { headers: { authorization: `JWT ${token}` } })
  if (res.status !== 200) {
    throw new Error(`GET ${route} answered ${res.status}: ${(await res.text()).slice(0, 200)}`)
  }
  return (await res.json()) as Json
}
