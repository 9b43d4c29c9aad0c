import type { Config } from 'payload'

import { objectionsCollection } from './collections/objections'
import { objectionsEndpoints } from './endpoints'
import { resolveObjectionsOptions } from './options'
import type { ObjectionsPluginOptions } from './types'

export type { ObjectionsPluginOptions } from './types'
export { objectionsOptionsOf } from './options'
export { decideObjection } from './service/decide'
export { raiseObjection } from './service/raise'

/**
 * Objections in publicity (公示异议): raised by an account against a named
 * entry while the campaign's publicity is open, decided by an editor with
 * a reason; an upheld one revokes the entry and freezes the results again,
 * through the host. The collection is added even when disabled.
 */
export const objectionsPlugin =
  (input: ObjectionsPluginOptions) =>
  (config: Config): Config => {
    const options = resolveObjectionsOptions(input)
    const collection = objectionsCollection(options)
    return {
      ...config,
      collections: [
        ...(config.collections ?? []),
        input.disabled ? collection : { ...collection, endpoints: objectionsEndpoints },
      ],
      custom: { ...config.custom, objections: options },
    }
  }
