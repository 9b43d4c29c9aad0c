import { countChars } from './count'
import type { EntryContent, RuleProblem, TrackRequirements } from './types'

/**
 * Advice: things a notice asks for that a machine can only guess at, shown to
 * the submitter and the editors but never blocking a submit. The form shows
 * these as hints; the server may store them beside the entry.
 */

/**
 * How a caption shows that it mentions an element. "时间" is rarely written as
 * the word itself: "2020年2月3日凌晨" is the time, "武汉市金银潭医院" the place.
 * An element without a pattern (事件 among them: any sentence describes some
 * event) counts as mentioned when the caption has the word itself, or, for
 * 事件, always.
 */
const ELEMENT_PATTERNS: Record<string, RegExp | null> = {
  时间: /\d{4}\s*年|\d{1,2}\s*月|\d{1,2}\s*[日号]|\d{1,2}\s*[:：]\s*\d{2}|\d{4}[-/.]\d{1,2}|[凌清早]晨|上午|中午|下午|傍晚|晚上|夜间|深夜|午夜|除夕|春节|元旦|今年|去年|当天|近日|日前|时间|[春夏秋冬]季?|[一二三四五六七八九十]+月/,
  地点: /[省市县区镇乡村州旗]|街道|社区|医院|病房|病区|科室|诊室|门诊|急诊|卫生院|卫生室|方舱|隔离点|机场|车站|码头|学校|现场|一线|路|街|楼|室|站|地点/,
  人物: /医生|医师|护士|护师|医务|医护|患者|病人|队员|专家|主任|院长|志愿者|工作人员|民警|村民|居民|老人|儿童|孩子|他|她|同志|团队|队|人物|员|者|师|[\u4e00-\u9fff]某/,
  事件: null,
}

/** Which of `elements` a caption does not seem to mention. */
export function missingMentions(caption: string, elements: readonly string[]): string[] {
  const text = caption.normalize('NFKC')
  return elements.filter((element) => {
    const word = element.trim()
    if (!word || text.includes(word)) {
      return false
    }
    const pattern = ELEMENT_PATTERNS[word]
    if (pattern === null) {
      return false
    }
    return pattern ? !pattern.test(text) : true
  })
}

/** "摘要 200 字左右": outside half to one and a half times the target is worth a hint. */
const ABSTRACT_TOLERANCE = 0.5

export function contentAdvice(req: TrackRequirements, content: EntryContent): RuleProblem[] {
  const advice: RuleProblem[] = []
  const elements = (req.captionMustMention ?? []).filter((m) => m.trim())
  for (const [i, a] of (content.attachments ?? []).entries()) {
    if (a?.file?.kind !== 'image' || !a.caption || countChars(a.caption) === 0) {
      continue
    }
    const missing = missingMentions(a.caption, elements)
    if (missing.length > 0) {
      advice.push({
        field: `attachments.${i}.caption`,
        code: 'caption.mentions',
        message: `第 ${i + 1} 张照片的说明建议交代${missing.join('、')}（须包含${elements.join('、')}）`,
        limit: elements.join('、'),
      })
    }
  }

  const target = req.abstractTargetChars
  const chars = countChars(content.abstract)
  if (target && chars > 0) {
    const low = Math.floor(target * (1 - ABSTRACT_TOLERANCE))
    const high = Math.ceil(target * (1 + ABSTRACT_TOLERANCE))
    const hardMax = req.abstractMaxChars ?? Infinity
    if (chars < low || (chars > high && chars <= hardMax)) {
      advice.push({
        field: 'abstract',
        code: 'abstract.offTarget',
        message: `摘要建议 ${target} 字左右（当前 ${chars} 字）`,
        limit: target,
      })
    }
  }
  return advice
}
