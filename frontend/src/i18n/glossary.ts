/**
 * One word for one thing. The terms a chapter lead meets on many pages,
 * each in the words of the program's seed documents where they have one
 * (the July 2024 honor system and the 2018 community paper), with the other
 * words for the same thing that must not come back. tests/i18n.test.ts
 * checks both locale files against it: each term is used, no other word is.
 */
export interface Term {
  zh: string
  en: string
  /** Other words for the same thing, in either language's file. */
  avoid: RegExp[]
}

export const GLOSSARY: Record<string, Term> = {
  // The seed's title page: "PostgreSQL ACE 贡献者荣誉体系".
  program: { zh: 'PostgreSQL ACE 贡献者荣誉体系', en: 'PostgreSQL ACE contributor honor program', avoid: [/(?<!贡献者)荣誉体系/, /荣誉计划/, /honou?r system/i] },
  // The PG 分会 office that merges the chapters' data (DOMAIN.md).
  headquarters: { zh: '总部', en: 'headquarters', avoid: [/总会/, /\bHQ\b/, /head office/i] },
  // The certificate an event's speaker receives.
  thanks: { zh: '感谢状', en: 'letter of thanks', avoid: [/感谢信/, /感谢证书/, /致谢/, /thanks certificate/i, /thank-you letter/i, /certificates? of appreciation/i] },
  // "PostgreSQL ACE 官网展示": the public list for the program's website.
  showcase: { zh: '官网展示', en: 'website showcase', avoid: [/网站展示/] },
  // Who gives a talk at an event.
  speaker: { zh: '演讲者', en: 'speaker', avoid: [/(?<!演)讲者/, /\bpresenter/i] },
  // "可加入 ACE 技术顾问团".
  advisory: { zh: 'ACE 技术顾问团', en: 'ACE technical advisory group', avoid: [/(?<!ACE )技术顾问团/, /(?<!ACE technical )advisory group/i] },
}

/**
 * The community's organisation categories as the 2018 paper names them
 * (imports accept these words), by the keys files and the database use.
 */
export const CATEGORIES: Record<string, { zh: string; en: string }> = {
  user: { zh: '用户', en: 'User' },
  vendor: { zh: '数据库厂商、云厂商', en: 'Database or cloud vendor' },
  integrator: { zh: '数据库集成、支持服务商', en: 'Database integrator or support provider' },
  isv: { zh: '行业软件开发商', en: 'Industry software developer' },
  hardware: { zh: '硬件厂商', en: 'Hardware vendor' },
  university: { zh: '高校', en: 'University' },
  media: { zh: '媒体', en: 'Media' },
  training: { zh: '培训机构', en: 'Training institution' },
  volunteer: { zh: '志愿者', en: 'Volunteer' },
}
