import type { IndustryCode } from './codes.js';
import { deepFreeze } from '../util/freeze.js';

/** One item of a national classification: its code and its official Chinese name. */
export interface ClassificationItem {
  readonly code: string;
  readonly name: string;
}

/** A named part of an industry, used for display and for explaining a match. */
export interface SubIndustry {
  readonly nameZh: string;
  readonly nameEn: string;
}

/**
 * One of the nine industries, grounded in GB/T 4754-2017 (国民经济行业分类, with its 2019
 * amendment No. 1) and in 战略性新兴产业分类(2018) (国家统计局令第23号).
 */
export interface Industry {
  readonly code: IndustryCode;
  readonly nameZh: string;
  readonly nameEn: string;
  /** One sentence in Chinese. */
  readonly description: string;
  /** GB/T 4754-2017 divisions (C36), groups (C367) or classes (C3670) that make up the industry. */
  readonly gbt4754: readonly ClassificationItem[];
  /** Items of 战略性新兴产业分类(2018) (e.g. 2.1 智能制造装备产业). */
  readonly strategicEmerging: readonly ClassificationItem[];
  readonly subIndustries: readonly SubIndustry[];
}

/** The nine industries, in `INDUSTRY_CODES` order. */
export const INDUSTRIES: readonly Industry[] = deepFreeze([
  {
    code: 'intelligent-equipment',
    nameZh: '智能装备制造',
    nameEn: 'Intelligent Equipment Manufacturing',
    description:
      '以数控机床、自动化生产线、工业控制系统和智能检测仪器为代表，面向制造过程的数字化、自动化与智能化装备研发制造。',
    gbt4754: [
      { code: 'C34', name: '通用设备制造业' },
      { code: 'C342', name: '金属加工机械制造' },
      { code: 'C3421', name: '金属切削机床制造' },
      { code: 'C3422', name: '金属成形机床制造' },
      { code: 'C3424', name: '金属切割及焊接设备制造' },
      { code: 'C3425', name: '机床功能部件及附件制造' },
      { code: 'C343', name: '物料搬运设备制造' },
      { code: 'C345', name: '轴承、齿轮和传动部件制造' },
      { code: 'C3493', name: '增材制造装备制造' },
      { code: 'C35', name: '专用设备制造业' },
      { code: 'C351', name: '采矿、冶金、建筑专用设备制造' },
      { code: 'C40', name: '仪器仪表制造业' },
      { code: 'C4011', name: '工业自动控制系统装置制造' },
      { code: 'C4013', name: '绘图、计算及测量仪器制造' },
      { code: 'C4014', name: '实验分析仪器制造' },
      { code: 'C4015', name: '试验机制造' },
    ],
    strategicEmerging: [
      { code: '2', name: '高端装备制造产业' },
      { code: '2.1', name: '智能制造装备产业' },
      { code: '2.1.1', name: '机器人与增材设备制造' },
      { code: '2.1.2', name: '重大成套设备制造' },
      { code: '2.1.3', name: '智能测控装备制造' },
      { code: '2.1.5', name: '智能关键基础零部件制造' },
    ],
    subIndustries: [
      { nameZh: '数控机床', nameEn: 'CNC machine tools' },
      { nameZh: '增材制造装备', nameEn: 'Additive manufacturing equipment' },
      { nameZh: '工业自动化与控制系统', nameEn: 'Industrial automation and control systems' },
      { nameZh: '智能检测与测量仪器', nameEn: 'Intelligent inspection and measuring instruments' },
      { nameZh: '焊接与切割装备', nameEn: 'Welding and cutting equipment' },
      { nameZh: '工程机械与矿山冶金装备', nameEn: 'Construction, mining and metallurgical machinery' },
      { nameZh: '物料搬运与智能仓储', nameEn: 'Material handling and intelligent warehousing' },
      { nameZh: '轴承齿轮与传动部件', nameEn: 'Bearings, gears and transmission components' },
    ],
  },
  {
    code: 'automotive',
    nameZh: '汽车及零部件',
    nameEn: 'Automobiles and Auto Parts',
    description:
      '涵盖燃油车与新能源汽车整车、车身、底盘、动力总成及各类汽车零部件的设计、制造与测试。',
    gbt4754: [
      { code: 'C36', name: '汽车制造业' },
      { code: 'C361', name: '汽车整车制造' },
      { code: 'C3611', name: '汽柴油车整车制造' },
      { code: 'C3612', name: '新能源车整车制造' },
      { code: 'C3620', name: '汽车用发动机制造' },
      { code: 'C3630', name: '改装汽车制造' },
      { code: 'C3650', name: '电车制造' },
      { code: 'C3660', name: '汽车车身、挂车制造' },
      { code: 'C3670', name: '汽车零部件及配件制造' },
    ],
    strategicEmerging: [
      { code: '5', name: '新能源汽车产业' },
      { code: '5.1', name: '新能源汽车整车制造' },
      { code: '5.2', name: '新能源汽车装置、配件制造' },
      { code: '5.3', name: '新能源汽车相关设施制造' },
    ],
    subIndustries: [
      { nameZh: '整车制造', nameEn: 'Vehicle manufacturing' },
      { nameZh: '新能源汽车', nameEn: 'New energy vehicles' },
      { nameZh: '车身与内外饰', nameEn: 'Body, interior and exterior trim' },
      { nameZh: '底盘与制动转向系统', nameEn: 'Chassis, braking and steering systems' },
      { nameZh: '汽车电子与智能网联', nameEn: 'Automotive electronics and connected vehicles' },
      { nameZh: '专用车与改装车', nameEn: 'Special-purpose and modified vehicles' },
      { nameZh: '汽车零部件', nameEn: 'Auto parts and accessories' },
    ],
  },
  {
    code: 'food-pharma',
    nameZh: '食品医药',
    nameEn: 'Food and Pharmaceuticals',
    description:
      '包括农副食品加工、食品与饮料制造以及化学药、中药和生物药的研发生产，不含临床医疗服务。',
    gbt4754: [
      { code: 'C13', name: '农副食品加工业' },
      { code: 'C14', name: '食品制造业' },
      { code: 'C146', name: '调味品、发酵制品制造' },
      { code: 'C1495', name: '食品及饲料添加剂制造' },
      { code: 'C15', name: '酒、饮料和精制茶制造业' },
      { code: 'C27', name: '医药制造业' },
      { code: 'C2710', name: '化学药品原料药制造' },
      { code: 'C2720', name: '化学药品制剂制造' },
      { code: 'C2730', name: '中药饮片加工' },
      { code: 'C2740', name: '中成药生产' },
      { code: 'C276', name: '生物药品制品制造' },
      { code: 'C2780', name: '药用辅料及包装材料制造' },
    ],
    strategicEmerging: [
      { code: '4', name: '生物产业' },
      { code: '4.1', name: '生物医药产业' },
      { code: '4.1.1', name: '生物药品制品制造' },
      { code: '4.1.2', name: '化学药品与原料药制造' },
      { code: '4.1.3', name: '现代中药与民族药制造' },
      { code: '4.3', name: '生物农业及相关产业' },
    ],
    subIndustries: [
      { nameZh: '农副食品加工', nameEn: 'Agricultural and sideline food processing' },
      { nameZh: '休闲食品与特色食品', nameEn: 'Snack and specialty foods (e.g. betel nut, lotus seed)' },
      { nameZh: '调味品与发酵制品', nameEn: 'Condiments and fermented products' },
      { nameZh: '酒、饮料和茶', nameEn: 'Liquor, beverages and tea' },
      { nameZh: '化学药品', nameEn: 'Chemical drugs' },
      { nameZh: '中药与天然药物', nameEn: 'Traditional Chinese medicine and natural products' },
      { nameZh: '生物药品', nameEn: 'Biological drugs' },
      { nameZh: '保健食品与营养食品', nameEn: 'Health and nutritional foods' },
    ],
  },
  {
    code: 'next-gen-it',
    nameZh: '新一代信息技术',
    nameEn: 'Next-Generation Information Technology',
    description:
      '涵盖电子元器件与集成电路、通信设备、软件与信息技术服务、互联网、大数据、人工智能和工业互联网等领域。',
    gbt4754: [
      { code: 'C39', name: '计算机、通信和其他电子设备制造业' },
      { code: 'C392', name: '通信设备制造' },
      { code: 'C397', name: '电子器件制造' },
      { code: 'C3973', name: '集成电路制造' },
      { code: 'C398', name: '电子元件及电子专用材料制造' },
      { code: 'C3983', name: '敏感元件及传感器制造' },
      { code: 'I63', name: '电信、广播电视和卫星传输服务' },
      { code: 'I64', name: '互联网和相关服务' },
      { code: 'I65', name: '软件和信息技术服务业' },
      { code: 'I6520', name: '集成电路设计' },
      { code: 'I6532', name: '物联网技术服务' },
    ],
    strategicEmerging: [
      { code: '1', name: '新一代信息技术产业' },
      { code: '1.1', name: '下一代信息网络产业' },
      { code: '1.2', name: '电子核心产业' },
      { code: '1.3', name: '新兴软件和新型信息技术服务' },
      { code: '1.4', name: '互联网与云计算、大数据服务' },
      { code: '1.5', name: '人工智能' },
    ],
    subIndustries: [
      { nameZh: '集成电路与电子元器件', nameEn: 'Integrated circuits and electronic components' },
      { nameZh: '通信设备与网络', nameEn: 'Communication equipment and networks' },
      { nameZh: '软件开发与信息系统集成', nameEn: 'Software development and systems integration' },
      { nameZh: '大数据与云计算', nameEn: 'Big data and cloud computing' },
      { nameZh: '人工智能', nameEn: 'Artificial intelligence' },
      { nameZh: '物联网与工业互联网', nameEn: 'Internet of Things and industrial internet' },
      { nameZh: '网络与信息安全', nameEn: 'Network and information security' },
    ],
  },
  {
    code: 'new-materials',
    nameZh: '新材料',
    nameEn: 'New Materials',
    description:
      '包括先进钢铁与有色金属材料、高分子与化工新材料、先进陶瓷与碳材料、高性能纤维及复合材料和前沿纳米材料。',
    gbt4754: [
      { code: 'C2651', name: '初级形态塑料及合成树脂制造' },
      { code: 'C2652', name: '合成橡胶制造' },
      { code: 'C2659', name: '其他合成材料制造' },
      { code: 'C2641', name: '涂料制造' },
      { code: 'C2662', name: '专项化学用品制造' },
      { code: 'C3061', name: '玻璃纤维及制品制造' },
      { code: 'C3062', name: '玻璃纤维增强塑料制品制造' },
      { code: 'C3073', name: '特种陶瓷制品制造' },
      { code: 'C308', name: '耐火材料制品制造' },
      { code: 'C3091', name: '石墨及碳素制品制造' },
      { code: 'C31', name: '黑色金属冶炼和压延加工业' },
      { code: 'C3130', name: '钢压延加工' },
      { code: 'C32', name: '有色金属冶炼和压延加工业' },
      { code: 'C323', name: '稀有稀土金属冶炼' },
      { code: 'C3240', name: '有色金属合金制造' },
      { code: 'C325', name: '有色金属压延加工' },
      { code: 'C3393', name: '锻件及粉末冶金制品制造' },
      { code: 'C3985', name: '电子专用材料制造' },
    ],
    strategicEmerging: [
      { code: '3', name: '新材料产业' },
      { code: '3.1', name: '先进钢铁材料' },
      { code: '3.2', name: '先进有色金属材料' },
      { code: '3.3', name: '先进石化化工新材料' },
      { code: '3.4', name: '先进无机非金属材料' },
      { code: '3.5', name: '高性能纤维及制品和复合材料' },
      { code: '3.6', name: '前沿新材料' },
    ],
    subIndustries: [
      { nameZh: '先进钢铁材料', nameEn: 'Advanced steel materials' },
      { nameZh: '先进有色金属与硬质合金', nameEn: 'Advanced non-ferrous metals and cemented carbides' },
      { nameZh: '高分子与化工新材料', nameEn: 'Polymers and advanced chemical materials' },
      { nameZh: '先进陶瓷与无机非金属材料', nameEn: 'Advanced ceramics and inorganic non-metallic materials' },
      { nameZh: '碳材料与石墨', nameEn: 'Carbon materials and graphite' },
      { nameZh: '高性能纤维及复合材料', nameEn: 'High-performance fibres and composites' },
      { nameZh: '涂层与表面工程', nameEn: 'Coatings and surface engineering' },
      { nameZh: '纳米材料与前沿新材料', nameEn: 'Nanomaterials and frontier materials' },
    ],
  },
  {
    code: 'new-energy',
    nameZh: '新能源',
    nameEn: 'New Energy',
    description:
      '涵盖风能、太阳能、生物质能与氢能等可再生能源发电装备，以及锂离子电池、储能系统和智能电网。',
    gbt4754: [
      { code: 'C3415', name: '风能原动设备制造' },
      { code: 'C3824', name: '电力电子元器件制造' },
      { code: 'C3825', name: '光伏设备及元器件制造' },
      { code: 'C3841', name: '锂离子电池制造' },
      { code: 'C3842', name: '镍氢电池制造' },
      { code: 'D4415', name: '风力发电' },
      { code: 'D4416', name: '太阳能发电' },
      { code: 'D4417', name: '生物质能发电' },
      { code: 'D4420', name: '电力供应' },
    ],
    strategicEmerging: [
      { code: '6', name: '新能源产业' },
      { code: '6.2', name: '风能产业' },
      { code: '6.3', name: '太阳能产业' },
      { code: '6.4', name: '生物质能及其他新能源产业' },
      { code: '6.5', name: '智能电网产业' },
      { code: '1.2.3', name: '高储能和关键电子材料制造' },
    ],
    subIndustries: [
      { nameZh: '风力发电装备', nameEn: 'Wind power equipment' },
      { nameZh: '光伏发电', nameEn: 'Photovoltaic power' },
      { nameZh: '锂离子电池', nameEn: 'Lithium-ion batteries' },
      { nameZh: '储能系统', nameEn: 'Energy storage systems' },
      { nameZh: '氢能', nameEn: 'Hydrogen energy' },
      { nameZh: '生物质能', nameEn: 'Biomass energy' },
      { nameZh: '智能电网与并网', nameEn: 'Smart grid and grid integration' },
    ],
  },
  {
    code: 'robotics',
    nameZh: '机器人',
    nameEn: 'Robotics',
    description:
      '包括工业机器人、特种作业机器人和服务机器人的本体、核心零部件、控制与感知系统及系统集成。',
    gbt4754: [
      { code: 'C3491', name: '工业机器人制造' },
      { code: 'C3492', name: '特殊作业机器人制造' },
      { code: 'C3964', name: '服务消费机器人制造' },
      { code: 'C3453', name: '齿轮及齿轮减、变速箱制造' },
    ],
    strategicEmerging: [
      { code: '2.1', name: '智能制造装备产业' },
      { code: '2.1.1', name: '机器人与增材设备制造' },
      { code: '1.5', name: '人工智能' },
      { code: '1.5.2', name: '智能消费相关设备制造' },
    ],
    subIndustries: [
      { nameZh: '工业机器人', nameEn: 'Industrial robots' },
      { nameZh: '特种作业机器人', nameEn: 'Special-operation robots' },
      { nameZh: '服务机器人', nameEn: 'Service robots' },
      { nameZh: '移动机器人与自动导引车', nameEn: 'Mobile robots and AGVs' },
      { nameZh: '机器人核心零部件', nameEn: 'Robot core components (reducers, servos, controllers)' },
      { nameZh: '机器人系统集成', nameEn: 'Robot system integration' },
    ],
  },
  {
    code: 'beidou',
    nameZh: '北斗产业',
    nameEn: 'BeiDou Navigation and Applications',
    description:
      '围绕北斗卫星导航系统的芯片、模块、终端、高精度定位授时、测绘遥感与位置服务等产品和应用。',
    gbt4754: [
      { code: 'C4023', name: '导航、测绘、气象及海洋专用仪器制造' },
      { code: 'C3962', name: '智能车载设备制造' },
      { code: 'I6339', name: '其他卫星传输服务' },
      { code: 'I6571', name: '地理遥感信息服务' },
      { code: 'M744', name: '测绘地理信息服务' },
    ],
    strategicEmerging: [
      { code: '2.3', name: '卫星及应用产业' },
      { code: '2.3.2', name: '卫星应用技术设备制造' },
      { code: '2.3.3', name: '卫星应用服务' },
    ],
    subIndustries: [
      { nameZh: '导航芯片与模块', nameEn: 'Navigation chips and modules' },
      { nameZh: '高精度定位与授时', nameEn: 'High-precision positioning and timing' },
      { nameZh: '北斗终端与车载设备', nameEn: 'BeiDou terminals and in-vehicle devices' },
      { nameZh: '测绘与地理信息', nameEn: 'Surveying, mapping and geographic information' },
      { nameZh: '遥感应用', nameEn: 'Remote sensing applications' },
      { nameZh: '位置服务与监测预警', nameEn: 'Location services, monitoring and early warning' },
    ],
  },
  {
    code: 'new-power',
    nameZh: '新动力',
    nameEn: 'New Power and Drive Systems',
    description:
      '以高效电机、电驱动与牵引传动、内燃机及其零部件、燃料电池动力系统为代表的动力装备研发制造。',
    gbt4754: [
      { code: 'C341', name: '锅炉及原动设备制造' },
      { code: 'C3412', name: '内燃机及配件制造' },
      { code: 'C3413', name: '汽轮机及辅机制造' },
      { code: 'C381', name: '电机制造' },
      { code: 'C3811', name: '发电机及发电机组制造' },
      { code: 'C3812', name: '电动机制造' },
      { code: 'C3813', name: '微特电机及组件制造' },
      { code: 'C371', name: '铁路运输设备制造' },
      { code: 'C3712', name: '铁路机车车辆制造' },
      { code: 'C3720', name: '城市轨道交通设备制造' },
      { code: 'C3849', name: '其他电池制造' },
    ],
    strategicEmerging: [
      { code: '2.4', name: '轨道交通装备产业' },
      { code: '5.2', name: '新能源汽车装置、配件制造' },
      { code: '7.1', name: '高效节能产业' },
      { code: '7.1.3', name: '高效节能电气机械器材制造' },
    ],
    subIndustries: [
      { nameZh: '高效电机', nameEn: 'High-efficiency electric motors' },
      { nameZh: '电驱动系统', nameEn: 'Electric drive systems' },
      { nameZh: '轨道交通牵引传动', nameEn: 'Rail traction and transmission' },
      { nameZh: '内燃机及零部件', nameEn: 'Internal combustion engines and parts' },
      { nameZh: '燃料电池动力系统', nameEn: 'Fuel-cell power systems' },
      { nameZh: '发电机组', nameEn: 'Generator sets' },
      { nameZh: '变频与电力电子驱动', nameEn: 'Variable-frequency and power-electronic drives' },
    ],
  },
] as const);
