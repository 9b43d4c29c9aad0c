/**
 * The pure checks of the participants plugin, for the site's forms too
 * (`@exemplar/plugin-participants/rules`): no Payload and no Node APIs, so a
 * browser bundle can take them and both sides judge a name or a code alike.
 */
export { licenceMismatchMessage, namesMatch, normalizeInstitutionName } from './lib/names'
