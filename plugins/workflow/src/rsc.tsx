import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter } from '@payloadcms/ui'
import type { AdminViewServerProps } from 'payload'

import { ScreeningDesk } from './client/ScreeningDesk'
import { workflowOptionsOf } from './options'

/** `/admin/screening`: the screening desk inside the admin's own frame; editors only. */
export function ScreeningView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req } = initPageResult
  const options = workflowOptionsOf(req.payload.config)
  const allowed = options.isEditor(req.user)
  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={initPageResult.locale}
      params={params}
      payload={req.payload}
      permissions={initPageResult.permissions}
      searchParams={searchParams}
      user={req.user || undefined}
      visibleEntities={initPageResult.visibleEntities}
    >
      <Gutter>
        <h1>初审工作台</h1>
        {allowed ? (
          <ScreeningDesk entriesSlug={options.entries} reasonsSlug={options.reasons} />
        ) : (
          <p>只有组委会编辑可以使用初审工作台。</p>
        )}
      </Gutter>
    </DefaultTemplate>
  )
}
