/**
 * The plugin's global of promotion words. Its own module, so the service reads
 * it without importing the collections (whose hooks import the service).
 */
export const SCREENING_WORDS_SLUG = 'screening-words'
