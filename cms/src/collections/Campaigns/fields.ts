import type { Field } from 'payload'

import { ARRAY_ROWS, rowLabel } from '../../lib/arrayRows'
import { beijingDate } from '../../lib/dates'
import { l, optionsFrom } from '../../lib/label'
import { FILE_KIND_LABELS, PHASE_LABELS, TRACK_KIND_LABELS } from '@exemplar/domain'

const positiveInt = { type: 'number' as const, min: 0, admin: { step: 1 } }

export const phasesField: Field = {
  name: 'phases',
  label: l('活动时间线', 'Timeline'),
  type: 'array',
  labels: ARRAY_ROWS.phases,
  admin: {
    components: { RowLabel: rowLabel('PhaseRowLabel') },
    description: l(
      '各阶段起止时刻（北京时间）；截止时刻本身不再开放，例如 2022-06-30 00:00 截止。',
      'Start and end instants (Asia/Shanghai); a phase is closed at its end instant.',
    ),
  },
  fields: [
    {
      name: 'kind',
      label: l('阶段', 'Phase'),
      type: 'select',
      required: true,
      options: optionsFrom(PHASE_LABELS),
    },
    { name: 'label', label: l('名称', 'Label'), type: 'text' },
    {
      type: 'row',
      fields: [
        beijingDate({
          name: 'startsAt',
          label: l('开始', 'Starts'),
          required: true,
        }),
        beijingDate({
          name: 'endsAt',
          label: l('结束（不含）', 'Ends (exclusive)'),
          required: true,
          validate: (value: unknown, { siblingData }: { siblingData: Record<string, unknown> }) => {
            const starts = siblingData.startsAt
            if (value && starts && new Date(String(value)) <= new Date(String(starts))) {
              return '结束时刻必须晚于开始时刻 / The end must be after the start'
            }
            return true
          },
        }),
      ],
    },
  ],
}

export const tracksField: Field = {
  name: 'tracks',
  label: l('作品类别', 'Tracks'),
  type: 'array',
  labels: ARRAY_ROWS.tracks,
  admin: { components: { RowLabel: rowLabel('TrackRowLabel') } },
  minRows: 1,
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'key',
          label: l('类别标识', 'Key'),
          type: 'text',
          required: true,
          admin: {
            description: l(
              '活动内唯一，如 case、photo',
              'Unique in the campaign, e.g. case, photo',
            ),
          },
        },
        { name: 'name', label: l('类别名称', 'Name'), type: 'text', required: true },
        {
          name: 'kind',
          label: l('作品形式', 'Kind'),
          type: 'select',
          required: true,
          options: optionsFrom(TRACK_KIND_LABELS),
        },
      ],
    },
    { name: 'description', label: l('说明', 'Description'), type: 'textarea' },
    {
      name: 'requirements',
      label: l('报送要求', 'Submission requirements'),
      type: 'group',
      fields: [
        {
          type: 'row',
          fields: [
            {
              ...positiveInt,
              name: 'bodyMaxChars',
              label: l('正文字数上限', 'Body max characters'),
            },
            {
              ...positiveInt,
              name: 'abstractTargetChars',
              label: l('摘要字数（约）', 'Abstract target characters'),
            },
            {
              ...positiveInt,
              name: 'abstractMaxChars',
              label: l('摘要字数上限', 'Abstract max characters'),
            },
          ],
        },
        {
          name: 'requiredSections',
          label: l('必备章节', 'Required sections'),
          type: 'text',
          hasMany: true,
        },
        {
          type: 'row',
          fields: [
            { ...positiveInt, name: 'maxImages', label: l('图片数量上限', 'Max images') },
            {
              ...positiveInt,
              name: 'minFileBytes',
              label: l('单个文件下限（字节）', 'Min file bytes'),
            },
            {
              ...positiveInt,
              name: 'maxFileBytes',
              label: l('单个文件上限（字节）', 'Max file bytes'),
            },
          ],
        },
        {
          type: 'row',
          fields: [
            {
              ...positiveInt,
              name: 'captionMaxChars',
              label: l('图片说明字数上限', 'Caption max characters'),
            },
            {
              ...positiveInt,
              name: 'maxDurationSeconds',
              label: l('音视频时长上限（秒）', 'Max duration (s)'),
            },
          ],
        },
        {
          name: 'captionMustMention',
          label: l('说明须包含', 'Caption must mention'),
          type: 'text',
          hasMany: true,
        },
        {
          name: 'allowedFileKinds',
          label: l('允许的文件类型', 'Allowed file kinds'),
          type: 'select',
          hasMany: true,
          // The generated table name would pass SQL's 63-character limit in the versions table.
          dbName: 'track_file_kinds',
          options: optionsFrom(FILE_KIND_LABELS),
        },
        {
          type: 'row',
          fields: [
            { name: 'requiresText', label: l('须附文字', 'Text required'), type: 'checkbox' },
            { name: 'requiresSlides', label: l('须附 PPT', 'Slides required'), type: 'checkbox' },
            {
              name: 'requiresCopyrightStatement',
              label: l('须附版权声明', 'Copyright statement required'),
              type: 'checkbox',
            },
          ],
        },
        { name: 'notes', label: l('其他要求', 'Other requirements'), type: 'textarea' },
      ],
    },
    {
      name: 'rubric',
      label: l('评审标准', 'Review rubric'),
      type: 'array',
      labels: ARRAY_ROWS.rubric,
      admin: { components: { RowLabel: rowLabel('RubricRowLabel') } },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'key', label: l('标识', 'Key'), type: 'text', required: true },
            { name: 'label', label: l('标准', 'Criterion'), type: 'text', required: true },
            { ...positiveInt, name: 'weight', label: l('权重', 'Weight'), defaultValue: 1 },
            { ...positiveInt, name: 'maxScore', label: l('满分', 'Max score'), defaultValue: 10 },
          ],
        },
        { name: 'description', label: l('说明', 'Description'), type: 'textarea' },
      ],
    },
  ],
}
