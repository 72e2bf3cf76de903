// Demo catalogue for the seeder: the fictional 云溪高新区 district's schools, club and course templates, names and rooms (pure data).

import type { CategoryCode } from '../kernel/categories.ts';
import type { ChildCheck } from '../kernel/vocabulary.ts';

export interface DemoSchool {
  slug: string;
  nameZh: string;
  nameEn: string;
  kind: 'primary' | 'middle';
  gradeMin: number;
  gradeMax: number;
  addressZh: string;
  addressEn: string;
  /** How the school checks children: against its pupil list, or not at all (issue 21). */
  childCheck: ChildCheck;
  /** The first letters of the school's pupil numbers (QT00001…), for a school that keeps a pupil list. */
  pupilPrefix: string;
}

// The seeder names each school's admin after the first two characters of nameZh, so those two characters are kept distinct.
export const DEMO_SCHOOLS: readonly DemoSchool[] = [
  {
    slug: 'xinghu-primary',
    nameZh: '星湖实验小学',
    nameEn: 'Xinghu Experimental Primary School',
    kind: 'primary',
    gradeMin: 1,
    gradeMax: 6,
    addressZh: '云溪高新区星湖大道118号',
    addressEn: 'No. 118 Xinghu Avenue, Yunxi Hi-Tech Zone',
    childCheck: 'open',
    pupilPrefix: 'XH',
  },
  {
    slug: 'qingtong-primary',
    nameZh: '青桐小学',
    nameEn: 'Qingtong Primary School',
    kind: 'primary',
    gradeMin: 1,
    gradeMax: 6,
    addressZh: '云溪高新区青桐路26号',
    addressEn: 'No. 26 Qingtong Road, Yunxi Hi-Tech Zone',
    childCheck: 'pupil_list',
    pupilPrefix: 'QT',
  },
  {
    slug: 'fenglinwan-primary',
    nameZh: '枫林湾小学',
    nameEn: 'Fenglinwan Primary School',
    kind: 'primary',
    gradeMin: 1,
    gradeMax: 6,
    addressZh: '云溪高新区枫林湾街道学府路9号',
    addressEn: 'No. 9 Xuefu Road, Fenglinwan Subdistrict, Yunxi Hi-Tech Zone',
    childCheck: 'open',
    pupilPrefix: 'FL',
  },
  {
    slug: 'yunxi-middle',
    nameZh: '云溪中学',
    nameEn: 'Yunxi Middle School',
    kind: 'middle',
    gradeMin: 7,
    gradeMax: 9,
    addressZh: '云溪高新区科创大道66号',
    addressEn: 'No. 66 Kechuang Avenue, Yunxi Hi-Tech Zone',
    childCheck: 'open',
    pupilPrefix: 'YX',
  },
  {
    slug: 'luhu-middle',
    nameZh: '鹭湖中学',
    nameEn: 'Luhu Middle School',
    kind: 'middle',
    gradeMin: 7,
    gradeMax: 9,
    addressZh: '云溪高新区鹭湖东路301号',
    addressEn: 'No. 301 Luhu East Road, Yunxi Hi-Tech Zone',
    childCheck: 'pupil_list',
    pupilPrefix: 'LH',
  },
];

export interface DemoOfferingTemplate {
  kind: 'club' | 'course';
  category: CategoryCode;
  titleZh: string;
  titleEn: string;
  descriptionZh: string;
  descriptionEn: string;
  gradeMin: number;
  gradeMax: number;
  level: 'primary' | 'middle' | 'both';
}

/**
 * Deals the templates out one category at a time. The seeder gives each school a run of consecutive
 * (eligible) templates, so this order is what lets every school offer a spread of categories.
 */
function interleave(groups: readonly (readonly DemoOfferingTemplate[])[]): DemoOfferingTemplate[] {
  const dealt: DemoOfferingTemplate[] = [];
  const longest = Math.max(...groups.map((group) => group.length));
  for (let i = 0; i < longest; i++) {
    for (const group of groups) {
      const template = group[i];
      if (template) dealt.push(template);
    }
  }
  return dealt;
}

// ─── Clubs (社团, year-long) ──────────────────────────────────────────────────────────────

const ROBOTICS_CLUBS: readonly DemoOfferingTemplate[] = [
  {
    kind: 'club',
    category: 'robotics',
    titleZh: '乐高机器人搭建社',
    titleEn: 'LEGO Robotics Club',
    descriptionZh:
      '使用乐高 SPIKE 套件搭建巡线小车、分拣机和机械臂，在平板上用积木式编程让作品完成指定任务。套件和平板由学校统一提供，每两名同学共用一套。学年末举办校内机器人闯关赛，表现突出的小组推荐参加区赛。',
    descriptionEn:
      'Children build line-following cars, sorting machines and robot arms with LEGO SPIKE kits, then program them in block code on a tablet to complete set tasks. Kits and tablets are provided by the school, one set per pair. The year ends with an in-school robot challenge, and the strongest teams go forward to the district competition.',
    gradeMin: 3,
    gradeMax: 6,
    level: 'primary',
  },
  {
    kind: 'club',
    category: 'robotics',
    titleZh: '小小机器人启蒙社',
    titleEn: 'Little Robot Builders Club',
    descriptionZh:
      '用乐高 WeDo 2.0 搭建会摇尾巴的小狗、会转圈的风车等小模型，认识电机和传感器，在“搭一搭、试一试、改一改”中学会解决问题。器材在教室统一使用，无需自备。每学期末把作品拍成小视频，在家长开放日展示。',
    descriptionEn:
      'Children build small LEGO WeDo 2.0 models — a puppy that wags its tail, a windmill that spins — and get to know motors and sensors, learning to solve problems by building, testing and improving. All equipment stays in the classroom, so there is nothing to bring. Each term ends with short videos of their models, shown at the parents’ open day.',
    gradeMin: 1,
    gradeMax: 2,
    level: 'primary',
  },
  {
    kind: 'club',
    category: 'robotics',
    titleZh: 'VEX IQ 机器人竞赛队',
    titleEn: 'VEX IQ Robotics Team',
    descriptionZh:
      '按照当季 VEX IQ 竞赛规则，分组设计、搭建并调试比赛机器人，队员分别负责结构、编程和操控。每次训练后填写工程笔记，学会记录问题、提出改进方案。队伍将代表学校参加区级和市级比赛。',
    descriptionEn:
      'Following this season’s VEX IQ competition rules, teams design, build and tune a competition robot, with members taking charge of structure, programming and driving. After every session they write up an engineering notebook, learning to record problems and propose improvements. Teams represent the school at district and city competitions.',
    gradeMin: 5,
    gradeMax: 8,
    level: 'both',
  },
  {
    kind: 'club',
    category: 'robotics',
    titleZh: '机器人足球社',
    titleEn: 'Robot Football Club',
    descriptionZh:
      '用可编程足球机器人进行二对二对抗，学习遥控操作、红外寻球和简单的攻防战术。每月举行一次社内联赛，积分排名张贴在科创楼走廊。训练中注重团队配合和遵守比赛规则。',
    descriptionEn:
      'Children play two-a-side matches with programmable football robots, learning remote driving, infrared ball-seeking and simple attacking and defending tactics. A club league is held every month, with the table posted in the Innovation Building corridor. Training puts teamwork and fair play first.',
    gradeMin: 4,
    gradeMax: 6,
    level: 'primary',
  },
  {
    kind: 'club',
    category: 'robotics',
    titleZh: 'VEX V5 机器人战队',
    titleEn: 'VEX V5 Robotics Squad',
    descriptionZh:
      '使用 VEX V5 金属结构件搭建竞赛机器人，学习底盘设计、齿轮传动，以及用 C++ 或 Python 编写自动阶段程序。队员需保证每周训练并参加赛前周末集训，坚持一整个学年。优秀队伍将冲击市级及以上 VEX 赛事。',
    descriptionEn:
      'Members build competition robots from VEX V5 metal parts, learning chassis design and gear drives and writing autonomous routines in C++ or Python. Members commit to weekly practice and to weekend training before competitions, for the whole school year. The strongest teams aim for city-level VEX events and beyond.',
    gradeMin: 7,
    gradeMax: 9,
    level: 'middle',
  },
];

const PROGRAMMING_CLUBS: readonly DemoOfferingTemplate[] = [
  {
    kind: 'club',
    category: 'programming',
    titleZh: 'Scratch 编程星梦社',
    titleEn: 'Starry Dreams Scratch Club',
    descriptionZh:
      '用 Scratch 创作动画短片、闯关小游戏和互动故事，学习角色、事件、循环、条件判断等编程基础。每学期完成一个个人作品和一个小组作品，上传到班级作品墙供同学试玩。优秀作品推荐参加区青少年创意编程比赛。',
    descriptionEn:
      'Members create animated shorts, level-based games and interactive stories in Scratch, learning coding basics such as sprites, events, loops and conditions. Each term everyone completes one solo project and one group project, posted to the class gallery for classmates to play. The best work is put forward for the district youth creative coding contest.',
    gradeMin: 3,
    gradeMax: 6,
    level: 'primary',
  },
  {
    kind: 'club',
    category: 'programming',
    titleZh: 'ScratchJr 编程小达人社',
    titleEn: 'ScratchJr Little Coders Club',
    descriptionZh:
      '在平板上用 ScratchJr 拖一拖、拼一拼，让小动物按指令行走、说话、换装，认识“顺序”和“重复”。不要求识字量，也不需要任何基础，平板由学校提供。学年末每人完成一本属于自己的会动的故事书。',
    descriptionEn:
      'Children drag and snap ScratchJr blocks on a tablet to make animals walk, talk and change costumes, discovering the ideas of sequence and repetition. No reading skills or prior experience are needed, and tablets are provided by the school. By the end of the year each child has made their own animated storybook.',
    gradeMin: 1,
    gradeMax: 2,
    level: 'primary',
  },
  {
    kind: 'club',
    category: 'programming',
    titleZh: 'Python 编程社',
    titleEn: 'Python Coding Club',
    descriptionZh:
      '从海龟绘图起步，逐步学习变量、循环、函数和列表，编写猜数字、成绩统计等实用小程序。社团采用“讲练结合＋结对编程”的方式，每周都有小挑战。建议学过 Scratch 的同学报名，可自带 U 盘保存作品。',
    descriptionEn:
      'Starting with turtle graphics, members work up through variables, loops, functions and lists to write useful little programs such as a number-guessing game and a marks calculator. Sessions mix short explanations with pair programming, with a small challenge every week. Best suited to pupils who have done some Scratch; bring a USB stick to keep your work.',
    gradeMin: 5,
    gradeMax: 8,
    level: 'both',
  },
  {
    kind: 'club',
    category: 'programming',
    titleZh: '信息学奥赛（C++）社',
    titleEn: 'Informatics Olympiad Club (C++)',
    descriptionZh:
      '系统学习 C++ 语法和常用算法，包括排序、枚举、递归、贪心和简单动态规划，每周在在线评测系统上完成练习。面向逻辑思维强、数学基础好的同学，需要保证一定的课后练习时间。目标是参加 CSP-J/S 认证和全国青少年信息学奥林匹克联赛（NOIP）。',
    descriptionEn:
      'Members study C++ and core algorithms — sorting, brute-force search, recursion, greedy methods and simple dynamic programming — and solve problems on an online judge every week. Aimed at strong logical thinkers with a solid maths foundation; expect some practice at home. Members work towards the CSP-J/S certification and the National Olympiad in Informatics in Provinces (NOIP).',
    gradeMin: 7,
    gradeMax: 9,
    level: 'middle',
  },
  {
    kind: 'club',
    category: 'programming',
    titleZh: 'App Inventor 手机应用社',
    titleEn: 'App Inventor Mobile Apps Club',
    descriptionZh:
      '用 App Inventor 以积木方式开发安卓手机应用，做出单词卡片、校园导览、班级投票等小程序，学习界面设计、数据存储和调用手机传感器。学年末举办“校园 App 发布会”，由同学和老师现场试用打分。',
    descriptionEn:
      'Members build Android apps in App Inventor’s block editor — flashcards, a campus guide, a class voting app — learning interface design, data storage and how to use the phone’s sensors. The year ends with a “campus app launch” where classmates and teachers try the apps and score them.',
    gradeMin: 7,
    gradeMax: 9,
    level: 'middle',
  },
];

const AI_CLUBS: readonly DemoOfferingTemplate[] = [
  {
    kind: 'club',
    category: 'ai',
    titleZh: 'AI 小创客社',
    titleEn: 'Young AI Makers Club',
    descriptionZh:
      '用 micro:bit 搭配 AI 视觉摄像头，制作能认出同学的“刷脸”门铃、会分辨垃圾种类的分类箱等作品，在动手中了解图像识别是怎样“看懂”世界的。器材由学校提供，优秀作品可在区科技节上展示。',
    descriptionEn:
      'Using a micro:bit with an AI vision camera, members build projects such as a face-recognition doorbell that knows their classmates and a bin that sorts rubbish by type, finding out along the way how image recognition “understands” what it sees. Equipment is provided by the school, and the best projects can be shown at the district science and technology festival.',
    gradeMin: 4,
    gradeMax: 6,
    level: 'primary',
  },
  {
    kind: 'club',
    category: 'ai',
    titleZh: '人工智能启蒙社',
    titleEn: 'AI Discovery Club',
    descriptionZh:
      '通过游戏、卡片和平板小实验，认识人脸识别、语音识别在生活中的应用。孩子们会亲手训练一个能认出“石头、剪刀、布”手势的小模型，体会“数据越多，机器越聪明”。不需要编程基础。',
    descriptionEn:
      'Through games, cards and simple tablet activities, children discover how face and voice recognition are used in everyday life. They train their own small model that recognises rock, paper and scissors hand signs, and see for themselves that more data makes a smarter machine. No coding experience needed.',
    gradeMin: 2,
    gradeMax: 3,
    level: 'primary',
  },
  {
    kind: 'club',
    category: 'ai',
    titleZh: '智能语音助手社',
    titleEn: 'Voice Assistant Builders Club',
    descriptionZh:
      '使用语音识别模块和图形化编程，制作听口令开关的台灯、会报天气的小音箱和能回答问题的学习助手，了解语音从声音到文字、再到指令的处理过程。学年末每个小组展示一件完整的语音交互作品。',
    descriptionEn:
      'With a speech-recognition module and block-based coding, members make a lamp that switches on by voice command, a speaker that reads out the weather and a study helper that answers questions, learning how speech is turned into text and then into commands. At the end of the year each group presents a complete voice-controlled project.',
    gradeMin: 5,
    gradeMax: 8,
    level: 'both',
  },
  {
    kind: 'club',
    category: 'ai',
    titleZh: '机器学习探究社',
    titleEn: 'Machine Learning Explorers Club',
    descriptionZh:
      '在 Python 和 Jupyter 环境中完成手写数字识别、鸢尾花分类、房价预测等经典入门项目，理解训练集、测试集和准确率等概念，也会讨论 AI 的偏见与隐私问题。需具备 Python 基础。',
    descriptionEn:
      'Working in Python and Jupyter, members complete classic starter projects such as handwritten-digit recognition, iris classification and house-price prediction, getting to grips with training sets, test sets and accuracy; they also discuss bias and privacy in AI. Some Python experience is required.',
    gradeMin: 7,
    gradeMax: 9,
    level: 'middle',
  },
  {
    kind: 'club',
    category: 'ai',
    titleZh: '自动驾驶小车社',
    titleEn: 'Self-Driving Car Club',
    descriptionZh:
      '为智能小车加装摄像头，让它学会视觉巡线、识别红绿灯和交通标志，在自制的“迷你城市”赛道上完成自动驾驶任务。小组分工完成调参、编程和赛道搭建。优秀小组将参加市级人工智能创新挑战赛。',
    descriptionEn:
      'Members fit model cars with cameras so they can follow lanes by sight, recognise traffic lights and road signs, and drive themselves around a home-made mini-city track. Groups split the work between tuning, coding and building the track. Top groups enter the city AI innovation challenge.',
    gradeMin: 7,
    gradeMax: 9,
    level: 'middle',
  },
];

const PRINTING_3D_CLUBS: readonly DemoOfferingTemplate[] = [
  {
    kind: 'club',
    category: '3d_printing',
    titleZh: '3D 打印创意社',
    titleEn: 'Creative 3D Printing Club',
    descriptionZh:
      '用 3D One 软件设计钥匙扣、笔筒和小摆件，再用教室里的 3D 打印机把设计变成实物，学习基本体拼接、布尔运算和打印参数设置。每位同学每学期至少把三件自己设计的作品带回家。',
    descriptionEn:
      'Members design key rings, pen pots and small ornaments in 3D One, then turn them into real objects on the classroom 3D printers, learning to combine basic shapes, use Boolean operations and set up a print. Every member takes home at least three prints of their own design each term.',
    gradeMin: 3,
    gradeMax: 6,
    level: 'primary',
  },
  {
    kind: 'club',
    category: '3d_printing',
    titleZh: '3D 打印笔涂鸦社',
    titleEn: '3D Pen Art Club',
    descriptionZh:
      '用低温 3D 打印笔在模板上描画，再把平面的线条“立”起来，做出小眼镜、小花篮和立体小动物，在玩中锻炼手部精细动作和空间想象力。打印笔和耗材由学校提供。',
    descriptionEn:
      'Children trace templates with low-temperature 3D pens, then stand the flat pieces up to make glasses, flower baskets and 3D animals — play that builds fine motor skills and spatial imagination. Pens and filament are provided by the school.',
    gradeMin: 1,
    gradeMax: 3,
    level: 'primary',
  },
  {
    kind: 'club',
    category: '3d_printing',
    titleZh: '校园文创设计社',
    titleEn: 'School Souvenir Design Club',
    descriptionZh:
      '为学校设计校徽钥匙扣、书签、笔筒等文创产品，经历调研、画草图、3D 建模、打样和改进的全过程。优秀设计将小批量打印，作为校园开放日的纪念品。',
    descriptionEn:
      'Members design school-themed souvenirs such as badge key rings, bookmarks and pen pots, going through research, sketching, 3D modelling, prototyping and improvement. The best designs are printed in small batches as keepsakes for the school open day.',
    gradeMin: 5,
    gradeMax: 8,
    level: 'both',
  },
  {
    kind: 'club',
    category: '3d_printing',
    titleZh: '3D 设计与打印工作室',
    titleEn: '3D Design and Print Studio',
    descriptionZh:
      '以 Fusion 360 为主要工具，完成从测量、草图、建模到打印、后处理的完整流程。学年项目是为学校解决一个真实的小问题，比如设计耳机挂钩、实验器材收纳架。作品可参加青少年创意设计比赛。',
    descriptionEn:
      'Using Fusion 360 as the main tool, members work through the whole process: measuring, sketching, modelling, printing and finishing. The year-long project is to solve a real small problem around school, such as a headphone hook or a storage rack for lab equipment. Work can be entered in youth design competitions.',
    gradeMin: 7,
    gradeMax: 9,
    level: 'middle',
  },
];

const HYDROPONICS_CLUBS: readonly DemoOfferingTemplate[] = [
  {
    kind: 'club',
    category: 'hydroponics',
    titleZh: '无土栽培小农场社',
    titleEn: 'Soil-Free Mini Farm Club',
    descriptionZh:
      '在学校的无土栽培实验长廊里种植生菜、小番茄和草莓，轮流值日更换营养液、测 pH 值，并用表格记录植株生长。收获的蔬菜会在学期末和全班同学一起分享。请自备一本观察记录本。',
    descriptionEn:
      'Members grow lettuce, cherry tomatoes and strawberries in the school’s soil-free growing corridor, taking turns to change the nutrient solution, test the pH and log plant growth in tables. At the end of term the harvest is shared with the whole class. Please bring a notebook for observations.',
    gradeMin: 3,
    gradeMax: 6,
    level: 'primary',
  },
  {
    kind: 'club',
    category: 'hydroponics',
    titleZh: '豆芽与小苗观察社',
    titleEn: 'Sprouts and Seedlings Club',
    descriptionZh:
      '从泡绿豆、发豆芽开始，用清水和海绵种出小葱、蒜苗和豌豆苗，每周画一画、量一量它们长高了多少。孩子们会把自己种的小苗带回家继续照顾。材料由学校提供。',
    descriptionEn:
      'Starting by soaking mung beans to grow bean sprouts, children grow spring onions, garlic shoots and pea shoots in just water and sponge, drawing and measuring them every week. Each child takes their seedlings home to keep caring for them. Materials are provided by the school.',
    gradeMin: 1,
    gradeMax: 3,
    level: 'primary',
  },
  {
    kind: 'club',
    category: 'hydroponics',
    titleZh: '植物工厂探秘社',
    titleEn: 'Plant Factory Explorers Club',
    descriptionZh:
      '在室内植物工厂中研究光照、温度和营养液浓度对蔬菜生长的影响，设计对照实验并用图表分析数据，了解 LED 补光和立体栽培的原理。学年末以小组为单位撰写一份简单的研究报告。',
    descriptionEn:
      'In the indoor plant factory, members investigate how light, temperature and nutrient strength affect vegetable growth, designing controlled experiments, analysing the data with charts and learning how LED grow lights and vertical growing work. Each group writes a short research report at the end of the year.',
    gradeMin: 5,
    gradeMax: 8,
    level: 'both',
  },
  {
    kind: 'club',
    category: 'hydroponics',
    titleZh: '智慧农场物联网社',
    titleEn: 'Smart Farm IoT Club',
    descriptionZh:
      '给无土栽培架装上温湿度、光照和水位传感器，用开源硬件实现自动补水、定时补光和手机远程查看数据。线路和程序故障由社员自己排查，确保“农场”在假期也能正常运转。',
    descriptionEn:
      'Members fit the hydroponic racks with temperature, humidity, light and water-level sensors, and use open-source hardware to automate watering, schedule grow lights and check the data from a phone. They troubleshoot wiring and code themselves, making sure the farm keeps running through the holidays.',
    gradeMin: 7,
    gradeMax: 9,
    level: 'middle',
  },
];

const SPEED_CUBING_CLUBS: readonly DemoOfferingTemplate[] = [
  {
    kind: 'club',
    category: 'speed_cubing',
    titleZh: '趣味魔方社',
    titleEn: 'Fun Rubik’s Cube Club',
    descriptionZh:
      '从认识魔方的中心块、棱块和角块开始，用层先法一步步学会还原三阶魔方，熟练后练习手法和观察，挑战一分钟内还原。请自备一个三阶魔方（建议选购转动顺滑的入门款）。',
    descriptionEn:
      'Starting with the centres, edges and corners, children learn to solve the 3×3 cube step by step with the layer-by-layer method, then practise finger tricks and look-ahead, aiming to solve it in under a minute. Please bring your own 3×3 cube (a smooth-turning beginner model is best).',
    gradeMin: 2,
    gradeMax: 6,
    level: 'primary',
  },
  {
    kind: 'club',
    category: 'speed_cubing',
    titleZh: '魔方拼图艺术社',
    titleEn: 'Cube Mosaic Art Club',
    descriptionZh:
      '用几十到几百个三阶魔方拼出校徽、卡通形象和人物肖像，学习像素画的设计方法和团队分工。每学期完成一幅大型魔方拼图，在学校文化长廊展出。魔方由学校统一提供。',
    descriptionEn:
      'Members use dozens to hundreds of 3×3 cubes to create mosaics of the school badge, cartoon characters and portraits, learning pixel-art design and how to divide up the work. Each term the club completes one large cube mosaic for display in the school’s culture corridor. Cubes are provided by the school.',
    gradeMin: 3,
    gradeMax: 6,
    level: 'primary',
  },
  {
    kind: 'club',
    category: 'speed_cubing',
    titleZh: '魔方速拧社',
    titleEn: 'Speedcubing Club',
    descriptionZh:
      '面向已能独立还原三阶魔方的同学，系统学习 CFOP 速拧方法，用计时器记录每次成绩并分析卡顿环节。社内每月举办一次计时赛，成绩优秀的同学可参加 WCA 官方比赛。需自备竞速魔方。',
    descriptionEn:
      'For pupils who can already solve the 3×3 on their own: members learn the CFOP speedsolving method, time every solve and work out where they slow down. A timed club competition is held every month, and top performers can enter official WCA competitions. Bring your own speed cube.',
    gradeMin: 5,
    gradeMax: 8,
    level: 'both',
  },
  {
    kind: 'club',
    category: 'speed_cubing',
    titleZh: '异形魔方挑战社',
    titleEn: 'Twisty Puzzle Challenge Club',
    descriptionZh:
      '挑战金字塔、斜转、五魔方、镜面魔方等多种异形魔方，并尝试三阶盲拧，在研究公式的过程中体会对称、置换等数学思想。需已能熟练还原三阶魔方。',
    descriptionEn:
      'Members take on a range of twisty puzzles — Pyraminx, Skewb, Megaminx, mirror cubes — and try blindfolded 3×3 solving, getting a feel for mathematical ideas such as symmetry and permutations as they work out algorithms. Members should already solve the 3×3 confidently.',
    gradeMin: 7,
    gradeMax: 9,
    level: 'middle',
  },
];

const MAKER_CLUBS: readonly DemoOfferingTemplate[] = [
  {
    kind: 'club',
    category: 'maker',
    titleZh: '创客智造社',
    titleEn: 'Maker Workshop Club',
    descriptionZh:
      '围绕“让生活更方便”的主题，用纸板、电机、LED 和 micro:bit 制作自动感应垃圾桶、防忘带提醒器等小发明，学习从发现问题、画设计图到制作和改进的创客流程。优秀作品推荐参加区青少年科技创新大赛。',
    descriptionEn:
      'Around the theme “making life easier”, members use cardboard, motors, LEDs and micro:bit to build small inventions such as a motion-sensing bin and a don’t-forget-your-homework reminder, learning the maker cycle of spotting a problem, drawing a design, building and improving. The best inventions go forward to the district youth science and technology innovation contest.',
    gradeMin: 4,
    gradeMax: 6,
    level: 'primary',
  },
  {
    kind: 'club',
    category: 'maker',
    titleZh: '小木匠工坊',
    titleEn: 'Little Carpenters’ Workshop',
    descriptionZh:
      '在老师指导下安全使用手锯、砂纸、锤子和小型台钻，制作小板凳、笔筒和鸟窝，了解木材纹理和简单的榫卯结构，每件作品都可以带回家。请穿便于活动的衣服，护目镜和手套由学校提供。',
    descriptionEn:
      'With a teacher’s guidance, children learn to use hand saws, sandpaper, hammers and a small bench drill safely, making a little stool, a pen pot and a birdhouse and learning about wood grain and simple mortise-and-tenon joints; every piece goes home with them. Please wear comfortable clothes; goggles and gloves are provided.',
    gradeMin: 3,
    gradeMax: 6,
    level: 'primary',
  },
  {
    kind: 'club',
    category: 'maker',
    titleZh: '激光切割设计社',
    titleEn: 'Laser-Cut Design Club',
    descriptionZh:
      '用矢量软件绘制图纸，在老师监督下操作激光切割机，把椴木板和亚克力板做成台灯、拼插模型和立体贺卡，学习指接榫、卡扣等板材连接方式。所有切割操作均在老师在场时进行。',
    descriptionEn:
      'Members draw vector designs and, under supervision, run the laser cutter to turn basswood and acrylic sheets into lamps, slot-together models and pop-up cards, learning ways to join sheet materials such as finger joints and snap fits. All cutting is done with a teacher present.',
    gradeMin: 5,
    gradeMax: 8,
    level: 'both',
  },
  {
    kind: 'club',
    category: 'maker',
    titleZh: '纸电路小发明社',
    titleEn: 'Paper Circuit Inventors Club',
    descriptionZh:
      '用铜箔胶带、纽扣电池和 LED 在卡纸上做出会发光的贺卡、书签和小夜灯，认识通路、断路和开关。每次活动完成一件小作品，简单又有成就感。材料由学校提供。',
    descriptionEn:
      'With copper tape, coin batteries and LEDs, children make light-up cards, bookmarks and night lights on card, learning about complete circuits, broken circuits and switches. Each session ends with a small finished piece — simple, and very satisfying. Materials are provided by the school.',
    gradeMin: 2,
    gradeMax: 4,
    level: 'primary',
  },
  {
    kind: 'club',
    category: 'maker',
    titleZh: 'Arduino 创客社',
    titleEn: 'Arduino Makers Club',
    descriptionZh:
      '学习 Arduino 开源硬件，掌握数字与模拟信号、常用传感器和舵机的使用，可选用图形化或 C 语言编程。学年项目以小组为单位完成一件完整的智能作品，例如自动浇花器或智能台灯。可自带笔记本电脑，学校也提供电脑。',
    descriptionEn:
      'Members learn Arduino open-source hardware — digital and analogue signals, common sensors and servos — programming in blocks or in C. For the year project each group completes a full smart device, such as an automatic plant waterer or a smart desk lamp. Members may bring a laptop, but school computers are available.',
    gradeMin: 7,
    gradeMax: 9,
    level: 'middle',
  },
];

const MECHANICAL_CLUBS: readonly DemoOfferingTemplate[] = [
  {
    kind: 'club',
    category: 'mechanical',
    titleZh: '机械结构探究社',
    titleEn: 'Mechanical Structures Club',
    descriptionZh:
      '用金属结构件和积木探究齿轮、链条、蜗轮蜗杆、曲柄连杆等传动方式，搭建起重机、雨刮器和抽水机模型，每个模型都要讲清楚“力是怎么传过去的”。学年末参加校内机械创意搭建赛。',
    descriptionEn:
      'Using metal construction parts and building blocks, members explore gears, chains, worm drives and crank linkages, building model cranes, windscreen wipers and water pumps; for every model they have to explain how the force gets from one part to the next. The year ends with the school’s mechanical design challenge.',
    gradeMin: 4,
    gradeMax: 6,
    level: 'primary',
  },
  {
    kind: 'club',
    category: 'mechanical',
    titleZh: '齿轮王国社',
    titleEn: 'Gear Kingdom Club',
    descriptionZh:
      '用齿轮积木搭建旋转木马、手摇风扇和会走的小车，观察大齿轮带小齿轮、小齿轮带大齿轮时速度有什么不同，在动手中认识杠杆、滑轮、轮轴等简单机械。器材由学校提供。',
    descriptionEn:
      'Children build a merry-go-round, a hand-cranked fan and a moving car with gear blocks, watching how speed changes when a large gear drives a small one and the other way round, and meeting simple machines such as levers, pulleys and wheels and axles. Equipment is provided by the school.',
    gradeMin: 2,
    gradeMax: 4,
    level: 'primary',
  },
  {
    kind: 'club',
    category: 'mechanical',
    titleZh: '桥梁结构挑战社',
    titleEn: 'Bridge-Building Challenge Club',
    descriptionZh:
      '用冰棍棒、木条和白乳胶搭建梁桥、拱桥和桁架桥，通过加挂砝码测试承重，比一比谁的“结构效率”最高，了解三角形稳定性、受压和受拉等结构知识。学年末举行桥梁承重挑战赛。',
    descriptionEn:
      'Members build beam, arch and truss bridges from craft sticks, wooden strips and white glue, then hang weights on them to see whose design is the most efficient, learning about triangle stability, compression and tension. The year ends with a bridge-loading challenge.',
    gradeMin: 5,
    gradeMax: 8,
    level: 'both',
  },
  {
    kind: 'club',
    category: 'mechanical',
    titleZh: '机械设计工程社',
    titleEn: 'Mechanical Design Club',
    descriptionZh:
      '学习凸轮、四连杆、棘轮等常见机构，用 CAD 绘制零件并借助激光切割和 3D 打印加工，最终完成一台能实际运转的机械装置，例如自动分拣机或仿生步行机。重视图纸规范和反复测试。',
    descriptionEn:
      'Members study common mechanisms such as cams, four-bar linkages and ratchets, draw parts in CAD and make them on the laser cutter and 3D printer, ending with a working machine such as an automatic sorter or a walking mechanism. Careful drawings and repeated testing are emphasised.',
    gradeMin: 7,
    gradeMax: 9,
    level: 'middle',
  },
];

const STEAM_CLUBS: readonly DemoOfferingTemplate[] = [
  {
    kind: 'club',
    category: 'steam',
    titleZh: '未来小工程师 STEAM 社',
    titleEn: 'Future Engineers STEAM Club',
    descriptionZh:
      '每学期围绕一个真实主题开展项目，比如“为操场设计遮阳棚”“帮流浪猫搭一个过冬的家”，综合运用科学、数学、美术和工程知识。孩子们分组调研、画图、做模型，并向全班汇报。',
    descriptionEn:
      'Each term the club takes on a real-world project, such as designing a sunshade for the playground or a winter shelter for stray cats, bringing together science, maths, art and engineering. Children research in groups, draw plans, build models and present to the class.',
    gradeMin: 3,
    gradeMax: 6,
    level: 'primary',
  },
  {
    kind: 'club',
    category: 'steam',
    titleZh: 'STEAM 奇思妙想社',
    titleEn: 'Bright Ideas STEAM Club',
    descriptionZh:
      '用纸杯、吸管、橡皮筋等常见材料完成“鸡蛋保护器”“纸杯电话”“气球动力车”等小挑战，在动手尝试中学会观察、提问和合作。材料由学校准备，也欢迎带来家里干净的废旧材料。',
    descriptionEn:
      'With everyday materials such as paper cups, straws and rubber bands, children take on little challenges: an egg-drop protector, a paper-cup telephone, a balloon-powered car. Hands-on trial and error teaches them to observe, ask questions and work together. The school provides materials, and clean recyclables from home are welcome too.',
    gradeMin: 1,
    gradeMax: 3,
    level: 'primary',
  },
  {
    kind: 'club',
    category: 'steam',
    titleZh: 'STEAM 环保创新社',
    titleEn: 'Eco-Innovation STEAM Club',
    descriptionZh:
      '围绕校园节水、节电和垃圾减量开展调查，用数据找出问题，再设计并制作解决方案，例如雨水收集装置或智能节电提醒器。学年末向学校提交一份“绿色校园”改进建议书。',
    descriptionEn:
      'Members investigate water use, electricity use and waste around the school, use the data to pin down problems, then design and build solutions such as a rainwater collector or a smart power-saving reminder. At the end of the year they submit a “green school” improvement proposal to the school.',
    gradeMin: 5,
    gradeMax: 8,
    level: 'both',
  },
  {
    kind: 'club',
    category: 'steam',
    titleZh: '青少年科创项目社',
    titleEn: 'Young Researchers Project Club',
    descriptionZh:
      '在老师指导下自主选题，完整经历文献检索、方案设计、实验或制作、数据分析和答辩展示的科创项目流程。适合有想法、能坚持的同学。优秀项目推荐参加青少年科技创新大赛。',
    descriptionEn:
      'With guidance from teachers, members choose their own research topic and carry a full project through: literature search, planning, experiments or building, data analysis and a final presentation. Suited to pupils with ideas and staying power. Outstanding projects are put forward for the youth science and technology innovation contest.',
    gradeMin: 7,
    gradeMax: 9,
    level: 'middle',
  },
];

const SCIENCE_CLUBS: readonly DemoOfferingTemplate[] = [
  {
    kind: 'club',
    category: 'science',
    titleZh: '科学实验探究社',
    titleEn: 'Science Investigations Club',
    descriptionZh:
      '围绕力、热、光、电等主题，学习提出假设、控制变量和记录数据，完成“摆的快慢与什么有关”“哪种材料保温效果好”等探究实验。每学期撰写一份小小科学报告。',
    descriptionEn:
      'Through themes such as forces, heat, light and electricity, members learn to form hypotheses, control variables and record data, carrying out investigations like “what changes how fast a pendulum swings?” and “which material keeps things warm best?”. Each term they write a short science report.',
    gradeMin: 4,
    gradeMax: 6,
    level: 'primary',
  },
  {
    kind: 'club',
    category: 'science',
    titleZh: '小小科学家社',
    titleEn: 'Little Scientists Club',
    descriptionZh:
      '每周做一个有趣的小实验：会“跳舞”的葡萄干、彩虹牛奶、浮沉子……先猜一猜，再动手验证，把发现画进科学记录本。实验材料安全易得，由学校提供。',
    descriptionEn:
      'Every week brings a fun experiment — dancing raisins, rainbow milk, a Cartesian diver — where children predict first, then test, and draw what they find in their science notebook. All materials are safe, everyday items provided by the school.',
    gradeMin: 1,
    gradeMax: 3,
    level: 'primary',
  },
  {
    kind: 'club',
    category: 'science',
    titleZh: '星空天文社',
    titleEn: 'Stargazers Astronomy Club',
    descriptionZh:
      '认识四季星空和常见星座，学习使用星图和天文望远镜，观测月面、木星卫星和土星光环。每学期安排一至两次晚间观测（需家长陪同），平时在校内借助天象软件和模型学习。',
    descriptionEn:
      'Members learn the constellations of each season and how to use star charts and a telescope, observing the Moon’s surface, Jupiter’s moons and Saturn’s rings. One or two evening observing sessions are held each term (a parent must attend); regular sessions use planetarium software and models.',
    gradeMin: 4,
    gradeMax: 8,
    level: 'both',
  },
  {
    kind: 'club',
    category: 'science',
    titleZh: '趣味化学社',
    titleEn: 'Fun Chemistry Club',
    descriptionZh:
      '在实验室里制作“大象牙膏”、紫甘蓝酸碱指示剂，培养晶体，认识常见的化学变化和实验室安全规范。每次实验都要规范记录现象并尝试解释原因。实验时须穿实验服、戴护目镜，均由学校提供。',
    descriptionEn:
      'In the lab, members make “elephant toothpaste” and a red-cabbage pH indicator and grow their own crystals, learning about common chemical changes and lab safety rules. For every experiment they record what they see and try to explain why. Lab coats and goggles must be worn and are provided by the school.',
    gradeMin: 7,
    gradeMax: 9,
    level: 'middle',
  },
  {
    kind: 'club',
    category: 'science',
    titleZh: '生物标本与显微观察社',
    titleEn: 'Microscopes and Specimens Club',
    descriptionZh:
      '学习制作植物叶片标本、昆虫标本和临时装片，用显微镜观察细胞、草履虫和花粉，并绘制生物图。采集活动在校园内进行，倡导爱护生命、保护环境。',
    descriptionEn:
      'Members learn to make pressed-leaf and insect specimens and temporary slides, observe cells, paramecia and pollen under the microscope, and make biological drawings. Collecting takes place on the school grounds, with care for living things and the environment.',
    gradeMin: 7,
    gradeMax: 9,
    level: 'middle',
  },
];

export const CLUB_TEMPLATES: readonly DemoOfferingTemplate[] = interleave([
  ROBOTICS_CLUBS,
  PROGRAMMING_CLUBS,
  AI_CLUBS,
  PRINTING_3D_CLUBS,
  HYDROPONICS_CLUBS,
  SPEED_CUBING_CLUBS,
  MAKER_CLUBS,
  MECHANICAL_CLUBS,
  STEAM_CLUBS,
  SCIENCE_CLUBS,
]);

// ─── Courses (课程, one term) ─────────────────────────────────────────────────────────────

const PROGRAMMING_COURSES: readonly DemoOfferingTemplate[] = [
  {
    kind: 'course',
    category: 'programming',
    titleZh: 'Scratch 创意编程（入门）',
    titleEn: 'Creative Scratch Coding (Beginners)',
    descriptionZh:
      '从舞台、角色和积木讲起，学习事件、循环和简单的条件判断，制作动画贺卡、打地鼠等小作品。每节课都有“改一改”环节，鼓励孩子在范例上加入自己的创意。适合没有编程经验的同学。',
    descriptionEn:
      'Starting with the stage, sprites and blocks, children learn events, loops and simple conditions, making projects such as an animated greeting card and a whack-a-mole game. Every lesson includes a “remix it” step that encourages them to add their own ideas to the example. For children with no coding experience.',
    gradeMin: 3,
    gradeMax: 4,
    level: 'primary',
  },
  {
    kind: 'course',
    category: 'programming',
    titleZh: 'Scratch 创意编程（进阶）',
    titleEn: 'Creative Scratch Coding (Intermediate)',
    descriptionZh:
      '学习变量、广播、克隆和坐标，独立完成飞机大战、迷宫闯关等完整游戏，重点培养把大问题拆成小步骤的能力。建议已完成入门课程或有同等基础的同学报名。',
    descriptionEn:
      'Children learn variables, broadcasts, clones and coordinates and build complete games such as a space shooter and a maze adventure on their own, with the focus on breaking a big problem into small steps. Recommended after the Beginners course or equivalent experience.',
    gradeMin: 4,
    gradeMax: 5,
    level: 'primary',
  },
  {
    kind: 'course',
    category: 'programming',
    titleZh: 'ScratchJr 编程启蒙',
    titleEn: 'First Steps in Coding with ScratchJr',
    descriptionZh:
      '在平板上用 ScratchJr 拼搭指令积木，让小猫走路、跳舞、讲故事，认识顺序和重复。每节课完成一个小作品，结课时每人做出一本会动的电子绘本。平板由学校提供，零基础即可参加。',
    descriptionEn:
      'Children snap ScratchJr blocks together on a tablet to make a cat walk, dance and tell stories, learning about sequence and repetition. Every lesson ends with a small project, and by the end of the course each child has an animated e-book. Tablets are provided; no experience needed.',
    gradeMin: 1,
    gradeMax: 2,
    level: 'primary',
  },
  {
    kind: 'course',
    category: 'programming',
    titleZh: 'Python 编程（入门）',
    titleEn: 'Python Programming (Beginners)',
    descriptionZh:
      '系统学习 Python 的变量、输入输出、条件、循环和列表，编写计算器、猜数字、成绩统计等小程序。每节课配有分层练习，学有余力的同学可挑战拓展题。建议自带 U 盘保存代码。',
    descriptionEn:
      'A structured introduction to Python — variables, input and output, conditions, loops and lists — through small programs such as a calculator, a number-guessing game and a marks tracker. Each lesson has exercises at different levels, with extension problems for those who want more. Bring a USB stick to save your code.',
    gradeMin: 5,
    gradeMax: 8,
    level: 'both',
  },
  {
    kind: 'course',
    category: 'programming',
    titleZh: 'Scratch 创意编程（提高）',
    titleEn: 'Creative Scratch Coding (Advanced)',
    descriptionZh:
      '学习列表、自制积木和简单算法，制作带排行榜的多关卡游戏，并模拟种子发芽、自由落体等科学现象。结课前每人完成一个原创作品，并现场讲解设计思路。适合有扎实 Scratch 基础的同学。',
    descriptionEn:
      'Children learn lists, custom blocks and simple algorithms, building multi-level games with leaderboards and simulations of things like seeds sprouting and objects in free fall. Before the course ends each child presents an original project and explains the thinking behind it. For children with solid Scratch experience.',
    gradeMin: 5,
    gradeMax: 6,
    level: 'primary',
  },
  {
    kind: 'course',
    category: 'programming',
    titleZh: 'Scratch 数学游戏设计',
    titleEn: 'Designing Maths Games in Scratch',
    descriptionZh:
      '把口算、分数、图形面积等数学知识做成闯关游戏，在编程中反过来巩固数学。题目、计分规则和难度梯度都由学生自己设计，完成的游戏会在班级里交换试玩。',
    descriptionEn:
      'Children turn mental arithmetic, fractions and area into level-based games, so coding reinforces their maths in return. They design the questions, scoring rules and rising difficulty themselves, and finished games are swapped and played around the class.',
    gradeMin: 4,
    gradeMax: 6,
    level: 'primary',
  },
  {
    kind: 'course',
    category: 'programming',
    titleZh: 'Python 编程（进阶）',
    titleEn: 'Python Programming (Intermediate)',
    descriptionZh:
      '学习函数、字典、文件读写和常用模块，完成单词本、通讯录、文字冒险游戏等综合项目，初步接触调试技巧和代码规范。需已完成 Python 入门课程。',
    descriptionEn:
      'Students learn functions, dictionaries, reading and writing files, and common modules, building larger projects such as a vocabulary book, an address book and a text adventure, and get a first taste of debugging and coding style. Python Beginners or equivalent is required.',
    gradeMin: 6,
    gradeMax: 9,
    level: 'both',
  },
  {
    kind: 'course',
    category: 'programming',
    titleZh: 'Python 海龟绘图',
    titleEn: 'Drawing with Python Turtle',
    descriptionZh:
      '用 Python 的 turtle 库画出多边形、螺旋线、雪花和花朵图案，在画图中理解循环、变量和函数。这是从图形化编程走向代码编程的第一步，也要练习在键盘上准确输入代码。',
    descriptionEn:
      'Using Python’s turtle library, children draw polygons, spirals, snowflakes and flower patterns, picking up loops, variables and functions as they go. It is a first step from block coding to typed code, including practice at typing code accurately.',
    gradeMin: 5,
    gradeMax: 6,
    level: 'primary',
  },
  {
    kind: 'course',
    category: 'programming',
    titleZh: 'C++ 程序设计（入门）',
    titleEn: 'C++ Programming (Beginners)',
    descriptionZh:
      '从第一个“Hello World”开始，学习 C++ 的数据类型、分支、循环、数组和字符串，在在线评测系统上完成配套练习，为参加 CSP-J 认证打基础。适合数学基础较好、喜欢逻辑推理的同学。',
    descriptionEn:
      'Starting from “Hello, World”, students learn C++ data types, branching, loops, arrays and strings and practise on an online judge, laying the groundwork for the CSP-J certification. Suits students who are strong in maths and enjoy logical reasoning.',
    gradeMin: 7,
    gradeMax: 9,
    level: 'middle',
  },
  {
    kind: 'course',
    category: 'programming',
    titleZh: 'C++ 算法与信息学竞赛（提高）',
    titleEn: 'C++ Algorithms for the Informatics Olympiad (Advanced)',
    descriptionZh:
      '讲解排序、二分、递归、搜索、贪心和基础动态规划，每周精讲例题并限时训练。课程节奏较快，需有 C++ 基础并保证课后练习。面向准备参加 CSP-J/S 的同学。',
    descriptionEn:
      'Covers sorting, binary search, recursion, search, greedy algorithms and basic dynamic programming, with worked examples and timed practice every week. The pace is brisk: students need a C++ foundation and should practise after class. For students preparing for CSP-J/S.',
    gradeMin: 7,
    gradeMax: 9,
    level: 'middle',
  },
  {
    kind: 'course',
    category: 'programming',
    titleZh: 'App Inventor 手机应用开发',
    titleEn: 'Mobile App Development with App Inventor',
    descriptionZh:
      '用积木式编程开发安卓应用，学习界面布局、按钮事件、数据存储以及调用摄像头和加速度传感器。结课作品是一款解决身边问题的小应用，如错题本或运动打卡。可在自己或学校的安卓设备上安装测试。',
    descriptionEn:
      'Students build Android apps with block-based programming, learning layouts, button events, data storage and how to use the camera and accelerometer. The final project is a small app that solves an everyday problem, such as a mistakes notebook or an exercise tracker, installed and tested on their own or the school’s Android devices.',
    gradeMin: 7,
    gradeMax: 9,
    level: 'middle',
  },
  {
    kind: 'course',
    category: 'programming',
    titleZh: 'Python 数据处理与可视化',
    titleEn: 'Python for Data and Charts',
    descriptionZh:
      '用 Python 读取表格数据，统计班级体测成绩、本地天气等真实数据，并用 matplotlib 画出折线图和柱状图，学会用数据把一个发现讲清楚。需具备 Python 基础。',
    descriptionEn:
      'Students use Python to read spreadsheet data, analyse real figures such as class fitness-test results and local weather, and plot line and bar charts with matplotlib, learning to use data to explain a finding clearly. Python experience required.',
    gradeMin: 8,
    gradeMax: 9,
    level: 'middle',
  },
];

const ROBOTICS_COURSES: readonly DemoOfferingTemplate[] = [
  {
    kind: 'course',
    category: 'robotics',
    titleZh: '乐高 SPIKE 机器人（入门）',
    titleEn: 'LEGO SPIKE Robotics (Beginners)',
    descriptionZh:
      '认识 SPIKE 主机、电机以及颜色和距离传感器，搭建驱动小车并编程完成前进、转弯、遇障停车等任务。两人一组协作，学习分工和轮换操作。适合零基础的同学。',
    descriptionEn:
      'Children get to know the SPIKE hub, motors, and colour and distance sensors, then build a driving base and program it to move forward, turn and stop before obstacles. They work in pairs, learning to share roles and take turns. No experience needed.',
    gradeMin: 3,
    gradeMax: 4,
    level: 'primary',
  },
  {
    kind: 'course',
    category: 'robotics',
    titleZh: '乐高 SPIKE 机器人（进阶）',
    titleEn: 'LEGO SPIKE Robotics (Intermediate)',
    descriptionZh:
      '在入门基础上学习变量、自制积木和多传感器配合，让机器人完成精确转向、颜色分拣和场地定点任务。课程后半段在模拟比赛场地上进行闯关训练。需已完成入门课程。',
    descriptionEn:
      'Building on the Beginners course, children learn variables, My Blocks and using several sensors together, so their robots can turn precisely, sort by colour and reach set points on a mat. The second half of the course is challenge practice on a competition-style field. Beginners course required.',
    gradeMin: 4,
    gradeMax: 6,
    level: 'primary',
  },
  {
    kind: 'course',
    category: 'robotics',
    titleZh: '乐高 WeDo 机器人启蒙',
    titleEn: 'LEGO WeDo Robotics for Starters',
    descriptionZh:
      '用乐高 WeDo 2.0 搭建会扇翅膀的小鸟、会张嘴的鳄鱼等趣味模型，用图标式编程控制电机和传感器。每节课一个小故事、一个小模型，让低年级孩子轻松走进机器人世界。器材由学校提供。',
    descriptionEn:
      'Children build fun LEGO WeDo 2.0 models such as a flapping bird and a snapping crocodile, controlling motors and sensors with icon-based coding. Each lesson is one little story and one model — an easy way into robotics for younger pupils. Equipment is provided.',
    gradeMin: 1,
    gradeMax: 2,
    level: 'primary',
  },
  {
    kind: 'course',
    category: 'robotics',
    titleZh: 'VEX IQ 机器人（入门）',
    titleEn: 'VEX IQ Robotics (Beginners)',
    descriptionZh:
      '学习 VEX IQ 结构件、电机和传感器的使用，搭建标准底盘并用 VEXcode 编程完成自动行驶任务，同时了解 VEX IQ 比赛规则和工程笔记的写法。零基础可报名。',
    descriptionEn:
      'Students learn to use VEX IQ parts, motors and sensors, build a standard drivebase and program autonomous routines in VEXcode, and find out about the VEX IQ competition rules and how to keep an engineering notebook. No experience needed.',
    gradeMin: 5,
    gradeMax: 8,
    level: 'both',
  },
  {
    kind: 'course',
    category: 'robotics',
    titleZh: '机器人巡线挑战',
    titleEn: 'Line-Following Robot Challenge',
    descriptionZh:
      '学习用光电传感器识别黑线，从左右摇摆的简单巡线，逐步改进为平稳快速的比例控制巡线。每周在不同难度的赛道上计时挑战，结课时举行巡线速度赛。',
    descriptionEn:
      'Children learn to detect a black line with light sensors, improving from a simple zig-zag follower to a smooth, fast proportional controller. Each week they race against the clock on tracks of rising difficulty, and the course ends with a line-following speed race.',
    gradeMin: 4,
    gradeMax: 6,
    level: 'primary',
  },
  {
    kind: 'course',
    category: 'robotics',
    titleZh: '仿生机器人',
    titleEn: 'Bio-inspired Robots',
    descriptionZh:
      '观察青蛙、毛毛虫、鱼等动物的运动方式，用积木和电机搭建会跳、会爬、会摆尾的仿生机器人。在比较“动物怎么做”和“机器怎么做”的过程中，理解结构与运动的关系。',
    descriptionEn:
      'Children study how frogs, caterpillars and fish move, then build robots that jump, crawl and swish their tails from bricks and motors. Comparing how animals do it with how machines do it helps them see how structure and movement are linked.',
    gradeMin: 3,
    gradeMax: 5,
    level: 'primary',
  },
  {
    kind: 'course',
    category: 'robotics',
    titleZh: 'VEX IQ 机器人（进阶）',
    titleEn: 'VEX IQ Robotics (Intermediate)',
    descriptionZh:
      '围绕当季比赛任务设计取物、举升机构，提高手动操控和自动程序的得分效率。以小组为单位完成一台参赛机器人，并通过模拟赛进行复盘。需有 VEX IQ 或乐高机器人基础。',
    descriptionEn:
      'Working on this season’s game, students design intake and lift mechanisms and make their driver control and autonomous routines score more efficiently. Each group completes a competition-ready robot and reviews its performance in mock matches. Some VEX IQ or LEGO robotics experience is required.',
    gradeMin: 6,
    gradeMax: 9,
    level: 'both',
  },
  {
    kind: 'course',
    category: 'robotics',
    titleZh: '机器人搬运与分拣',
    titleEn: 'Robot Pick-and-Place Missions',
    descriptionZh:
      '为机器人设计夹爪、叉臂等执行机构，编程完成识别颜色、抓取、搬运并分类摆放积木的任务，重点练习机构设计与程序调试的配合。适合有乐高机器人基础的同学。',
    descriptionEn:
      'Children design grippers and forklift arms for their robots, then program them to identify colours, pick up bricks, carry them and sort them into place, with the focus on making mechanism design and debugging work together. For children with some LEGO robotics experience.',
    gradeMin: 5,
    gradeMax: 6,
    level: 'primary',
  },
  {
    kind: 'course',
    category: 'robotics',
    titleZh: 'VEX V5 竞赛机器人',
    titleEn: 'VEX V5 Competition Robotics',
    descriptionZh:
      '使用 V5 金属件和智能电机搭建竞赛机器人，学习传动比计算、结构加固，以及用 C++ 编写带传感器反馈的自动程序。课程按比赛赛季推进，期末进行校内对抗赛。',
    descriptionEn:
      'Students build competition robots with V5 metal parts and smart motors, learning to calculate gear ratios, strengthen structures and write sensor-driven autonomous routines in C++. The course follows the competition season and ends with an in-school tournament.',
    gradeMin: 7,
    gradeMax: 9,
    level: 'middle',
  },
  {
    kind: 'course',
    category: 'robotics',
    titleZh: 'Arduino 机器人小车',
    titleEn: 'Arduino Robot Car',
    descriptionZh:
      '从零组装一台 Arduino 小车，完成接线并安装电机驱动、超声波和循迹模块，编程实现避障、巡线和蓝牙遥控。结课时进行避障赛道挑战。',
    descriptionEn:
      'Students assemble an Arduino car from scratch — wiring it up and fitting the motor driver, ultrasonic sensor and line-tracking module — and program it to avoid obstacles, follow lines and respond to Bluetooth remote control. The course ends with an obstacle-course challenge.',
    gradeMin: 7,
    gradeMax: 9,
    level: 'middle',
  },
  {
    kind: 'course',
    category: 'robotics',
    titleZh: '桌面机械臂编程',
    titleEn: 'Programming a Desktop Robot Arm',
    descriptionZh:
      '认识机械臂的关节、坐标系和末端执行器，用图形化和 Python 编程让机械臂写字、画画、搬运和码垛。课程还将介绍工业机器人在工厂中的应用。',
    descriptionEn:
      'Students learn about a robot arm’s joints, coordinate systems and end effectors, then program it in blocks and Python to write, draw, move objects and stack them. They also see how industrial robots are used in factories.',
    gradeMin: 8,
    gradeMax: 9,
    level: 'middle',
  },
  {
    kind: 'course',
    category: 'robotics',
    titleZh: '乐高机器人 Python 编程',
    titleEn: 'Programming LEGO Robots in Python',
    descriptionZh:
      '用 Python 控制乐高 SPIKE 机器人，从积木编程过渡到代码编程，学习函数封装、循环控制和传感器数据处理。课程任务与初中信息科技课程内容相衔接。',
    descriptionEn:
      'Students control LEGO SPIKE robots with Python, moving from block coding to typed code and learning to write functions, control loops and handle sensor data. The tasks tie in with the middle-school information technology curriculum.',
    gradeMin: 7,
    gradeMax: 9,
    level: 'middle',
  },
];

const AI_COURSES: readonly DemoOfferingTemplate[] = [
  {
    kind: 'course',
    category: 'ai',
    titleZh: '图形化 AI 编程（入门）',
    titleEn: 'Block-Based AI Coding (Beginners)',
    descriptionZh:
      '在图形化编程平台中使用人脸检测、语音合成、文字识别等 AI 积木，制作会打招呼的机器人、会朗读的故事书等作品。孩子们在玩中了解 AI 能做什么、不能做什么。',
    descriptionEn:
      'On a block-based coding platform, children use AI blocks for face detection, speech synthesis and text recognition to make a robot that says hello and a storybook that reads itself aloud. Through play, they find out what AI can and cannot do.',
    gradeMin: 3,
    gradeMax: 4,
    level: 'primary',
  },
  {
    kind: 'course',
    category: 'ai',
    titleZh: '图形化 AI 编程（进阶）',
    titleEn: 'Block-Based AI Coding (Intermediate)',
    descriptionZh:
      '学习采集数据、训练和测试自己的分类模型，制作手势控制小游戏和表情识别“心情日记”，并讨论数据太少或不均衡时模型为什么会“认错”。需完成入门课程或有 Scratch 基础。',
    descriptionEn:
      'Children learn to collect data and to train and test their own classification models, creating a gesture-controlled game and a “mood diary” that reads facial expressions, and discuss why a model gets things wrong when its data is too small or unbalanced. The Beginners course or some Scratch experience is required.',
    gradeMin: 4,
    gradeMax: 6,
    level: 'primary',
  },
  {
    kind: 'course',
    category: 'ai',
    titleZh: 'AI 初体验：会看会听的电脑',
    titleEn: 'Meet AI: Computers That See and Hear',
    descriptionZh:
      '通过有趣的互动游戏，体验电脑如何“看”出人脸、“听”懂口令、“认”出手写数字。孩子们会亲手给电脑“喂”图片，看看它学会了什么、又在哪里出错。全程不需要编程基础。',
    descriptionEn:
      'Through fun interactive games, children find out how computers can spot faces, understand spoken commands and read handwritten numbers. They feed pictures to the computer themselves and see what it learns and where it goes wrong. No coding experience needed.',
    gradeMin: 2,
    gradeMax: 3,
    level: 'primary',
  },
  {
    kind: 'course',
    category: 'ai',
    titleZh: '机器学习是怎么“学”的',
    titleEn: 'How Machines Learn: An Introduction',
    descriptionZh:
      '用卡片游戏和可视化工具理解分类、特征和训练等概念，亲手体验“决策树”和“最近邻”是怎样做判断的。不要求编程基础，重在建立对人工智能的正确认识。',
    descriptionEn:
      'Using card games and visual tools, students get to grips with classification, features and training, and try out for themselves how decision trees and nearest-neighbour methods reach a decision. No coding is required: the aim is a sound understanding of what AI really is.',
    gradeMin: 5,
    gradeMax: 8,
    level: 'both',
  },
  {
    kind: 'course',
    category: 'ai',
    titleZh: 'micro:bit 与 AI 摄像头',
    titleEn: 'micro:bit and the AI Vision Camera',
    descriptionZh:
      '把 AI 视觉摄像头连接到 micro:bit，学习颜色识别、标签识别、物体追踪和人脸识别，制作会跟着人转头的小风扇、能认卡片的点读机。器材两人一套，由学校提供。',
    descriptionEn:
      'Children connect an AI vision camera to a micro:bit and learn colour recognition, tag recognition, object tracking and face recognition, building a fan that turns to follow a person and a reading machine that recognises cards. Kits are shared between pairs and provided by the school.',
    gradeMin: 4,
    gradeMax: 6,
    level: 'primary',
  },
  {
    kind: 'course',
    category: 'ai',
    titleZh: '智能垃圾分类装置',
    titleEn: 'Smart Recycling Sorter',
    descriptionZh:
      '调查校园垃圾分类现状，训练能识别可回收物、厨余垃圾等类别的图像模型，再结合舵机做出自动开盖的分类垃圾桶。结课时在教室实测，并统计识别准确率。',
    descriptionEn:
      'Children survey how rubbish is sorted around school, train an image model to tell recyclables from food waste and other types, and combine it with servos to make a sorting bin whose lids open by themselves. The course ends with a real test in the classroom and a count of how accurate the sorter is.',
    gradeMin: 5,
    gradeMax: 6,
    level: 'primary',
  },
  {
    kind: 'course',
    category: 'ai',
    titleZh: 'AI 图像识别项目',
    titleEn: 'Image Recognition Projects',
    descriptionZh:
      '以小组为单位选定一个识别任务，如校园植物识别、课桌整洁度检测，完成拍摄数据、标注、训练、测试和改进的全过程。结课时展示作品，并分析模型的优点和不足。',
    descriptionEn:
      'Each group picks a recognition task, such as identifying plants around the school or checking whether desks are tidy, and works through taking photos, labelling, training, testing and improving. At the end they present their work and analyse where the model does well and where it falls short.',
    gradeMin: 6,
    gradeMax: 9,
    level: 'both',
  },
  {
    kind: 'course',
    category: 'ai',
    titleZh: '我的智能语音助手',
    titleEn: 'My Own Voice Assistant',
    descriptionZh:
      '了解语音识别和语音合成的基本原理，用图形化编程制作能听懂口令、会讲笑话、能播报课表的语音助手。课上还会讨论使用智能音箱时的隐私和安全问题。',
    descriptionEn:
      'Children learn the basics of speech recognition and speech synthesis, then use block coding to build a voice assistant that follows commands, tells jokes and reads out the class timetable. They also talk about privacy and safety when using smart speakers.',
    gradeMin: 5,
    gradeMax: 6,
    level: 'primary',
  },
  {
    kind: 'course',
    category: 'ai',
    titleZh: 'Python 人工智能入门',
    titleEn: 'Introduction to AI with Python',
    descriptionZh:
      '用 Python 调用图像分类、文字识别和情感分析等现成模型，了解“输入—模型—输出”的工作方式，并完成一个小型 AI 应用，如自动整理相册的分类器。需掌握 Python 基础语法。',
    descriptionEn:
      'Students use Python to call ready-made models for image classification, text recognition and sentiment analysis, learning how the input–model–output pipeline works, and complete a small AI application such as a classifier that sorts a photo album. Basic Python required.',
    gradeMin: 7,
    gradeMax: 9,
    level: 'middle',
  },
  {
    kind: 'course',
    category: 'ai',
    titleZh: '机器学习实践（进阶）',
    titleEn: 'Hands-on Machine Learning (Intermediate)',
    descriptionZh:
      '学习线性回归、K 近邻和简单神经网络，用 scikit-learn 完成手写数字识别和成绩预测，理解过拟合以及划分训练集与测试集的意义。需要一定的数学和 Python 基础。',
    descriptionEn:
      'Students learn linear regression, k-nearest neighbours and simple neural networks, using scikit-learn for handwritten-digit recognition and grade prediction, and find out what overfitting is and why data is split into training and test sets. Some maths and Python background is needed.',
    gradeMin: 8,
    gradeMax: 9,
    level: 'middle',
  },
  {
    kind: 'course',
    category: 'ai',
    titleZh: '智能小车自动驾驶',
    titleEn: 'Self-Driving Model Cars',
    descriptionZh:
      '为智能小车采集道路图片并训练模型，实现车道保持、红绿灯识别和路口转向。各小组在模拟城市赛道上测试，比较不同方案的稳定性。',
    descriptionEn:
      'Students collect road images for a smart model car and train models for lane keeping, traffic-light recognition and turning at junctions. Groups test their cars on a mock city track and compare how reliable different approaches are.',
    gradeMin: 7,
    gradeMax: 9,
    level: 'middle',
  },
  {
    kind: 'course',
    category: 'ai',
    titleZh: 'AI 与社会：算法伦理小课堂',
    titleEn: 'AI and Society: Algorithms and Ethics',
    descriptionZh:
      '围绕人脸识别、推荐算法、AI 生成图片等真实案例展开讨论，学会辨别 AI 生成的内容，思考隐私、公平和责任问题。课程以辩论和小组调查报告的形式结课。',
    descriptionEn:
      'Students discuss real cases such as face recognition, recommendation algorithms and AI-generated images, learn to spot AI-generated content, and think through questions of privacy, fairness and responsibility. The course ends with a debate and group research reports.',
    gradeMin: 7,
    gradeMax: 9,
    level: 'middle',
  },
];

const PRINTING_3D_COURSES: readonly DemoOfferingTemplate[] = [
  {
    kind: 'course',
    category: '3d_printing',
    titleZh: '3D One 立体设计（入门）',
    titleEn: '3D Design with 3D One (Beginners)',
    descriptionZh:
      '在 3D One 软件中学习拖入基本体、移动旋转以及组合和减运算，设计姓名牌、小印章和钥匙扣。了解 3D 打印机的工作原理，看着自己的作品一层层“长”出来。',
    descriptionEn:
      'In 3D One, children learn to drag in basic shapes, move and rotate them, and combine and subtract them to design name tags, little stamps and key rings. They find out how a 3D printer works and watch their own designs grow layer by layer.',
    gradeMin: 3,
    gradeMax: 4,
    level: 'primary',
  },
  {
    kind: 'course',
    category: '3d_printing',
    titleZh: '3D One 立体设计（进阶）',
    titleEn: '3D Design with 3D One (Intermediate)',
    descriptionZh:
      '学习草图绘制、拉伸、旋转和抽壳等建模工具，设计带盖收纳盒、小台灯灯罩等对尺寸有要求的作品，学会用游标卡尺测量并根据打印结果修改设计。需已完成入门课程。',
    descriptionEn:
      'Children learn sketching, extrude, revolve and shell tools to design pieces that need precise measurements, such as a lidded storage box and a small lampshade, and learn to measure with calipers and revise their designs after test prints. Beginners course required.',
    gradeMin: 4,
    gradeMax: 6,
    level: 'primary',
  },
  {
    kind: 'course',
    category: '3d_printing',
    titleZh: '3D 打印笔创意画',
    titleEn: '3D Pen Creations',
    descriptionZh:
      '用安全的低温 3D 打印笔画出立体的蝴蝶、小房子和小动物，学会“先画平面、再拼立体”的方法。每节课完成一件作品带回家。打印笔和耗材由学校提供。',
    descriptionEn:
      'With safe low-temperature 3D pens, children draw 3D butterflies, little houses and animals, learning to make flat pieces first and then join them into 3D shapes. Every lesson ends with a piece to take home. Pens and filament are provided.',
    gradeMin: 1,
    gradeMax: 2,
    level: 'primary',
  },
  {
    kind: 'course',
    category: '3d_printing',
    titleZh: '3D 打印与产品设计',
    titleEn: '3D Printing and Product Design',
    descriptionZh:
      '从观察身边不好用的物品入手，经历用户访谈、草图构思、建模打印和测试改进，设计一件实用的小产品，如可调节手机支架。结课时学习用设计说明书介绍自己的作品。',
    descriptionEn:
      'Starting from everyday objects that don’t work well, students go through user interviews, sketching, modelling, printing and testing to design a useful small product such as an adjustable phone stand. At the end they learn to present it with a design brief.',
    gradeMin: 5,
    gradeMax: 8,
    level: 'both',
  },
  {
    kind: 'course',
    category: '3d_printing',
    titleZh: '3D 打印小文具',
    titleEn: '3D-Printed Stationery',
    descriptionZh:
      '为自己设计尺子、书签、笔筒和橡皮收纳盒，想一想“怎样用起来更顺手”。每件作品都要先画草图、再建模、后打印。结课时举办一次文具设计小展览。',
    descriptionEn:
      'Children design their own rulers, bookmarks, pen pots and eraser boxes, thinking about what would make them nicer to use. Every piece goes from sketch to model to print, and the course ends with a small stationery design exhibition.',
    gradeMin: 3,
    gradeMax: 5,
    level: 'primary',
  },
  {
    kind: 'course',
    category: '3d_printing',
    titleZh: '我的 3D 打印玩具',
    titleEn: 'Design Your Own 3D-Printed Toy',
    descriptionZh:
      '设计并打印陀螺、口哨、拼插积木和指尖小玩具，在反复测试中理解重心、公差和配合。同学之间交换玩具互相“挑毛病”，再改进出第二版。',
    descriptionEn:
      'Children design and print spinning tops, whistles, interlocking bricks and fidget toys, learning about centre of gravity, tolerances and fit through repeated testing. They swap toys to critique each other’s designs, then improve them into a second version.',
    gradeMin: 4,
    gradeMax: 6,
    level: 'primary',
  },
  {
    kind: 'course',
    category: '3d_printing',
    titleZh: '3D 扫描与建模',
    titleEn: '3D Scanning and Modelling',
    descriptionZh:
      '使用手持 3D 扫描仪扫描石头、玩偶和同学的头像，学习模型修复、缩放和切片设置，打印出小型半身像。课程还将介绍逆向工程在文物保护和医疗中的应用。',
    descriptionEn:
      'Students use a handheld 3D scanner on stones, toys and each other’s heads, learn to repair, scale and slice the models, and print small busts. They also learn how reverse engineering is used in heritage conservation and medicine.',
    gradeMin: 6,
    gradeMax: 9,
    level: 'both',
  },
  {
    kind: 'course',
    category: '3d_printing',
    titleZh: '3D 打印校园模型',
    titleEn: 'Our School in 3D',
    descriptionZh:
      '分组测量教学楼、操场和校门，按比例建模并打印，最后拼成一座完整的微缩校园，在项目中综合运用比例尺、测量和团队协作。作品将陈列在学校大厅。',
    descriptionEn:
      'In groups, children measure the teaching buildings, playground and school gate, model them to scale and print them, assembling a complete miniature school — a project that pulls together scale drawing, measuring and teamwork. The finished model goes on display in the school lobby.',
    gradeMin: 5,
    gradeMax: 6,
    level: 'primary',
  },
  {
    kind: 'course',
    category: '3d_printing',
    titleZh: 'Fusion 360 三维建模（入门）',
    titleEn: '3D Modelling in Fusion 360 (Beginners)',
    descriptionZh:
      '学习参数化草图、约束、拉伸、旋转和圆角等基础操作，按照图纸完成手机支架、齿轮和收纳盒的建模。同时学习识读工程图和规范标注尺寸。',
    descriptionEn:
      'Students learn the basics of parametric sketching, constraints, extrude, revolve and fillet, modelling a phone stand, gears and a storage box from drawings. They also learn to read engineering drawings and dimension them properly.',
    gradeMin: 7,
    gradeMax: 9,
    level: 'middle',
  },
  {
    kind: 'course',
    category: '3d_printing',
    titleZh: 'Fusion 360 三维建模（提高）',
    titleEn: '3D Modelling in Fusion 360 (Advanced)',
    descriptionZh:
      '学习多零件装配、运动仿真和渲染，设计一件由多个打印件组装而成的作品，如可折叠台灯或小型机械爪。需完成入门课程，作品可用于参加创意设计类比赛。',
    descriptionEn:
      'Students learn multi-part assemblies, motion simulation and rendering, and design something assembled from several printed parts, such as a folding lamp or a small mechanical claw. The Beginners course is required, and the work can be entered in design competitions.',
    gradeMin: 8,
    gradeMax: 9,
    level: 'middle',
  },
  {
    kind: 'course',
    category: '3d_printing',
    titleZh: '3D 打印结构件与装配',
    titleEn: 'Printing Functional Parts and Assemblies',
    descriptionZh:
      '研究铰链、卡扣、螺纹和齿轮等功能结构的打印要点，学习设置公差、选择填充率和摆放方向。结课时完成一件可活动的装配作品，如带铰链的盒子或齿轮传动模型。',
    descriptionEn:
      'Students study how to print functional features — hinges, snap fits, threads and gears — learning to set tolerances, choose infill and pick the print orientation. By the end they complete a working assembly such as a hinged box or a gear-train model.',
    gradeMin: 7,
    gradeMax: 9,
    level: 'middle',
  },
  {
    kind: 'course',
    category: '3d_printing',
    titleZh: '3D 打印非遗文创',
    titleEn: '3D-Printed Heritage Crafts',
    descriptionZh:
      '以川剧脸谱、吊脚楼、蜀绣纹样等巴渝传统文化元素为灵感，设计并打印冰箱贴、书签和小摆件，在建模中学习纹样提取和浮雕设计。作品将在校园文化节义卖。',
    descriptionEn:
      'Inspired by local traditions such as Sichuan opera masks, stilt houses and Shu embroidery patterns, students design and print fridge magnets, bookmarks and small ornaments, learning pattern extraction and relief design along the way. The pieces are sold at the school culture festival’s charity sale.',
    gradeMin: 7,
    gradeMax: 9,
    level: 'middle',
  },
];

const HYDROPONICS_COURSES: readonly DemoOfferingTemplate[] = [
  {
    kind: 'course',
    category: 'hydroponics',
    titleZh: '无土栽培（入门）',
    titleEn: 'Soil-Free Growing (Beginners)',
    descriptionZh:
      '认识水培、基质培等无土栽培方式，学习育苗、移栽和配制营养液，亲手种一盆水培生菜。每周测量株高、数叶片，完成一份成长记录表。',
    descriptionEn:
      'Children learn about soil-free methods such as water culture and substrate culture, practise raising seedlings, transplanting and mixing nutrient solution, and grow a pot of hydroponic lettuce themselves. Each week they measure its height and count its leaves for a growth log.',
    gradeMin: 3,
    gradeMax: 4,
    level: 'primary',
  },
  {
    kind: 'course',
    category: 'hydroponics',
    titleZh: '无土栽培（进阶）',
    titleEn: 'Soil-Free Growing (Intermediate)',
    descriptionZh:
      '在无土栽培实验长廊中负责一组栽培架，学习用 pH 笔和 EC 笔监测营养液，比较不同蔬菜的生长速度。遇到黄叶、烂根等问题时查资料找原因，提出改进办法。需完成入门课程。',
    descriptionEn:
      'Children take charge of a rack in the soil-free growing corridor, monitoring the nutrient solution with pH and EC meters and comparing how fast different vegetables grow. When leaves yellow or roots rot, they look up the cause and suggest fixes. Beginners course required.',
    gradeMin: 4,
    gradeMax: 6,
    level: 'primary',
  },
  {
    kind: 'course',
    category: 'hydroponics',
    titleZh: '种子发芽小实验',
    titleEn: 'Watching Seeds Sprout',
    descriptionZh:
      '把绿豆、黄豆和小麦种子放在纱布、棉花和清水里，观察它们怎样发芽、长根、长叶。每天用贴纸和图画记录变化，认识种子发芽需要哪些条件。材料由学校提供。',
    descriptionEn:
      'Children put mung beans, soybeans and wheat on gauze, cotton wool and water, and watch them sprout, put down roots and grow leaves. They record the changes each day with stickers and drawings, learning what seeds need to germinate. Materials are provided.',
    gradeMin: 1,
    gradeMax: 2,
    level: 'primary',
  },
  {
    kind: 'course',
    category: 'hydroponics',
    titleZh: '植物工厂与 LED 补光',
    titleEn: 'Plant Factories and LED Grow Lights',
    descriptionZh:
      '了解植物工厂的工作原理，在不同颜色和时长的 LED 光照下种植生菜，比较生长差异并绘制折线图。课上还会讨论植物工厂在城市农业和太空种植中的应用前景。',
    descriptionEn:
      'Students learn how plant factories work, grow lettuce under LED light of different colours and durations, and compare the results on line graphs. They also discuss what plant factories could mean for city farming and growing food in space.',
    gradeMin: 5,
    gradeMax: 8,
    level: 'both',
  },
  {
    kind: 'course',
    category: 'hydroponics',
    titleZh: '阳台水培小菜园',
    titleEn: 'Windowsill Hydroponic Garden',
    descriptionZh:
      '用饮料瓶、定植篮和海绵自制小型水培装置，种上小葱、空心菜或薄荷，学会给植物“换水、加营养”。结课后把小菜园带回家，和家人一起继续照顾。',
    descriptionEn:
      'Children make a small hydroponic set-up from drink bottles, net pots and sponge, plant spring onions, water spinach or mint, and learn to change the water and add nutrients. At the end of the course the garden goes home to be looked after with the family.',
    gradeMin: 2,
    gradeMax: 4,
    level: 'primary',
  },
  {
    kind: 'course',
    category: 'hydroponics',
    titleZh: '草莓与番茄的无土之旅',
    titleEn: 'Strawberries and Tomatoes Without Soil',
    descriptionZh:
      '从育苗到开花结果，全程照顾草莓和樱桃番茄，学习人工授粉、搭架和整枝，观察花、果实和种子的结构。收获时，大家一起品尝劳动成果。',
    descriptionEn:
      'From seedling to fruit, children look after strawberries and cherry tomatoes the whole way, learning hand pollination, staking and pruning and studying the structure of flowers, fruit and seeds. At harvest time everyone gets to taste the results of their work.',
    gradeMin: 4,
    gradeMax: 6,
    level: 'primary',
  },
  {
    kind: 'course',
    category: 'hydroponics',
    titleZh: '营养液配方探究',
    titleEn: 'Investigating Nutrient Solutions',
    descriptionZh:
      '设计对照实验，比较不同浓度和配方的营养液对植物生长的影响，学习控制变量和重复实验。用表格和图表整理数据，写出一份规范的实验报告。',
    descriptionEn:
      'Students design controlled experiments comparing how nutrient solutions of different strengths and recipes affect plant growth, learning to control variables and repeat trials. They organise their data in tables and charts and write a proper lab report.',
    gradeMin: 6,
    gradeMax: 9,
    level: 'both',
  },
  {
    kind: 'course',
    category: 'hydroponics',
    titleZh: '鱼菜共生小生态',
    titleEn: 'Fish-and-Veg Aquaponics',
    descriptionZh:
      '搭建“上面种菜、下面养鱼”的鱼菜共生系统，了解鱼的排泄物如何变成植物的养分。每天轮流喂鱼、测水质，体会生态系统中各部分相互依存的关系。',
    descriptionEn:
      'Children set up an aquaponics system with vegetables on top and fish below, discovering how fish waste becomes food for plants. They take turns feeding the fish and testing the water, seeing how the parts of an ecosystem depend on each other.',
    gradeMin: 4,
    gradeMax: 6,
    level: 'primary',
  },
  {
    kind: 'course',
    category: 'hydroponics',
    titleZh: '智慧农业物联网',
    titleEn: 'Smart Farming with IoT',
    descriptionZh:
      '用开源硬件连接温湿度、光照、水位和 EC 传感器，实现数据上传、手机查看以及水泵和补光灯的自动控制。各小组为学校的一组栽培架打造一套小型“智慧农场”系统。',
    descriptionEn:
      'Students connect temperature, humidity, light, water-level and EC sensors to open-source hardware, uploading the data for viewing on a phone and controlling pumps and grow lights automatically. Each group builds a small smart-farm system for one of the school’s growing racks.',
    gradeMin: 7,
    gradeMax: 9,
    level: 'middle',
  },
  {
    kind: 'course',
    category: 'hydroponics',
    titleZh: '植物组织培养',
    titleEn: 'Plant Tissue Culture',
    descriptionZh:
      '在超净工作台上学习配制培养基、消毒和接种，用胡萝卜、绿萝等材料进行组织培养，观察愈伤组织和幼苗的形成。课程还将介绍组培技术在种苗繁育中的应用。',
    descriptionEn:
      'At a clean bench, students learn to prepare culture media, sterilise and inoculate, culturing tissue from carrots and pothos and watching callus and plantlets form. They also find out how tissue culture is used to propagate seedlings.',
    gradeMin: 8,
    gradeMax: 9,
    level: 'middle',
  },
  {
    kind: 'course',
    category: 'hydroponics',
    titleZh: '雾培与立体种植',
    titleEn: 'Aeroponics and Vertical Farming',
    descriptionZh:
      '比较水培、基质培和雾培三种方式，动手搭建一座立体雾培塔，测算相同面积下的产量和用水量。最后思考在山城有限的土地上如何发展都市农业。',
    descriptionEn:
      'Students compare water culture, substrate culture and aeroponics, build a vertical aeroponic tower, work out yield and water use for the same floor area. They then consider how city farming could grow on the limited land of a hilly city.',
    gradeMin: 7,
    gradeMax: 9,
    level: 'middle',
  },
  {
    kind: 'course',
    category: 'hydroponics',
    titleZh: '无土栽培课题研究（提高）',
    titleEn: 'Soil-Free Growing Research Projects (Advanced)',
    descriptionZh:
      '围绕自选问题开展一学期的小课题研究，如“不同光周期对生菜品质的影响”，完成开题、实验、数据分析和结题答辩。优秀课题推荐参加青少年科技创新大赛。',
    descriptionEn:
      'Students spend the term on a research question of their own, such as how day length affects lettuce quality, going through a proposal, experiments, data analysis and a final presentation. Outstanding projects are put forward for the youth science and technology innovation contest.',
    gradeMin: 7,
    gradeMax: 9,
    level: 'middle',
  },
];

const SPEED_CUBING_COURSES: readonly DemoOfferingTemplate[] = [
  {
    kind: 'course',
    category: 'speed_cubing',
    titleZh: '三阶魔方（入门）',
    titleEn: 'The 3×3 Cube (Beginners)',
    descriptionZh:
      '认识魔方的结构和转动记号，用层先法分七步学会还原三阶魔方。每节课学一步、练一步，配有图解口诀卡片。请自备一个三阶魔方。',
    descriptionEn:
      'Children learn how the cube is built and how moves are written, then learn to solve the 3×3 in seven steps with the layer-by-layer method. One step is taught and practised each lesson, with illustrated cue cards to help. Please bring a 3×3 cube.',
    gradeMin: 2,
    gradeMax: 4,
    level: 'primary',
  },
  {
    kind: 'course',
    category: 'speed_cubing',
    titleZh: '三阶魔方（进阶）',
    titleEn: 'The 3×3 Cube (Intermediate)',
    descriptionZh:
      '在会还原的基础上学习手法、观察和减少停顿，掌握顶层“两步还原”公式，目标是稳定在一分钟以内。每节课进行计时练习，并记录自己的进步曲线。',
    descriptionEn:
      'For children who can already solve the cube: they learn finger tricks, look-ahead and how to cut pauses, plus two-look last-layer algorithms, aiming for consistent solves under a minute. Every lesson includes timed practice and a chart of their progress.',
    gradeMin: 3,
    gradeMax: 6,
    level: 'primary',
  },
  {
    kind: 'course',
    category: 'speed_cubing',
    titleZh: '二阶魔方入门',
    titleEn: 'The 2×2 Cube for Beginners',
    descriptionZh:
      '从小巧的二阶魔方开始，借助顺口溜记住几个简单公式，从拼好一面、一层到整体还原，锻炼手眼协调和专注力。请自备一个二阶魔方。',
    descriptionEn:
      'Starting with the small 2×2 cube, children learn a few simple algorithms with the help of rhymes, progressing from one face to one layer to a full solve — great for hand–eye coordination and concentration. Please bring a 2×2 cube.',
    gradeMin: 1,
    gradeMax: 2,
    level: 'primary',
  },
  {
    kind: 'course',
    category: 'speed_cubing',
    titleZh: '三阶速拧（提高）',
    titleEn: '3×3 Speedsolving (Advanced)',
    descriptionZh:
      '系统学习 CFOP 中的底部十字优化和 F2L 直觉解法，配合节拍器练习转动节奏，目标是把成绩提高到 30 秒以内。课程按 WCA 规则组织计时赛。需能在一分钟内还原。',
    descriptionEn:
      'Students study an efficient CFOP cross and intuitive F2L, practising turning rhythm with a metronome, with the aim of getting under 30 seconds. Timed contests follow WCA rules. Students should already solve in under a minute.',
    gradeMin: 5,
    gradeMax: 9,
    level: 'both',
  },
  {
    kind: 'course',
    category: 'speed_cubing',
    titleZh: '魔方与数学',
    titleEn: 'Cubes and Maths',
    descriptionZh:
      '借助魔方认识对称、旋转、排列和规律，算一算魔方一共有多少种状态，探究“为什么同一个动作转四次又回到原位”。一个魔方，就是一堂动手的数学课。',
    descriptionEn:
      'Using the cube, children explore symmetry, rotation, arrangements and patterns, work out how many positions a cube can have, and discover why repeating one move four times brings you back to the start. The cube becomes a hands-on maths lesson.',
    gradeMin: 4,
    gradeMax: 6,
    level: 'primary',
  },
  {
    kind: 'course',
    category: 'speed_cubing',
    titleZh: '魔方拼图创作',
    titleEn: 'Cube Mosaics',
    descriptionZh:
      '学习用魔方的六种颜色拼出像素画，先在方格纸上设计，再分工拧出每一块。小组合作完成卡通形象、汉字和风景拼图，并拍照留念。',
    descriptionEn:
      'Children learn to make pixel pictures from the cube’s six colours, designing on squared paper first and then sharing out the cubes to twist. Groups make mosaics of cartoon characters, Chinese characters and landscapes, and photograph their work.',
    gradeMin: 3,
    gradeMax: 6,
    level: 'primary',
  },
  {
    kind: 'course',
    category: 'speed_cubing',
    titleZh: '四阶与五阶魔方',
    titleEn: 'The 4×4 and 5×5 Cubes',
    descriptionZh:
      '学习用降阶法还原四阶和五阶魔方，理解中心块拼合、棱块配对和特殊情况的处理，培养耐心和拆解复杂问题的能力。需熟练掌握三阶魔方。',
    descriptionEn:
      'Students learn the reduction method for the 4×4 and 5×5, covering building centres, pairing edges and handling parity cases, which builds patience and the ability to break down complex problems. A confident 3×3 solve is required.',
    gradeMin: 5,
    gradeMax: 8,
    level: 'both',
  },
  {
    kind: 'course',
    category: 'speed_cubing',
    titleZh: '金字塔与斜转魔方',
    titleEn: 'Pyraminx and Skewb',
    descriptionZh:
      '学习金字塔魔方和斜转魔方这两种入门级异形魔方的还原方法，体会不同转动方式带来的新思路。适合已会还原三阶魔方、想要新挑战的同学。',
    descriptionEn:
      'Children learn to solve two beginner-friendly twisty puzzles, the Pyraminx and the Skewb, and see how different ways of turning call for new thinking. For children who can already solve the 3×3 and want a new challenge.',
    gradeMin: 3,
    gradeMax: 6,
    level: 'primary',
  },
  {
    kind: 'course',
    category: 'speed_cubing',
    titleZh: 'CFOP 全套公式精练',
    titleEn: 'CFOP: Full OLL and PLL',
    descriptionZh:
      '分阶段学习全套 OLL 和 PLL 公式，掌握记忆方法和识别技巧，并进行针对性的分项训练。适合三阶成绩稳定在 30 秒左右、希望继续突破的同学。',
    descriptionEn:
      'Students learn the full OLL and PLL sets in stages, with memorisation and recognition techniques and targeted drills. For students averaging around 30 seconds who want to keep improving.',
    gradeMin: 7,
    gradeMax: 9,
    level: 'middle',
  },
  {
    kind: 'course',
    category: 'speed_cubing',
    titleZh: '三阶盲拧',
    titleEn: 'Blindfolded 3×3 Solving',
    descriptionZh:
      '学习魔方编码和记忆方法，用“老方法”完成三阶盲拧：先观察记忆，再蒙眼还原，全面锻炼记忆力、空间想象力和专注力。需熟练掌握三阶魔方。',
    descriptionEn:
      'Students learn to encode and memorise the cube, then solve the 3×3 blindfolded with the Old Pochmann method: study and memorise first, then solve with eyes covered. It trains memory, spatial reasoning and focus. A confident 3×3 solve is required.',
    gradeMin: 7,
    gradeMax: 9,
    level: 'middle',
  },
  {
    kind: 'course',
    category: 'speed_cubing',
    titleZh: '单手与最少步挑战',
    titleEn: 'One-Handed and Fewest Moves',
    descriptionZh:
      '学习单手还原的握法和手法，并挑战“最少步”项目：用纸笔在一小时内找出尽可能短的解法。两个项目分别锻炼手部灵巧性和逻辑推理能力。',
    descriptionEn:
      'Students learn the grips and finger tricks of one-handed solving, and take on Fewest Moves: finding the shortest solution they can with pen and paper within an hour. One event trains dexterity, the other logical reasoning.',
    gradeMin: 7,
    gradeMax: 9,
    level: 'middle',
  },
  {
    kind: 'course',
    category: 'speed_cubing',
    titleZh: '从魔方看群论',
    titleEn: 'Group Theory Through the Rubik’s Cube',
    descriptionZh:
      '以魔方为例认识置换、交换子和共轭等数学思想，弄懂许多公式“为什么有效”，并尝试自己推导简单公式。适合对数学有浓厚兴趣的同学。',
    descriptionEn:
      'Using the cube, students meet mathematical ideas such as permutations, commutators and conjugates, understand why many algorithms work, and try deriving simple ones themselves. For students with a keen interest in maths.',
    gradeMin: 8,
    gradeMax: 9,
    level: 'middle',
  },
];

const MAKER_COURSES: readonly DemoOfferingTemplate[] = [
  {
    kind: 'course',
    category: 'maker',
    titleZh: '创客智造（入门）',
    titleEn: 'Maker Workshop (Beginners)',
    descriptionZh:
      '学习常用工具和材料的安全使用，用纸板、电机和电池盒制作小风扇、震动小虫和手摇发电机。在制作中体验“画图—制作—测试—改进”的创客流程。',
    descriptionEn:
      'Children learn to use common tools and materials safely, making a mini fan, a vibrating bug and a hand-cranked generator from cardboard, motors and battery boxes. Along the way they go through the maker cycle: draw, build, test, improve.',
    gradeMin: 3,
    gradeMax: 4,
    level: 'primary',
  },
  {
    kind: 'course',
    category: 'maker',
    titleZh: '创客智造（进阶）',
    titleEn: 'Maker Workshop (Intermediate)',
    descriptionZh:
      '结合 micro:bit 和各类传感器，为家人或校园设计一件智能小发明，如自动感应小夜灯、课间休息提醒器，并学习撰写作品说明和现场路演。需完成入门课程或有一定动手基础。',
    descriptionEn:
      'Combining micro:bit with a range of sensors, children design a smart invention for their family or school, such as a motion-sensing night light or a break-time reminder, and learn to write it up and pitch it live. The Beginners course or some hands-on experience is required.',
    gradeMin: 5,
    gradeMax: 6,
    level: 'primary',
  },
  {
    kind: 'course',
    category: 'maker',
    titleZh: '纸板机关王',
    titleEn: 'Cardboard Contraptions',
    descriptionZh:
      '用纸板、吸管、木棍和橡皮筋制作会张嘴的怪兽、会弹跳的小人和迷你弹珠台，认识简单的连接与机关，学会安全使用剪刀和低温胶枪。欢迎带来家中干净的快递纸箱。',
    descriptionEn:
      'With cardboard, straws, sticks and rubber bands, children make a monster whose mouth opens, a jumping figure and a mini pinball machine, discovering simple joints and mechanisms and learning to use scissors and a low-temperature glue gun safely. Clean delivery boxes from home are welcome.',
    gradeMin: 1,
    gradeMax: 3,
    level: 'primary',
  },
  {
    kind: 'course',
    category: 'maker',
    titleZh: '激光切割设计（入门）',
    titleEn: 'Laser-Cut Design (Beginners)',
    descriptionZh:
      '学习用矢量软件绘制切割和雕刻图纸，了解激光切割机的原理和安全规范，完成刻字书签、拼插小动物和笔筒。所有切割均由老师操作或在老师监督下进行。',
    descriptionEn:
      'Students learn to draw cutting and engraving files in vector software and how a laser cutter works and is used safely, making engraved bookmarks, slot-together animals and a pen pot. All cutting is done by or under the supervision of a teacher.',
    gradeMin: 5,
    gradeMax: 8,
    level: 'both',
  },
  {
    kind: 'course',
    category: 'maker',
    titleZh: 'micro:bit 智能小发明',
    titleEn: 'Smart Inventions with micro:bit',
    descriptionZh:
      '用图形化编程驱动 micro:bit 的 LED 点阵、按键、加速度计和温度传感器，制作电子骰子、计步器和温度报警器。器材两人一套，由学校提供。',
    descriptionEn:
      'With block coding, children use the micro:bit’s LED grid, buttons, accelerometer and temperature sensor to make electronic dice, a step counter and a temperature alarm. Kits are shared between pairs and provided by the school.',
    gradeMin: 4,
    gradeMax: 6,
    level: 'primary',
  },
  {
    kind: 'course',
    category: 'maker',
    titleZh: '纸电路与小彩灯',
    titleEn: 'Paper Circuits and LEDs',
    descriptionZh:
      '用铜箔胶带、纽扣电池和 LED 在卡纸上设计电路，做出会发光的生日贺卡、夜光书签和星空画。在动手中认识串联、并联和开关的作用。',
    descriptionEn:
      'Children design circuits on card with copper tape, coin batteries and LEDs, making light-up birthday cards, glowing bookmarks and starry-sky pictures. Along the way they learn what series circuits, parallel circuits and switches do.',
    gradeMin: 2,
    gradeMax: 4,
    level: 'primary',
  },
  {
    kind: 'course',
    category: 'maker',
    titleZh: 'Arduino 开源硬件（入门）',
    titleEn: 'Arduino Basics',
    descriptionZh:
      '从点亮一颗 LED 开始，学习面包板接线、按键输入以及光敏和超声波传感器，用 Mixly 图形化编程完成红绿灯、电子琴等作品。课程为后续学习 C 语言编程打好基础。',
    descriptionEn:
      'Starting with lighting up a single LED, students learn breadboard wiring, button input, and light and ultrasonic sensors, building a traffic light and an electronic keyboard with Mixly block coding. The course lays the groundwork for programming in C.',
    gradeMin: 6,
    gradeMax: 9,
    level: 'both',
  },
  {
    kind: 'course',
    category: 'maker',
    titleZh: '小木工：榫卯与小家具',
    titleEn: 'Woodwork: Joints and Mini Furniture',
    descriptionZh:
      '认识中国传统榫卯结构，用手锯、凿子和砂纸制作鲁班锁和迷你小板凳。在老师指导下规范使用工具，全程佩戴护目镜和手套，作品可带回家。',
    descriptionEn:
      'Children learn about traditional Chinese mortise-and-tenon joinery and make a Luban lock and a mini stool with a hand saw, chisel and sandpaper. Tools are used properly under a teacher’s guidance, with goggles and gloves throughout, and finished pieces go home.',
    gradeMin: 4,
    gradeMax: 6,
    level: 'primary',
  },
  {
    kind: 'course',
    category: 'maker',
    titleZh: 'Arduino 智能家居（进阶）',
    titleEn: 'Arduino Smart Home (Intermediate)',
    descriptionZh:
      '用 Arduino 和 Wi-Fi 模块搭建智能家居模型，实现自动窗帘、烟雾报警和手机远程控制灯光，学习用 C 语言编写和调试程序。需完成 Arduino 入门课程。',
    descriptionEn:
      'Students use Arduino and a Wi-Fi module to build a smart-home model with automatic curtains, a smoke alarm and lights controlled from a phone, learning to write and debug programs in C. Arduino Basics required.',
    gradeMin: 7,
    gradeMax: 9,
    level: 'middle',
  },
  {
    kind: 'course',
    category: 'maker',
    titleZh: '激光切割与结构设计（进阶）',
    titleEn: 'Laser Cutting and Structural Design (Intermediate)',
    descriptionZh:
      '学习指接榫、卡扣、活动铰链等板材结构，设计可折叠书架、八音盒外壳等作品，了解材料厚度和切缝补偿对装配精度的影响。需完成入门课程。',
    descriptionEn:
      'Students learn sheet-material structures such as finger joints, snap fits and living hinges, designing pieces like a folding bookshelf and a music-box case, and find out how material thickness and kerf compensation affect how well parts fit. Beginners course required.',
    gradeMin: 7,
    gradeMax: 9,
    level: 'middle',
  },
  {
    kind: 'course',
    category: 'maker',
    titleZh: '木工坊：实木收纳盒',
    titleEn: 'Woodshop: Solid-Wood Storage Box',
    descriptionZh:
      '从识图、画线、锯切到打磨和上木蜡油，独立完成一个带盖的实木收纳盒，学习曲线锯、台钻等电动工具的安全操作规程。上课须穿不露脚趾的鞋子。',
    descriptionEn:
      'From reading the plan and marking out to sawing, sanding and oiling, students make a lidded solid-wood storage box on their own, learning the safety rules for power tools such as the scroll saw and bench drill. Closed-toe shoes must be worn.',
    gradeMin: 7,
    gradeMax: 9,
    level: 'middle',
  },
  {
    kind: 'course',
    category: 'maker',
    titleZh: '电子焊接与电路制作',
    titleEn: 'Soldering and Circuit Building',
    descriptionZh:
      '学习识别电阻、电容、三极管等常用元件，掌握电烙铁的安全使用和焊接要领，焊接制作流水灯和声控小夜灯。在练习中养成细致严谨的工作习惯。',
    descriptionEn:
      'Students learn to identify common components such as resistors, capacitors and transistors and to use a soldering iron safely and well, soldering a chasing-light circuit and a sound-activated night light. The practice builds careful, precise work habits.',
    gradeMin: 8,
    gradeMax: 9,
    level: 'middle',
  },
];

const MECHANICAL_COURSES: readonly DemoOfferingTemplate[] = [
  {
    kind: 'course',
    category: 'mechanical',
    titleZh: '齿轮传动（入门）',
    titleEn: 'Gears and Drives (Beginners)',
    descriptionZh:
      '认识直齿轮、冠齿轮以及皮带和链条传动，搭建手摇打蛋器、旋转木马和绞盘。学会数齿数，算一算转速会怎样变化。',
    descriptionEn:
      'Children meet spur gears, crown gears, belt drives and chain drives, building a hand-cranked whisk, a merry-go-round and a winch. They learn to count teeth and work out how speed changes.',
    gradeMin: 3,
    gradeMax: 5,
    level: 'primary',
  },
  {
    kind: 'course',
    category: 'mechanical',
    titleZh: '齿轮传动（进阶）',
    titleEn: 'Gears and Drives (Intermediate)',
    descriptionZh:
      '学习蜗轮蜗杆、齿轮组和变速机构，搭建能换挡的小车、自动升降门和时钟模型，理解“省力”与“速度”之间的取舍。需完成入门课程。',
    descriptionEn:
      'Children learn worm gears, compound gear trains and gearboxes, building a car that changes gear, an automatic lifting gate and a clock model, and understanding the trade-off between force and speed. Beginners course required.',
    gradeMin: 5,
    gradeMax: 6,
    level: 'primary',
  },
  {
    kind: 'course',
    category: 'mechanical',
    titleZh: '齿轮转转转',
    titleEn: 'Spinning Gears',
    descriptionZh:
      '用大大小小的齿轮积木搭建转盘、风车和小钟表，观察齿轮咬合时转动方向和快慢的变化。在玩中认识最简单的机械传动，器材由学校提供。',
    descriptionEn:
      'Children build turntables, windmills and little clocks with gear blocks of different sizes, watching how direction and speed change when gears mesh. It is a playful first look at how machines pass on movement, and equipment is provided.',
    gradeMin: 1,
    gradeMax: 2,
    level: 'primary',
  },
  {
    kind: 'course',
    category: 'mechanical',
    titleZh: '桥梁结构设计',
    titleEn: 'Bridge Structures',
    descriptionZh:
      '认识梁桥、拱桥、斜拉桥和悬索桥，用木条和白乳胶按比例制作桥梁模型并进行加载测试。结合山城身边的各类真实桥梁，理解结构是如何受力的。',
    descriptionEn:
      'Students learn about beam, arch, cable-stayed and suspension bridges, build scale models from wooden strips and white glue, and load-test them. Real bridges around our hilly city help them understand how forces act on a structure.',
    gradeMin: 5,
    gradeMax: 8,
    level: 'both',
  },
  {
    kind: 'course',
    category: 'mechanical',
    titleZh: '简单机械：杠杆与滑轮',
    titleEn: 'Simple Machines: Levers and Pulleys',
    descriptionZh:
      '通过跷跷板、投石车、升旗装置等模型，探究杠杆和滑轮怎样“省力”或“改变方向”。动手测量并记录数据，找出其中的规律。',
    descriptionEn:
      'Through models of a seesaw, a catapult and a flag-raising pulley, children investigate how levers and pulleys make work easier or change the direction of a force. They measure and record data to find the patterns.',
    gradeMin: 3,
    gradeMax: 4,
    level: 'primary',
  },
  {
    kind: 'course',
    category: 'mechanical',
    titleZh: '纸桥承重挑战',
    titleEn: 'Paper Bridge Challenge',
    descriptionZh:
      '只用 A4 纸和胶带搭建一座跨度 30 厘米的纸桥，看看它能承受多少本书。在一次次失败中，发现折叠、卷筒和三角形结构的力量。',
    descriptionEn:
      'Using only A4 paper and tape, children build a bridge with a 30 cm span and see how many books it can hold. Through repeated failures they discover the strength of folds, tubes and triangles.',
    gradeMin: 4,
    gradeMax: 6,
    level: 'primary',
  },
  {
    kind: 'course',
    category: 'mechanical',
    titleZh: '连杆机构与机械玩具',
    titleEn: 'Linkages and Mechanical Toys',
    descriptionZh:
      '学习曲柄摇杆、凸轮和连杆机构，用木板和螺丝制作会点头的小鸟、会挥手的机器人等机械玩具。在制作中理解转动如何变成摆动和往复运动。',
    descriptionEn:
      'Students learn crank-rocker, cam and linkage mechanisms, making mechanical toys such as a nodding bird and a waving robot from wooden boards and screws. Making them shows how rotation is turned into swinging and back-and-forth motion.',
    gradeMin: 5,
    gradeMax: 8,
    level: 'both',
  },
  {
    kind: 'course',
    category: 'mechanical',
    titleZh: '橡皮筋动力车',
    titleEn: 'Rubber-Band Racers',
    descriptionZh:
      '用木条、瓶盖和橡皮筋制作动力小车，探究车轮大小、橡皮筋缠绕圈数与行驶距离的关系。结课时举行“谁跑得最远”比赛。',
    descriptionEn:
      'Children make little cars from wooden strips, bottle caps and rubber bands, and investigate how wheel size and the number of turns wound into the band affect how far the car goes. The course ends with a “who goes furthest” race.',
    gradeMin: 2,
    gradeMax: 4,
    level: 'primary',
  },
  {
    kind: 'course',
    category: 'mechanical',
    titleZh: '机械结构与传动设计（提高）',
    titleEn: 'Mechanisms and Transmission Design (Advanced)',
    descriptionZh:
      '综合运用齿轮、链条、凸轮和连杆，设计并制作一台能完成指定任务的机械装置，如自动投球机。学习计算传动比、绘制机构简图和撰写设计说明。',
    descriptionEn:
      'Bringing gears, chains, cams and linkages together, students design and build a machine that performs a set task, such as an automatic ball launcher. Along the way they learn to calculate gear ratios, draw mechanism diagrams and write a design report.',
    gradeMin: 7,
    gradeMax: 9,
    level: 'middle',
  },
  {
    kind: 'course',
    category: 'mechanical',
    titleZh: '仿生步行机械',
    titleEn: 'Walking Machines',
    descriptionZh:
      '研究多足步行机构的原理，用木条、3D 打印件和曲轴制作一台能靠手摇或电机行走的“机械兽”。在调试中体会杆长比例对步态的影响。',
    descriptionEn:
      'Students study how multi-legged walking mechanisms work and build a “mechanical beast” from wooden strips, 3D-printed parts and a crankshaft that walks by hand crank or motor. Tuning it shows how link lengths change the gait.',
    gradeMin: 7,
    gradeMax: 9,
    level: 'middle',
  },
  {
    kind: 'course',
    category: 'mechanical',
    titleZh: '塔吊与起重机模型',
    titleEn: 'Tower Cranes and Lifting Machines',
    descriptionZh:
      '了解工地塔吊的结构和平衡原理，用结构件搭建可旋转、可升降的塔吊模型。完成后测试最大起重量，并分析倾覆的原因。',
    descriptionEn:
      'Students learn how construction tower cranes are built and balanced, build a crane model that can rotate and lift. They then test its maximum load and analyse why it tips over.',
    gradeMin: 7,
    gradeMax: 9,
    level: 'middle',
  },
  {
    kind: 'course',
    category: 'mechanical',
    titleZh: '木结构建筑与抗震',
    titleEn: 'Timber Structures and Earthquake Resistance',
    descriptionZh:
      '了解斗拱、穿斗式木构架等传统木结构中的智慧，用木条搭建多层建筑模型。在振动台上测试抗震性能并不断改进。',
    descriptionEn:
      'Students explore the ingenuity of traditional timber structures such as dougong brackets and chuandou frames, build multi-storey models from wooden strips. Then they test and improve them on a shake table.',
    gradeMin: 7,
    gradeMax: 9,
    level: 'middle',
  },
];

const STEAM_COURSES: readonly DemoOfferingTemplate[] = [
  {
    kind: 'course',
    category: 'steam',
    titleZh: '纸飞机与飞行的秘密',
    titleEn: 'Paper Planes and the Secrets of Flight',
    descriptionZh:
      '折出十几种不同的纸飞机，比较飞行距离和滞空时间，探究机翼形状、重心和投掷角度的影响。最后设计一架自己的“冠军飞机”，参加班级飞行赛。',
    descriptionEn:
      'Children fold more than a dozen kinds of paper plane and compare how far and how long they fly, investigating the effects of wing shape, centre of gravity and launch angle. Finally they design their own champion plane for the class flying contest.',
    gradeMin: 2,
    gradeMax: 4,
    level: 'primary',
  },
  {
    kind: 'course',
    category: 'steam',
    titleZh: '水火箭发射',
    titleEn: 'Water Rockets',
    descriptionZh:
      '用塑料瓶制作水火箭，研究装水量、气压、尾翼和头锥对飞行高度的影响。在操场上安全发射并测量数据，体验航天工程师的工作。',
    descriptionEn:
      'Children make water rockets from plastic bottles and investigate how water volume, air pressure, fins and nose cones affect how high they fly. They launch them safely on the sports field and measure the results, getting a taste of aerospace engineering.',
    gradeMin: 4,
    gradeMax: 6,
    level: 'primary',
  },
  {
    kind: 'course',
    category: 'steam',
    titleZh: 'STEAM 绘本工程师',
    titleEn: 'Storybook Engineers',
    descriptionZh:
      '读一本绘本，解决一个问题：帮三只小猪盖一座吹不倒的房子，帮小熊造一座过河的桥。孩子们用积木、纸杯和彩纸动手搭建，再讲一讲自己的设计。',
    descriptionEn:
      'Read a picture book, solve a problem: build the three little pigs a house that won’t blow down, or help a bear cross a river with a bridge. Children build with blocks, paper cups and coloured paper, then talk about their designs.',
    gradeMin: 1,
    gradeMax: 2,
    level: 'primary',
  },
  {
    kind: 'course',
    category: 'steam',
    titleZh: '未来城市设计',
    titleEn: 'Designing Cities of the Future',
    descriptionZh:
      '以小组为单位，用回收材料搭建未来城市模型，规划交通、能源、绿地和防洪系统，并为自己的城市写一份简短的说明书。项目综合运用科学、工程、艺术和数学知识。',
    descriptionEn:
      'In groups, students build a model city of the future from recycled materials, planning its transport, energy, green space and flood defences, and write a short guide to their city. The project draws on science, engineering, art and maths.',
    gradeMin: 5,
    gradeMax: 8,
    level: 'both',
  },
  {
    kind: 'course',
    category: 'steam',
    titleZh: '我的梦想校园',
    titleEn: 'Design Our Dream School',
    descriptionZh:
      '采访同学和老师，了解大家对校园的期待，再用测量、绘图和手工模型设计一处理想的校园角落，如读书角或课间游戏区。结课时向校长做一次设计汇报。',
    descriptionEn:
      'Children interview classmates and teachers about what they want from their school, then use measuring, drawing and model-making to design an ideal corner of the campus, such as a reading nook or a break-time play area. The course ends with a design presentation to the headteacher.',
    gradeMin: 3,
    gradeMax: 5,
    level: 'primary',
  },
  {
    kind: 'course',
    category: 'steam',
    titleZh: '光影剧场：皮影与电路',
    titleEn: 'Shadow Theatre with Lights and Circuits',
    descriptionZh:
      '了解传统皮影戏，用卡纸和木棍制作皮影人物，再用 LED 和简单电路搭建灯光舞台。各小组改编并表演一出小剧目，把科学、美术与表演融为一体。',
    descriptionEn:
      'Children learn about traditional Chinese shadow puppetry, make puppets from card and sticks, then build a lit stage with LEDs and simple circuits. Groups adapt and perform a short play, bringing science, art and drama together.',
    gradeMin: 3,
    gradeMax: 5,
    level: 'primary',
  },
  {
    kind: 'course',
    category: 'steam',
    titleZh: '风力发电与新能源',
    titleEn: 'Wind Power and Renewable Energy',
    descriptionZh:
      '了解风能、太阳能等可再生能源，设计并制作小型风力发电机，测试叶片数量和角度对发电量的影响。用万用表测量数据，并绘制图表分析结果。',
    descriptionEn:
      'Students learn about renewable energy such as wind and solar power, design and build a small wind turbine, and test how the number and angle of its blades affect the power it generates. They measure output with a multimeter and chart the results.',
    gradeMin: 6,
    gradeMax: 9,
    level: 'both',
  },
  {
    kind: 'course',
    category: 'steam',
    titleZh: '雨水花园设计',
    titleEn: 'Rain Garden Design',
    descriptionZh:
      '了解“海绵城市”的理念，测量校园雨后积水情况，设计并制作雨水花园模型，测试不同土层的渗水效果。最后学习用数据和模型说明自己的方案。',
    descriptionEn:
      'Children learn about the “sponge city” idea, measure where water collects around the school after rain, then design and build a rain-garden model and test how well different soil layers drain. Finally they learn to explain their plan with data and models.',
    gradeMin: 5,
    gradeMax: 6,
    level: 'primary',
  },
  {
    kind: 'course',
    category: 'steam',
    titleZh: '太阳能小车设计赛',
    titleEn: 'Solar Car Design Challenge',
    descriptionZh:
      '学习太阳能电池板的工作原理和电机传动，设计车身结构，优化重量与传动比，制作一辆太阳能小车。结课时在操场进行直线竞速赛。',
    descriptionEn:
      'Students learn how solar panels and motor drives work, design a body, optimise weight and gear ratio, and build a solar-powered car. The course ends with a straight-line race on the sports field.',
    gradeMin: 7,
    gradeMax: 9,
    level: 'middle',
  },
  {
    kind: 'course',
    category: 'steam',
    titleZh: '无人机原理与飞行',
    titleEn: 'How Drones Fly',
    descriptionZh:
      '了解四旋翼无人机的飞行原理和飞行安全法规，先在模拟器上练习，再操控室内编程无人机完成穿圈、定点降落等任务。最后用图形化或 Python 编程实现编队飞行。',
    descriptionEn:
      'Students learn how quadcopters fly and the rules for flying safely, practise on a simulator, then pilot indoor programmable drones through hoops and onto landing pads. Finally they program formation flights in blocks or Python.',
    gradeMin: 7,
    gradeMax: 9,
    level: 'middle',
  },
  {
    kind: 'course',
    category: 'steam',
    titleZh: '科创课题研究方法',
    titleEn: 'How to Run a Science and Technology Project',
    descriptionZh:
      '学习如何从生活中发现问题、查阅资料、设计方案、收集数据和撰写研究报告。各小组完成一个微型课题并进行答辩展示，为参加青少年科技创新大赛做好准备。',
    descriptionEn:
      'Students learn how to find a question in everyday life, research it, plan an approach, collect data and write a research report. Each group completes a mini project and defends it in a presentation — good preparation for the youth science and technology innovation contest.',
    gradeMin: 7,
    gradeMax: 9,
    level: 'middle',
  },
  {
    kind: 'course',
    category: 'steam',
    titleZh: '智慧校园设计项目',
    titleEn: 'Smart Campus Design Project',
    descriptionZh:
      '调研校园中的真实需求，如午餐排队、教室空气质量等，综合运用编程、传感器和 3D 设计，制作一个可演示的“智慧校园”原型。结课时向老师和同学进行项目路演。',
    descriptionEn:
      'Students research real needs around the school, such as lunch queues and classroom air quality, and combine coding, sensors and 3D design to build a working smart-campus prototype. The course ends with a project pitch to teachers and classmates.',
    gradeMin: 8,
    gradeMax: 9,
    level: 'middle',
  },
];

const SCIENCE_COURSES: readonly DemoOfferingTemplate[] = [
  {
    kind: 'course',
    category: 'science',
    titleZh: '厨房里的科学',
    titleEn: 'Kitchen Science',
    descriptionZh:
      '用盐、糖、小苏打、白醋和鸡蛋等厨房材料做实验：让鸡蛋浮起来、制作“火山喷发”、培养糖晶体。在实验中了解溶解、酸碱和密度等科学概念。',
    descriptionEn:
      'Children experiment with kitchen ingredients such as salt, sugar, bicarbonate of soda, vinegar and eggs, making an egg float, a fizzing volcano and sugar crystals. Along the way they learn about dissolving, acids and bases, and density.',
    gradeMin: 2,
    gradeMax: 4,
    level: 'primary',
  },
  {
    kind: 'course',
    category: 'science',
    titleZh: '电与磁的奥秘',
    titleEn: 'The Mysteries of Electricity and Magnetism',
    descriptionZh:
      '连接简单电路，制作电磁铁、指南针和小电动机，探究导体与绝缘体、磁极相互作用等规律。每次实验都要画出电路图并记录结果。',
    descriptionEn:
      'Children connect simple circuits and make an electromagnet, a compass and a small electric motor, investigating conductors and insulators and how magnetic poles interact. For every experiment they draw a circuit diagram and record the results.',
    gradeMin: 4,
    gradeMax: 6,
    level: 'primary',
  },
  {
    kind: 'course',
    category: 'science',
    titleZh: '神奇的科学小实验',
    titleEn: 'Amazing Science Experiments',
    descriptionZh:
      '会变色的紫甘蓝水、会“走路”的水、放进水里也不湿的纸巾……每节课一个小实验，先猜一猜，再做一做，最后说一说。在动手中培养好奇心和观察习惯。',
    descriptionEn:
      'Colour-changing red-cabbage water, “walking” water, a tissue that stays dry underwater… Each lesson is one experiment: guess first, then try it, then talk about it. It builds curiosity and the habit of careful observation.',
    gradeMin: 1,
    gradeMax: 2,
    level: 'primary',
  },
  {
    kind: 'course',
    category: 'science',
    titleZh: '天文观测与星图',
    titleEn: 'Stargazing and Star Charts',
    descriptionZh:
      '学习天球坐标和星图的读法，掌握双筒望远镜和天文望远镜的使用，观测月球环形山和明亮的行星。课程安排一次晚间观测（需家长陪同），并撰写观测日志。',
    descriptionEn:
      'Students learn celestial coordinates and how to read star charts, and how to use binoculars and a telescope, observing lunar craters and the bright planets. One evening observing session is included (a parent must attend), and students keep an observing log.',
    gradeMin: 5,
    gradeMax: 8,
    level: 'both',
  },
  {
    kind: 'course',
    category: 'science',
    titleZh: '小小天文学家',
    titleEn: 'Little Astronomers',
    descriptionZh:
      '认识太阳系八大行星、月相变化和四季星座，制作星座投影仪和月相盒。还将学习使用星图软件，为和家人一起观星做好准备。',
    descriptionEn:
      'Children learn about the eight planets, the phases of the Moon and the constellations of each season, and make a constellation projector and a moon-phase box. They also learn to use star-chart software so they are ready to stargaze with their families.',
    gradeMin: 3,
    gradeMax: 5,
    level: 'primary',
  },
  {
    kind: 'course',
    category: 'science',
    titleZh: '显微镜下的世界',
    titleEn: 'The World Under a Microscope',
    descriptionZh:
      '学习使用光学显微镜，制作洋葱表皮、口腔上皮等临时装片，观察细胞、花粉和池塘水中的微生物。把看到的画下来，做成一本自己的“微观图鉴”。',
    descriptionEn:
      'Children learn to use a light microscope and prepare temporary slides of onion skin and cheek cells, observing cells, pollen and the tiny creatures in pond water. They draw what they see to make their own micro-world field guide.',
    gradeMin: 4,
    gradeMax: 6,
    level: 'primary',
  },
  {
    kind: 'course',
    category: 'science',
    titleZh: '趣味化学实验',
    titleEn: 'Fun Chemistry Experiments',
    descriptionZh:
      '在老师指导下完成“大象牙膏”、化学“红绿灯”、自制酸碱指示剂等趣味实验，了解化学反应的现象和原理。严格遵守实验室安全规范，护目镜和手套由学校提供。',
    descriptionEn:
      'With a teacher’s guidance, students carry out fun experiments such as elephant toothpaste, the chemical traffic light and home-made pH indicators, learning what happens in a chemical reaction and why. Lab safety rules are strictly followed; goggles and gloves are provided.',
    gradeMin: 6,
    gradeMax: 9,
    level: 'both',
  },
  {
    kind: 'course',
    category: 'science',
    titleZh: '昆虫与植物观察',
    titleEn: 'Bugs and Plants Up Close',
    descriptionZh:
      '带上放大镜走进校园，寻找蚂蚁、蜗牛和各种各样的叶子，学习观察、分类和记录。制作树叶拓印画和自然笔记，认识校园里的小生命。',
    descriptionEn:
      'Armed with magnifying glasses, children explore the school grounds looking for ants, snails and all kinds of leaves, learning to observe, sort and record. They make leaf rubbings and nature journals and get to know the small living things around school.',
    gradeMin: 2,
    gradeMax: 4,
    level: 'primary',
  },
  {
    kind: 'course',
    category: 'science',
    titleZh: '化学实验基本功',
    titleEn: 'Chemistry Lab Skills',
    descriptionZh:
      '系统练习药品取用、加热、过滤、蒸发和配制溶液等基本操作，学会规范记录和处理实验数据。为九年级化学学习和实验操作考试打好基础。',
    descriptionEn:
      'Students practise core techniques — handling chemicals, heating, filtering, evaporating and making up solutions — and learn to record and process results properly. The course gives them a solid start to Grade 9 chemistry and the practical exam.',
    gradeMin: 8,
    gradeMax: 9,
    level: 'middle',
  },
  {
    kind: 'course',
    category: 'science',
    titleZh: '物理实验探究：力与运动',
    titleEn: 'Physics Investigations: Forces and Motion',
    descriptionZh:
      '用传感器和数据采集器测量速度、摩擦力和弹力，验证牛顿运动定律，并完成“鸡蛋撞地不破”等工程挑战。课程重在培养提出猜想、设计实验和分析误差的能力。',
    descriptionEn:
      'Students use sensors and data loggers to measure speed, friction and elastic force, test Newton’s laws of motion, and take on engineering challenges such as an egg drop. The course builds the skills of forming hypotheses, designing experiments and analysing error.',
    gradeMin: 8,
    gradeMax: 9,
    level: 'middle',
  },
  {
    kind: 'course',
    category: 'science',
    titleZh: '生物标本制作',
    titleEn: 'Making Biological Specimens',
    descriptionZh:
      '学习植物腊叶标本、昆虫标本和叶脉书签的制作方法，了解生物分类的基本知识。采集活动在校园内进行，倡导爱护生命、不随意捕捉。',
    descriptionEn:
      'Students learn to make pressed plant specimens, insect specimens and skeleton-leaf bookmarks, along with the basics of biological classification. Collecting takes place on the school grounds, with respect for living things and no needless catching.',
    gradeMin: 7,
    gradeMax: 8,
    level: 'middle',
  },
  {
    kind: 'course',
    category: 'science',
    titleZh: '天体摄影入门',
    titleEn: 'Introduction to Astrophotography',
    descriptionZh:
      '学习用手机和相机拍摄月亮、星轨和行星，掌握曝光、对焦和后期叠加的基本方法，优秀作品将在校园天文摄影展中展出。部分拍摄在晚间进行，需家长陪同。',
    descriptionEn:
      'Students learn to photograph the Moon, star trails and planets with phones and cameras, covering exposure, focusing and basic image stacking, and the best pictures go into the school astrophotography exhibition. Some shoots take place in the evening and need a parent to attend.',
    gradeMin: 7,
    gradeMax: 9,
    level: 'middle',
  },
];

export const COURSE_TEMPLATES: readonly DemoOfferingTemplate[] = interleave([
  ROBOTICS_COURSES,
  PROGRAMMING_COURSES,
  AI_COURSES,
  PRINTING_3D_COURSES,
  HYDROPONICS_COURSES,
  SPEED_CUBING_COURSES,
  MAKER_COURSES,
  MECHANICAL_COURSES,
  STEAM_COURSES,
  SCIENCE_COURSES,
]);

// ─── People, rooms and classes ────────────────────────────────────────────────────────────

// The first name is the demo teacher's.
export const TEACHER_NAMES: readonly { nameZh: string }[] = [
  { nameZh: '王晓燕' },
  { nameZh: '李俊杰' },
  { nameZh: '张丽娟' },
  { nameZh: '刘建国' },
  { nameZh: '陈静怡' },
  { nameZh: '杨帆' },
  { nameZh: '赵雪梅' },
  { nameZh: '黄志强' },
  { nameZh: '周婷' },
  { nameZh: '吴昊然' },
  { nameZh: '徐丽萍' },
  { nameZh: '孙伟' },
  { nameZh: '马骏' },
  { nameZh: '朱琳' },
  { nameZh: '胡建华' },
  { nameZh: '郭晓峰' },
  { nameZh: '何欣然' },
  { nameZh: '林慧敏' },
  { nameZh: '高远' },
  { nameZh: '罗婷婷' },
  { nameZh: '郑凯文' },
  { nameZh: '梁晓雯' },
  { nameZh: '谢明辉' },
  { nameZh: '宋佳琪' },
  { nameZh: '唐静' },
  { nameZh: '许文博' },
  { nameZh: '韩雪莹' },
  { nameZh: '冯涛' },
  { nameZh: '邓晓丽' },
  { nameZh: '曹磊' },
  { nameZh: '彭程' },
  { nameZh: '曾小凤' },
  { nameZh: '肖鹏飞' },
  { nameZh: '田甜' },
  { nameZh: '袁媛' },
  { nameZh: '于海燕' },
  { nameZh: '蒋琴' },
  { nameZh: '余婷' },
  { nameZh: '叶倩' },
  { nameZh: '程亮' },
  { nameZh: '苏晴' },
  { nameZh: '吕晓东' },
  { nameZh: '沈佳怡' },
  { nameZh: '姚远航' },
  { nameZh: '卢俊' },
  { nameZh: '姜楠' },
  { nameZh: '崔颖' },
  { nameZh: '钟敏' },
  { nameZh: '谭晓丽' },
  { nameZh: '冉光辉' },
  { nameZh: '金鑫' },
  { nameZh: '廖凯' },
  { nameZh: '石磊' },
  { nameZh: '熊英' },
  { nameZh: '贾晓燕' },
  { nameZh: '邹俊' },
  { nameZh: '孟凡' },
  { nameZh: '秦川' },
  { nameZh: '尹红梅' },
  { nameZh: '易佳' },
  { nameZh: '向阳' },
  { nameZh: '蒲小琴' },
  { nameZh: '黎明辉' },
  { nameZh: '段晓燕' },
  { nameZh: '雷雨' },
  { nameZh: '陶然' },
];

export const SURNAMES: readonly string[] = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗',
  '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田', '董', '袁', '潘', '于', '蒋', '蔡',
  '余', '杜', '叶', '程', '苏', '魏', '吕', '丁', '任', '沈', '姚', '卢', '姜', '崔', '钟', '谭', '陆', '汪', '范', '金',
  '石', '廖', '贾', '夏', '韦', '付', '方', '白', '邹', '孟', '熊', '秦', '邱', '江', '尹', '薛', '段', '雷', '侯', '龙',
  '史', '陶', '黎', '贺', '顾', '毛', '郝', '龚', '邵', '万', '严', '向', '冉', '蒲', '欧阳', '司徒', '上官',
];

export const GIVEN_NAMES: readonly string[] = [
  '子涵', '浩然', '一诺', '梓萱', '宇轩', '欣怡', '梓涵', '子轩', '诗涵', '雨桐', '俊熙', '皓轩', '思彤', '可馨', '语桐', '沐阳',
  '若汐', '依诺', '梓睿', '奕辰', '锦程', '承泽', '博文', '宇航', '天佑', '铭泽', '嘉懿', '思远', '沐晨', '一鸣', '子墨', '晨曦',
  '梓琪', '安琪', '佳怡', '欣妍', '雨萱', '紫涵', '乐瑶', '语嫣', '芷若', '书瑶', '可欣', '芊芊', '若曦', '星辰', '子睿', '明轩',
  '俊杰', '泽宇', '宇辰', '浩宇', '昊天', '子豪', '梓豪', '家豪', '一帆', '逸飞', '嘉怡', '嘉豪', '雅琪', '静怡', '梦瑶', '语涵',
  '思琪', '若琳', '梓晴', '心怡', '诗琪', '艺涵', '雨欣', '欣然', '佳琪', '可怡', '一然', '艺菲', '子萱', '梓妍', '楚涵', '美琳',
  '思语', '晓彤', '睿哲', '俊宇', '宇泽', '浩轩', '皓宇', '子航', '煜祺', '懿轩', '晟睿', '天宇', '弘文', '泽楷', '梓宸', '博涛',
  '思聪', '煜城', '钰轩', '诗雨', '梦琪', '雨泽', '辰逸', '瑾瑜', '嘉禾', '承宇', '景行', '知远', '书恒', '清越', '以安', '念安',
  '安然', '一心', '语汐', '沐瑶', '星妍', '语彤', '诗悦', '梓琳', '若彤', '欣悦', '一涵', '依依', '思齐', '明哲', '睿泽', '家乐',
  '子瑜', '宥辰', '梓航', '俊豪', '思睿', '雨晨', '欣彤', '佳宁', '可昕', '芮宁', '若溪', '悦然', '一航', '浩宸', '亦可', '紫萱',
  '昕', '睿', '涵', '悦', '琪', '航', '轩', '宸', '瑶', '萌', '磊', '静', '婷', '洋', '帆',
];

export const ROOMS: readonly { zh: string; en: string }[] = [
  { zh: '科创楼 301 3D 打印室', en: 'Innovation Building 301, 3D Printing Lab' },
  { zh: '科创楼 302 创客空间', en: 'Innovation Building 302, Maker Space' },
  { zh: '科创楼 303 机器人实验室', en: 'Innovation Building 303, Robotics Lab' },
  { zh: '科创楼 304 机器人竞赛训练场', en: 'Innovation Building 304, Robotics Competition Arena' },
  { zh: '科创楼 401 人工智能教室', en: 'Innovation Building 401, AI Classroom' },
  { zh: '科创楼 402 编程教室', en: 'Innovation Building 402, Coding Classroom' },
  { zh: '科创楼 403 激光切割室', en: 'Innovation Building 403, Laser Cutting Room' },
  { zh: '科创楼 404 STEAM 教室', en: 'Innovation Building 404, STEAM Classroom' },
  { zh: '信息楼 201 计算机教室（一）', en: 'IT Building 201, Computer Room 1' },
  { zh: '信息楼 202 计算机教室（二）', en: 'IT Building 202, Computer Room 2' },
  { zh: '信息楼 301 平板教室', en: 'IT Building 301, Tablet Classroom' },
  { zh: '实验楼 101 科学实验室（一）', en: 'Lab Building 101, Science Lab 1' },
  { zh: '实验楼 102 科学实验室（二）', en: 'Lab Building 102, Science Lab 2' },
  { zh: '实验楼 201 化学实验室', en: 'Lab Building 201, Chemistry Lab' },
  { zh: '实验楼 202 物理实验室', en: 'Lab Building 202, Physics Lab' },
  { zh: '实验楼 203 生物实验室', en: 'Lab Building 203, Biology Lab' },
  { zh: '实验楼 301 组培室', en: 'Lab Building 301, Tissue Culture Room' },
  { zh: '综合楼 3 楼 无土栽培实验长廊', en: 'Multi-purpose Building, Floor 3, Soil-Free Growing Corridor' },
  { zh: '综合楼 101 多功能厅', en: 'Multi-purpose Building 101, Multi-function Hall' },
  { zh: '综合楼 205 木工坊', en: 'Multi-purpose Building 205, Woodwork Room' },
  { zh: '综合楼 206 魔方活动室', en: 'Multi-purpose Building 206, Cube Activity Room' },
  { zh: '综合楼 207 科学探究室', en: 'Multi-purpose Building 207, Science Discovery Room' },
  { zh: '综合楼 208 机械结构教室', en: 'Multi-purpose Building 208, Mechanics Classroom' },
  { zh: '图书馆 2 楼 研讨室', en: 'Library, Floor 2, Seminar Room' },
  { zh: '综合楼楼顶 植物工厂', en: 'Multi-purpose Building Rooftop, Plant Factory' },
  { zh: '劳动实践基地 智能温室', en: 'School Garden, Smart Greenhouse' },
  { zh: '行政楼楼顶 天文观测台', en: 'Admin Building Rooftop, Observatory' },
  { zh: '教学楼 A 栋 105 教室', en: 'Teaching Block A, Room 105' },
  { zh: '教学楼 A 栋 203 教室', en: 'Teaching Block A, Room 203' },
  { zh: '教学楼 B 栋 108 教室', en: 'Teaching Block B, Room 108' },
  { zh: '教学楼 B 栋 306 教室', en: 'Teaching Block B, Room 306' },
  { zh: '科技馆 1 楼 科普展厅', en: 'Science Centre, Floor 1, Exhibition Hall' },
  { zh: '风雨操场', en: 'Covered Sports Ground' },
];

export const CLASS_NAMES: readonly string[] = ['1班', '2班', '3班', '4班', '5班', '6班', '7班', '8班'];

/**
 * The pupil a new parent binds to try the pupil list: on 青桐小学's list, bound to no demo child. The start banner
 * prints it and the README documents it; the seed gives it its school's first number.
 */
export const DEMO_PUPIL = { school: 'qingtong-primary', number: 'QT00001', name: '林小满', grade: 3, className: '2班' } as const;
