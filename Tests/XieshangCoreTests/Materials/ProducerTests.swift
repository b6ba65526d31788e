import Foundation
import Testing
@testable import XieshangCore

@Suite("Who produces each material (三(四).1–5)")
struct ProducerTests {
    let lead = MaterialFixtures.leadCommitteeID

    func responsible(_ kind: MaterialKind, leaderOf: String? = nil, departmentID: Int? = nil,
                     personID: Int? = nil) throws -> Producer {
        try Producer.responsible(for: kind, leaderOf: leaderOf, departmentID: departmentID, personID: personID,
                                 leadCommitteeID: lead)
    }

    @Test("三(四).1 a county party committee leader's speech is the party committee office's responsibility")
    func partyCommitteeLeader() throws {
        #expect(try responsible(.leaderSpeech, leaderOf: "partyCommittee") == .partyCommitteeOffice)
        #expect(Producer.partyCommitteeOffice.chineseName == "县委办")
    }

    @Test("三(四).1 a county government leader's speech is the government office's responsibility")
    func governmentLeader() throws {
        #expect(try responsible(.leaderSpeech, leaderOf: "government") == .governmentOffice)
        #expect(Producer.governmentOffice.chineseName == "县政府办")
    }

    @Test("三(四).1 a CPPCC leader's speech is the CPPCC office's responsibility")
    func cppccLeader() throws {
        #expect(try responsible(.leaderSpeech, leaderOf: "cppcc") == .cppccOffice)
        #expect(Producer.cppccOffice.chineseName == "县政协办")
    }

    @Test("三(四).1 the leaders' bodies are exactly those a person record knows")
    func leaderBodiesMatchPersonRecords() throws {
        for key in PersonDraft.leaderOfValues.keys {
            #expect(try responsible(.leaderSpeech, leaderOf: key).fits(.leaderSpeech))
        }
    }

    @Test("三(四).1 a leader's speech without the leader's body, or with an unknown one, is refused")
    func leaderSpeechNeedsBody() {
        #expect(throws: MaterialError.leaderBodyRequired) { try responsible(.leaderSpeech) }
        #expect(throws: MaterialError.unknownLeaderBody("npc")) { try responsible(.leaderSpeech, leaderOf: "npc") }
        #expect(MaterialError.leaderBodyRequired.message.contains("县委办、县政府办或县政协办"))
    }

    @Test("三(四).2 a department briefing is that department's, settled with the lead committee")
    func departmentBriefing() throws {
        #expect(try responsible(.departmentBriefing, departmentID: 21) == .department(21))
        #expect(throws: MaterialError.departmentRequired) { try responsible(.departmentBriefing) }
    }

    @Test("三(四).3 the keynote is the lead committee's")
    func keynote() throws {
        #expect(try responsible(.keynote, departmentID: 21, personID: 50) == .leadCommittee(lead))
    }

    @Test("三(四).3 a booked speech draft is the speaker's own, and needs the speaker")
    func bookedSpeech() throws {
        #expect(try responsible(.bookedSpeech, personID: 50) == .attendee(personID: 50))
        #expect(throws: MaterialError.speakerRequired) { try responsible(.bookedSpeech) }
    }

    @Test("三(四).4 reference materials are collected by the lead committee")
    func referenceMaterial() throws {
        #expect(try responsible(.referenceMaterial) == .leadCommittee(lead))
    }

    @Test("三(四).5 the attendee list is the CPPCC office's")
    func attendeeList() throws {
        #expect(try responsible(.attendeeList) == .cppccOffice)
    }

    @Test("三(四) a material refuses a producer its clause does not allow", arguments: MaterialKind.allCases)
    func materialRefusesWrongProducer(kind: MaterialKind) throws {
        let all: [Producer] = [.partyCommitteeOffice, .governmentOffice, .cppccOffice, .department(21), .leadCommittee(lead),
                               .attendee(personID: 50)]
        for producer in all {
            if producer.fits(kind) {
                _ = try MaterialFixtures.material(kind, producer: producer)
            } else {
                #expect(throws: MaterialError.producerMismatch(kind, producer)) {
                    try MaterialFixtures.material(kind, producer: producer)
                }
            }
        }
        let given = try responsible(kind, leaderOf: "cppcc", departmentID: 21, personID: 50)
        #expect(given.fits(kind))
    }

    @Test("a producer is stored as flat, stable JSON")
    func flatJSON() throws {
        let cases: [(Producer, String)] = [
            (.partyCommitteeOffice, #"{"kind":"partyCommitteeOffice"}"#),
            (.governmentOffice, #"{"kind":"governmentOffice"}"#),
            (.cppccOffice, #"{"kind":"cppccOffice"}"#),
            (.department(3), #"{"id":3,"kind":"department"}"#),
            (.leadCommittee(5), #"{"id":5,"kind":"leadCommittee"}"#),
            (.attendee(personID: 57), #"{"id":57,"kind":"attendee"}"#),
        ]
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        for (producer, json) in cases {
            #expect(String(decoding: try encoder.encode(producer), as: UTF8.self) == json)
            #expect(try JSONDecoder().decode(Producer.self, from: Data(json.utf8)) == producer)
        }
        #expect(try JSONDecoder().decode(Producer.self, from: Data(#"{"kind":"department","id":3}"#.utf8)) == .department(3))
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Producer.self, from: Data(#"{"kind":"mayor"}"#.utf8)) }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Producer.self, from: Data(#"{"kind":"department"}"#.utf8)) }
    }
}
