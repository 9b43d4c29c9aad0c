import { computeResults, OBJECTION_TEXT_MAX } from '@exemplar/domain'
import { describe, expect, it } from 'vitest'

import type { JsonReply } from './http'
import { objectableRows, objectionOutcome, objectionTextProblem } from './objections'

const reply = (status: number, data?: unknown, errors: JsonReply['errors'] = []): JsonReply => ({
  ok: status < 300,
  status,
  data,
  errors,
})

describe('the entries an objection may name', () => {
  it('should offer the tier holders that are not revoked, and nothing else', () => {
    const body = computeResults({
      campaign: { id: 1, slug: 'demo', title: '示例' },
      normalization: 'none',
      formula: { expertShare: 100, voteScale: 'max', tieRule: 'expert' },
      promoteNext: false,
      tracks: [
        {
          key: 'case',
          name: '案例',
          tiers: [{ key: 'excellent', name: '优秀', kind: 'count', value: 2 }],
          entries: [90, 80, 70, 60].map((expert, i) => ({
            entryId: i + 1,
            number: `N${i + 1}`,
            expert,
            reviews: 3,
            votes: 0,
            revoked: i === 0,
            title: `案例 ${i + 1}`,
            institution: '',
            province: '',
            pinnedVersion: null,
            pinnedSha256: null,
          })),
        },
      ],
    })
    // N1 is revoked; without promotion its place stays empty, so only N2 holds a tier.
    expect(objectableRows(body)).toEqual([{ entryId: '2', number: 'N2', title: '案例 2' }])
  })
})

describe('the objection text', () => {
  it('should ask for a text and name the limit and the length when it is too long', () => {
    expect(objectionTextProblem('   ', 'zh')).toBe('请写明异议内容与依据')
    expect(objectionTextProblem('数'.repeat(OBJECTION_TEXT_MAX + 1), 'zh')).toBe(
      `异议内容不超过 ${OBJECTION_TEXT_MAX} 字，现为 ${OBJECTION_TEXT_MAX + 1} 字`,
    )
    expect(objectionTextProblem(` ${'数'.repeat(OBJECTION_TEXT_MAX)} `, 'zh')).toBeNull()
  })
})

describe('what an answer means', () => {
  it('should confirm with the number, ask to sign in on 401 and pass the server’s reason on', () => {
    expect(objectionOutcome(reply(201, { objection: { id: 7, status: 'open' } }), 'zh')).toEqual({
      kind: 'raised',
      message: '异议已提交，编号 #7；组委会处理后将以邮件告知您。',
    })
    expect(objectionOutcome(reply(401), 'en').kind).toBe('signIn')
    expect(
      objectionOutcome(reply(201, { objection: { id: 8 } }), 'zh', { byCode: true }).message,
    ).toBe('异议已提交，编号 #8；组委会处理后将把结果发送到您验证的邮箱或手机。')
    const unproved = '该邮箱或手机号尚未通过验证码验证，请先获取验证码完成验证'
    expect(
      objectionOutcome(
        reply(401, undefined, [{ field: 'contact', code: 'unverified', message: unproved }]),
        'zh',
        { byCode: true },
      ),
    ).toEqual({ kind: 'refused', message: unproved, field: 'contact' })
    const closed = '异议只在公示期内受理（2026-11-30 至 2026-12-06，北京时间），现在不在公示期内'
    expect(
      objectionOutcome(
        reply(409, undefined, [{ code: 'outsidePublicity', message: closed }]),
        'zh',
      ),
    ).toEqual({ kind: 'refused', message: closed })
    expect(
      objectionOutcome(
        reply(400, undefined, [{ field: 'text', code: 'tooLong', message: '太长' }]),
        'zh',
      ),
    ).toEqual({ kind: 'refused', message: '太长', field: 'text' })
    expect(objectionOutcome(reply(502), 'zh').message).toBe('提交未成功（HTTP 502），请稍后重试。')
  })
})

describe('the evidence files', () => {
  it('should take up to three images or PDFs within 10 MB, naming the file that is not', async () => {
    const { evidenceProblem } = await import('./objections')
    const png = { name: '截图.png', size: 200_000, type: 'image/png' }
    expect(evidenceProblem([], 'zh')).toBeNull()
    expect(evidenceProblem([png, { ...png, type: 'application/pdf' }], 'zh')).toBeNull()
    expect(evidenceProblem([png, png, png, png], 'zh')).toBe('证据材料最多 3 个文件，现选了 4 个')
    expect(evidenceProblem([{ ...png, name: '录像.mp4', type: 'video/mp4' }], 'zh')).toBe(
      '证据材料“录像.mp4”须为 JPEG、PNG、WebP 图片或 PDF 文件',
    )
    expect(evidenceProblem([{ ...png, size: 10 * 1024 * 1024 + 1 }], 'zh')).toBe(
      '证据材料“截图.png”超过 10 MB',
    )
  })
})
