/**
 * Words dropped before indexing and matching: they say nothing about which technology a text is
 * about. Four parts: Chinese function words; the boilerplate of enterprise need forms; the
 * boilerplate of academic abstracts and CVs; English stopwords and abstract boilerplate.
 *
 * Technical words, even very common ones (数据, 模型, 控制, 检测, 性能, 材料), are NOT here: their
 * low IDF already weakens them, and they carry meaning inside a field. Decisions on borderline
 * words: 技术, 系统, 设计, 方法, 研究, 应用, 优化, 研发, 开发 are stopwords (they occur in every
 * need and every abstract; the compounds that matter, such as 信息技术, 软件开发, 电磁设计, are
 * single tokens and unaffected); academic titles and generic organisation words (教授, 博士,
 * 大学, 学院, 实验室) are stopwords, because affiliation is not topic. All entries are lowercase.
 */
export const STOPWORDS: readonly string[] = [
  // ------------------------------------------------------------------ (a) Chinese function words
  '的', '地', '得', '了', '着', '过', '和', '与', '及', '并', '而', '或', '也', '又', '还', '都', '就', '才', '已',
  '将', '会', '在', '是', '为', '以', '于', '对', '由', '从', '向', '到', '至', '把', '被', '使', '如', '即', '但',
  '则', '且', '其', '该', '此', '这', '那', '我', '本', '各', '每', '某', '一', '中', '上', '下', '内', '外', '可',
  '能', '应', '需', '要', '不', '无', '非', '未', '很', '更', '最', '较', '约', '有', '所', '之', '均', '等', '个',
  '种', '次', '以及', '并且', '而且', '或者', '还是', '已经', '正在', '对于', '关于', '由于', '因为', '所以', '因此', '经过',
  '通过', '随着', '根据', '按照', '依据', '除了', '如果', '即使', '虽然', '但是', '然而', '而是', '不过', '其中', '其他', '其它',
  '这个', '这些', '这种', '这样', '那些', '那种', '如何', '我们', '他们', '它们', '自己', '各种', '每个', '任何', '所有', '全部',
  '一些', '有些', '一种', '一个', '一般', '另外', '此外', '同时', '然后', '之后', '之前', '以上', '以下', '之间', '之中', '之一',
  '可以', '能够', '可能', '应该', '必须', '没有', '比较', '左右', '有的', '等等', '方面', '部分', '当前', '目前', '现在', '未来',
  '过程', '过程中', '进行', '作为', '成为', '不断', '逐步', '逐渐', '进一步', '从而', '进而', '为了', '首先', '其次', '最后', '例如',
  '包括', '包含', '具有', '存在', '属于', '处于', '达到', '超过', '很多', '许多', '大量', '多种', '多个',
  // ------------------------------------------------------------------ (b) enterprise need forms
  '需求', '需要', '希望', '寻求', '寻找', '征集', '合作', '合作方式', '技术需求', '企业', '公司', '有限公司', '有限责任公司', '股份有限公司',
  '集团', '工厂', '我公司', '本公司', '我司', '本企业', '我厂', '单位', '现有', '现状', '解决', '解决方案', '问题', '难题', '瓶颈',
  '痛点', '提供', '支持', '帮助', '协助', '方式', '联合', '研发', '开发', '攻关', '项目', '课题', '预算', '经费', '投入', '资金',
  '费用', '成本', '万元', '要求', '实现', '提高', '提升', '改进', '改善', '优化', '完善', '加强', '增强', '降低', '减少', '增加',
  '扩大', '满足', '保证', '确保', '保障', '推动', '促进', '推进', '推广', '引进', '引入', '转化', '成果', '成果转化', '产业化',
  '专利', '知识产权', '技术转让', '技术服务', '技术咨询', '技术开发', '委托', '联系人', '联系方式', '负责人', '年度', '阶段', '计划', '预计',
  '预期', '目标', '指标', '主要', '内容', '简介', '概况', '说明', '描述', '具体', '情况', '背景', '领域', '行业', '产业', '市场',
  '产品', '服务', '业务', '生产', '销售', '客户', '用户', '急需', '亟需', '亟待', '迫切', '面向', '针对', '围绕', '涉及', '相应',
  '有关', '上述', '如下', '若干', '湘潭', '湘潭市', '湖南', '湖南省', '长沙', '株洲', '长株潭', '园区', '高新区', '经开区', '开发区',
  // ------------------------------------------------------------------ (c) academic abstracts and CVs
  '研究', '研究表明', '本研究', '方法', '本文', '文章', '论文', '结果', '结果表明', '结果显示', '表明', '显示', '发现', '提出', '分析',
  '探讨', '探究', '探索', '讨论', '结论', '目的', '意义', '价值', '试验', '实验', '影响', '作用', '应用', '基础', '相关', '一定',
  '重要', '有效', '有效性', '可行性', '不同', '较好', '良好', '显著', '明显', '新型', '设计', '系统', '技术', '方案', '思路', '手段',
  '措施', '途径', '策略', '机制', '理论', '原理', '规律', '特点', '特征', '特性', '因素', '关系', '水平', '程度', '范围', '条件',
  '能力', '效果', '优势', '不足', '现象', '概念', '框架', '体系', '模式', '观点', '角度', '视角', '层面', '路径', '对策', '建议',
  '启示', '前景', '趋势', '综述', '概述', '进展', '研究进展', '展望', '总结', '阐述', '介绍', '得到', '获得', '取得', '建立', '构建',
  '开展', '完成', '确定', '选择', '选取', '对比', '验证', '证明', '证实', '评价', '评估', '调查', '采用', '利用', '基于', '借助',
  '运用', '使用', '结合', '考虑', '合理', '快速', '先进', '传统', '常规', '广泛', '全面', '综合', '整体', '总体', '较高', '较低',
  '较大', '较小', '变化', '呈现', '方向', '工作', '主持', '参与', '承担', '负责', '发表', '国家级', '省部级', '科技进步奖',
  '国家自然科学基金', '基金', '资助', '教授', '副教授', '讲师', '博士', '博士后', '硕士', '研究员', '副研究员', '高级工程师', '工程师',
  '院士', '博士生导师', '博导', '硕士生导师', '学者', '专家', '学科带头人', '团队', '课题组', '大学', '学院', '研究院', '研究所', '实验室',
  '重点实验室', '中心', '委员会', '主任', '院长', '毕业', '现任', '兼任', '学位', '学术', '科研', '期刊', '作者', '关键词', '摘要',
  // ------------------------------------------------------------------ (d) English
  'a', 'an', 'the', 'and', 'or', 'but', 'if', 'then', 'than', 'so', 'as', 'of', 'in', 'on', 'at',
  'by', 'for', 'with', 'from', 'to', 'into', 'over', 'under', 'between', 'through', 'before',
  'after', 'about', 'via', 'per', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'do', 'does',
  'did', 'have', 'has', 'had', 'can', 'could', 'may', 'might', 'must', 'should', 'will', 'would',
  'it', 'its', 'this', 'that', 'these', 'those', 'there', 'here', 'we', 'our', 'us', 'they',
  'their', 'them', 'he', 'she', 'his', 'her', 'you', 'your', 'which', 'who', 'what', 'when',
  'where', 'why', 'how', 'whether', 'while', 'also', 'not', 'no', 'only', 'such', 'both', 'each',
  'all', 'any', 'some', 'most', 'more', 'less', 'many', 'much', 'few', 'several', 'other',
  'another', 'same', 'very', 'well', 'further', 'however', 'therefore', 'thus', 'because', 'even',
  'finally', 'first', 'based', 'using', 'use', 'used', 'study', 'studies', 'studied', 'paper',
  'article', 'work', 'method', 'methodology', 'result', 'research', 'propose', 'proposed',
  'present', 'presented', 'show', 'demonstrate', 'demonstrated', 'indicate', 'indicated',
  'investigate', 'investigated', 'analysis', 'analyze', 'analyzed', 'approach', 'novel', 'new',
  'effect', 'effective', 'significant', 'significantly', 'important', 'different', 'various',
  'obtained', 'achieve', 'achieved', 'improve', 'improved', 'development', 'application',
  'applications', 'applied', 'provide', 'provides', 'compared', 'conclusion', 'conclusions',
  'objective', 'purpose', 'aim', 'background', 'abstract', 'keywords', 'experiment',
  'experimental', 'technology', 'technique', 'system', 'design', 'problem', 'high', 'low', 'good',
  'better', 'large', 'small', 'increase', 'increased', 'decrease', 'found', 'professor', 'phd',
  'university', 'institute', 'laboratory', 'company',
] as const;
