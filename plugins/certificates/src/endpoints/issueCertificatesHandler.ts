import { jsonResponse, Refusal } from '@exemplar/http'
import type { PayloadHandler } from 'payload'

import { issueAwardCertificates } from '../service/issue'
import { issueInstitutionCertificates } from '../service/issueInstitutions'
import { answerCertificateEditor, campaignIdOf, namesIn } from './request'

/**
 * `POST /api/certificates/issue` `{campaign, kind?}`: issues the award
 * certificates of the campaign's newest frozen result; with `kind:
 * 'organizer'` and `institutions`, or `kind: 'media'` and `partners`, the
 * certificates of the holders an editor confirmed. 201 when any were
 * issued, 200 when every one named already had one.
 */
export const issueCertificatesHandler: PayloadHandler = (req) =>
  answerCertificateEditor(req, async (options, body) => {
    const campaign = campaignIdOf(body.campaign)
    const exists = await req.payload.findByID({
      collection: options.campaigns,
      id: campaign,
      depth: 0,
      disableErrors: true,
      overrideAccess: true,
      req,
    })
    if (!exists) {
      throw new Refusal(404, {
        field: 'campaign',
        code: 'notFound',
        message: `没有 ID 为 ${String(campaign)} 的征集活动`,
      })
    }
    const kind = body.kind ?? 'award'
    if (kind !== 'award' && kind !== 'organizer' && kind !== 'media') {
      throw new Refusal(400, {
        field: 'kind',
        code: 'invalid',
        message: '证书类别须为 award（获奖）、organizer（优秀组织机构）或 media（合作媒体）',
      })
    }
    if (kind === 'media' && !options.partnersOf) {
      throw new Refusal(501, {
        field: 'kind',
        code: 'unsupported',
        message: '本平台未启用合作媒体证书',
      })
    }
    const outcome =
      kind === 'award'
        ? await issueAwardCertificates(req, options, campaign)
        : await issueInstitutionCertificates(
            req,
            options,
            campaign,
            kind,
            kind === 'organizer'
              ? namesIn(body.institutions, 'institutions', '优秀组织机构')
              : namesIn(body.partners, 'partners', '合作媒体'),
          )
    return jsonResponse(outcome.issued.length > 0 ? 201 : 200, outcome)
  })
