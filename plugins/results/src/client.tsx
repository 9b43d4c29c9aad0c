'use client'
/** The results plugin's admin component, referenced by path string, never imported by the config. */
export { ResultsPanel } from './client/ResultsPanel'
