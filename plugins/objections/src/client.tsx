'use client'
/** The objections plugin's admin component, referenced by path string, never imported by the config. */
export { DecidePanel } from './client/DecidePanel'
