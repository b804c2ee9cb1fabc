import type { IndustryCode } from './codes.js';

/**
 * A bridge between the words of the plant floor and the words of science: an enterprise writes
 * 涂层起泡、掉漆, an expert's abstracts say 涂层附着力 and 界面失效. Each symptom and each science
 * term is a single token once `DOMAIN_WORDS` is loaded into the segmenter.
 */
export interface Concept {
  readonly industry: IndustryCode;
  /** What an enterprise observes (起泡, 烫手, 定位漂移). */
  readonly symptoms: readonly string[];
  /** The scientific or engineering terms behind it (涂层附着力, 温升, 多路径效应). */
  readonly science: readonly string[];
}

/** Curated symptom → science links, grouped by industry. */
export const CONCEPTS: readonly Concept[] = [
  // ---------------------------------------------------------------- intelligent-equipment
  {
    industry: 'intelligent-equipment',
    symptoms: ['毛刺', '飞边'],
    science: ['去毛刺', '切削参数', '刀具磨损', '切削力'],
  },
  {
    industry: 'intelligent-equipment',
    symptoms: ['振纹', '颤振'],
    science: ['切削稳定性', '模态分析', '刚度', '动态特性'],
  },
  {
    industry: 'intelligent-equipment',
    symptoms: ['尺寸超差', '精度下降'],
    science: ['热误差', '几何误差', '误差补偿', '热变形'],
  },
  {
    industry: 'intelligent-equipment',
    symptoms: ['卡料', '堵料'],
    science: ['送料机构', '上下料', '公差配合', '机器视觉'],
  },
  {
    industry: 'intelligent-equipment',
    symptoms: ['跑偏', '打滑'],
    science: ['纠偏控制', '张紧力', '输送机'],
  },
  {
    industry: 'intelligent-equipment',
    symptoms: ['异响', '噪音'],
    science: ['轴承故障', '齿轮啮合', '振动信号', '故障诊断'],
  },
  {
    industry: 'intelligent-equipment',
    symptoms: ['漏油', '渗油'],
    science: ['密封', '密封件', '液压系统'],
  },
  {
    industry: 'intelligent-equipment',
    symptoms: ['停机', '设备故障', '卡死'],
    science: ['故障诊断', '状态监测', '预测性维护', '剩余寿命预测'],
  },
  {
    industry: 'intelligent-equipment',
    symptoms: ['咬边', '未焊透', '焊偏'],
    science: ['焊接工艺', '焊缝跟踪', '焊接参数'],
  },
  {
    industry: 'intelligent-equipment',
    symptoms: ['划痕', '漏检'],
    science: ['视觉检测', '缺陷检测', '图像处理'],
  },
  {
    industry: 'intelligent-equipment',
    symptoms: ['崩刃', '断刀'],
    science: ['刀具磨损', '刀具涂层', '切削力', '切削参数'],
  },
  {
    industry: 'intelligent-equipment',
    symptoms: ['压力波动', '压力冲击'],
    science: ['压力脉动', '液压系统', '流体仿真'],
  },
  {
    industry: 'intelligent-equipment',
    symptoms: ['表面粗糙'],
    science: ['表面粗糙度', '磨削', '切削参数'],
  },
  // ---------------------------------------------------------------- automotive
  {
    industry: 'automotive',
    symptoms: ['异响', '抖动', '共振'],
    science: ['nvh', '模态分析', '振动抑制', '动平衡'],
  },
  {
    industry: 'automotive',
    symptoms: ['跑偏', '吃胎'],
    science: ['四轮定位', '悬架', '转向系统', '车辆动力学'],
  },
  {
    industry: 'automotive',
    symptoms: ['制动尖叫', '制动抖动', '刹车异响'],
    science: ['制动盘', '摩擦系数', '热衰退', '摩擦片'],
  },
  {
    industry: 'automotive',
    symptoms: ['油耗', '动力不足'],
    science: ['燃油经济性', '燃烧', '轻量化', '动力总成'],
  },
  {
    industry: 'automotive',
    symptoms: ['漏水', '风噪'],
    science: ['密封条', '密封', '车身'],
  },
  {
    industry: 'automotive',
    symptoms: ['间隙不均', '面差'],
    science: ['尺寸链', '白车身', '公差配合'],
  },
  {
    industry: 'automotive',
    symptoms: ['起皱', '拉裂'],
    science: ['成形极限', '回弹', '冲压工艺'],
  },
  {
    industry: 'automotive',
    symptoms: ['冒黑烟', '冒白烟'],
    science: ['三元催化', '颗粒捕集器', '尾气', '燃烧'],
  },
  {
    industry: 'automotive',
    symptoms: ['橘皮', '流挂', '缩孔'],
    science: ['涂装', '流平性', '漆膜'],
  },
  {
    industry: 'automotive',
    symptoms: ['撞击变形'],
    science: ['碰撞安全', '吸能', '有限元', '高强钢'],
  },
  {
    industry: 'automotive',
    symptoms: ['摆振'],
    science: ['动平衡', '轮胎', '模态分析'],
  },
  // ---------------------------------------------------------------- food-pharma
  {
    industry: 'food-pharma',
    symptoms: ['沉淀', '分层', '浑浊'],
    science: ['胶体稳定性', '乳化', '均质', '稳定剂'],
  },
  {
    industry: 'food-pharma',
    symptoms: ['胀袋', '胀罐'],
    science: ['杀菌', '商业无菌', '微生物污染'],
  },
  {
    industry: 'food-pharma',
    symptoms: ['变色', '褐变', '发黑'],
    science: ['美拉德反应', '酶促褐变', '抗氧化'],
  },
  {
    industry: 'food-pharma',
    symptoms: ['结块', '返潮'],
    science: ['吸湿性', '水分活度', '玻璃化转变'],
  },
  {
    industry: 'food-pharma',
    symptoms: ['口感', '发苦', '涩味'],
    science: ['风味物质', '质构', '感官评价'],
  },
  {
    industry: 'food-pharma',
    symptoms: ['发霉', '霉变'],
    science: ['霉菌', '水分活度', '防腐剂', '保鲜'],
  },
  {
    industry: 'food-pharma',
    symptoms: ['哈喇味', '异味'],
    science: ['酸败', '脂肪氧化', '抗氧化'],
  },
  {
    industry: 'food-pharma',
    symptoms: ['酸度波动', '产酸慢'],
    science: ['发酵过程控制', '菌种', '溶解氧'],
  },
  {
    industry: 'food-pharma',
    symptoms: ['保质期'],
    science: ['货架期', '杀菌', '保鲜', '阻隔性'],
  },
  {
    industry: 'food-pharma',
    symptoms: ['出酒率'],
    science: ['酿造', '糖化', '酒曲', '微生物群落'],
  },
  {
    industry: 'food-pharma',
    symptoms: ['裂片', '粘冲'],
    science: ['压片', '制粒', '可压性', '药用辅料'],
  },
  {
    industry: 'food-pharma',
    symptoms: ['溶出慢'],
    science: ['溶出度', '生物利用度', '晶型', '粒径'],
  },
  {
    industry: 'food-pharma',
    symptoms: ['纯度低'],
    science: ['有关物质', '杂质谱', '合成路线', '分离纯化'],
  },
  {
    industry: 'food-pharma',
    symptoms: ['得率低', '收率低'],
    science: ['提取工艺', '超声提取', '酶解', '响应面法'],
  },
  {
    industry: 'food-pharma',
    symptoms: ['破乳', '析油'],
    science: ['乳化', '乳化剂', 'zeta电位'],
  },
  {
    industry: 'food-pharma',
    symptoms: ['粘壁'],
    science: ['喷雾干燥', '玻璃化转变'],
  },
  // ---------------------------------------------------------------- next-gen-it
  {
    industry: 'next-gen-it',
    symptoms: ['卡顿', '响应慢'],
    science: ['时延', '高并发', '负载均衡', '缓存'],
  },
  {
    industry: 'next-gen-it',
    symptoms: ['掉线', '丢包', '断网'],
    science: ['信道', '通信协议', '抗干扰', '网络拓扑'],
  },
  {
    industry: 'next-gen-it',
    symptoms: ['信号差', '盲区'],
    science: ['射频', '信号覆盖', '基站', '天线'],
  },
  {
    industry: 'next-gen-it',
    symptoms: ['死机', '宕机'],
    science: ['容错', '高可用', '看门狗', '嵌入式系统'],
  },
  {
    industry: 'next-gen-it',
    symptoms: ['数据泄露', '黑客攻击'],
    science: ['网络安全', '加密', '入侵检测'],
  },
  {
    industry: 'next-gen-it',
    symptoms: ['误报', '识别率'],
    science: ['目标检测', '深度学习', '图像识别', '特征提取'],
  },
  {
    industry: 'next-gen-it',
    symptoms: ['串扰', '电磁干扰'],
    science: ['电磁兼容', '信号完整性', '电磁屏蔽'],
  },
  {
    industry: 'next-gen-it',
    symptoms: ['耗电', '待机短'],
    science: ['低功耗', '功耗', '电源管理'],
  },
  // ---------------------------------------------------------------- new-materials
  {
    industry: 'new-materials',
    symptoms: ['起泡', '掉漆', '脱落'],
    science: ['涂层附着力', '界面失效', '表面处理', '前处理'],
  },
  {
    industry: 'new-materials',
    symptoms: ['生锈', '锈蚀', '点蚀'],
    science: ['腐蚀', '电化学腐蚀', '防腐涂层', '钝化'],
  },
  {
    industry: 'new-materials',
    symptoms: ['开裂', '裂口'],
    science: ['疲劳', '断裂', '残余应力', '应力集中'],
  },
  {
    industry: 'new-materials',
    symptoms: ['变形', '翘曲'],
    science: ['残余应力', '热处理', '热膨胀', '内应力'],
  },
  {
    industry: 'new-materials',
    symptoms: ['分层', '脱层'],
    science: ['层间剪切强度', '界面结合', '润湿性'],
  },
  {
    industry: 'new-materials',
    symptoms: ['发脆', '脆断'],
    science: ['脆性', '断裂韧性', '氢脆', '晶粒粗大'],
  },
  {
    industry: 'new-materials',
    symptoms: ['不耐磨'],
    science: ['耐磨性', '摩擦磨损', '硬度', '表面硬化'],
  },
  {
    industry: 'new-materials',
    symptoms: ['黄变', '粉化', '发粘'],
    science: ['耐候性', '紫外老化', '光稳定剂', '抗氧剂'],
  },
  {
    industry: 'new-materials',
    symptoms: ['气孔', '砂眼', '缩松'],
    science: ['铸造缺陷', '凝固', '除气', '浇注系统'],
  },
  {
    industry: 'new-materials',
    symptoms: ['软点'],
    science: ['淬火', '淬透性', '热处理'],
  },
  {
    industry: 'new-materials',
    symptoms: ['龟裂', '炸裂'],
    science: ['抗热震性', '烧结', '热膨胀'],
  },
  {
    industry: 'new-materials',
    symptoms: ['脱胶', '粘不牢'],
    science: ['粘接', '界面结合', '表面能'],
  },
  {
    industry: 'new-materials',
    symptoms: ['夹渣', '焊瘤', '气孔'],
    science: ['焊接冶金', '热裂纹', '冷裂纹', '保护气体', '氢含量'],
  },
  {
    industry: 'new-materials',
    symptoms: ['褪色', '变色'],
    science: ['热稳定性', '热氧老化', '降解'],
  },
  // ---------------------------------------------------------------- new-energy
  {
    industry: 'new-energy',
    symptoms: ['续航', '掉电'],
    science: ['容量衰减', '低温性能', '电池管理系统', '荷电状态'],
  },
  {
    industry: 'new-energy',
    symptoms: ['鼓包', '胀气'],
    science: ['产气', '电解液', '固体电解质界面膜'],
  },
  {
    industry: 'new-energy',
    symptoms: ['起火', '冒烟'],
    science: ['热失控', '热管理', '热扩散'],
  },
  {
    industry: 'new-energy',
    symptoms: ['充电慢'],
    science: ['快充', '倍率性能', '析锂'],
  },
  {
    industry: 'new-energy',
    symptoms: ['发电量'],
    science: ['热斑', '隐裂', '最大功率点跟踪', '功率预测'],
  },
  {
    industry: 'new-energy',
    symptoms: ['蜗牛纹', '组件发黄'],
    science: ['电势诱导衰减', '封装材料', '湿热老化'],
  },
  {
    industry: 'new-energy',
    symptoms: ['覆冰', '结冰'],
    science: ['防冰', '除冰', '疏水涂层'],
  },
  {
    industry: 'new-energy',
    symptoms: ['晃动', '共振'],
    science: ['模态分析', '疲劳', '变桨', '风电叶片'],
  },
  {
    industry: 'new-energy',
    symptoms: ['电压波动', '跳闸'],
    science: ['谐波', '电能质量', '无功补偿', '并网'],
  },
  {
    industry: 'new-energy',
    symptoms: ['漏液', '自放电'],
    science: ['密封', '电解液', '内阻'],
  },
  // ---------------------------------------------------------------- robotics
  {
    industry: 'robotics',
    symptoms: ['抓偏', '抓不稳'],
    science: ['手眼标定', '视觉引导', '位姿估计', '抓取'],
  },
  {
    industry: 'robotics',
    symptoms: ['迷路', '跟丢'],
    science: ['slam', '激光雷达', '传感器融合', '自主导航'],
  },
  {
    industry: 'robotics',
    symptoms: ['末端抖动', '晃动'],
    science: ['柔顺控制', '刚度', '振动抑制', '伺服'],
  },
  {
    industry: 'robotics',
    symptoms: ['撞机', '碰撞'],
    science: ['碰撞检测', '人机协作', '力控制', '避障'],
  },
  {
    industry: 'robotics',
    symptoms: ['走偏', '偏位'],
    science: ['运动学', '标定', '轨迹规划', '重复定位精度'],
  },
  {
    industry: 'robotics',
    symptoms: ['打磨不均'],
    science: ['力控制', '恒力控制', '离线编程'],
  },
  {
    industry: 'robotics',
    symptoms: ['摔倒', '站不稳'],
    science: ['步态规划', '平衡控制', '动力学'],
  },
  // ---------------------------------------------------------------- beidou
  {
    industry: 'beidou',
    symptoms: ['定位漂移', '漂移', '飘点'],
    science: ['多路径效应', '差分定位', '组合导航', '卡尔曼滤波'],
  },
  {
    industry: 'beidou',
    symptoms: ['信号差', '失锁', '信号遮挡'],
    science: ['周跳', '抗干扰', '惯性导航', '载波相位'],
  },
  {
    industry: 'beidou',
    symptoms: ['偏差大', '精度差'],
    science: ['实时动态差分', '精密单点定位', '电离层', '高精度定位'],
  },
  {
    industry: 'beidou',
    symptoms: ['时间不同步'],
    science: ['授时', '钟差', '时间同步'],
  },
  {
    industry: 'beidou',
    symptoms: ['初始化慢'],
    science: ['整周模糊度', '冷启动', '星历'],
  },
  {
    industry: 'beidou',
    symptoms: ['沉降', '位移'],
    science: ['形变监测', '高精度定位', '沉降监测'],
  },
  {
    industry: 'beidou',
    symptoms: ['被干扰', '被欺骗'],
    science: ['抗干扰', '导航欺骗', '天线阵列'],
  },
  // ---------------------------------------------------------------- new-power
  {
    industry: 'new-power',
    symptoms: ['烫手', '发热', '过热'],
    science: ['温升', '热管理', '电磁损耗', '冷却'],
  },
  {
    industry: 'new-power',
    symptoms: ['啸叫', '噪音', '异响'],
    science: ['电磁噪声', '转矩脉动', '齿槽转矩', '振动'],
  },
  {
    industry: 'new-power',
    symptoms: ['抖动', '晃动'],
    science: ['动平衡', '转子动力学', '临界转速', '模态分析'],
  },
  {
    industry: 'new-power',
    symptoms: ['出力下降', '退磁'],
    science: ['永磁体', '温升', '弱磁控制'],
  },
  {
    industry: 'new-power',
    symptoms: ['烧线圈', '击穿'],
    science: ['绝缘', '匝间短路', '局部放电', '绝缘老化'],
  },
  {
    industry: 'new-power',
    symptoms: ['抱轴', '电蚀'],
    science: ['轴电流', '轴承', '润滑'],
  },
  {
    industry: 'new-power',
    symptoms: ['冒黑烟', '功率不足'],
    science: ['燃烧', '喷油器', '空燃比', '涡轮增压器'],
  },
  {
    industry: 'new-power',
    symptoms: ['拉缸', '烧机油'],
    science: ['缸套', '活塞', '润滑'],
  },
  {
    industry: 'new-power',
    symptoms: ['水淹', '电压衰减'],
    science: ['膜电极', '质子交换膜', '水管理'],
  },
  {
    industry: 'new-power',
    symptoms: ['启动困难', '爬行'],
    science: ['无位置传感器', '矢量控制', '转矩脉动'],
  },
  {
    industry: 'new-power',
    symptoms: ['效率低', '能耗高'],
    science: ['高效电机', '铁损', '铜损', '变频调速'],
  },
] as const;
