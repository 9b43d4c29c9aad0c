'use client'
import { useConfig } from '@payloadcms/ui'

/** The screening desk's place in the admin's navigation, for editors. */
export function ScreeningNavLink() {
  const { config } = useConfig()
  return (
    <a className="nav__link" href={`${config.routes.admin}/screening`}>
      <span className="nav__link-label">初审工作台</span>
    </a>
  )
}
