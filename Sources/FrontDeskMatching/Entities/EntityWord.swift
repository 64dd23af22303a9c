/// The English words the entity extractor knows. Unknown words are kept as `.other`.
enum EntityWord: UInt8, Sendable {
    case other
    // units
    case building, block, tower, unit, room, flat, apt, no, floor
    // record types (`dec` is also December: see `month`)
    case rep, cmp, dec, emg, cb
    // days
    case today, tonight, tomorrow, day, days, after, next, this, on, coming
    case monday, tuesday, wednesday, thursday, friday, saturday, sunday
    case jan, feb, mar, apr, may, jun, jul, aug, sep, oct, nov
    case st, nd, rd, th, of, the, at, and, a, an, half
    // times of day
    case am, pm, morning, afternoon, evening, noon, night
    // durations and counts
    case week, weeks, month, months, daysUnit
    case worker, people

    /// 1–7 for Monday–Sunday.
    var weekday: Int? {
        guard rawValue >= EntityWord.monday.rawValue, rawValue <= EntityWord.sunday.rawValue else { return nil }
        return Int(rawValue - EntityWord.monday.rawValue) + 1
    }

    /// 1–12 for a month name (`dec` included).
    var month: Int? {
        if self == .dec { return 12 }
        guard rawValue >= EntityWord.jan.rawValue, rawValue <= EntityWord.nov.rawValue else { return nil }
        return Int(rawValue - EntityWord.jan.rawValue) + 1
    }

    /// Packs up to 12 lower-case ASCII letters into an integer (5 bits each); 0 for longer words.
    /// (The constants in `lookup` were generated with this packing.)
    @inline(__always)
    static func pack<S: Sequence<UInt8>>(_ letters: S) -> UInt64 {
        var packed: UInt64 = 0
        var count = 0
        for b in letters {
            count += 1
            if count > 12 { return 0 }
            packed = packed << 5 | UInt64(b - 0x60)
        }
        return packed
    }

    /// The word for a packed spelling (a `switch` over the packed spellings: no hashing per word).
    static func lookup(_ packed: UInt64) -> EntityWord {
        switch packed {
        case 91582768583: .building  // building
        case 77959: .building  // bldg
        case 2436: .building  // bld
        case 2505835: .block  // block
        case 2443: .block  // blk
        case 21486770: .tower  // tower
        case 702772: .unit  // unit
        case 605677: .room  // room
        case 589: .room  // rm
        case 208948: .flat  // flat
        case 1556: .apt  // apt
        case 1650966566356: .apt  // apartment
        case 463: .no  // no
        case 6700530: .floor  // floor
        case 204: .floor  // fl
        case 659015865: .floor  // storey
        case 18608: .rep  // rep
        case 3504: .cmp  // cmp
        case 4259: .dec  // dec
        case 5543: .emg  // emg
        case 98: .cb  // cb
        case 21467193: .today  // today
        case 21993135380: .tonight  // tonight
        case 703753439735: .tomorrow  // tomorrow
        case 20914: .tomorrow  // tmr
        case 4153: .day  // day
        case 1265842: .after  // after
        case 464660: .next  // next
        case 663859: .this  // this
        case 494: .on  // on
        case 116827591: .coming  // coming
        case 452399161: .monday  // monday
        case 13806: .monday  // mon
        case 22185349177: .tuesday  // tuesday
        case 21157: .tuesday  // tue
        case 677043: .tuesday  // tues
        case 25465336729657: .wednesday  // wednesday
        case 23716: .wednesday  // wed
        case 696508846137: .thursday  // thursday
        case 20757: .thursday  // thu
        case 664242: .thursday  // thur
        case 21255763: .thursday  // thurs
        case 220500025: .friday  // friday
        case 6729: .friday  // fri
        case 654602473529: .saturday  // saturday
        case 19508: .saturday  // sat
        case 660017209: .sunday  // sunday
        case 20142: .sunday  // sun
        case 10786342489: .jan  // january
        case 10286: .jan  // jan
        case 211613812313: .feb  // february
        case 6306: .feb  // feb
        case 13682792: .mar  // march
        case 13362: .mar  // mar
        case 1591596: .apr  // april
        case 1554: .apr  // apr
        case 13369: .may  // may
        case 349637: .jun  // june
        case 10926: .jun  // jun
        case 349593: .jul  // july
        case 10924: .jul  // jul
        case 55826036: .aug  // august
        case 1703: .aug  // aug
        case 21080376248498: .sep  // september
        case 19632: .sep  // sep
        case 628244: .sep  // sept
        case 16228255922: .oct  // october
        case 15476: .oct  // oct
        case 497886333106: .nov  // november
        case 14838: .nov  // nov
        case 142913996978: .dec  // december
        case 628: .st  // st
        case 452: .nd  // nd
        case 580: .rd  // rd
        case 648: .th  // th
        case 486: .of  // of
        case 20741: .the  // the
        case 52: .at  // at
        case 1476: .and  // and
        case 1: .a  // a
        case 46: .an  // an
        case 263558: .half  // half
        case 45: .am  // am
        case 525: .pm  // pm
        case 14481302983: .morning  // morning
        case 1327332015598: .afternoon  // afternoon
        case 6112617927: .evening  // evening
        case 474606: .noon  // noon
        case 445780025: .noon  // midday
        case 14982420: .night  // night
        case 758955: .week  // week
        case 24286579: .weeks  // weeks
        case 747: .week  // wk
        case 23923: .weeks  // wks
        case 14137992: .month  // month
        case 452415763: .months  // months
        case 431: .month  // mo
        case 132915: .daysUnit  // days
        case 788081842: .worker  // worker
        case 25218618963: .worker  // workers
        case 542622085: .people  // people
        case 17367154131: .people  // persons
        case 542723566: .people  // person
        case 13486: .people  // men
        case 20579526: .people  // staff
        case 13231172687443: .worker  // labourers
        case 413474035283: .worker  // laborers
        case 91582764627: .worker  // builders
        case 146354837536339: .worker  // decorators
        case 25218626734: .worker  // workmen
        default: .other
        }
    }

    /// Spelled-out numbers, read as numbers.
    static func numberValue(_ packed: UInt64) -> Int? {
        switch packed {
        case 857679: 0  // zero
        case 15813: 1  // one
        case 21231: 2  // two
        case 21252261: 3  // three
        case 212658: 4  // four
        case 206533: 5  // five
        case 19768: 6  // six
        case 20109486: 7  // seven
        case 5545236: 8  // eight
        case 468421: 9  // nine
        case 20654: 10  // ten
        case 180541614: 11  // eleven
        case 695382725: 12  // twelve
        case 696106226862: 13  // thirteen
        case 222988735662: 14  // fourteen
        case 6751392942: 15  // fifteen
        case 20728911022: 16  // sixteen
        case 21086325052590: 17  // seventeen
        case 181706298542: 18  // eighteen
        case 491175679150: 19  // nineteen
        case 695384729: 20  // twenty
        case 679791257: 30  // thirty
        case 6802073: 40  // forty
        case 6593177: 50  // fifty
        case 20243097: 60  // sixty
        case 479663769: 90  // ninety
        default: nil
        }
    }
}
