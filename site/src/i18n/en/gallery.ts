/** English UI strings of the gallery; the type makes every Chinese key required. */
import type { Strings } from '../index'
import type zh from '../zh/gallery'

const en: Strings<typeof zh> = {
  'gallery.nav': 'Gallery',
  'gallery.title': 'Gallery',
  'gallery.titleQuery': 'Results for “{q}” · Gallery',
  'gallery.description':
    'Every entry on display or awarded in past campaigns: filter by year, campaign, theme, track, province and award; search titles, abstracts and texts.',
  'gallery.lead': 'Cases and works on display or awarded in every campaign: {n}.',
  'gallery.search.label': 'Search the gallery',
  'gallery.search.placeholder': 'Words from a title, abstract or text',
  'gallery.search.submit': 'Search',
  'gallery.search.hint': 'Matches the exact characters, up to {max}.',
  'gallery.facets': 'Filters',
  'gallery.facet.all': 'All',
  'gallery.facet.count': '{n}',
  'gallery.clear': 'Clear all filters',
  'gallery.sort': 'Sort',
  'gallery.found': '{n} entries',
  'gallery.foundQuery': '“{q}”: {n} entries',
  'gallery.empty': 'No entry matches.',
  'gallery.emptyHint': 'Try fewer filters or a shorter word.',
  'gallery.votes': '{n} votes',
  'gallery.numbers.title': 'The {year} gallery',
  'gallery.numbers.entries': 'entries on display',
  'gallery.numbers.awarded': 'awarded entries',
  'gallery.numbers.provinces': 'provinces taking part',
  'gallery.numbers.campaigns': 'campaigns',
  'showcase.nav': 'Showcases',
  'showcase.list.title': 'Showcases',
  'showcase.list.description':
    'Collections of excellent cases and works chosen by the organizing committee.',
  'showcase.list.empty': 'No showcase yet.',
  'showcase.count': '{n} entries',
  'showcase.of': 'Campaign',
  'showcase.empty': 'None of this showcase’s entries is on display yet.',
  'showcase.note': 'Why it was chosen',
  'gallery.refused': 'This search cannot be run: {message}',
  'gallery.refusedBack': 'Back to the gallery',
}

export default en
