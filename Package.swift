// swift-tools-version: 6.0
// FrontDesk: the chat front desk of a residential property-management office.
// No package dependencies: only what the toolchain ships, plus our own small C target.
import PackageDescription

// Swift 6 language mode plus ExistentialAny, MemberImportVisibility and InternalImportsByDefault (as swift-log's
// package sets them): an existential is written `any P`, a file uses only the members of the modules it imports
// itself, and an import is internal unless a public declaration needs it (`public import`; `package import` where
// only package declarations do).
let strict: [SwiftSetting] = [
    .swiftLanguageMode(.v6), .enableUpcomingFeature("ExistentialAny"), .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "FrontDesk",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "frontdesk", targets: ["frontdesk"]),
        .executable(name: "frontdesk-bench", targets: ["frontdesk-bench"]),
    ],
    targets: [
        // Shared values and protocols: JSON, clock, records, transcripts, turn output.
        .target(name: "FrontDeskModel", swiftSettings: strict),
        // intents/ + estate file -> validated, immutable Catalog / Estate; lint.
        .target(name: "FrontDeskContent", dependencies: ["FrontDeskModel"], swiftSettings: strict),
        // Normalizer tables, keyword automaton, scorer, entity extractors.
        .target(
            name: "FrontDeskMatching", dependencies: ["FrontDeskModel", "FrontDeskContent"], swiftSettings: strict),
        // Engine facade, per-session state machines, phrase rendering. No I/O.
        .target(
            name: "FrontDeskDialogue",
            dependencies: ["FrontDeskModel", "FrontDeskContent", "FrontDeskMatching"],
            swiftSettings: strict),
        // Record journal (fsync, group commit, torn tail), transcripts, readers.
        .target(name: "FrontDeskJournal", dependencies: ["FrontDeskModel"], swiftSettings: strict),
        // Linux headers Glibc's module leaves out: epoll, eventfd, accept4.
        .target(name: "CFrontDeskLinux"),
        // Non-blocking TCP line server and client on epoll; knows bytes and lines, not intents.
        .target(name: "FrontDeskNet", dependencies: ["FrontDeskModel", "CFrontDeskLinux"], swiftSettings: strict),
        // Scripted-dialogue parser and runner, replay and replay --check.
        .target(
            name: "FrontDeskQA",
            dependencies: [
                "FrontDeskModel", "FrontDeskContent", "FrontDeskMatching", "FrontDeskDialogue", "FrontDeskJournal",
            ],
            swiftSettings: strict),
        // Monthly operator report and the understanding report.
        .target(
            name: "FrontDeskReports",
            dependencies: ["FrontDeskModel", "FrontDeskContent", "FrontDeskMatching", "FrontDeskJournal"],
            swiftSettings: strict),
        // argv, subcommands, exit codes, signals, wiring.
        .target(
            name: "FrontDeskCLI",
            dependencies: [
                "FrontDeskModel", "FrontDeskContent", "FrontDeskMatching", "FrontDeskDialogue",
                "FrontDeskJournal", "FrontDeskNet", "FrontDeskQA", "FrontDeskReports",
            ],
            swiftSettings: strict),
        .executableTarget(name: "frontdesk", dependencies: ["FrontDeskCLI"], swiftSettings: strict),
        // Benchmarks: release builds only, never run by `swift test`.
        .executableTarget(
            name: "frontdesk-bench",
            dependencies: [
                "FrontDeskModel", "FrontDeskContent", "FrontDeskMatching", "FrontDeskDialogue",
                "FrontDeskJournal", "FrontDeskNet", "CFrontDeskLinux", "FrontDeskCLI", "FrontDeskReports",
            ],
            swiftSettings: strict),

        // What the test targets share: the repository root, the built binary, an in-memory
        // transcript sink, a dialogue desk on the real content.
        .target(
            name: "FrontDeskTestSupport",
            dependencies: ["FrontDeskModel", "FrontDeskContent", "FrontDeskDialogue"],
            swiftSettings: strict),

        .testTarget(name: "ModelTests", dependencies: ["FrontDeskModel"], swiftSettings: strict),
        .testTarget(
            name: "MatchingTests", dependencies: ["FrontDeskModel", "FrontDeskContent", "FrontDeskMatching"],
            exclude: ["Heldout"],  // held-out message sets, read by path by frontdesk-bench accuracy
            swiftSettings: strict),
        .testTarget(
            name: "DialogueTests",
            dependencies: ["FrontDeskModel", "FrontDeskContent", "FrontDeskMatching", "FrontDeskDialogue"],
            swiftSettings: strict),
        .testTarget(name: "JournalTests", dependencies: ["FrontDeskModel", "FrontDeskJournal"], swiftSettings: strict),
        .testTarget(
            name: "NetTests",
            dependencies: [
                "FrontDeskNet", "CFrontDeskLinux", "FrontDeskModel", "FrontDeskContent", "FrontDeskDialogue",
                "FrontDeskCLI", "FrontDeskJournal", "FrontDeskTestSupport",
            ],
            swiftSettings: strict),
        .testTarget(
            name: "QATests",
            dependencies: [
                "FrontDeskModel", "FrontDeskContent", "FrontDeskDialogue", "FrontDeskJournal", "FrontDeskQA",
                "FrontDeskTestSupport",
            ],
            swiftSettings: strict),
        .testTarget(
            name: "ReportsTests", dependencies: ["FrontDeskModel", "FrontDeskJournal", "FrontDeskReports"],
            swiftSettings: strict),
        .testTarget(
            name: "CLITests",
            dependencies: ["FrontDeskCLI", "FrontDeskModel", "FrontDeskJournal", "FrontDeskTestSupport"],
            swiftSettings: strict),
    ]
)
