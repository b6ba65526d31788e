import Testing
@testable import XieshangMail

@Suite struct SMTPReplyParserTests {
    @Test func multiLineReplyIsOneReplyWithEveryLine() throws {
        var parser = SMTPReplyParser()
        parser.append(Array("250-smtp.example.cn\r\n250-SIZE 100\r\n250 STARTTLS\r\n".utf8))
        #expect(try parser.nextReply() == SMTPReply(code: 250, lines: ["smtp.example.cn", "SIZE 100", "STARTTLS"]))
        #expect(try parser.nextReply() == nil)
        #expect(!parser.holdsBytes)
    }

    @Test func replySplitAcrossReadsWaitsForItsLastLine() throws {
        var parser = SMTPReplyParser()
        parser.append(Array("250-first\r\n25".utf8))
        #expect(try parser.nextReply() == nil)
        #expect(parser.holdsBytes)
        parser.append(Array("0 last\r\n220 next\n".utf8))
        #expect(try parser.nextReply() == SMTPReply(code: 250, lines: ["first", "last"]))
        // A bare LF ends a line too: some relays send one.
        #expect(try parser.nextReply() == SMTPReply(code: 220, lines: ["next"]))
    }

    @Test func codeWithoutTextIsAReply() throws {
        var parser = SMTPReplyParser()
        parser.append(Array("354\r\n".utf8))
        #expect(try parser.nextReply() == SMTPReply(code: 354, lines: [""]))
    }

    @Test(arguments: ["HTTP/1.1 400 Bad Request\r\n", "25 short\r\n", "250x\r\n", "\r\n"])
    func lineThatIsNoReplyIsMalformed(_ line: String) {
        var parser = SMTPReplyParser()
        parser.append(Array(line.utf8))
        #expect(throws: SMTPReplyParser.Malformed.self) { try parser.nextReply() }
    }

    @Test func codeChangingMidReplyIsMalformed() {
        var parser = SMTPReplyParser()
        parser.append(Array("250-one\r\n550 two\r\n".utf8))
        #expect(throws: SMTPReplyParser.Malformed.codeChangedMidReply) { try parser.nextReply() }
    }

    @Test func endlessLineIsMalformedBeforeItEnds() {
        var parser = SMTPReplyParser()
        parser.append(Array(repeating: UInt8(ascii: "2"), count: SMTPReplyParser.maxLineLength + 1))
        #expect(throws: SMTPReplyParser.Malformed.lineTooLong) { try parser.nextReply() }
    }

    @Test func endlessReplyIsMalformed() {
        var parser = SMTPReplyParser()
        parser.append((0...SMTPReplyParser.maxLines).flatMap { Array("250-line \($0)\r\n".utf8) })
        #expect(throws: SMTPReplyParser.Malformed.tooManyLines) { try parser.nextReply() }
    }
}
