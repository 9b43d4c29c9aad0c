'use client'
/** The voting plugin's admin component, referenced by path string, never imported by the config. */
export { IntegrityPanel } from './client/IntegrityPanel'
