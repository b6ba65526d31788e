import Foundation
import XieshangCore

/// One official document (公文) as the office issues it: the parts of GB/T 9704-2012 as values,
/// with no layout in them. `DocxWriter` lays it out.
public struct OfficialDocument: Sendable, Equatable {
    /// The three formats of GB/T 9704-2012 the office uses.
    public enum Format: String, Sendable, Equatable, CaseIterable {
        /// 文件格式: the red organ mark with "文件" and the red rule across the type area. Only
        /// for a document with its 发文字号: a draft or an unnumbered paper is `.plain`.
        case document
        /// 信函格式: notices and invitation letters; red double rules, no page number on page 1.
        case letter
        /// 纪要格式: the mark is the minutes' name (the `title`), dated in the masthead.
        case minutes
        /// A working document without a red masthead (an implementation plan a committee
        /// submits, an attendee list printed for the meeting, a packet of materials, a draft
        /// not yet numbered): the same type area, title, body, signature and page numbers,
        /// the title on the first line.
        case plain
    }

    /// A piece of the body, in reading order.
    public enum Block: Sendable, Equatable {
        /// Indented two characters.
        case paragraph(String)
        /// 一、 in 黑体.
        case heading1(String)
        /// （一） in 楷体.
        case heading2(String)
        /// A paragraph that opens with a （一） heading in 楷体 and runs on in 仿宋:
        /// "（一）精深加工不足。产品以初制茶为主……", as a heading that is a sentence is set.
        case headedParagraph(heading: String, text: String)
        /// 1. and （1） in 仿宋.
        case heading3(String)
        /// `columnWidths` are relative weights; nil shares the width equally.
        case table(header: [String], rows: [[String]], columnWidths: [Int]?)
        /// 附件说明, after the body: "附件：" is added; several attachments one per line.
        case attachmentNote(String)
        /// The minutes' "出席：…" (label in 黑体, names aligned after the colon when they wrap).
        case attendance(label: String, names: String)
        /// A horizontal bar chart drawn as a borderless table (label, count, shaded bar), so that
        /// Word and LibreOffice show it alike without an image; the caption above it in 黑体.
        case barChart(caption: String, bars: [Bar])
        case pageBreak
    }

    public struct Bar: Sendable, Equatable {
        public var label: String
        public var value: Int
        public init(label: String, value: Int) {
            self.label = label
            self.value = value
        }
    }

    /// An attachment (附件) set on its own page after the date, before the record.
    public struct Attachment: Sendable, Equatable {
        /// "附件" or "附件1", top left in 黑体.
        public var label: String
        public var title: String
        public var body: [Block]
        public init(label: String = "附件", title: String, body: [Block]) {
            self.label = label
            self.title = title
            self.body = body
        }
    }

    public var format: Format
    /// 份号: six digits.
    public var copyNumber: String?
    /// 密级和保密期限, e.g. "秘密★1年".
    public var secrecy: String?
    /// 紧急程度, e.g. "特急".
    public var urgency: String?
    /// One organ, or several for joint issuance (the lead organ first). The letter format shows
    /// only the lead organ, as GB/T 9704 prescribes.
    public var issuingOrgans: [String]
    /// 发文字号, e.g. `安政协办联发〔2026〕1号` (see `DocumentNumber`); for minutes, the issue ("第3期").
    public var documentNumber: String?
    /// A title too long for one line is broken where the meaning stays whole (see
    /// `Vocabulary`); line breaks (`\n`) already in it are kept.
    public var title: String
    /// "草稿" or "征求意见稿": what is not yet issued says so, under the title.
    public var draftMark: String?
    /// 主送机关; a full-width colon is added if missing.
    public var addressee: String?
    public var body: [Block]
    /// 署名: the signing organs.
    public var signatures: [String]
    /// 成文日期.
    public var date: Day
    /// Ends with the signature and the date (署名 and 成文日期); a packet of materials compiled
    /// for a reader does not.
    public var signsOff: Bool
    /// Sealed by its organs, on paper or by a signature system: the signature is centred over
    /// the date with room above for the seal (GB/T 9704 §7.3.5.1). Nothing of the seal is
    /// printed, so that the document prints clean.
    public var sealed: Bool
    /// 附注, e.g. "（此件公开发布）".
    public var notes: String?
    public var attachments: [Attachment]
    /// 抄送机关.
    public var copyTo: [String]
    /// 印发机关.
    public var printer: String?
    /// 印发日期.
    public var printDate: Day?
    /// For personalised copies (materials packets): printed small in every page's header.
    public var recipient: String?

    public init(format: Format = .document, copyNumber: String? = nil, secrecy: String? = nil,
                urgency: String? = nil, issuingOrgans: [String], documentNumber: String? = nil,
                title: String, draftMark: String? = nil, addressee: String? = nil, body: [Block],
                signatures: [String] = [], date: Day, signsOff: Bool = true, sealed: Bool = false, notes: String? = nil,
                attachments: [Attachment] = [], copyTo: [String] = [], printer: String? = nil,
                printDate: Day? = nil, recipient: String? = nil) {
        self.format = format
        self.copyNumber = copyNumber
        self.secrecy = secrecy
        self.urgency = urgency
        self.issuingOrgans = issuingOrgans
        self.documentNumber = documentNumber
        self.title = title
        self.draftMark = draftMark
        self.addressee = addressee
        self.body = body
        self.signatures = signatures
        self.date = date
        self.signsOff = signsOff
        self.sealed = sealed
        self.notes = notes
        self.attachments = attachments
        self.copyTo = copyTo
        self.printer = printer
        self.printDate = printDate
        self.recipient = recipient
    }

    /// The header line of a personalised copy, e.g. "分发对象：张三　份号：000012".
    public var recipientLine: String? {
        guard let recipient, !recipient.isEmpty else { return nil }
        return "分发对象：" + recipient + (copyNumber.map { "　份号：" + $0 } ?? "")
    }

    /// Refuses what would print as a malformed official document.
    func validate() throws {
        if let copyNumber, !(copyNumber.count == 6 && copyNumber.allSatisfy { $0.isASCII && $0.isNumber }) {
            throw Refusal(.invalid, code: "invalid_copy_number", message: "份号应为6位阿拉伯数字，收到“\(copyNumber)”。")
        }
        if format != .minutes && format != .plain && issuingOrgans.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            throw Refusal(.invalid, code: "missing_issuing_organ", message: "公文须有发文机关。")
        }
        if title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw Refusal(.invalid, code: "missing_title", message: "公文须有标题。")
        }
        // A red head with an empty number line is what a clerk would have to fix by hand.
        if format == .document && (documentNumber ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            throw Refusal(.invalid, code: "missing_document_number",
                          message: "文件格式的公文须有发文字号；尚未编号的文稿请用不带版头的草稿版式。")
        }
    }
}
