import type { RubricCriterionDef } from '../types'

/**
 * The notices name review criteria for one track only (seed 004's five for
 * 党建价值案例). Every other track gets this rubric, which the demo's
 * organizing committee set, so its experts can score; an editor changes it
 * per track in the admin before review opens.
 */
export const DEMO_RUBRIC: RubricCriterionDef[] = [
  {
    key: 'relevance',
    label: '主题契合度',
    description: '紧扣征集主题，立意明确。',
    weight: 30,
    maxScore: 10,
  },
  {
    key: 'accuracy',
    label: '科学性与真实性',
    description: '内容真实，医学知识准确，没有夸大和误导。',
    weight: 30,
    maxScore: 10,
  },
  {
    key: 'craft',
    label: '创新与表现力',
    description: '角度新颖，表达生动，制作精良。',
    weight: 20,
    maxScore: 10,
  },
  {
    key: 'reach',
    label: '传播与示范价值',
    description: '适合公众传播，可供其他单位借鉴。',
    weight: 20,
    maxScore: 10,
  },
]
