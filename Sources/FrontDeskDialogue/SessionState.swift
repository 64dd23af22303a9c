public import Foundation
public import FrontDeskModel

/// The service flows that ask for slots (SPEC 4).
public enum FlowKind: String, Sendable, Hashable, CaseIterable {
    case repair
    case complaint
    case feeQuery = "fee_query"
    case decorationPermit = "decoration_permit"
    case progressQuery = "progress_query"
    case emergency
    case handoff

    /// The intent this flow serves (its raw value names it).
    public var intent: Intent { Intent(rawValue: rawValue) }

    /// The slots this flow asks for, in the order it asks them.
    public var slotOrder: [Slot] {
        switch self {
        case .repair: [.unit, .description, .phone]
        case .complaint: [.description, .unit, .phone]
        case .feeQuery: [.unit, .verify]
        case .decorationPermit: [.unit, .name, .scope, .contractor, .startDate, .durationDays, .workers]
        case .progressQuery: [.recordID]
        case .emergency: [.unit]
        case .handoff: [.phone]
        }
    }

    /// Slots reported in `TurnOutput.slots` besides the asked ones (derived or defaulted).
    var reportedSlots: [Slot] {
        switch self {
        case .repair: [.unit, .description, .category, .phone, .time]
        case .complaint: [.unit, .description, .category, .phone]
        case .feeQuery: [.unit]
        case .progressQuery: [.recordID, .unit]
        case .emergency: [.unit, .category, .description]
        case .handoff: [.phone, .unit]
        default: slotOrder
        }
    }

    /// Whether the flow restates its details and waits for "确认" before creating a record.
    var confirmsBeforeCreating: Bool {
        switch self {
        case .repair, .complaint, .decorationPermit, .handoff: true
        case .feeQuery, .progressQuery, .emergency: false
        }
    }
}

/// A flow in progress: the slots filled so far, the one asked for, and how often an answer failed.
public struct Flow: Sendable, Equatable {
    /// Which request is being filled (repair, complaint, fee query, …).
    public var kind: FlowKind
    /// Filled slots by SPEC 2.1 name (`unit`, `phone`, …) plus derived ones (`category`).
    public var slots: [Slot: String] = [:]
    /// What the bot asked for last (a slot name or `confirm`).
    public var awaiting: Slot?
    /// Invalid answers per slot.
    public var failures: [Slot: Int] = [:]
    /// A progress query that verifies the session for this record before showing details.
    public var verifyingFor: String?
    /// A progress query without a record ID: the unit is verified and its open records listed.
    public var lookupByUnit = false
    /// An uncertain hazard waiting for the answer to the one safety question: what was reported (`gas`, `alarm`,
    /// `smell`), which decides the advice on "no".
    public var checkingHazard: String?

    /// A new flow with nothing filled.
    public init(kind: FlowKind) { self.kind = kind }
}

/// A unit the session proved it belongs to (last 4 digits of a registered phone).
public struct Verification: Sendable, Equatable {
    /// The verified unit (`B-U-R`).
    public var unit: String
    /// The registered phone number whose last 4 digits were given.
    public var phone: String
    /// The last time it was used; it lapses after 5 idle minutes.
    public var at: Date
}

/// A return visit (回访) in progress.
public struct Revisit: Sendable, Equatable {
    /// Which question of the return visit the resident is answering.
    public enum Stage: Sendable, Equatable {
        case satisfaction
        case suggestion
    }
    /// The record the return visit is about (`TYPE-YYYYMMDD-NNNN`).
    public var recordID: String
    /// The question being answered now.
    public var stage: Stage
    /// Whether the question was already asked a second time.
    public var reminded = false
    /// The answer was 满意 or 非常满意.
    public var satisfied = true
    /// The rating came with its reason, already stored: a further remark about the visit adds to it.
    public var noted = false

    /// A return visit at `stage` for a record.
    public init(recordID: String, stage: Stage) {
        self.recordID = recordID
        self.stage = stage
    }
}

/// What a yes/no answer on the next turn refers to.
public enum PendingQuestion: Sendable, Equatable {
    /// "刚才的报修还没有提交，需要继续吗？"
    case resume
    /// "您是想报修还是投诉？": the intents offered and the message that raised the question.
    case choice([Intent], text: String)
    /// "需要核对身份查看详情吗？" for this record.
    case verifyRecord(String)
    /// "需要为您安排维修人员上门检查吗？" after an uncertain hazard turned out to have no sign: the resident's first words.
    case offerRepair(text: String)
    /// "需要现在为您办理装修申请吗？" after a question about the renovation rules was answered.
    case offerPermit
}

/// One resident's conversation state: a value, passed in and returned by `Engine.respond`.
public struct SessionState: Sendable {
    /// The session ID, also written in the session's records and audit events.
    public let id: String
    /// The language of the resident's last message with a script signal (replies follow it).
    public var language: Language = .zhHans
    /// The flow being filled.
    public var flow: Flow?
    /// A flow interrupted by a different request, offered again once that is handled.
    public var suspended: Flow?
    /// A question the next message may answer.
    public var pending: PendingQuestion?
    /// The unit this session verified, while it is fresh.
    public var verification: Verification?
    /// A flat said with a greeting, before any request ("Hi, block 5 flat 1101 here"): the next repair, complaint or
    /// fee question starts with it (a fee question still checks the phone tail).
    public var statedUnit: String?
    /// A phone said before any request ("13812345678" as the first line): the next repair, complaint or callback uses it.
    public var statedPhone: String?
    /// The unit whose verification lapsed after 5 idle minutes: the next fee question or lookup asks only the phone
    /// tail again (the flat was said already), and discloses nothing before it.
    public var lapsedUnit: String?
    /// Failed verifications in this session; at 3 fee queries end for the session.
    public var verifyFailures = 0
    /// Writes to the records store that failed in this session after the resident was told so (a return visit's
    /// rating, reopening or note): never dropped silently.
    public var storeFailures = 0
    /// A unit and phone the resident gave in a flow (for return visits).
    public var identity: (unit: String, phone: String)?
    /// The flat a resident named while speaking of the office's earlier visit ("我是1栋2单元1302的，前两天你们来修过马桶"):
    /// a return visit due for that flat is asked.
    public var visitedUnit: String?
    /// The flat a resident named together with their own name as the estate registers it ("你好 我是4栋1单元302的刘洋"):
    /// a return visit due for that flat is asked. Nothing else is taken from it (no phone is filled in from the register).
    public var namedUnit: String?
    /// A return visit in progress.
    public var revisit: Revisit?
    /// Records whose return visit was already asked in this session.
    public var revisitsAsked: Set<String> = []
    /// When the previous message arrived.
    public var lastSeen: Date?
    /// The repair or complaint recorded on the previous turn: the next message, when it asks for nothing new ("能不能
    /// 现在就让保安上去看看？", "when will the technician come?"), is about that record.
    public var followUp: String?
    /// The records made in this session: the resident just gave their details, so a progress answer about one of them
    /// offers no verification.
    public var madeRecords: Set<String> = []
    /// The record a progress answer showed on the previous turn: "那大概什么时候能有结果" next, with no number, is about it.
    public var shownRecord: String?
    /// A permit refused for structural works, without its scope: a revised scope ("then only new floor tiles") goes on
    /// with the details given before.
    public var refusedPermit: Flow?

    /// A fresh session.
    public init(id: String) { self.id = id }

    /// Whether fee queries were ended for this session by repeated failed verifications.
    public var feeQueriesLocked: Bool { verifyFailures >= 3 }
}
