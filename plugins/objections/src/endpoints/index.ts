import type { Endpoint } from 'payload'

import { decideObjectionHandler } from './decideObjectionHandler'
import { raiseObjectionHandler } from './raiseObjectionHandler'

/** The objections plugin's routes (API.md), on its collection, ahead of Payload's own. */
export const objectionsEndpoints: Endpoint[] = [
  { method: 'post', path: '/raise', handler: raiseObjectionHandler },
  { method: 'post', path: '/:id/decide', handler: decideObjectionHandler },
]
