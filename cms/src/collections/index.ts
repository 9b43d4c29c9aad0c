import { Campaigns } from './Campaigns'
import { Entries } from './Entries'
import { Media } from './Media'
import { Organizations } from './Organizations'
import { Posts } from './Posts'
import { Showcases } from './Showcases'
import { Themes } from './Themes'
import { Users } from './Users'

/** Core domain collections, in the order the admin lists them. */
export const collections = [
  Campaigns,
  Themes,
  Entries,
  Posts,
  Showcases,
  Media,
  Organizations,
  Users,
]
