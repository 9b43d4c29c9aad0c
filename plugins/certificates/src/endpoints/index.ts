import type { Endpoint } from 'payload'

import { certificateCandidatesHandler } from './certificateCandidatesHandler'
import { certificatePdfHandler } from './certificatePdfHandler'
import { issueCertificatesHandler } from './issueCertificatesHandler'
import { myCertificatesHandler } from './myCertificatesHandler'
import { publicKeyHandler } from './publicKeyHandler'

/**
 * The certificates plugin's routes (API.md), one handler each. On the
 * collection, not the root: Payload hands `/api/<slug>/…` to the collection
 * whose slug it starts with, and ahead of its own `/:id`.
 */
export const certificatesEndpoints: Endpoint[] = [
  { method: 'post', path: '/issue', handler: issueCertificatesHandler },
  { method: 'get', path: '/public-key', handler: publicKeyHandler },
  { method: 'get', path: '/candidates', handler: certificateCandidatesHandler },
  { method: 'get', path: '/mine', handler: myCertificatesHandler },
  { method: 'get', path: '/:number/pdf', handler: certificatePdfHandler },
]
