import Foundation
import FrontDeskMatching
import FrontDeskModel
import Testing

/// Emergencies are safety: hazards that are happening, described by what residents see, hear and smell, in all
/// three scripts, are emergencies by the rules alone (no example needed); urgency alone, past, negated, habitual,
/// hypothetical hazards and safety equipment never are, with or without the learned layer.
@Suite struct EmergencyRuleTests {
    static let hazards: [(String, String?)] = [
        ("楼下王奶奶倒在家门口了，叫她也不答应", nil),
        // A lift shaking with people in it, water dripping with sparks, smoke too thick to see, a cracked pane moving in a
        // typhoon, a threat to jump said short, a child standing on an open windowsill, someone pinned under a collapse.
        ("我们在电梯里，电梯突然上下晃得很厉害", nil),
        ("吊灯里一直滴水，还冒火花", nil),
        ("樓梯間啲煙大到乜都睇唔到", nil),
        ("八號風球 客廳窗玻璃裂咗 喺度郁", nil),
        ("a man on the rooftop says he'll jump", nil),
        ("有个小孩站在窗台上，窗是开着的", nil),
        ("会所天花板塌下来，有人被压住了", nil),
        ("有个小孩从滑梯上摔下来了，头上流了好多血", nil),
        ("我隔籬個伯伯跌咗喺走廊，叫佢都冇反應", nil),
        ("an old lady collapsed near the mailboxes, she is not responding", nil),
        ("a worker fell from the scaffolding, he's lying on the ground", nil),
        ("廚房天然氣管線好像裂開了，一直有嘶嘶的聲音", "gas"),
        ("sir pls come fast gas is leaking from the cylinder pipe in kitchen, hissing sound", "gas"),
        ("家裡瓦斯味很重，我該怎麼辦", "gas"),
        ("火燭呀！樓下單位廚房著火", "fire"),
        ("楼道里全是烟，看不清", "fire"),
        ("thick smoke coming out of the flat next door", "fire"),
        ("楼顶水箱爆了，水顺着楼梯间一路往下冲", nil),
        ("water is pouring through the ceiling like a river", nil),
        ("水从灯里流出来了，电还开着", nil),
        ("楼下有根电线掉在地上，还在打火", "electrical"),
        ("7栋电梯卡住了，里面有个小孩在哭", nil),
        ("lift stuck!! 3 ppl inside", nil),
        ("升降機門夾住咗個老人家，佢郁唔到", nil),
        ("someone is drowning in the pool!!", nil),
        ("CO alarm going off and we all feel dizzy", nil),
        // Fire that is burning or spreading, told without "着火": the fire word with a burning or happening word.
        ("后山的草坡火还在往楼这边烧", nil),
        ("the fire behind block 5 is spreading towards the cars", nil),
        // A cable or heater melting or smoking.
        ("插排烧熔了，一直在冒烟", nil),
        ("the space heater cord is melting, there is smoke", nil),
        // Water rising or spraying.
        ("地下室的水一直在涨，已经到膝盖了", nil),
        ("車庫水浸，水越涨越高", nil),
        // Regional words: Taiwan's 電線走火, Cantonese 撞咗人; someone under water or not breathing.
        ("客廳的電線走火了", "fire"),
        ("停車場有架車撞咗人，佢瞓咗喺地", nil),
        ("泳池有个小朋友沉下去了", nil),
        ("我奶奶突然喘不上气，嘴唇发紫", nil),
        // A child locked in; a burnable object that caught fire; a stopped lift with someone crying inside.
        ("我女儿把自己反锁在房间里，叫她也不应", nil),
        ("阳台的窗帘着了", nil),
        ("my e-bike caught fire outside the door", nil),
        ("电梯停在半空不走了，小孩在里面哭", nil),
        // A live cable on the ground, a shock that still hurts, signs of a stroke or of choking, a car that hit someone,
        // things falling where people walk, no answer from a locked bathroom, a break-in, someone shut out in the cold.
        ("楼下那根电缆掉在草地上，一直滋滋响，还冒蓝光", nil),
        ("I touched the fridge and got a shock, my hand is still numb", "electrical"),
        ("我爸刚才突然倒下了，嘴歪，手抬不起来", nil),
        ("my husband is choking on his food and turning blue", nil),
        ("a van just hit a boy near the east gate, he is lying on the ground", nil),
        ("外墙的瓷砖一直往下掉，下面有人走", nil),
        ("grandma has been in the bathroom for an hour, she won't respond and the door is locked", nil),
        ("有人在撬我家门，我一个人在家", nil),
        ("我阿爷困喺露台，门锁咗，出面好冻", nil),
        // The estate's own staff are people too; a smoke alarm sounding on and on is asked about (an emergency).
        ("the security guard slipped on the stairs in block 2 and can't get up", nil),
        ("烟感一直响个不停，屋里好大烟", "fire"),
        // A drill through a pipe: water spraying, or gas escaping; a lift stopping hard with people inside.
        ("工人装空调打孔把墙里的水管钻穿了，水一直喷", "flood"),
        ("the renovation guys drilled into a gas pipe next door, it's hissing", "gas"),
        ("5栋的电梯急停了 里面有两个老人", "elevator_trapped"),
        // Water inside a light fitting that flickers; a gas heater with someone feeling dizzy.
        ("天花漏水漏進燈罩入面，燈閃下閃下", "electrical"),
        ("燃气热水器开着，我老婆洗澡洗到一半头好晕", "gas"),
        // A body part caught, a person lying face down, a parent alone and unreachable with chest pain.
        ("my daughter's finger is stuck in the gym rowing machine and she's crying", nil),
        ("there's an old man lying face down by the bins, not moving", nil),
        ("我爸一个人住，刚才说胸口好痛，现在电话打不通", nil),
        // Water along a light that is on; someone struggling in the water; smoke from a flat where nobody answers.
        ("楼上的水顺着吸顶灯流下来，灯还亮着", "electrical"),
        ("池塘里有个小孩在扑腾，好像不会游泳", nil),
        ("对门门缝里往外飘烟，敲门没人开", "fire"),
        ("the water in the garage is up to my knees and still coming in", "flood"),
        ("help I am in the lift in block 6 and it stopped, the lights went off", "elevator_trapped"),
        // A child alone behind a door, a child shut out on the balcony in the cold, someone shut in the sauna.
        ("楼上小孩一直在哭，拍门叫妈妈，家里没大人", nil),
        ("阳台门被风关上了，我儿子在外面进不来，才四岁", nil),
        ("we're locked in the sauna at the clubhouse and the door won't open", nil),
        // A soap test that bubbles on the gas pipe, flames out of a window, a rider bleeding, an e-bike battery smoking.
        ("燃气管接头抹了肥皂水，一直冒泡", "gas"),
        ("对面那户窗户突然喷出火来", nil),
        ("a delivery rider crashed into the gate, his face is bleeding", nil),
        ("the e-bike battery on the landing is hissing and smoking", nil),
        // A branch about to come down over children, a child climbing out with no adult, a rider down and bleeding.
        ("停车场旁边那棵树的树枝裂开了，随时要砸下来，底下有小孩在玩", nil),
        ("對面有個小朋友爬上了冷氣機外面，大人不在家", nil),
        ("送货的小哥在门口摔了，腿上全是血", nil),
        // Water through the ceiling "like it is raining" while the lights flicker.
        ("卫生间天花漏水漏到像在下雨，灯一闪一闪的", nil),
        // An air-conditioner unit swaying over the pavement.
        ("窗外的空调外机摇摇晃晃，快掉下去了，下面是人行道", nil),
        // Shut out on the roof in the cold, a firework that hurt someone, a fall on ice that leaves someone unable to move.
        ("我们几个上天台看烟花，门关上打不开了，外面好冷", nil),
        ("鞭炮炸到我儿子的手了，在流血", nil),
        ("the door locked behind us on the roof, no coats and it's freezing", nil),
        // A structure giving way in wind over people, a wire down on the ground, fumes of mixed cleaners with symptoms,
        // an intruder inside now, a swallowed object, sparks that go on after last night's storm.
        ("脚手架被风吹得一直晃来晃去，下面就是小区入口", nil),
        ("the shop sign over the entrance is hanging by one bolt and swaying, people walking under it", nil),
        ("大风把电线刮断了，掉在停车场地上", "electrical"),
        ("厕所里洁厕灵和84消毒液混在一起了，我妈闻了头晕想吐", nil),
        ("someone broke into the flat next door, I can hear them now", nil),
        ("my son swallowed a magnet, he's crying", nil),
        ("昨晚被风吹断的那根电线还在冒火花", nil),
        // Charcoal burnt in a closed room with drowsiness, a pressure cooker about to burst, a ceiling caving in with
        // creaks, a crack that widens, a hob that will not go out, poison swallowed, a weapon in a car park, a toddler
        // shut in a car, smoke on the stairs with the door jammed, sewage welling up in a ground-floor flat.
        ("婆婆房间里烧着炭盆，门窗关得紧紧的，现在叫她只会哼一声", nil),
        ("our helper lit a charcoal burner in the bedroom to keep warm and now she's confused and can't stand", "gas"),
        ("電飯煲旁邊個壓力煲一直嗤嗤聲，個蓋鼓晒起嚟", nil),
        ("书房的石膏板吊顶中间往下垂，一直嘎吱嘎吱地响", nil),
        ("the bedroom wall crack keeps getting wider and we hear cracking noises", nil),
        ("燃气灶的旋钮关到底了，火还是一直烧，关不掉", "gas"),
        ("my 2 year old drank some bleach from under the sink", nil),
        ("有个男的拿着菜刀在停车场追人", nil),
        ("a baby is locked in a car in the visitor car park, windows up, crying", nil),
        ("楼梯间全是烟，防火门推不开", "fire"),
        ("污水从地漏一直往外冒，客厅已经浸到了", "flood"),
        // The frames of the systematic inventories: a confused elder gone out at night, choking, cleaners mixed, a
        // battery running away, a melted socket, an elder cold and confused, a typhoon through a window, gas and a cigarette.
        ("外婆有老人痴呆，晚饭后自己开门出去了，到现在都找不到人", nil),
        ("my dad has dementia and wandered off from the flat an hour ago, we can't find him anywhere", nil),
        ("宝宝吃果冻噎住了，脸都发紫了", nil),
        ("我把漂白水和洁厕灵混在一起了，现在喘不上气", "gas"),
        ("the power bank on my desk is swelling and hissing, and it's smoking", nil),
        ("書房插座燒到溶咗，一陣膠味", nil),
        ("有个阿伯坐在楼梯口一直发抖，说话颠三倒四的，手冰凉", nil),
        ("打風，客廳趟門玻璃爆晒，雨勁入嚟", nil),
        ("the typhoon blew our living-room window in, glass everywhere and rain pouring in", nil),
        ("厨房煤气味好重，楼下保安还在门口抽烟", "gas"),
        // A snake in the home, a threat with the resident hiding, a rope snapped with a man hanging, an allergic swelling,
        // a scald, a car rolling with nobody in it, a child in a pond, a fall into a manhole, a cigarette end that set
        // the washing alight, water onto an extension board.
        ("客厅角落盘着一条蛇，我和孩子躲在卧室不敢出来", nil),
        ("my ex is banging on the door saying he'll hurt me, I'm hiding in the bedroom", nil),
        ("外墙清洗的工人安全绳断了，人吊在半空", nil),
        ("女儿吃了花生酱，现在嘴唇肿起来，喘不过气", nil),
        ("奶奶端热汤的时候摔了，手臂全是水泡，皮都起泡了", nil),
        ("a van is rolling down the ramp with no driver, nobody in it", nil),
        ("有个小孩掉进喷水池里了，没有大人在", nil),
        ("the manhole cover by the bins is gone and an old man fell into it", nil),
        ("楼下扔的烟头把我家晾的衣服点着了，烧起来了", nil),
        ("雨水顺着墙流到插线板上，一直在冒火花", nil),
    ]

    static let notEmergencies: [String] = [
        "急急急！！物业费怎么交",
        "URGENT: I need my parking invoice right now",
        "救急啊，快递柜打不开，马上要上班了",
        "the smoke alarm in the hallway chirps every minute, battery I think",
        "煙霧警報器一直嗶嗶叫，應該是沒電了",
        "No smell of gas, just the left burner on the stove won't light",
        "热水器打不着火，没有煤气味",
        "上周楼道漏水那个事已经弄好了，就想问下以后水管多久检修一次",
        "there was a gas smell last week but the gas company already fixed it",
        "楼上有人往下扔垃圾，差点砸到人",
        "窗鉸鬆咗，好驚佢跌落街",
        "my boss wants to fire me lol",
        "When is the fire drill this month?",
        "燃气费怎么交",
        "电梯门关的时候老是夹到人，感应好像不灵了",
        "neighbours smoke on the balcony every day and it comes into my window",
        // Figurative or commercial fire, objects stuck, a bill that rises, a fire escape, a pilot light.
        "这家火锅店太火了，排队排到门口",
        "浴室换气扇里面好像有东西卡住了，转不动",
        "水费一直在涨，这个月又多了",
        "下個月走火演習要唔要全部人落樓？",
        "热水器的火苗点着没一会儿又熄了，没有燃气味",
        "the technician who fixed the socket was smoking in my flat",
        "my toilet is clogged and the water rises when I flush",
        "昨天电梯困人的事，人都没事了，但我要投诉维保",
        // Locked out, yesterday in Cantonese, insurance.
        "我把自己反锁在门外了，没带钥匙",
        "寻日煤气漏嗰单嘢处理咗未？",
        "does the building insurance cover fire damage?",
        // Hazard words inside names (a fire lane, a car alarm, a fire hazard), a hazard that is over, a record of one,
        // slang, a test of the alarms, locked out of one's own flat.
        "someone parks in the fire lane behind block 4 every night, a fire engine could not get in",
        "車場有架車嘅car alarm響咗成晚，好嘈",
        "楼道堆满杂物，有火灾隐患，请清理一下",
        "我们刚才被困电梯，现在已经出来了，谢谢保安",
        "想问下EMG-20261120-0003那单煤气漏气，后来怎么处理的",
        "这首歌好fire",
        "my laptop is so hot it's about to catch fire lol",
        "what day do you test the smoke alarms in the corridor?",
        "I got locked out of my flat, can someone open the door",
        // A chirp now and then is a battery.
        "走廊的烟感隔一会儿滴一声，应该是没电了吧",
        "the smoke alarm beeps every now and then, is it the battery?",
        // A smell that is gone, a pipe fixed, a question of who pays, the neighbours' barbecue, a hypothetical flood.
        "电暖器有点焦味，我拔了插头，现在没味道了，能派人看看吗",
        "the heater smelled like burning but I switched it off and the smell's gone, can someone check it",
        "燃气公司师傅刚修好咗煤气管，可以用炉头未？",
        "装修工人在我家摔伤了，这个谁负责",
        "they're having a barbecue on the balcony again and the smoke comes into our living room",
        "台风来了，车库会不会淹水，要不要先把车开走",
        // A tap or a toilet that runs, a fountain, water already mopped up, someone smoking in the lift, a worry.
        "卫生间水龙头一直哗哗流，关不上，麻烦来修",
        "小区门口的喷水池好久没开了",
        "洗衣机漏了一点水出来，已经拖干了，麻烦来看下排水管",
        "电梯里面好大烟味，肯定有人在里面抽烟，管管吧",
        "冷氣機個支架生晒鏽，好驚佢跌落街",
        "the shower drain is slow and the water comes up to my ankles before it goes down",
        // Told to call it off, just testing the alarm button, a near miss, slang, a leak already stopped.
        "刚才说的煤气味搞错了，是楼下在煎鱼，不用派人来了",
        "false alarm, the smoke was only the rice cooker, nobody needs to come",
        "我就是试一下电梯里的紧急按钮，没人被困",
        "电动车在地库乱开，差点撞到我",
        "今天被老板fire了，群组消息一直洗版，想问明天几点停水",
        "水管爆了，我已经关了总阀，现在不漏了，明天能来修吗",
        "the electrician who came about the socket was smoking in my kitchen",
        // Put out and safe, gone after airing, tested by the gas company, incense, stuck last Sunday.
        "thank you, the firemen put it out and everyone is safe",
        "刚才有点煤气味，开窗就没了，燃气公司测过说没问题",
        "隔壁在阳台烧香拜拜，烟都飘进来了",
        "I was stuck in the lift for half an hour last Sunday and nobody came, unacceptable",
        // A dog shut on the balcony barking all day; the alarm was burnt rice, nobody needs to come.
        "对面的狗整天关在阳台上叫，主人都不在",
        "頭先話火警鐘響，其實係我煲燶咗飯，唔使派人嚟",
        // Scorch marks on an unused socket, an alarm that went off by mistake, a rescue that is over.
        "插座上有烧焦的痕迹，现在没用了，想找电工看看",
        "the fire alarm went off by mistake again, there was no fire, please check the panel",
        "谢谢保安把困在电梯里的阿姨接出来了",
        // A fireworks show asked about, compensation for last month's flood, a drill that only looked real, a fire in
        // another estate heard of, a plug that falls out of a loose socket, an expired gas alarm to replace.
        "春节晚上小区有没有烟花汇演？",
        "上个月车库水浸，我的车泡了，物业怎么赔",
        "今天的消防演练吓我一跳，还以为真的着火",
        "听说隔壁小区着火了，我们这边没事吧",
        "床头插座松了，插头老是掉出来",
        "厨房的燃气报警器过期了，想换个新的",
        // Scaffolding asked about, thanks after a rescue, a finished system test, a full recycling room.
        "外墙的竹棚什么时候拆啊，挡住我家窗户了",
        "谢谢你们昨晚这么快把困在电梯里的人救出来",
        "上周的消防系统测试做完了吗？下次是什么时候",
        "垃圾房的纸箱满出来了，好几天没人清",
        // A device that does not answer, smoke from a permitted barbecue, a question about what school taught, a charger
        // that was hot until unplugged, a ceiling that sagged with nobody below.
        "单元门的对讲按了没反应，我朋友在楼下进不来",
        "邻居在花园烧烤，油烟飘进我家了",
        "学校教了着火要往楼下跑，我们楼的逃生路线图贴在哪里",
        "充电器刚才烫到快烧起来，拔掉就好了",
        "储物间的吊顶塌了一小块，下面没人，有空来看看",
        // Asked whether a hazard could happen, figurative stuck, an alarm with neither smoke nor smell, hearsay, a
        // normal blink, a promise not kept, a report called off, equipment not put back after an old fire.
        "充电宝放在车里晒一天会不会爆？",
        "漂白水可以和洁厕灵一起用吗？",
        "I'm stuck at work until ten, can the plumber come tomorrow instead?",
        "楼上的烟雾报警器响了一晚上，没烟没味，吵死了",
        "听说三栋昨晚有人煤气中毒，是真的吗",
        "is it normal for the smoke detector to blink red every minute?",
        "you promised the cleaner would come on Monday and it's Friday, still nothing",
        "cancel my report please, the smoke was my neighbour's barbecue",
        "上星期火灾之后拆掉的烟感到现在还没装回去",
        // A fuel word its near-miss words all but cancel: the learned layer may not pick it (`needs_rule_score`).
        "隔壁装修油漆味好冲，天那水味很浓",
        // A wasp nest to be removed, a cigarette end that may one day start a fire, a drill announced, a report taken
        // back, tap water that smells, a lamp out for a father who cannot climb a ladder.
        "阳台顶上有个马蜂窝，还没人被蛰，能派人来摘掉吗",
        "总有人往绿化带扔烟头，迟早会着火",
        "下周三小区要进行消防演练，住户需要做什么准备",
        "sorry, my mistake, the smell was the bin, no need to send anyone",
        "自来水有股怪味，像臭鸡蛋，能查一下水管吗",
        "my mum's hallway light is out and she can't get up a ladder, could someone change the bulb",
        // Purely asking said outright, a report called off with the cause, "I thought it was a fire", a blocked drain.
        "燃气灶有煤气味的话第一步做什么？我只是想知道",
        "取消刚才报的，烟是楼下在烧烤",
        "楼下炸东西的油烟味好重，我还以为着火了，能不能让他们开抽油烟机",
        "the shower drain is clogged and the water comes up to my ankles",
    ]

    @Test(arguments: hazards)
    func aHappeningHazardIsAnEmergencyByTheRulesAlone(_ text: String, _ category: String?) {
        let rules = LearnedLayerTests.classify(LearnedLayerTests.rulesOnly, text)
        #expect(rules.intent == "emergency", "rules: \(text) → \(rules.intent)")
        let full = Support.classify(text)
        #expect(full.intent == "emergency", "full: \(text) → \(full.intent)")
        if let category { #expect(full.category(for: .emergency) == category, "\(text)") }
    }

    @Test(arguments: notEmergencies)
    func urgencyPastNegatedOrHypotheticalIsNeverAnEmergency(_ text: String) {
        #expect(LearnedLayerTests.classify(LearnedLayerTests.rulesOnly, text).intent != "emergency", "rules: \(text)")
        #expect(Support.classify(text).intent != "emergency", "full: \(text)")
    }
}
