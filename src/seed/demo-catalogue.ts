// The demo district's content: schools, club and course templates in Chinese and English, people's names, rooms.
export type CategoryCode =
  | '3d_printing'
  | 'programming'
  | 'robotics'
  | 'ai'
  | 'hydroponics'
  | 'speed_cubing'
  | 'maker'
  | 'mechanical'
  | 'steam'
  | 'science';

export interface DemoSchool {
  slug: string;
  nameZh: string;
  nameEn: string;
  kind: 'primary' | 'middle';
  gradeMin: number;
  gradeMax: number;
  addressZh: string;
  addressEn: string;
}

export const DEMO_SCHOOLS: readonly DemoSchool[] = [
  {
    slug: 'shuren-primary',
    nameZh: '云溪科学城树人小学',
    nameEn: 'Shuren Primary School, Yunxi Science City',
    kind: 'primary',
    gradeMin: 1,
    gradeMax: 6,
    addressZh: '科学大道西段 88 号',
    addressEn: '88 Kexue Avenue West',
  },
  {
    slug: 'renmin-primary',
    nameZh: '云溪科学城人民小学',
    nameEn: 'Renmin Primary School, Yunxi Science City',
    kind: 'primary',
    gradeMin: 1,
    gradeMax: 6,
    addressZh: '含谷镇金凤路 12 号',
    addressEn: '12 Jinfeng Road, Hangu',
  },
  {
    slug: 'jinfeng-primary',
    nameZh: '云溪科学城金凤实验小学',
    nameEn: 'Jinfeng Experimental Primary School',
    kind: 'primary',
    gradeMin: 1,
    gradeMax: 6,
    addressZh: '白市驿镇凤鸣街 5 号',
    addressEn: '5 Fengming Street, Baishiyi',
  },
  {
    slug: 'kexue-middle',
    nameZh: '云溪科学城中学',
    nameEn: 'Yunxi Science City Middle School',
    kind: 'middle',
    gradeMin: 7,
    gradeMax: 9,
    addressZh: '西永大道 200 号',
    addressEn: '200 Xiyong Avenue',
  },
  {
    slug: 'shida-middle',
    nameZh: '师大附属云溪中学',
    nameEn: 'Normal University Affiliated Yunxi Middle School',
    kind: 'middle',
    gradeMin: 7,
    gradeMax: 9,
    addressZh: '大学城南路 36 号',
    addressEn: '36 University Town South Road',
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

type Template = Omit<DemoOfferingTemplate, 'kind'>;

const P = (gradeMin: number, gradeMax: number) => ({ gradeMin, gradeMax, level: 'primary' as const });
const M = (gradeMin: number, gradeMax: number) => ({ gradeMin, gradeMax, level: 'middle' as const });

const CLUBS: Template[] = [
  // robotics
  { category: 'robotics', titleZh: '乐高机器人搭建社', titleEn: 'LEGO Robotics Club', descriptionZh: '用乐高 SPIKE 套件搭建会走、会抓、会避障的机器人，学会用积木块编程控制电机和传感器。每学期末举行一次班级机器人挑战赛。', descriptionEn: 'Build robots that walk, grab and avoid obstacles with LEGO SPIKE kits, and program motors and sensors with block code. Each term ends with a class robot challenge.', ...P(2, 6) },
  { category: 'robotics', titleZh: 'VEX 机器人竞赛社', titleEn: 'VEX Robotics Competition Club', descriptionZh: '以 VEX IQ 赛题为目标，分组设计底盘与机械臂，练习手动操控与自动程序，备战区级和市级比赛。', descriptionEn: 'Teams design drivetrains and arms for the VEX IQ challenge, practise driving and autonomous routines, and prepare for district and city contests.', ...P(4, 6) },
  { category: 'robotics', titleZh: '机器人创新实验室', titleEn: 'Robotics Innovation Lab', descriptionZh: '面向初中生的开放实验室：用 Arduino 与舵机制作仿生机器人，学习 PID 调速与巡线算法，完成一件可展示的作品。', descriptionEn: 'An open lab for middle schoolers: build bionic robots with Arduino and servos, learn PID speed control and line following, and finish a piece worth showing.', ...M(7, 9) },
  { category: 'robotics', titleZh: 'FLL 工程挑战社', titleEn: 'FIRST LEGO League Club', descriptionZh: '围绕 FLL 年度主题完成机器人任务与创新研究项目，练习团队协作、路演表达和工程笔记。', descriptionEn: 'Work on the FIRST LEGO League season theme: robot missions plus an innovation project, with teamwork, presentations and an engineering notebook.', ...M(7, 8) },
  { category: 'robotics', titleZh: '小小机器人工程师', titleEn: 'Little Robot Engineers', descriptionZh: '从齿轮、马达和电池盒开始，一二年级的孩子动手拼出第一台会动的小车，在游戏中认识简单的机器原理。', descriptionEn: 'Starting with gears, motors and battery boxes, first and second graders put together their first moving car and meet simple machines through play.', ...P(1, 2) },
  // programming
  { category: 'programming', titleZh: 'Scratch 动画编程社', titleEn: 'Scratch Animation Club', descriptionZh: '用 Scratch 把自己编的故事做成互动动画和小游戏，学习角色、事件、循环与变量。作品会在校园开放日展映。', descriptionEn: 'Turn your own stories into interactive animations and small games in Scratch while learning sprites, events, loops and variables. Work is screened at the school open day.', ...P(2, 5) },
  { category: 'programming', titleZh: 'Python 编程俱乐部', titleEn: 'Python Coding Club', descriptionZh: '从海龟画图到文字冒险游戏，循序渐进掌握 Python 基础语法和调试方法，每人完成一个自己的小程序。', descriptionEn: 'From turtle drawings to a text adventure game, learn Python step by step along with debugging habits; everyone finishes a program of their own.', ...P(5, 6) },
  { category: 'programming', titleZh: '信息学奥赛社（C++）', titleEn: 'Informatics Olympiad Club (C++)', descriptionZh: '系统学习 C++ 与基础算法：枚举、模拟、排序、搜索与简单动态规划，每周在线评测练习，面向 CSP-J 入门组。', descriptionEn: 'Systematic C++ and core algorithms — enumeration, simulation, sorting, search and simple dynamic programming — with weekly online judge practice towards CSP-J.', ...M(7, 9) },
  { category: 'programming', titleZh: 'App Inventor 手机应用社', titleEn: 'App Inventor Mobile Apps Club', descriptionZh: '用 App Inventor 设计能在手机上运行的应用：校园地图、单词卡、计步器，体验从需求到发布的完整过程。', descriptionEn: 'Design apps that really run on phones with App Inventor — a campus map, word cards, a step counter — and go from an idea to a released app.', ...M(7, 8) },
  { category: 'programming', titleZh: '编程游戏设计社', titleEn: 'Game Design with Code Club', descriptionZh: '学习关卡设计、角色平衡和音效制作，用 Scratch 与 Kitten 制作可以给同学试玩的完整小游戏。', descriptionEn: 'Learn level design, character balance and sound effects, and make a complete small game in Scratch and Kitten for classmates to play.', ...P(3, 6) },
  // ai
  { category: 'ai', titleZh: 'AI 小小训练师', titleEn: 'Little AI Trainers', descriptionZh: '用图形化工具训练能识别手势、水果和表情的模型，理解“数据—训练—测试”，讨论 AI 也会犯错的原因。', descriptionEn: 'Train models that recognise gestures, fruit and facial expressions with visual tools, understand data, training and testing, and talk about why AI gets things wrong.', ...P(3, 6) },
  { category: 'ai', titleZh: '人工智能探究社', titleEn: 'Artificial Intelligence Inquiry Club', descriptionZh: '用 Python 和开源模型做图像分类、语音识别与文本情感分析的小实验，完成一份“AI 在身边”的研究报告。', descriptionEn: 'Small experiments in image classification, speech recognition and sentiment analysis with Python and open models, ending in a research report on AI around us.', ...M(7, 9) },
  { category: 'ai', titleZh: '智能语音助手社', titleEn: 'Voice Assistant Club', descriptionZh: '用掌控板和语音模块做一个会听指令的小管家：开灯、报天气、讲故事，了解语音识别的基本原理。', descriptionEn: 'Build a little helper that follows spoken commands — lights, weather, stories — with a controller board and voice module, and learn how speech recognition works.', ...P(4, 6) },
  { category: 'ai', titleZh: '无人驾驶小车社', titleEn: 'Self-Driving Car Club', descriptionZh: '给小车装上摄像头，训练它识别车道和交通标志，在校园赛道上完成自动驾驶挑战。', descriptionEn: 'Fit small cars with cameras, train them to recognise lanes and traffic signs, and complete a self-driving challenge on the school track.', ...M(8, 9) },
  // 3d printing
  { category: '3d_printing', titleZh: '3D 打印创意工坊', titleEn: '3D Printing Creative Workshop', descriptionZh: '学习 3D One 建模，设计钥匙扣、笔筒和小夜灯外壳，亲手切片、打印并完成后期打磨。', descriptionEn: 'Learn 3D One modelling, design key rings, pen holders and night-light shells, then slice, print and finish them yourself.', ...P(3, 6) },
  { category: '3d_printing', titleZh: '3D 设计与打印社', titleEn: '3D Design and Printing Club', descriptionZh: '使用 Fusion 360 进行参数化建模，完成一件解决生活小问题的实用产品，并参加区青少年创新大赛。', descriptionEn: 'Parametric modelling in Fusion 360 to make a practical product that solves an everyday problem, entered in the district youth innovation contest.', ...M(7, 9) },
  { category: '3d_printing', titleZh: '3D 打印笔艺术社', titleEn: '3D Pen Art Club', descriptionZh: '用 3D 打印笔画出立体的昆虫、建筑和小摆件，培养空间想象力，适合低年级入门。', descriptionEn: 'Draw insects, buildings and ornaments in the air with 3D pens and grow spatial imagination; a gentle start for younger children.', ...P(1, 3) },
  { category: '3d_printing', titleZh: '文创设计打印社', titleEn: 'Cultural Design Print Club', descriptionZh: '以巴渝文化为主题设计书签、印章和纪念品，把传统纹样转化为可打印的立体模型。', descriptionEn: 'Design bookmarks, seals and souvenirs on the theme of local Bayu culture, turning traditional patterns into printable 3D models.', ...M(7, 8) },
  // hydroponics
  { category: 'hydroponics', titleZh: '无土栽培小农场', titleEn: 'Hydroponic Mini Farm', descriptionZh: '在教室阳台搭建水培架，种生菜、小番茄和薄荷，每周测量营养液酸碱度并记录生长日记。', descriptionEn: 'Set up hydroponic racks on the classroom balcony, grow lettuce, cherry tomatoes and mint, test the nutrient solution weekly and keep a growth diary.', ...P(2, 6) },
  { category: 'hydroponics', titleZh: '智慧植物工厂社', titleEn: 'Smart Plant Factory Club', descriptionZh: '用传感器监测光照、温湿度和 EC 值，编程控制补光灯和水泵，比较不同条件下的作物产量。', descriptionEn: 'Monitor light, temperature, humidity and EC with sensors, program grow lights and pumps, and compare yields under different conditions.', ...M(7, 9) },
  { category: 'hydroponics', titleZh: '豆芽观察社', titleEn: 'Sprout Watchers Club', descriptionZh: '从泡豆子开始观察种子发芽，用图画和照片记录每天的变化，认识植物生长需要的条件。', descriptionEn: 'Soak beans and watch seeds sprout, record daily changes in drawings and photos, and learn what plants need to grow.', ...P(1, 2) },
  { category: 'hydroponics', titleZh: '鱼菜共生实验社', titleEn: 'Aquaponics Lab Club', descriptionZh: '搭建小型鱼菜共生系统，研究鱼的排泄物如何变成蔬菜的养分，学习生态循环与水质检测。', descriptionEn: 'Build a small aquaponics system, find out how fish waste becomes food for vegetables, and learn about ecological cycles and water testing.', ...P(4, 6) },
  // speed cubing
  { category: 'speed_cubing', titleZh: '趣味魔方社', titleEn: 'Fun Cube Club', descriptionZh: '从三阶魔方层先法学起，掌握公式记忆技巧，挑战一分钟内复原，也玩金字塔和镜面魔方。', descriptionEn: 'Start with the layer-by-layer method on the 3×3 cube, learn to remember algorithms, aim for under a minute, and try pyraminx and mirror cubes.', ...P(2, 6) },
  { category: 'speed_cubing', titleZh: '速拧魔方竞技社', titleEn: 'Speedcubing Club', descriptionZh: '学习 CFOP 高级解法和手指技巧，定期进行计时赛，组队参加魔方联赛。', descriptionEn: 'Learn the CFOP method and finger tricks, race in regular timed rounds, and enter the cube league as a team.', ...M(7, 9) },
  { category: 'speed_cubing', titleZh: '魔方拼图创意社', titleEn: 'Cube Mosaic Club', descriptionZh: '用几十个魔方拼出校徽、人物头像和节日图案，在合作中练习规划与耐心。', descriptionEn: 'Build the school badge, portraits and festival pictures out of dozens of cubes, practising planning and patience together.', ...P(3, 6) },
  { category: 'speed_cubing', titleZh: '益智魔方启蒙社', titleEn: 'Puzzle Cube Starters', descriptionZh: '从二阶魔方和简单益智玩具入手，锻炼观察力和手眼协调，适合一二年级。', descriptionEn: 'Begin with 2×2 cubes and simple puzzles to train observation and hand–eye coordination; made for first and second graders.', ...P(1, 2) },
  // maker
  { category: 'maker', titleZh: '创客智造工坊', titleEn: 'Maker Workshop', descriptionZh: '综合运用激光切割、电子模块和编程，围绕“智慧校园”主题分组完成一件创客作品。', descriptionEn: 'Combine laser cutting, electronic modules and code to finish a group maker project on the theme of a smart campus.', ...P(4, 6) },
  { category: 'maker', titleZh: 'Arduino 创客社', titleEn: 'Arduino Makers Club', descriptionZh: '学习电路基础与 Arduino 编程，制作智能台灯、自动浇花器和倒车雷达等作品。', descriptionEn: 'Learn circuit basics and Arduino programming, then make a smart desk lamp, an automatic plant waterer and a parking sensor.', ...M(7, 9) },
  { category: 'maker', titleZh: '木艺创客社', titleEn: 'Woodcraft Makers Club', descriptionZh: '在老师指导下安全使用手锯、砂纸和小型木工机床，制作书架、鸟屋和榫卯小玩具。', descriptionEn: 'Use hand saws, sandpaper and small woodworking machines safely under guidance to make bookshelves, bird houses and joinery toys.', ...P(4, 6) },
  { category: 'maker', titleZh: '激光切割设计社', titleEn: 'Laser Cutting Design Club', descriptionZh: '用矢量软件设计拼插模型、灯罩和收纳盒，学习材料特性与精确测量。', descriptionEn: 'Design slot-together models, lampshades and storage boxes in vector software, learning about materials and precise measuring.', ...M(7, 9) },
  { category: 'maker', titleZh: '纸电路手工社', titleEn: 'Paper Circuits Club', descriptionZh: '用铜箔胶带、纽扣电池和 LED 做会发光的贺卡和立体书，在手工中认识电路。', descriptionEn: 'Make glowing cards and pop-up books with copper tape, coin cells and LEDs, discovering circuits through crafts.', ...P(1, 3) },
  // mechanical
  { category: 'mechanical', titleZh: '机械结构探秘社', titleEn: 'Mechanical Structures Club', descriptionZh: '拆装齿轮箱、连杆和凸轮模型，理解传动比与力的放大，设计一台会爬坡的机械小车。', descriptionEn: 'Take apart gearboxes, linkages and cams to understand gear ratios and mechanical advantage, then design a hill-climbing car.', ...P(4, 6) },
  { category: 'mechanical', titleZh: '桥梁结构工程社', titleEn: 'Bridge Engineering Club', descriptionZh: '用冰棍棒和轻木搭建桁架桥，测试承重并分析结构受力，挑战“最轻最强”桥梁赛。', descriptionEn: 'Build truss bridges from craft sticks and balsa, load-test them and analyse the forces, then take on the lightest-strongest bridge contest.', ...M(7, 9) },
  { category: 'mechanical', titleZh: '达芬奇机械社', titleEn: 'Da Vinci Machines Club', descriptionZh: '复原投石机、自走车等经典机械手稿模型，在动手中学习杠杆、滑轮和弹性势能。', descriptionEn: 'Rebuild catapults, self-propelled carts and other classic machines from old sketches, learning levers, pulleys and elastic energy by hand.', ...P(3, 6) },
  { category: 'mechanical', titleZh: '精密模型社', titleEn: 'Precision Models Club', descriptionZh: '拼装金属齿轮钟表和蒸汽机模型，练习读图、装配和调试，体会工匠精神。', descriptionEn: 'Assemble metal gear clocks and steam engine models, practising drawing reading, assembly and adjustment in a craftsman’s spirit.', ...M(8, 9) },
  // steam
  { category: 'steam', titleZh: 'STEAM 项目工作室', titleEn: 'STEAM Project Studio', descriptionZh: '每学期一个真实问题，如“为校园设计雨水花园”，融合科学、工程、艺术与数学，分组完成方案和模型。', descriptionEn: 'One real problem a term, such as designing a rain garden for the school, blending science, engineering, art and maths into a team proposal and model.', ...P(3, 6) },
  { category: 'steam', titleZh: '未来城市设计社', titleEn: 'Future City Design Club', descriptionZh: '研究交通、能源和绿化，用纸板、传感器和编程搭建未来城市沙盘，参加未来城市设计大赛。', descriptionEn: 'Study transport, energy and greenery, build a future-city model with cardboard, sensors and code, and enter the Future City competition.', ...M(7, 9) },
  { category: 'steam', titleZh: '科学艺术工坊', titleEn: 'Science and Art Workshop', descriptionZh: '用光影、磁力和颜色变化创作会动的艺术装置，把科学原理变成看得见的美。', descriptionEn: 'Create moving art installations with light, magnetism and colour change, turning scientific principles into visible beauty.', ...P(1, 4) },
  { category: 'steam', titleZh: '航模与无人机社', titleEn: 'Model Aircraft and Drones Club', descriptionZh: '制作橡筋动力飞机和纸飞机，学习空气动力学基础，高年级学习无人机编队编程。', descriptionEn: 'Build rubber-band planes and paper gliders, learn basic aerodynamics, and (older pupils) program drone formations.', ...P(3, 6) },
  // science
  { category: 'science', titleZh: '趣味科学实验社', titleEn: 'Fun Science Experiments Club', descriptionZh: '火山喷发、彩虹密度塔、会跳舞的葡萄干……每周一个好玩的实验，学会提出问题、预测和记录。', descriptionEn: 'Erupting volcanoes, rainbow density towers, dancing raisins — a fun experiment every week, learning to ask questions, predict and record.', ...P(1, 4) },
  { category: 'science', titleZh: '天文观测社', titleEn: 'Astronomy Club', descriptionZh: '认识星座与月相，学习使用天文望远镜，组织夜间观测活动，并制作简易日晷。', descriptionEn: 'Get to know constellations and moon phases, learn to use a telescope, join night-time viewing sessions and build a simple sundial.', ...P(4, 6) },
  { category: 'science', titleZh: '化学魔法实验室', titleEn: 'Chemistry Magic Lab', descriptionZh: '在安全规范下进行酸碱变色、晶体生长和电解实验，理解身边的化学变化。', descriptionEn: 'Colour-changing acids and bases, growing crystals and electrolysis, done safely, to understand the chemistry around us.', ...M(8, 9) },
  { category: 'science', titleZh: '生物探究社', titleEn: 'Biology Inquiry Club', descriptionZh: '使用显微镜观察细胞与微生物，调查校园植物多样性，完成一份小课题研究报告。', descriptionEn: 'Observe cells and microbes under the microscope, survey plant diversity on campus, and write up a small research project.', ...M(7, 8) },
  { category: 'science', titleZh: '物理探究实验社', titleEn: 'Physics Inquiry Club', descriptionZh: '用自制器材研究摩擦、浮力、光的折射与简单电路，学习控制变量的实验方法。', descriptionEn: 'Investigate friction, buoyancy, refraction and simple circuits with home-made apparatus, learning to control variables.', ...M(7, 9) },
  { category: 'science', titleZh: '气象小站社', titleEn: 'Weather Station Club', descriptionZh: '维护校园气象站，每天记录温度、降水和风向，学习看懂天气图并尝试自己预报天气。', descriptionEn: 'Look after the school weather station, record temperature, rain and wind daily, learn to read weather maps and try your own forecasts.', ...P(3, 6) },
];

export const CLUB_TEMPLATES: readonly DemoOfferingTemplate[] = CLUBS.map((club) => ({ kind: 'club', ...club }));

/**
 * Courses come in series: one subject taught at several levels (入门 / 进阶 / 提高), each level a
 * one-term course with its own grades and a sentence on what that level adds.
 */
interface CourseSeries {
  category: CategoryCode;
  titleZh: string;
  titleEn: string;
  descriptionZh: string;
  descriptionEn: string;
  levels: { gradeMin: number; gradeMax: number }[];
}

const LEVELS = [
  { zh: '入门', en: 'Beginners', addZh: '零基础可报，从认识工具和安全规范开始。', addEn: 'No experience needed; we start with the tools and safety rules.' },
  { zh: '进阶', en: 'Intermediate', addZh: '适合学过入门课程或有相关基础的同学。', addEn: 'For children who have done the beginners’ course or have some experience.' },
  { zh: '提高', en: 'Advanced', addZh: '以完整作品和比赛为目标，节奏更快、挑战更大。', addEn: 'Aims at a finished piece and competitions, at a faster pace with bigger challenges.' },
];

const SERIES: CourseSeries[] = [
  { category: 'robotics', titleZh: 'WeDo 机器人', titleEn: 'WeDo Robotics', descriptionZh: '用 WeDo 2.0 搭建会动的动物和车辆，理解马达、齿轮和传感器，完成图形化编程任务。', descriptionEn: 'Build moving animals and vehicles with WeDo 2.0, understand motors, gears and sensors, and complete block-coding tasks.', levels: [{ gradeMin: 1, gradeMax: 3 }, { gradeMin: 2, gradeMax: 4 }] },
  { category: 'robotics', titleZh: 'EV3 机器人编程', titleEn: 'EV3 Robot Programming', descriptionZh: '用 EV3 完成巡线、避障和搬运任务，学习传感器数据和流程控制。', descriptionEn: 'Use EV3 for line following, obstacle avoidance and carrying tasks while learning sensor data and control flow.', levels: [{ gradeMin: 3, gradeMax: 5 }, { gradeMin: 4, gradeMax: 6 }, { gradeMin: 5, gradeMax: 6 }] },
  { category: 'robotics', titleZh: 'ROS 机器人入门', titleEn: 'Robots with ROS', descriptionZh: '在树莓派小车上体验机器人操作系统，学习话题、节点和激光雷达建图。', descriptionEn: 'Try the Robot Operating System on a Raspberry Pi rover: topics, nodes and lidar mapping.', levels: [{ gradeMin: 8, gradeMax: 9 }, { gradeMin: 8, gradeMax: 9 }] },
  { category: 'robotics', titleZh: '仿生机器人设计', titleEn: 'Bionic Robot Design', descriptionZh: '观察动物的运动方式，用舵机和连杆设计会爬、会游的仿生机器人。', descriptionEn: 'Study how animals move and design crawling and swimming bionic robots with servos and linkages.', levels: [{ gradeMin: 7, gradeMax: 9 }, { gradeMin: 7, gradeMax: 9 }] },
  { category: 'robotics', titleZh: '机器人足球', titleEn: 'Robot Football', descriptionZh: '编程控制机器人带球、传球与射门，分组进行机器人足球对抗赛。', descriptionEn: 'Program robots to dribble, pass and shoot, then play robot football matches in teams.', levels: [{ gradeMin: 4, gradeMax: 6 }, { gradeMin: 7, gradeMax: 9 }] },
  { category: 'programming', titleZh: 'Scratch 创意编程', titleEn: 'Creative Scratch Coding', descriptionZh: '用积木式编程制作动画、音乐和小游戏，培养逻辑思维和表达能力。', descriptionEn: 'Make animations, music and games with block coding, growing logical thinking and self-expression.', levels: [{ gradeMin: 1, gradeMax: 3 }, { gradeMin: 2, gradeMax: 4 }, { gradeMin: 3, gradeMax: 6 }] },
  { category: 'programming', titleZh: 'Python 趣味编程', titleEn: 'Fun with Python', descriptionZh: '从打印图形到制作小游戏，学习变量、条件、循环、函数和列表。', descriptionEn: 'From printing patterns to making small games: variables, conditions, loops, functions and lists.', levels: [{ gradeMin: 5, gradeMax: 6 }, { gradeMin: 7, gradeMax: 9 }, { gradeMin: 8, gradeMax: 9 }] },
  { category: 'programming', titleZh: 'C++ 算法基础', titleEn: 'Algorithms in C++', descriptionZh: '学习 C++ 语法与常用算法，在线评测系统每周练习，为信息学竞赛打基础。', descriptionEn: 'C++ syntax and common algorithms with weekly online judge practice, a foundation for informatics contests.', levels: [{ gradeMin: 7, gradeMax: 9 }, { gradeMin: 7, gradeMax: 9 }, { gradeMin: 8, gradeMax: 9 }] },
  { category: 'programming', titleZh: '网页设计与制作', titleEn: 'Web Design and Building', descriptionZh: '用 HTML 和 CSS 做一个介绍自己兴趣的网站，学习排版、配色和图片处理。', descriptionEn: 'Make a website about your interests with HTML and CSS, learning layout, colour and images.', levels: [{ gradeMin: 7, gradeMax: 9 }, { gradeMin: 8, gradeMax: 9 }] },
  { category: 'programming', titleZh: '图形化编程与数学', titleEn: 'Maths through Block Coding', descriptionZh: '用编程画出几何图形、验证数学规律，让数学课上的知识“动”起来。', descriptionEn: 'Draw shapes and test number patterns with code so that maths lessons come to life.', levels: [{ gradeMin: 3, gradeMax: 5 }, { gradeMin: 4, gradeMax: 6 }] },
  { category: 'ai', titleZh: '人工智能启蒙', titleEn: 'First Steps in AI', descriptionZh: '通过图像识别、语音互动和分类游戏，认识人工智能能做什么、不能做什么。', descriptionEn: 'Through image recognition, voice interaction and sorting games, discover what AI can and cannot do.', levels: [{ gradeMin: 2, gradeMax: 4 }, { gradeMin: 4, gradeMax: 6 }] },
  { category: 'ai', titleZh: '机器学习实践', titleEn: 'Machine Learning in Practice', descriptionZh: '用 Python 处理数据、训练分类模型，理解准确率、过拟合与数据偏差。', descriptionEn: 'Prepare data and train classifiers in Python; understand accuracy, overfitting and biased data.', levels: [{ gradeMin: 8, gradeMax: 9 }, { gradeMin: 8, gradeMax: 9 }] },
  { category: 'ai', titleZh: 'AI 视觉识别', titleEn: 'AI Computer Vision', descriptionZh: '用 AI 摄像头模块识别颜色、人脸和二维码，制作智能门禁和垃圾分类助手。', descriptionEn: 'Recognise colours, faces and QR codes with an AI camera module to build a smart door and a recycling helper.', levels: [{ gradeMin: 5, gradeMax: 6 }, { gradeMin: 7, gradeMax: 9 }, { gradeMin: 7, gradeMax: 9 }] },
  { category: 'ai', titleZh: 'AI 与创意写作', titleEn: 'AI and Creative Writing', descriptionZh: '了解大语言模型的原理与局限，学会提出好问题，与 AI 合作写故事并辨别信息真伪。', descriptionEn: 'Learn how large language models work and where they fail, ask good questions, co-write stories and check what is true.', levels: [{ gradeMin: 7, gradeMax: 9 }, { gradeMin: 5, gradeMax: 6 }] },
  { category: 'ai', titleZh: '智能家居设计', titleEn: 'Smart Home Design', descriptionZh: '用传感器与物联网平台设计智能灯光、窗帘和安防系统，搭建一个智能家居模型。', descriptionEn: 'Design smart lighting, curtains and security with sensors and an IoT platform, and build a smart-home model.', levels: [{ gradeMin: 5, gradeMax: 6 }, { gradeMin: 7, gradeMax: 9 }] },
  { category: '3d_printing', titleZh: '3D 建模与打印', titleEn: '3D Modelling and Printing', descriptionZh: '学习三维建模软件，从简单几何体到组合造型，打印并完善自己的设计。', descriptionEn: 'Learn 3D modelling software from simple solids to combined shapes, then print and refine your designs.', levels: [{ gradeMin: 3, gradeMax: 6 }, { gradeMin: 4, gradeMax: 6 }, { gradeMin: 7, gradeMax: 9 }] },
  { category: '3d_printing', titleZh: '3D 打印玩具设计', titleEn: '3D Printed Toy Design', descriptionZh: '设计可活动的关节玩偶、陀螺和拼插积木，学习公差与装配。', descriptionEn: 'Design jointed figures, spinning tops and snap-together blocks while learning tolerances and assembly.', levels: [{ gradeMin: 3, gradeMax: 5 }, { gradeMin: 4, gradeMax: 6 }] },
  { category: '3d_printing', titleZh: '工业产品设计', titleEn: 'Product Design', descriptionZh: '像设计师一样调研用户、画草图、建模、打印原型并迭代改进。', descriptionEn: 'Work like a designer: research users, sketch, model, print prototypes and improve them.', levels: [{ gradeMin: 7, gradeMax: 9 }, { gradeMin: 8, gradeMax: 9 }] },
  { category: '3d_printing', titleZh: '3D 扫描与数字建模', titleEn: '3D Scanning and Digital Models', descriptionZh: '用手持扫描仪采集文物和植物模型，修复网格并打印缩小版复制品。', descriptionEn: 'Capture artefacts and plants with a handheld scanner, repair the meshes and print scaled copies.', levels: [{ gradeMin: 7, gradeMax: 9 }, { gradeMin: 8, gradeMax: 9 }] },
  { category: '3d_printing', titleZh: '3D 打印建筑模型', titleEn: '3D Printed Architecture', descriptionZh: '以家乡的吊脚楼和桥梁为原型，建模并打印建筑模型，了解建筑结构与比例。', descriptionEn: 'Model and print local stilt houses and bridges, learning building structure and scale.', levels: [{ gradeMin: 4, gradeMax: 6 }, { gradeMin: 5, gradeMax: 6 }] },
  { category: 'hydroponics', titleZh: '无土栽培技术', titleEn: 'Hydroponic Growing', descriptionZh: '学习营养液配制、基质选择和育苗移栽，亲手种出可以品尝的蔬菜。', descriptionEn: 'Mix nutrient solutions, choose growing media, raise and transplant seedlings, and grow vegetables you can taste.', levels: [{ gradeMin: 3, gradeMax: 6 }, { gradeMin: 4, gradeMax: 6 }, { gradeMin: 7, gradeMax: 9 }] },
  { category: 'hydroponics', titleZh: '阳台种植小达人', titleEn: 'Balcony Gardeners', descriptionZh: '在盆里和水里种香草、多肉和小葱，记录生长过程，把收获带回家。', descriptionEn: 'Grow herbs, succulents and spring onions in pots and water, record their growth and take the harvest home.', levels: [{ gradeMin: 1, gradeMax: 3 }, { gradeMin: 2, gradeMax: 4 }] },
  { category: 'hydroponics', titleZh: '植物生长数据探究', titleEn: 'Plant Growth Data Study', descriptionZh: '设计对照实验，用传感器采集数据并绘制图表，探究光照和养分对植物的影响。', descriptionEn: 'Design controlled experiments, log sensor data and chart it to study how light and nutrients affect plants.', levels: [{ gradeMin: 5, gradeMax: 6 }, { gradeMin: 7, gradeMax: 9 }, { gradeMin: 8, gradeMax: 9 }] },
  { category: 'hydroponics', titleZh: '垂直农场设计', titleEn: 'Vertical Farm Design', descriptionZh: '研究城市垂直农场，设计节水节地的种植架，并用 LED 补光进行对比种植。', descriptionEn: 'Study urban vertical farms, design water- and space-saving racks, and compare growing under LED light.', levels: [{ gradeMin: 7, gradeMax: 9 }, { gradeMin: 6, gradeMax: 6 }] },
  { category: 'speed_cubing', titleZh: '三阶魔方', titleEn: '3×3 Cube', descriptionZh: '学习层先法还原三阶魔方，练习公式与观察，逐步提高还原速度。', descriptionEn: 'Solve the 3×3 cube layer by layer, practise algorithms and looking ahead, and get steadily faster.', levels: [{ gradeMin: 2, gradeMax: 4 }, { gradeMin: 3, gradeMax: 6 }, { gradeMin: 4, gradeMax: 6 }] },
  { category: 'speed_cubing', titleZh: '异形魔方挑战', titleEn: 'Twisty Puzzle Challenge', descriptionZh: '挑战斜转、五魔方和镜面魔方，理解不同魔方的结构与还原思路。', descriptionEn: 'Take on skewb, megaminx and mirror cubes and understand how each puzzle is built and solved.', levels: [{ gradeMin: 4, gradeMax: 6 }, { gradeMin: 7, gradeMax: 9 }] },
  { category: 'speed_cubing', titleZh: 'CFOP 速拧训练', titleEn: 'CFOP Speed Training', descriptionZh: '系统学习十字、F2L、OLL 和 PLL，配合计时训练和手法练习。', descriptionEn: 'Work through cross, F2L, OLL and PLL with timed sessions and finger-trick drills.', levels: [{ gradeMin: 7, gradeMax: 9 }, { gradeMin: 7, gradeMax: 9 }, { gradeMin: 8, gradeMax: 9 }] },
  { category: 'speed_cubing', titleZh: '魔方与数学', titleEn: 'Cubes and Mathematics', descriptionZh: '从魔方的转动中认识排列组合与群的思想，动手验证有趣的数学结论。', descriptionEn: 'Discover permutations and the idea of a group in cube moves, and test surprising results by hand.', levels: [{ gradeMin: 5, gradeMax: 6 }, { gradeMin: 8, gradeMax: 9 }] },
  { category: 'maker', titleZh: '电子积木创客', titleEn: 'Electronic Blocks Makers', descriptionZh: '用磁吸电子积木搭建门铃、风扇和报警器，安全地认识电路。', descriptionEn: 'Build doorbells, fans and alarms from magnetic electronic blocks and meet circuits safely.', levels: [{ gradeMin: 1, gradeMax: 3 }, { gradeMin: 2, gradeMax: 4 }] },
  { category: 'maker', titleZh: '掌控板创意编程', titleEn: 'Creative Coding with Controller Boards', descriptionZh: '用掌控板的屏幕、按键和传感器制作计步器、电子宠物和互动游戏。', descriptionEn: 'Use a controller board’s screen, buttons and sensors to make a step counter, a digital pet and interactive games.', levels: [{ gradeMin: 4, gradeMax: 6 }, { gradeMin: 5, gradeMax: 6 }, { gradeMin: 7, gradeMax: 9 }] },
  { category: 'maker', titleZh: '开源硬件与物联网', titleEn: 'Open Hardware and IoT', descriptionZh: '用 ESP32 连接云平台，制作远程监测教室温湿度的物联网装置。', descriptionEn: 'Connect an ESP32 to a cloud platform and build an IoT device that monitors classroom temperature and humidity.', levels: [{ gradeMin: 7, gradeMax: 9 }, { gradeMin: 8, gradeMax: 9 }] },
  { category: 'maker', titleZh: '非遗创客', titleEn: 'Heritage Crafts Meets Making', descriptionZh: '把蜀绣、剪纸和竹编等非遗技艺与 LED 和传感器结合，做出会发光、会互动的作品。', descriptionEn: 'Combine intangible heritage crafts such as Shu embroidery, paper cutting and bamboo weaving with LEDs and sensors.', levels: [{ gradeMin: 3, gradeMax: 6 }, { gradeMin: 7, gradeMax: 9 }] },
  { category: 'maker', titleZh: '智能小车制作', titleEn: 'Build a Smart Car', descriptionZh: '焊接电路、组装底盘并编程，让小车完成循迹、避障和遥控。', descriptionEn: 'Solder circuits, assemble a chassis and program a car to follow lines, avoid obstacles and take remote commands.', levels: [{ gradeMin: 5, gradeMax: 6 }, { gradeMin: 7, gradeMax: 9 }, { gradeMin: 8, gradeMax: 9 }] },
  { category: 'mechanical', titleZh: '齿轮与传动', titleEn: 'Gears and Drives', descriptionZh: '用齿轮、皮带和链条搭建传动装置，测量转速变化，理解传动比。', descriptionEn: 'Build drives with gears, belts and chains, measure speed changes and understand gear ratios.', levels: [{ gradeMin: 3, gradeMax: 5 }, { gradeMin: 4, gradeMax: 6 }] },
  { category: 'mechanical', titleZh: '简单机械探究', titleEn: 'Simple Machines', descriptionZh: '通过杠杆、滑轮、斜面和轮轴实验，发现省力与费距离的秘密。', descriptionEn: 'Experiment with levers, pulleys, ramps and wheels to find out how machines trade force for distance.', levels: [{ gradeMin: 2, gradeMax: 4 }, { gradeMin: 3, gradeMax: 5 }] },
  { category: 'mechanical', titleZh: '结构与力学', titleEn: 'Structures and Forces', descriptionZh: '研究三角形、拱形和桁架结构，搭建高塔和承重桥并进行破坏测试。', descriptionEn: 'Study triangles, arches and trusses, then build towers and bridges and test them to destruction.', levels: [{ gradeMin: 5, gradeMax: 6 }, { gradeMin: 7, gradeMax: 9 }, { gradeMin: 8, gradeMax: 9 }] },
  { category: 'mechanical', titleZh: '机械臂设计', titleEn: 'Robot Arm Design', descriptionZh: '设计液压和舵机驱动的机械臂，完成抓取与搬运任务，学习自由度与运动范围。', descriptionEn: 'Design hydraulic and servo-driven arms for pick-and-place tasks, learning degrees of freedom and reach.', levels: [{ gradeMin: 5, gradeMax: 6 }, { gradeMin: 7, gradeMax: 9 }] },
  { category: 'mechanical', titleZh: '动力小车工程', titleEn: 'Powered Vehicle Engineering', descriptionZh: '分别用橡筋、气球和太阳能驱动小车，比较能量转换效率并优化设计。', descriptionEn: 'Power cars with rubber bands, balloons and sunlight, compare how efficiently each converts energy, and improve the design.', levels: [{ gradeMin: 3, gradeMax: 6 }, { gradeMin: 7, gradeMax: 8 }] },
  { category: 'steam', titleZh: 'STEAM 综合实践', titleEn: 'STEAM in Practice', descriptionZh: '围绕一个真实主题开展跨学科项目，经历调研、设计、制作与展示的全过程。', descriptionEn: 'A cross-subject project on a real theme, through research, design, making and presenting.', levels: [{ gradeMin: 1, gradeMax: 3 }, { gradeMin: 4, gradeMax: 6 }, { gradeMin: 7, gradeMax: 9 }] },
  { category: 'steam', titleZh: '创意电子艺术', titleEn: 'Creative Electronic Art', descriptionZh: '用灯带、声音传感器和编程创作会随音乐变化的光影艺术作品。', descriptionEn: 'Create light art that responds to music with LED strips, sound sensors and code.', levels: [{ gradeMin: 4, gradeMax: 6 }, { gradeMin: 7, gradeMax: 9 }] },
  { category: 'steam', titleZh: '定格动画工作室', titleEn: 'Stop-Motion Animation Studio', descriptionZh: '写脚本、做角色、搭场景，用平板拍摄定格动画并配音剪辑。', descriptionEn: 'Write a script, make characters, build sets, and shoot, voice and edit a stop-motion film on a tablet.', levels: [{ gradeMin: 2, gradeMax: 4 }, { gradeMin: 4, gradeMax: 6 }] },
  { category: 'steam', titleZh: '航天科普与火箭', titleEn: 'Space Science and Rockets', descriptionZh: '了解中国航天故事，制作水火箭和降落伞，测试飞行高度与回收效果。', descriptionEn: 'Hear the story of China’s space programme, build water rockets and parachutes, and test flight height and recovery.', levels: [{ gradeMin: 3, gradeMax: 6 }, { gradeMin: 7, gradeMax: 9 }] },
  { category: 'steam', titleZh: '数学建模与设计', titleEn: 'Mathematical Modelling and Design', descriptionZh: '用数学方法解决校园真实问题，如食堂排队和教室采光，提出并检验改进方案。', descriptionEn: 'Use maths to tackle real school problems such as canteen queues and classroom daylight, and test improvements.', levels: [{ gradeMin: 7, gradeMax: 9 }, { gradeMin: 8, gradeMax: 9 }] },
  { category: 'science', titleZh: '小小科学家', titleEn: 'Little Scientists', descriptionZh: '通过有趣的观察和实验认识水、空气、光和声音，养成记录和提问的习惯。', descriptionEn: 'Meet water, air, light and sound through playful observation and experiments, building habits of recording and asking.', levels: [{ gradeMin: 1, gradeMax: 2 }, { gradeMin: 2, gradeMax: 3 }] },
  { category: 'science', titleZh: '科学探究方法', titleEn: 'How Scientists Investigate', descriptionZh: '学习提出假设、设计实验、控制变量和分析数据，完成一个自选的小课题。', descriptionEn: 'Learn to form hypotheses, design experiments, control variables and analyse data, then complete a project of your choice.', levels: [{ gradeMin: 4, gradeMax: 6 }, { gradeMin: 7, gradeMax: 9 }, { gradeMin: 8, gradeMax: 9 }] },
  { category: 'science', titleZh: '显微镜下的世界', titleEn: 'The World under a Microscope', descriptionZh: '制作玻片标本，观察洋葱表皮、水中微生物和昆虫翅膀，绘制观察图。', descriptionEn: 'Prepare slides and observe onion skin, pond microbes and insect wings, drawing what you see.', levels: [{ gradeMin: 4, gradeMax: 6 }, { gradeMin: 7, gradeMax: 8 }] },
  { category: 'science', titleZh: '生活中的化学', titleEn: 'Chemistry in Everyday Life', descriptionZh: '探究食物、清洁剂和材料中的化学变化，在安全规范下完成趣味实验。', descriptionEn: 'Explore the chemistry of food, cleaners and materials through safe, lively experiments.', levels: [{ gradeMin: 5, gradeMax: 6 }, { gradeMin: 8, gradeMax: 9 }] },
  { category: 'science', titleZh: '地球与宇宙', titleEn: 'Earth and Space', descriptionZh: '认识岩石、地形与天气，探索太阳系和星空，制作太阳系模型。', descriptionEn: 'Learn about rocks, landforms and weather, explore the solar system and the night sky, and build a solar system model.', levels: [{ gradeMin: 3, gradeMax: 5 }, { gradeMin: 7, gradeMax: 9 }] },
];

function levelOf(gradeMin: number, gradeMax: number): DemoOfferingTemplate['level'] {
  if (gradeMax <= 6) return 'primary';
  return gradeMin >= 7 ? 'middle' : 'both';
}

export const COURSE_TEMPLATES: readonly DemoOfferingTemplate[] = SERIES.flatMap((series) =>
  series.levels.map((grades, index) => {
    const level = LEVELS[index]!;
    return {
      kind: 'course' as const,
      category: series.category,
      titleZh: `${series.titleZh}（${level.zh}）`,
      titleEn: `${series.titleEn} (${level.en})`,
      descriptionZh: `${series.descriptionZh}${level.addZh}`,
      descriptionEn: `${series.descriptionEn} ${level.addEn}`,
      gradeMin: grades.gradeMin,
      gradeMax: grades.gradeMax,
      level: levelOf(grades.gradeMin, grades.gradeMax),
    };
  }),
);

export const TEACHER_NAMES: readonly { nameZh: string }[] = [
  '王晓燕', '李建国', '张丽华', '刘志强', '陈静', '杨帆', '赵敏', '黄海涛', '周婷', '吴俊杰',
  '徐晓东', '孙悦', '马骏', '朱红梅', '胡斌', '郭婷婷', '何建平', '高翔', '林晓雪', '罗明',
  '郑春燕', '梁伟', '谢雨欣', '宋志刚', '唐敏', '许嘉怡', '韩磊', '冯晓琳', '邓超', '曹雪',
  '彭丽娟', '曾志远', '肖雅', '田野', '董晓峰', '袁芳', '潘志成', '于静怡', '蒋文博', '蔡琳',
  '余海波', '杜鹃', '叶晨', '程晓光', '苏婉清', '魏东', '吕欣然', '丁浩', '任晓敏', '沈立新',
  '姚佳', '卢俊', '姜丽', '崔永刚', '钟晓红', '谭明辉', '陆雯', '汪洋', '范晓丽', '金鑫',
  '石磊', '廖静', '贾晓宇', '夏琳',
].map((nameZh) => ({ nameZh }));

export const SURNAMES: readonly string[] = [
  '王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗',
  '梁', '宋', '郑', '谢', '韩', '唐', '冯', '于', '董', '萧', '程', '曹', '袁', '邓', '许', '傅', '沈', '曾', '彭', '吕',
  '苏', '卢', '蒋', '蔡', '贾', '丁', '魏', '薛', '叶', '阎', '余', '潘', '杜', '戴', '夏', '钟', '汪', '田', '任', '姜',
  '范', '方', '石', '姚', '谭', '廖', '邹', '熊', '金', '陆', '欧阳', '司马', '上官', '诸葛',
];

export const GIVEN_NAMES: readonly string[] = [
  '子涵', '浩然', '一诺', '梓萱', '宇轩', '欣怡', '子墨', '雨桐', '俊熙', '诗涵', '沐宸', '可馨', '梓睿', '语嫣', '皓轩',
  '若汐', '奕辰', '思琪', '天佑', '雨萱', '博文', '佳怡', '明哲', '静怡', '睿泽', '心怡', '铭轩', '芷若', '煜城', '梦琪',
  '子轩', '紫涵', '宇航', '晨曦', '嘉懿', '欣妍', '俊宇', '思彤', '浩宇', '雨涵', '泽宇', '婉清', '一鸣', '安琪', '嘉豪',
  '语桐', '昊天', '雅琪', '锦程', '诗琪', '子昂', '可欣', '文轩', '梓涵', '逸飞', '书瑶', '明轩', '依诺', '承泽', '佳琪',
  '思远', '若曦', '天翊', '梓琳', '宸宇', '沐阳', '悦然', '浩辰', '嘉怡', '俊豪', '芊芊', '子骞', '雨萌', '奕然', '晓彤',
  '景行', '清妍', '志远', '乐瑶', '弘毅', '安然', '鹏飞', '诗雨', '思源', '静姝', '致远', '雪儿', '星辰', '子怡', '晨阳',
  '若彤', '俊杰', '心悦', '修远', '欣悦', '博远', '亦菲', '皓然', '沐晴', '峻熙', '思涵', '浩博', '梓彤', '家豪', '语晨',
  '子豪', '婧琪', '晟睿', '可昕', '泽楷', '语汐', '昱辰', '佳瑶', '一帆', '欣然', '宇辰', '雨欣', '锦轩', '梦瑶', '天宇',
  '艺涵', '俊辰', '紫萱', '浩轩', '若涵', '子琪', '宏宇', '思颖', '鑫磊', '雅萱', '润泽', '诗悦', '铭泽', '彤彤', '睿哲',
  '乐乐', '天乐', '心妍', '启航', '钰彤', '承宇', '妙可', '嘉木', '一然', '书涵', '知远', '悠然', '明远', '若琳', '怀瑾',
  '一凡', '嘉禾', '晓萱',
];

export const ROOMS: readonly { zh: string; en: string }[] = [
  { zh: '科创楼 101 机器人实验室', en: 'Innovation Building 101, Robotics Lab' },
  { zh: '科创楼 102 创客空间', en: 'Innovation Building 102, Maker Space' },
  { zh: '科创楼 201 3D 打印室', en: 'Innovation Building 201, 3D Printing Room' },
  { zh: '科创楼 202 人工智能教室', en: 'Innovation Building 202, AI Classroom' },
  { zh: '科创楼 301 编程教室', en: 'Innovation Building 301, Coding Room' },
  { zh: '科创楼 302 编程教室', en: 'Innovation Building 302, Coding Room' },
  { zh: '科创楼 303 激光切割室', en: 'Innovation Building 303, Laser Cutting Room' },
  { zh: '科学楼 104 物理实验室', en: 'Science Building 104, Physics Lab' },
  { zh: '科学楼 105 化学实验室', en: 'Science Building 105, Chemistry Lab' },
  { zh: '科学楼 201 生物实验室', en: 'Science Building 201, Biology Lab' },
  { zh: '科学楼 202 科学探究室', en: 'Science Building 202, Inquiry Room' },
  { zh: '科学楼楼顶 天文台', en: 'Science Building roof, Observatory' },
  { zh: '综合楼 1 楼 植物工厂', en: 'Main Building floor 1, Plant Factory' },
  { zh: '综合楼 2 楼 阳光种植园', en: 'Main Building floor 2, Sunny Greenhouse' },
  { zh: '综合楼 301 STEAM 教室', en: 'Main Building 301, STEAM Classroom' },
  { zh: '综合楼 302 多功能教室', en: 'Main Building 302, Multipurpose Room' },
  { zh: '综合楼 401 木工坊', en: 'Main Building 401, Woodshop' },
  { zh: '综合楼 402 机械工程室', en: 'Main Building 402, Mechanics Room' },
  { zh: '图书馆 2 楼 魔方角', en: 'Library floor 2, Cube Corner' },
  { zh: '图书馆 3 楼 研讨室', en: 'Library floor 3, Seminar Room' },
  { zh: '艺术楼 201 创意工作室', en: 'Arts Building 201, Creative Studio' },
  { zh: '艺术楼 202 动画工作室', en: 'Arts Building 202, Animation Studio' },
  { zh: '体艺馆 东侧活动室', en: 'Sports Hall, East Activity Room' },
  { zh: '体艺馆 无人机训练场', en: 'Sports Hall, Drone Arena' },
  { zh: '教学楼 A 座 105', en: 'Teaching Block A, Room 105' },
  { zh: '教学楼 A 座 206', en: 'Teaching Block A, Room 206' },
  { zh: '教学楼 B 座 108', en: 'Teaching Block B, Room 108' },
  { zh: '教学楼 B 座 310', en: 'Teaching Block B, Room 310' },
  { zh: '教学楼 C 座 212', en: 'Teaching Block C, Room 212' },
  { zh: '校园气象站', en: 'School weather station' },
];

export const CLASS_NAMES: readonly string[] = ['1班', '2班', '3班', '4班', '5班', '6班', '7班', '8班'];
