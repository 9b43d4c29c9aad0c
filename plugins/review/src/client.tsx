'use client'
/**
 * The review plugin's admin components, referenced by path string
 * ('@exemplar/plugin-review/client#ReviewDesk'), never imported by the config.
 */
export { BlindDisplayWarning } from './client/BlindDisplayWarning'
export { ReviewDesk } from './client/ReviewDesk'
export { ReviewNavLink } from './client/ReviewNavLink'
