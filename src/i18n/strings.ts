/** The one string table: every visible string, in zh-CN (default) and en. */

/** Supported locales. */
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** The default locale of every surface. */
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** Every string key with its zh-CN and en text; `{name}` placeholders are filled by `translate`. */
export const STRINGS = {
  'app.title': { 'zh-CN': '数字沙盘', en: 'Digital sand table' },
  'app.loading': { 'zh-CN': '正在加载城市…', en: 'Loading the city…' },
  'app.loadFailed': { 'zh-CN': '城市数据加载失败：{reason}', en: 'The city could not be loaded: {reason}' },
  'app.recovering': { 'zh-CN': '正在恢复显示…', en: 'Restoring the display…' },
  'clock.playing': { 'zh-CN': '播放', en: 'playing' },
  'clock.paused': { 'zh-CN': '暂停', en: 'paused' },
  'clock.rate': { 'zh-CN': '{rate}× 速度', en: '{rate}× speed' },
  'clock.waiting': { 'zh-CN': '等待时钟…', en: 'waiting for the clock…' },
  'layers.title': { 'zh-CN': '图层', en: 'Layers' },
  'layer.buildings': { 'zh-CN': '建筑', en: 'Buildings' },
  'layer.roads': { 'zh-CN': '道路', en: 'Roads' },
  'layer.ground': { 'zh-CN': '水系与绿地', en: 'Water and green' },
  'layer.places': { 'zh-CN': '地点', en: 'Places' },
  'layer.service-requests': { 'zh-CN': '12345 诉求', en: '12345 cases' },
  'views.title': { 'zh-CN': '视角', en: 'Views' },
  'tour.start': { 'zh-CN': '自动导览', en: 'Auto tour' },
  'tour.running': { 'zh-CN': '导览中 · 触摸屏幕即可停止', en: 'Touring · touch to take over' },
  'connection.reconnecting': { 'zh-CN': '正在重新连接…', en: 'Reconnecting…' },
  'connection.connecting': { 'zh-CN': '正在连接…', en: 'Connecting…' },
  'building.title': { 'zh-CN': '建筑信息', en: 'Building' },
  'building.unnamed': { 'zh-CN': '未命名建筑', en: 'Unnamed building' },
  'building.use': { 'zh-CN': '用途', en: 'Use' },
  'building.height': { 'zh-CN': '高度', en: 'Height' },
  'building.heightValue': { 'zh-CN': '{value} 米', en: '{value} m' },
  'building.levels': { 'zh-CN': '层数', en: 'Levels' },
  'building.levelsUnknown': { 'zh-CN': '未知', en: 'unknown' },
  'building.close': { 'zh-CN': '关闭', en: 'Close' },
  'use.residential': { 'zh-CN': '住宅', en: 'Residential' },
  'use.commercial': { 'zh-CN': '商业', en: 'Commercial' },
  'use.office': { 'zh-CN': '办公', en: 'Office' },
  'use.government': { 'zh-CN': '政府', en: 'Government' },
  'use.school': { 'zh-CN': '学校', en: 'School' },
  'use.hospital': { 'zh-CN': '医院', en: 'Hospital' },
  'use.industrial': { 'zh-CN': '工业', en: 'Industrial' },
  'use.other': { 'zh-CN': '其他', en: 'Other' },
  'place.government': { 'zh-CN': '政务', en: 'Government' },
  'place.hospital': { 'zh-CN': '医院', en: 'Hospital' },
  'place.school': { 'zh-CN': '学校', en: 'School' },
  'place.mall': { 'zh-CN': '商场', en: 'Mall' },
  'place.park': { 'zh-CN': '公园', en: 'Park' },
  'place.parking': { 'zh-CN': '停车场', en: 'Parking' },
  'place.bus_stop': { 'zh-CN': '公交站', en: 'Bus stop' },
  'place.police': { 'zh-CN': '警务', en: 'Police' },
  'place.library': { 'zh-CN': '图书馆', en: 'Library' },
  'locale.switch': { 'zh-CN': 'EN', en: '中文' },
  'placeholder.kiosk': { 'zh-CN': '互动触摸屏（即将推出）', en: 'Visitor kiosk (coming soon)' },
  'placeholder.planner': { 'zh-CN': '规划推演台（即将推出）', en: 'Planner desk (coming soon)' },
} as const satisfies Record<string, Record<Locale, string>>;

/** A key of the string table. */
export type StringKey = keyof typeof STRINGS;
