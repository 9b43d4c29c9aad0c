import type { Entry } from '@exemplar/cms/payload-types'
import { DEFAULT_TRANSITION_REASONS, formatEntryNumber, shanghaiDay } from '@exemplar/domain'

import { DOCTORS } from './people'
import type { Random } from './random'
import type { CampaignDef, PhaseDef, TrackDef } from './types'

type EntryState = Entry['status']

/** How many entries of each state a campaign gets, per track (in track order). */
export type EntryPlan = Partial<Record<EntryState, number>>[]

export interface OrgRef {
  id: number | string
  name: string
  province: Entry['province']
  city: string
  type: string
}

export interface ThemeRef {
  id: number | string
  title: string
}

export interface EntryContext {
  campaign: CampaignDef
  campaignId: number | string
  now: Date
  random: Random
  organizations: OrgRef[]
  mediaOrganizations: OrgRef[]
  themes: ThemeRef[]
  images: (number | string)[]
  pdf: number | string | undefined
  participant: { id: number | string; organization: OrgRef }
  editor: number | string
}

const PATHS: Record<EntryState, EntryState[]> = {
  draft: ['draft'],
  submitted: ['draft', 'submitted'],
  screening: ['draft', 'submitted', 'screening'],
  returned: ['draft', 'submitted', 'screening', 'returned'],
  rejected: ['draft', 'submitted', 'screening', 'rejected'],
  accepted: ['draft', 'submitted', 'screening', 'accepted'],
  voting: ['draft', 'submitted', 'screening', 'accepted', 'voting'],
  review: ['draft', 'submitted', 'screening', 'accepted', 'review'],
  shortlisted: ['draft', 'submitted', 'screening', 'accepted', 'review', 'shortlisted'],
  publicity: ['draft', 'submitted', 'screening', 'accepted', 'review', 'shortlisted', 'publicity'],
  awarded: [
    'draft',
    'submitted',
    'screening',
    'accepted',
    'review',
    'shortlisted',
    'publicity',
    'awarded',
  ],
  revoked: [
    'draft',
    'submitted',
    'screening',
    'accepted',
    'review',
    'shortlisted',
    'publicity',
    'revoked',
  ],
  withdrawn: ['draft', 'submitted', 'withdrawn'],
}

/** The phase whose start dates a move into each state. */
const PHASE_OF_STATE: Partial<Record<EntryState, PhaseDef['kind']>> = {
  submitted: 'submission',
  screening: 'screening',
  accepted: 'display',
  voting: 'voting',
  review: 'review',
  shortlisted: 'review',
  publicity: 'publicity',
  awarded: 'results',
  revoked: 'publicity',
}

/** Each text with the reason class an editor would pick from the workflow's list. */
const REASONS: Partial<Record<EntryState, { code: string; text: string }[]>> = {
  returned: [
    { code: 'incomplete', text: '缺少“推广情况”部分，请补充后重新提交。' },
    { code: 'incomplete', text: '图片说明未写明时间和地点，请补充。' },
  ],
  rejected: [
    { code: 'offTopic', text: '内容与征集主题不符。' },
    { code: 'format', text: '正文含有药品商业宣传内容，不符合征集要求。' },
    { code: 'plagiarism', text: '作品非原创，与已发表文章高度重复。' },
  ],
  revoked: [
    { code: 'fraud', text: '公示期间收到实名举报，经核实案例数据存在虚报，撤销入选资格。' },
  ],
}

const reasonLabel = (code: string): string | null =>
  DEFAULT_TRANSITION_REASONS.find((r) => r.code === code)?.label.zh ?? null

const ACTIONS = [
  '“互联网+”慢病随访',
  '家庭医生签约服务',
  '健康科普进社区',
  '医防融合门诊',
  '县乡村一体化管理',
  '全流程健康宣教',
  '智慧随访平台',
  '多学科联合门诊',
  '健康小屋',
  '名医下基层',
  '短视频科普矩阵',
  '患者自我管理小组',
]

const OUTCOMES = [
  '随访率提升至 92%',
  '患者依从性明显提高',
  '覆盖居民 3.6 万人',
  '复诊率下降 18%',
  '群众满意度达 96%',
]

function phaseStart(campaign: CampaignDef, kind: PhaseDef['kind']): Date | undefined {
  const phase = campaign.phases.find((p) => p.kind === kind)
  return phase ? new Date(phase.startsAt) : undefined
}

/** A plausible history: each move dated inside the phase it belongs to, never in the future. */
function historyFor(state: EntryState, ctx: EntryContext): NonNullable<Entry['history']> {
  const path = PATHS[state]
  const first =
    phaseStart(ctx.campaign, 'submission') ?? new Date(ctx.campaign.phases[0]?.startsAt ?? ctx.now)
  let at = new Date(first.getTime() + ctx.random.int(0, 20) * 86_400_000)
  const rows: NonNullable<Entry['history']> = []
  let from: EntryState | null = null
  for (const to of path) {
    const kind = PHASE_OF_STATE[to]
    const start = kind ? phaseStart(ctx.campaign, kind) : undefined
    const candidate = start && start > at ? start : new Date(at.getTime() + 86_400_000)
    at = new Date(
      Math.min(candidate.getTime() + ctx.random.int(0, 5) * 3_600_000, ctx.now.getTime()),
    )
    const reasons = REASONS[to]
    const reason = reasons ? ctx.random.pick(reasons) : null
    rows.push({
      from,
      to,
      at: at.toISOString(),
      // IDs are numbers on SQLite and strings on MongoDB; the generated types know only the former.
      by: to === 'draft' || to === 'submitted' ? null : (ctx.editor as number),
      reasonCode: reason?.code ?? null,
      reasonLabel: reason ? reasonLabel(reason.code) : null,
      reason: reason?.text ?? null,
    })
    from = to
  }
  return rows
}

function sectionText(heading: string, theme: string, action: string, ctx: EntryContext): string {
  const r = ctx.random
  switch (heading) {
    case '工作目标':
      return `围绕“${theme}”，以${action}为抓手，让辖区居民在家门口获得连续、可及的健康服务，${r.pick(['力争三年内重点人群规范管理率达到 80% 以上', '推动健康知识知晓率逐年提升', '把预防关口前移到社区和家庭'])}。`
    case '主要举措':
      return `一是组建由临床医生、护士和公共卫生人员组成的团队，明确分工；二是依托${action}建立线上线下结合的服务流程；三是针对重点人群开展分层分类的健康宣教，每月评估效果并持续改进。`
    case '推广情况':
      return `项目已在${r.int(3, 18)}个乡镇（街道）推广，${r.pick(OUTCOMES)}，相关做法被${r.pick(['省级卫生健康部门', '市级媒体', '兄弟单位'])}推介。`
    case '背景':
      return `医共体成立前，县域内医疗资源分散、基层服务能力薄弱，群众外出就医比例较高。${theme ? `在“${theme}”方面` : ''}亟需以党建引领统筹各方力量。`
    case '做法':
      return `以党建为纽带，推行“总院+分院+村卫生室”一体化管理，组建党员先锋服务队，开展${action}，统一人事、财务和药品管理。`
    case '成效（数据对比）':
      return `实施两年来，县域内就诊率由 78% 提升到 ${r.int(86, 93)}%，基层门诊量增长 ${r.int(15, 40)}%，${r.pick(OUTCOMES)}。`
    case '探讨（问题与思考）':
      return '人才下沉的长效机制、信息系统互联互通和绩效考核办法仍需进一步完善。'
    case '附录':
      return '附：相关制度文件清单、工作照片及数据统计表。'
    default:
      return `${action}的具体做法与成效。`
  }
}

function textFor(track: TrackDef, theme: string, action: string, ctx: EntryContext) {
  const required = track.requirements.requiredSections
  if (required && required.length > 0) {
    return required.map((heading) => ({ heading, body: sectionText(heading, theme, action, ctx) }))
  }
  if (track.kind === 'poem') {
    return [
      {
        heading: '作品文本',
        body: `清晨的村口，\n药箱背在肩头，\n${action}的路上，\n我们把健康送到每一扇门后。`,
      },
    ]
  }
  if (track.kind === 'video' || track.kind === 'audio') {
    return [
      {
        heading: '作品文字说明',
        body: `本作品围绕${theme || '基层健康'}，讲述${action}的故事，时长约 ${ctx.random.int(90, 178)} 秒。`,
      },
    ]
  }
  if (track.kind === 'photo') {
    return []
  }
  return [
    { heading: '主要内容', body: sectionText('主要举措', theme, action, ctx) },
    { heading: '工作成效', body: sectionText('推广情况', theme, action, ctx) },
  ]
}

function titleFor(
  track: TrackDef,
  org: OrgRef,
  theme: string,
  action: string,
  ctx: EntryContext,
): string {
  const r = ctx.random
  switch (track.kind) {
    case 'photo':
      return r.pick([
        '坚守',
        '逆行的背影',
        '护目镜下的笑容',
        '凌晨四点的核酸采样点',
        '接力',
        '方舱里的生日',
        '压痕',
        '隔窗问诊',
        '午夜的走廊',
        '出征',
        '写在防护服上的名字',
        '雪中采样',
        '一碗热汤面',
        '归来',
      ])
    case 'print':
      return r.pick([
        '一图读懂：居家防护要点',
        '科学佩戴口罩手册',
        '老年人防护折页',
        '复工复产健康指引海报',
      ])
    case 'poem':
      return r.pick(['乡村医生', '春天的出诊路', '写给医共体的诗', '灯火'])
    case 'video':
      return `${r.pick(['讲好', '我的', '身边的'])}${theme || action}故事`.slice(0, 40)
    default:
      // A blind campaign asks that no title or text name the institution.
      if (ctx.campaign.review?.blind === 'blind') {
        return `${action}${r.pick(['助力', '推动', '深化'])}${theme || '健康中国行动'}`.slice(0, 60)
      }
      return `${org.name}：${action}${r.pick(['助力', '推动', '深化'])}${theme || '健康中国行动'}`.slice(
        0,
        60,
      )
  }
}

/**
 * The title itself while no other entry of the campaign has it, else with the
 * place (then a number) added: readers tell entries apart by their titles.
 */
function uniqueTitle(title: string, org: OrgRef, used: Set<string>): string {
  let candidate = used.has(title) ? `${title}·${org.city}` : title
  for (let n = 2; used.has(candidate); n++) {
    candidate = `${title}·${org.city}（${n}）`
  }
  used.add(candidate)
  return candidate
}

/**
 * When a photo was taken, as its caption states it: a month of the
 * campaign's own year, before its submission closed (and before `now`).
 */
function photoTaken(ctx: EntryContext): string {
  // The year once drawn here is still drawn, so every later draw (the rest of the data) stays.
  ctx.random.int(2020, 2026)
  const drawn = ctx.random.int(1, 12)
  const submission = ctx.campaign.phases.find((p) => p.kind === 'submission')
  const last = new Date(
    Math.min(new Date(submission?.endsAt ?? ctx.now).getTime(), ctx.now.getTime()),
  )
  const year = ctx.campaign.year
  const lastDay = shanghaiDay(last)
  const lastMonth = Number(lastDay.slice(0, 4)) > year ? 12 : Number(lastDay.slice(5, 7))
  return `${year}年${((drawn - 1) % Math.max(1, lastMonth)) + 1}月`
}

/** The entries of one campaign, as create data for the Local API. */
export function buildEntries(
  plan: EntryPlan,
  ctx: EntryContext,
  numbering: { year: number; code: string },
): Partial<Entry>[] {
  const out: Partial<Entry>[] = []
  const titles = new Set<string>()
  let serial = 0
  ctx.campaign.tracks.forEach((track, trackIndex) => {
    const counts = plan[trackIndex] ?? {}
    for (const [state, count] of Object.entries(counts) as [EntryState, number][]) {
      for (let i = 0; i < count; i++) {
        serial += 1
        const r = ctx.random
        const mine = ctx.campaign.slug.endsWith(String(ctx.now.getFullYear())) && serial % 9 === 1
        const org = mine ? ctx.participant.organization : r.pick(ctx.organizations)
        const theme = ctx.themes.length > 0 ? r.pick(ctx.themes) : undefined
        const action = r.pick(ACTIONS)
        const doctor = r.pick(DOCTORS)
        const publicState = !['draft', 'submitted', 'screening', 'returned', 'rejected'].includes(
          state,
        )
        const individual = track.kind === 'photo' && r.next() < 0.4
        const media = !individual && track.kind === 'photo' && ctx.mediaOrganizations.length > 0
        const imageCount =
          track.kind === 'photo' ? 1 : Math.min(track.requirements.maxImages ?? 1, r.int(1, 5))
        const taken = track.kind === 'photo' ? photoTaken(ctx) : ''
        const attachments = Array.from({ length: imageCount }, (_, k) => ({
          file: ctx.images[(serial * 3 + k) % ctx.images.length] as number,
          caption:
            track.kind === 'photo'
              ? `${taken}，${org.city}，${doctor.department}${doctor.name}医生在${r.pick(['发热门诊', '社区采样点', '病房', '入户随访途中'])}${r.pick(['为老人测量体温', '整理防护服', '与同事击掌加油', '连续工作后短暂休息'])}。`
              : `${action}现场`,
        }))
        if (track.kind === 'print' && ctx.pdf !== undefined) {
          attachments.unshift({ file: ctx.pdf as number, caption: '平面科普材料（PDF）' })
        }
        const inVotingCampaign = Boolean(ctx.campaign.voting)
        const awarded = state === 'awarded'
        const votes =
          publicState && inVotingCampaign ? r.int(awarded ? 800 : 20, awarded ? 4000 : 1500) : 0
        const history = historyFor(state, ctx)
        out.push({
          number: formatEntryNumber(numbering.year, numbering.code, serial),
          title: uniqueTitle(titleFor(track, org, theme?.title ?? '', action, ctx), org, titles),
          campaign: ctx.campaignId as number,
          track: track.key,
          theme: (theme?.id as number | undefined) ?? null,
          abstract:
            track.kind === 'photo'
              ? null
              : `${ctx.campaign.review?.blind === 'blind' ? '本单位' : org.name}以${action}为切入点，围绕${theme?.title ?? '健康中国行动'}开展实践探索，${r.pick(OUTCOMES)}。本案例介绍其目标、做法与推广经验。`,
          sections: textFor(track, theme?.title ?? '', action, ctx),
          attachments,
          authors: individual
            ? [
                {
                  name: r.pick(['李摄影', '王晨光', '刘一鸣', '张镜']),
                  title: '个人作者',
                  affiliation: null,
                },
              ]
            : [
                {
                  name: doctor.name,
                  title: `${doctor.department} ${doctor.title}`,
                  affiliation: org.name,
                },
              ],
          organization: individual ? null : (org.id as number),
          province: org.province,
          city: org.city,
          channel: individual
            ? 'individual'
            : media
              ? 'media'
              : r.pick(['self', 'self', 'provincial'] as const),
          recommendingUnit: media ? r.pick(ctx.mediaOrganizations).name : null,
          informationSource: individual ? r.pick(['期刊封二广告', '朋友圈转发', '医院官微']) : null,
          declarations: {
            original: state !== 'draft',
            truthful: state !== 'draft',
            freeUse: state !== 'draft',
          },
          status: state,
          submittedBy: mine ? (ctx.participant.id as number) : null,
          voteCount: votes,
          award: awarded
            ? {
                name: track.tiers[0]?.name ?? '优秀作品',
                // Set when the certificate is issued from the frozen results (seed/src/results.ts).
                certificateNumber: null,
                awardedAt: history.at(-1)?.at ?? null,
              }
            : {},
          history,
        })
      }
    }
  })
  return out
}
