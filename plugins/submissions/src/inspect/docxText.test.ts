import { describe, expect, it } from 'vitest'

import { analyseDocxText } from './docxText'

describe('analyseDocxText', () => {
  it('should take the paragraphs under a 摘要 heading as the abstract, up to the keywords line', () => {
    const text = [
      '党建引领县域医共体建设的探索',
      '某县人民医院',
      '【摘要】',
      '本文介绍了党建引领下的医共体建设。',
      '成效明显。',
      '关键词：党建；医共体',
      '一、背景',
      '县域医疗资源分散。',
    ].join('\n\n')
    expect(analyseDocxText(text)).toEqual({
      abstractChars: 17 + 5,
      bodyChars: 4 + 9,
      headings: ['一、背景'],
      copyrightStatement: false,
    })
  })

  it('should read an abstract written on the same line as its label', () => {
    const facts = analyseDocxText('题目\n摘要：本案例共十个字了。\n正文第一段。')
    expect(facts.abstractChars).toBe(9)
    expect(facts.bodyChars).toBe(6)
  })

  it('should stop an abstract at the next heading-like paragraph when there is no keywords line', () => {
    const facts = analyseDocxText('摘 要\n摘要内容一段。\n背景\n正文。')
    expect(facts.abstractChars).toBe(7)
    expect(facts.headings).toEqual(['背景'])
    expect(facts.bodyChars).toBe(2 + 3)
  })

  it('should count the whole document but its title line when there is no abstract', () => {
    const facts = analyseDocxText('案例标题\n\n第一段正文内容。\n第二段。')
    expect(facts).toMatchObject({ abstractChars: 0, bodyChars: 8 + 4 })
  })

  it('should find a copyright statement', () => {
    expect(analyseDocxText('正文。\n版权声明：本案例版权归作者所有。').copyrightStatement).toBe(
      true,
    )
    expect(analyseDocxText('© 2021 某县人民医院').copyrightStatement).toBe(true)
    expect(analyseDocxText('正文里没有声明。').copyrightStatement).toBe(false)
  })
})
