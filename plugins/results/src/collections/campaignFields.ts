import {
  checkFormula,
  checkOrganizerRule,
  checkTiers,
  DEFAULT_RESULT_FORMULA,
  optionsFrom,
  QUOTA_KIND_LABELS,
  TIE_RULE_LABELS,
  TIER_KEY_PATTERN,
  VOTE_SCALE_LABELS,
  type AwardTier,
  type ResultFormula,
} from '@exemplar/domain'
import type { ArrayField, Field, GroupField } from 'payload'

const l = (zh: string, en: string) => ({ zh, en })

/** Campaigns: the published formula, what a revocation does, and the publicity period. */
export function campaignResultsField(): GroupField {
  return {
    name: 'results',
    label: l('评选规则', 'Results'),
    type: 'group',
    admin: {
      description: l(
        '投票开始前在活动页公布；冻结结果时随快照一并记录',
        'Published on the campaign page before voting opens; recorded with every snapshot',
      ),
    },
    validate: (value: unknown) => {
      const v = (value ?? {}) as Partial<ResultFormula>
      return (
        checkFormula({
          expertShare: v.expertShare ?? DEFAULT_RESULT_FORMULA.expertShare,
          voteScale: v.voteScale ?? DEFAULT_RESULT_FORMULA.voteScale,
          tieRule: v.tieRule ?? DEFAULT_RESULT_FORMULA.tieRule,
        }) ?? true
      )
    },
    fields: [
      {
        name: 'panel',
        type: 'ui',
        admin: { components: { Field: '@exemplar/plugin-results/client#ResultsPanel' } },
      },
      {
        type: 'row',
        fields: [
          {
            name: 'expertShare',
            label: l('专家评分占比（%）', 'Expert share (%)'),
            type: 'number',
            min: 0,
            max: 100,
            defaultValue: DEFAULT_RESULT_FORMULA.expertShare,
            admin: {
              step: 1,
              description: l('其余为公众投票占比', 'The rest is the public vote'),
            },
          },
          {
            name: 'voteScale',
            label: l('票数折算', 'Vote scale'),
            type: 'select',
            defaultValue: DEFAULT_RESULT_FORMULA.voteScale,
            options: optionsFrom(VOTE_SCALE_LABELS),
          },
          {
            name: 'tieRule',
            label: l('同分规则', 'Tie rule'),
            type: 'select',
            defaultValue: DEFAULT_RESULT_FORMULA.tieRule,
            options: optionsFrom(TIE_RULE_LABELS),
          },
        ],
      },
      {
        type: 'row',
        fields: [
          {
            name: 'promoteNext',
            label: l('撤销后由下一名递补', 'A revocation moves the next entry up'),
            type: 'checkbox',
            defaultValue: false,
          },
          {
            name: 'publicityDays',
            label: l('公示天数（至少）', 'Publicity days (at least)'),
            type: 'number',
            min: 1,
            max: 60,
            defaultValue: 7,
            admin: { step: 1 },
          },
        ],
      },
      organizerRuleField(),
    ],
  }
}

/** 优秀组织机构 (seed 000): named by a stated rule from the frozen result, confirmed by editors. */
function organizerRuleField(): GroupField {
  const shown = (_: unknown, sibling: Record<string, unknown> | undefined) =>
    sibling?.enabled === true
  return {
    name: 'organizers',
    label: l('优秀组织机构', 'Excellent organizing institutions'),
    type: 'group',
    admin: {
      description: l(
        '按通过形式审查的报送件数与入选件数评出，随结果快照冻结；组委会确认后颁发证书',
        'Counted from the frozen result; the committee confirms before certificates are issued',
      ),
    },
    validate: (value: unknown) => {
      const v = (value ?? {}) as Record<string, unknown>
      if (v.enabled !== true) {
        return true
      }
      return (
        checkOrganizerRule({
          minEntries: Number(v.minEntries ?? 1),
          minAwarded: Number(v.minAwarded ?? 1),
          limit: Number(v.limit ?? 10),
        }) ?? true
      )
    },
    fields: [
      {
        name: 'enabled',
        label: l('评选优秀组织机构', 'Name excellent organizing institutions'),
        type: 'checkbox',
        defaultValue: false,
      },
      {
        type: 'row',
        fields: [
          {
            name: 'minEntries',
            label: l('报送作品不少于（件）', 'At least entries'),
            type: 'number',
            min: 0,
            defaultValue: 1,
            admin: { step: 1, condition: shown },
          },
          {
            name: 'minAwarded',
            label: l('入选作品不少于（件）', 'At least awarded'),
            type: 'number',
            min: 0,
            defaultValue: 1,
            admin: { step: 1, condition: shown },
          },
          {
            name: 'limit',
            label: l('名额（家）', 'At most institutions'),
            type: 'number',
            min: 1,
            defaultValue: 10,
            admin: { step: 1, condition: shown },
          },
        ],
      },
    ],
  }
}

/** A track's award tiers, best first, each with its quota. */
export function trackTiersField(): ArrayField {
  return {
    name: 'tiers',
    label: l('奖项与名额', 'Award tiers'),
    labels: { singular: l('奖项', 'Tier'), plural: l('奖项', 'Tiers') },
    type: 'array',
    admin: {
      description: l(
        '按等级从高到低排列；按比例时取本类别参评作品数的百分比并向下取整',
        'Best first; a share is of the track’s entries, rounded down',
      ),
    },
    validate: (value: unknown) => {
      const rows = (Array.isArray(value) ? value : []) as Partial<AwardTier>[]
      return (
        checkTiers(
          rows.map((t) => ({
            key: t.key ?? '',
            name: t.name ?? '',
            kind: t.kind ?? 'count',
            value: Number(t.value ?? 0),
          })),
        ) ?? true
      )
    },
    fields: [
      {
        type: 'row',
        fields: [
          {
            name: 'key',
            label: l('标识', 'Key'),
            type: 'text',
            required: true,
            admin: {
              description: l(`如 excellent（${TIER_KEY_PATTERN.source}）`, 'e.g. excellent'),
            },
          },
          { name: 'name', label: l('奖项名称', 'Name'), type: 'text', required: true },
          { name: 'nameEn', label: l('英文名称', 'English name'), type: 'text' },
        ],
      },
      {
        type: 'row',
        fields: [
          {
            name: 'kind',
            label: l('名额方式', 'Quota kind'),
            type: 'select',
            required: true,
            defaultValue: 'count',
            options: optionsFrom(QUOTA_KIND_LABELS),
          },
          {
            name: 'value',
            label: l('比例（%）或数量', 'Percent or count'),
            type: 'number',
            required: true,
            min: 0,
          },
        ],
      },
    ],
  }
}

/**
 * The host's fields with `fn` applied to the array field named `name`,
 * wherever it sits: inside tabs, rows and collapsibles, as a campaign's
 * tracks do.
 */
export function mapNamedArray(
  fields: Field[],
  name: string,
  fn: (field: ArrayField) => ArrayField,
): Field[] {
  return fields.map((field): Field => {
    if (field.type === 'array' && field.name === name) {
      return fn(field)
    }
    if (field.type === 'tabs') {
      return {
        ...field,
        tabs: field.tabs.map((tab) => ({ ...tab, fields: mapNamedArray(tab.fields, name, fn) })),
      }
    }
    if (field.type === 'row' || field.type === 'collapsible') {
      return { ...field, fields: mapNamedArray(field.fields, name, fn) }
    }
    return field
  })
}
