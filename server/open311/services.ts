/**
 * The services citizens can request, as Open311 service definitions: the urban-management cases
 * of the 12319 line (events and components on the street) and the 12345 citizen hotline's service
 * groups, which the source report's city joined into one system. Handling times are the medians
 * the synthetic generator draws around (hours); agencies are the departments a case is sent to.
 */

/** One requestable service. */
export interface ServiceDefinition {
  service_code: string;
  name: { zh: string; en: string };
  description: { zh: string; en: string };
  group: 'urban-management' | 'citizen-hotline';
  agency: { zh: string; en: string };
  /** Share of all requests, used by the synthetic generator. */
  weight: number;
  /** Median hours from request to closing, used by the synthetic generator. */
  medianHours: number;
}

/** The catalogue, in a fixed order. */
export const SERVICES: readonly ServiceDefinition[] = [
  {
    service_code: 'UM-ROAD',
    name: { zh: '道路破损', en: 'Damaged road' },
    description: { zh: '路面坑洼、塌陷或破损', en: 'Potholes, subsidence or broken paving' },
    group: 'urban-management',
    agency: { zh: '市政道路管理', en: 'Road maintenance' },
    weight: 9,
    medianHours: 30,
  },
  {
    service_code: 'UM-LIGHT',
    name: { zh: '路灯故障', en: 'Street light out' },
    description: { zh: '路灯不亮或常亮', en: 'A street light that is out or stays on' },
    group: 'urban-management',
    agency: { zh: '市政照明', en: 'Street lighting' },
    weight: 7,
    medianHours: 20,
  },
  {
    service_code: 'UM-COVER',
    name: { zh: '井盖缺损', en: 'Missing manhole cover' },
    description: { zh: '井盖缺失、破损或移位', en: 'A manhole cover missing, broken or displaced' },
    group: 'urban-management',
    agency: { zh: '排水管理', en: 'Drainage' },
    weight: 3,
    medianHours: 4,
  },
  {
    service_code: 'UM-PARKING',
    name: { zh: '违章停车', en: 'Illegal parking' },
    description: { zh: '占用人行道或消防通道停车', en: 'Parking on a pavement or a fire lane' },
    group: 'urban-management',
    agency: { zh: '交警', en: 'Traffic police' },
    weight: 14,
    medianHours: 1.5,
  },
  {
    service_code: 'UM-WASTE',
    name: { zh: '垃圾堆放', en: 'Dumped waste' },
    description: { zh: '垃圾未及时清运或乱堆放', en: 'Waste not collected or dumped' },
    group: 'urban-management',
    agency: { zh: '环卫', en: 'Sanitation' },
    weight: 12,
    medianHours: 6,
  },
  {
    service_code: 'UM-POSTER',
    name: { zh: '乱张贴', en: 'Fly-posting' },
    description: { zh: '小广告、乱涂写', en: 'Illegal posters or graffiti' },
    group: 'urban-management',
    agency: { zh: '城管执法', en: 'City management enforcement' },
    weight: 5,
    medianHours: 24,
  },
  {
    service_code: 'UM-NOISE',
    name: { zh: '噪声扰民', en: 'Noise nuisance' },
    description: { zh: '施工或商业噪声', en: 'Construction or business noise' },
    group: 'urban-management',
    agency: { zh: '城管执法', en: 'City management enforcement' },
    weight: 8,
    medianHours: 3,
  },
  {
    service_code: 'UM-WATER',
    name: { zh: '供水漏水', en: 'Water leak' },
    description: { zh: '供水管道破裂或漏水', en: 'A burst or leaking water main' },
    group: 'urban-management',
    agency: { zh: '供水公司', en: 'Water company' },
    weight: 4,
    medianHours: 8,
  },
  {
    service_code: 'HL-HOUSEHOLD',
    name: { zh: '家政服务', en: 'Household services' },
    description: { zh: '家政、养老、托育服务咨询与预约', en: 'Housekeeping, elderly care and childcare requests' },
    group: 'citizen-hotline',
    agency: { zh: '社区服务中心', en: 'Community service centre' },
    weight: 10,
    medianHours: 12,
  },
  {
    service_code: 'HL-REPAIR',
    name: { zh: '维修服务', en: 'Repair services' },
    description: { zh: '水电、家电、房屋维修', en: 'Plumbing, electrical, appliance and home repairs' },
    group: 'citizen-hotline',
    agency: { zh: '物业与维修', en: 'Property and repairs' },
    weight: 12,
    medianHours: 10,
  },
  {
    service_code: 'HL-LEGAL',
    name: { zh: '法律咨询', en: 'Legal advice' },
    description: { zh: '法律援助与咨询', en: 'Legal aid and advice' },
    group: 'citizen-hotline',
    agency: { zh: '司法局', en: 'Justice bureau' },
    weight: 5,
    medianHours: 48,
  },
  {
    service_code: 'HL-TRAVEL',
    name: { zh: '出行服务', en: 'Travel services' },
    description: { zh: '公交、出租、出行信息', en: 'Buses, taxis and travel information' },
    group: 'citizen-hotline',
    agency: { zh: '交通委', en: 'Transport commission' },
    weight: 6,
    medianHours: 2,
  },
  {
    service_code: 'HL-FINANCE',
    name: { zh: '金融服务', en: 'Financial services' },
    description: { zh: '市民卡、社保、缴费咨询', en: 'Citizen card, social insurance and payments' },
    group: 'citizen-hotline',
    agency: { zh: '市民卡中心', en: 'Citizen card centre' },
    weight: 5,
    medianHours: 24,
  },
];

/** The definition of a service code, or undefined. */
export const serviceByCode = (code: string): ServiceDefinition | undefined => SERVICES.find((s) => s.service_code === code);
