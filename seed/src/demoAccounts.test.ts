import { PUBLISHED_DEMO_ACCOUNTS } from '@exemplar/cms/lib/demo'
import { describe, expect, it } from 'vitest'

import { DEMO_USERS } from './people'

describe('the demo accounts', () => {
  it('should be exactly the accounts a production CMS checks for published passwords', () => {
    expect(DEMO_USERS.map(({ email, password }) => ({ email, password }))).toEqual(
      PUBLISHED_DEMO_ACCOUNTS,
    )
  })
})
