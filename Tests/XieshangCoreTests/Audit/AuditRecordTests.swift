import Foundation
import Testing
@testable import XieshangCore

@Suite("AuditRecord: the text the hash chain covers")
struct AuditRecordTests {
    let base = AuditRecord(sequence: 1, at: Date(timeIntervalSince1970: 1_796_004_000.123), actor: "office",
                           action: "person.update", objectType: "person", objectID: "7",
                           before: #"{"a":1}"#, after: #"{"a":2}"#, previousHash: AuditRecord.genesisHash)

    @Test func everyFieldChangesTheCanonicalText() {
        var variants: [AuditRecord] = []
        var r = base; r.sequence = 2; variants.append(r)
        r = base; r.at = r.at.addingTimeInterval(0.001); variants.append(r)
        r = base; r.actor = "admin"; variants.append(r)
        r = base; r.action = "person.create"; variants.append(r)
        r = base; r.objectType = "sector"; variants.append(r)
        r = base; r.objectID = "8"; variants.append(r)
        r = base; r.before = nil; variants.append(r)
        r = base; r.after = #"{"a":3}"#; variants.append(r)
        r = base; r.previousHash = String(repeating: "1", count: 64); variants.append(r)
        for v in variants { #expect(v.canonical != base.canonical) }
    }

    @Test func fieldsCannotBleedIntoEachOther() {
        var a = base; a.actor = "of"; a.action = "fice|x"
        var b = base; b.actor = "office|"; b.action = "x"
        #expect(a.canonical != b.canonical)
    }

    @Test func emptyAndMissingBeforeDiffer() {
        var a = base; a.before = ""
        var b = base; b.before = nil
        #expect(a.canonical != b.canonical)
    }
}
