/**
 * The 8-level dressing index (穿衣指数) scale commonly used in Chinese weather services, 1 炎热 …
 * 8 寒冷, with each level's lower bound on the effective temperature and its advice. The industry
 * standard is QX/T 385-2017 《穿衣气象指数》 (China Meteorological Administration); its text was not
 * available to us, so the bands are the widely published ones (≥ 28, 24–27.9, 21–23.9, 18–20.9,
 * 15–17.9, 11–14.9, 6–10.9, < 6 °C) and the advice is written for this project. Every visible
 * string of the index lives here, in zh-CN and en.
 */

/** A text in both languages the wall shows. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** One level of the scale. */
export interface DressingLevel {
  /** 1 (hottest, lightest clothes) … 8 (coldest, heaviest). */
  level: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;
  /** The level applies from this effective temperature (°C, inclusive) up to the next level's bound. */
  minTemperature: number;
  name: Bilingual;
  advice: Bilingual;
}

/** The scale, hottest first; the last level has no lower bound. */
export const DRESSING_LEVELS: readonly DressingLevel[] = [
  {
    level: 1,
    minTemperature: 28,
    name: { zh: '炎热', en: 'Hot' },
    advice: {
      zh: '天气炎热，宜穿轻薄透气的短袖衫、短裤、薄裙等夏装，注意防暑降温。',
      en: 'Hot: light, breathable summer clothes — short sleeves, shorts, thin skirts. Keep out of the midday sun.',
    },
  },
  {
    level: 2,
    minTemperature: 24,
    name: { zh: '热舒适', en: 'Warm' },
    advice: {
      zh: '天气较热，宜穿棉麻衬衫、薄T恤、薄长裙或薄长裤等夏装。',
      en: 'Warm: cotton or linen shirts, T-shirts, light trousers or dresses.',
    },
  },
  {
    level: 3,
    minTemperature: 21,
    name: { zh: '舒适', en: 'Comfortable' },
    advice: {
      zh: '天气舒适，宜穿单层长袖衫、T恤、薄牛仔裤、休闲装或职业套装。',
      en: 'Comfortable: a single layer — a long-sleeved shirt or T-shirt, light trousers, casual or office wear.',
    },
  },
  {
    level: 4,
    minTemperature: 18,
    name: { zh: '凉舒适', en: 'Pleasantly cool' },
    advice: {
      zh: '天气微凉，宜穿夹克、风衣、西装或薄毛衣等春秋装。',
      en: 'Pleasantly cool: a jacket, trench coat or suit, or a thin sweater.',
    },
  },
  {
    level: 5,
    minTemperature: 15,
    name: { zh: '温凉', en: 'Mild' },
    advice: {
      zh: '天气温凉，宜穿风衣、外套加毛衣，或毛料套装。',
      en: 'Mild: a coat or windbreaker over a sweater, or a wool suit.',
    },
  },
  {
    level: 6,
    minTemperature: 11,
    name: { zh: '凉', en: 'Cool' },
    advice: {
      zh: '天气较凉，宜穿毛衣、厚外套或大衣，年老体弱者注意保暖。',
      en: 'Cool: a sweater under a warm jacket or overcoat; the elderly should wrap up well.',
    },
  },
  {
    level: 7,
    minTemperature: 6,
    name: { zh: '冷', en: 'Cold' },
    advice: {
      zh: '天气冷，宜穿棉衣、羽绒服或厚呢大衣，戴帽子和手套。',
      en: 'Cold: a padded or down jacket, or a thick wool coat; a hat and gloves.',
    },
  },
  {
    level: 8,
    minTemperature: -Infinity,
    name: { zh: '寒冷', en: 'Very cold' },
    advice: {
      zh: '天气寒冷，宜穿厚羽绒服或棉服加保暖内衣，戴帽子、围巾和手套，注意防寒防冻。',
      en: 'Very cold: a thick down coat over warm layers, with a hat, scarf and gloves. Guard against frostbite.',
    },
  },
];

/** The level whose band holds the effective temperature (lower bounds inclusive, unrounded input). */
export function dressingLevelFor(effectiveTemperature: number): DressingLevel {
  return DRESSING_LEVELS.find((level) => effectiveTemperature >= level.minTemperature) ?? DRESSING_LEVELS[DRESSING_LEVELS.length - 1]!;
}
