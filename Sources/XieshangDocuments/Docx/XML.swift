/// XML 1.0 text and attribute escaping for the parts we write by hand.
enum XML {
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    /// Escapes markup characters and drops the control characters XML 1.0 cannot carry at all
    /// (not even as character references), so that pasted text never breaks the package.
    /// Tab and line breaks become references: attribute values would otherwise normalise them.
    static func escape(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            switch u {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": out.append(contentsOf: "&quot;".unicodeScalars)
            case "'": out.append(contentsOf: "&apos;".unicodeScalars)
            case "\t", "\n", "\r": out.append(contentsOf: "&#\(u.value);".unicodeScalars)
            default: if isAllowed(u) { out.append(u) }
            }
        }
        return String(out)
    }

    /// The Char production of XML 1.0 §2.2.
    static func isAllowed(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}
