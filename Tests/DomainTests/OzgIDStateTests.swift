import Domain
import Testing

/// The one codec of `known` / `none` / `unknown`: as the database stores it (state word beside the ID) and as a
/// dataset cell writes it (the ID in place of `known`).
@Suite struct OzgIDStateTests {
    static let forms: [(Reported<OzgID?>, state: String, cell: String)] = [
        (.known(OzgID(10092)), "known", "10092"),
        (.known(nil), "none", "none"),
        (.unknown, "unknown", "unknown"),
    ]

    @Test func everyFormSurvivesBothEncodings() {
        for (id, state, cell) in Self.forms {
            #expect(OzgIDState(id).rawValue == state)
            #expect(OzgIDState(rawValue: state)?.id { OzgID(10092) } == id)
            #expect(id.cell == cell)
            #expect(Reported<OzgID?>(cell: cell) == id)
        }
        #expect(OzgIDState.allCases.map(\.rawValue) == ["known", "none", "unknown"])
    }

    @Test(arguments: ["", "known", "None", "Unknown", "1234567", "10 092", "-1", "keine"])
    func refusesEveryOtherCell(text: String) {
        #expect(Reported<OzgID?>(cell: text) == nil)
    }

    @Test func theIDIsAskedForOnlyWhereItIsKnown() {
        for state in [OzgIDState.noBundle, .unknown] {
            _ = state.id { Issue.record("asked for the ID of state \(state.rawValue)"); return OzgID(1) }
        }
        #expect(OzgIDState(rawValue: "known") == .known)
        #expect(OzgIDState(rawValue: "keine") == nil)
    }
}
